// In-page layout checks shared by the site-wide tests: text that overlaps text or bars in a chart, table cells
// whose content is cut off, and the layout shift a page accumulates while it loads. Each returns readable lines.
import type {BrowserContext, Page} from "playwright-core";

// tsx compiles the functions below with esbuild's keepNames, which calls a __name helper the page lacks.
async function defineNameHelper(page: Page): Promise<void> {
  await page.evaluate("window.__name = window.__name || ((f) => f)");
}

/** Every pair of SVG text nodes that overlap, and every text that overlaps a bar of another mark, per chart. */
export async function overlappingChartText(page: Page): Promise<string[]> {
  await defineNameHelper(page);
  return page.evaluate(() => {
    const problems: string[] = [];
    const visible = (el: Element) => {
      const s = getComputedStyle(el);
      return s.display !== "none" && s.visibility !== "hidden" && Number(s.opacity) > 0 && (el as HTMLElement).closest("details:not([open])") === null;
    };
    const shrink = (r: DOMRect, by: number) => ({left: r.left + by, right: r.right - by, top: r.top + by, bottom: r.bottom - by});
    const meets = (a: ReturnType<typeof shrink>, b: ReturnType<typeof shrink>) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    [...document.querySelectorAll("main svg")].forEach((svg, chart) => {
      if (!visible(svg) || svg.getBoundingClientRect().width === 0) return;
      const name = svg.getAttribute("aria-label") ?? svg.closest("figure")?.getAttribute("data-testid") ?? `svg #${chart}`;
      const texts = [...svg.querySelectorAll("text")].filter((t) => (t.textContent ?? "").trim() !== "" && visible(t)).map((t) => ({t, box: shrink(t.getBoundingClientRect(), 1)}));
      for (let i = 0; i < texts.length; i++)
        for (let j = i + 1; j < texts.length; j++)
          if (meets(texts[i]!.box, texts[j]!.box)) problems.push(`${name}: "${texts[i]!.t.textContent}" overlaps "${texts[j]!.t.textContent}"`);
      const bars = [...svg.querySelectorAll('g[aria-label="bar"] rect')].filter(visible).map((r) => shrink(r.getBoundingClientRect(), 1));
      for (const {t, box} of texts) if (bars.some((b) => meets(box, b))) problems.push(`${name}: "${t.textContent}" overlaps a bar`);
    });
    return problems;
  });
}

/**
 * Table cells whose content is cut off: text wider than its cell, or a cell outside the visible part of its
 * scroll box when that box does not scroll sideways with a sticky first column (the site's scroll affordance).
 */
export async function clippedTableCells(page: Page): Promise<string[]> {
  await defineNameHelper(page);
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const table of document.querySelectorAll("main table")) {
      if ((table as HTMLElement).offsetParent === null) continue; // not rendered (e.g. in a closed <details>)
      let box: HTMLElement | null = table.parentElement;
      while (box && box !== document.body && !["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(box).overflowX)) box = box.parentElement;
      const scrolls = box && box !== document.body && ["auto", "scroll"].includes(getComputedStyle(box).overflowX) && box.scrollWidth > box.clientWidth + 1;
      const firstSticky = !!table.querySelector("tr > :first-child") && getComputedStyle(table.querySelector("tbody tr > :first-child, tr > :first-child")!).position === "sticky";
      const name = table.getAttribute("data-testid") ?? table.querySelector("caption")?.textContent?.slice(0, 60) ?? "table";
      if (scrolls && !firstSticky) problems.push(`${name}: scrolls sideways without a sticky first column`);
      // a box that scrolls sideways (with its sticky first column) shows every cell on scrolling; otherwise every
      // cell must lie inside the box that clips it, or inside the page
      const limit = scrolls ? {left: -Infinity, right: Infinity} : box && box !== document.body ? box.getBoundingClientRect() : {left: 0, right: document.documentElement.clientWidth};
      for (const cell of table.querySelectorAll<HTMLElement>("td, th")) {
        const text = (cell.textContent ?? "").trim();
        if (!text) continue;
        if (cell.scrollWidth > cell.clientWidth + 1) problems.push(`${name}: "${text.slice(0, 40)}" is wider than its cell (${cell.scrollWidth} > ${cell.clientWidth})`);
        const r = cell.getBoundingClientRect();
        if (r.left < limit.left - 2 || r.right > limit.right + 2) problems.push(`${name}: "${text.slice(0, 40)}" is cut off at the table's edge`);
      }
    }
    return problems;
  });
}

/** Install before navigation: sums layout-shift entries (without recent input) from the first paint on. */
export async function recordLayoutShift(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as {__cls: number; __shifts: string[]};
    w.__cls = 0;
    w.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as {value: number; hadRecentInput: boolean; sources?: {node?: Node}[]}[]) {
        if (e.hadRecentInput) continue;
        w.__cls += e.value;
        const node = e.sources?.[0]?.node as Element | undefined;
        w.__shifts.push(`${e.value.toFixed(3)} ${node?.nodeName ?? "?"}${node instanceof Element && node.className ? "." + String(node.className).split(" ")[0] : ""}`);
      }
    }).observe({type: "layout-shift", buffered: true});
  });
}

export async function layoutShift(page: Page): Promise<{cls: number; shifts: string[]}> {
  return page.evaluate(() => {
    const w = window as unknown as {__cls: number; __shifts: string[]};
    return {cls: w.__cls, shifts: w.__shifts};
  });
}
