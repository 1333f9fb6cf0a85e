// Bench module: per page of the built site, in Chromium against the site's own server: bytes transferred on
// first load (gzip, as the budgets are stated), first contentful paint, main-thread long tasks during load
// (Long Tasks API), total blocking time and cumulative layout shift (layout-shift PerformanceObserver).
// Each page is loaded LOADS times in fresh contexts and the median printed with the range: on this 2-core machine
// one load's longest task varies by ±50 ms. A control per page shows the browser's own floor: the drawn page
// (its DOM once drawn, charts included) saved as static HTML with every script removed, loaded the same way.
// Its longest task is parsing, styling and laying out that document, with no site code run.
// Prints figures only; nothing here is asserted (performance stays out of the test suite).
import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import {median, type BenchModule, type Figure} from "./bench-kit.js";

const PAGE_BUDGET_KB = 400;
const LANDING_BUDGET_KB = 250;
const LOADS = 3;
/** issue 10's measurements before this work (Lighthouse 12.8, desktop, this machine) */
const PREVIOUS = {landingKb: 258, tbtMs: {"/toy": 1810, "/code-reasoning": 1910, "/rewards": 850} as Record<string, number>};

// Plain JavaScript (a string), installed before any page script runs.
const OBSERVERS = `
  window.__bench = {tasks: [], cls: 0};
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__bench.tasks.push({start: e.startTime, duration: e.duration}); }).observe({type: "longtask", buffered: true});
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__bench.cls += e.value; }).observe({type: "layout-shift", buffered: true});
`;

export const bench: BenchModule = {
  title: "pages: weight, first paint, long tasks, blocking time, layout shift",
  order: 10,
  needsSite: true,
  async run({dist}) {
    const {chromium} = await import("playwright-core");
    const {startStaticServer} = await import("./static-server.js");
    const {CHROMIUM_ARGS, CHROMIUM_PATH} = await import("../test/e2e/chromium.js");
    const pages = (JSON.parse(readFileSync(resolve(dist, "_build.json"), "utf8")) as {pages: {path: string}[]}).pages;
    const server = await startStaticServer(dist);
    const browser = await chromium.launch({executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS});
    const figures: Figure[] = [];
    interface Load {bytes: number; fcp: number; longest: number; tbt: number; cls: number; drawn?: string}
    // One load in a fresh context (cold caches, like a first visit); `html` replaces the page's document;
    // `snapshot` also returns the drawn page as static HTML (for the control).
    const load = async (path: string, {html, snapshot = false}: {html?: string; snapshot?: boolean} = {}): Promise<Load> => {
      // gzip only: the budgets are gzip figures (the server would send brotli, smaller, to Chromium)
      const context = await browser.newContext({viewport: {width: 1280, height: 900}, extraHTTPHeaders: {"accept-encoding": "gzip"}});
      try {
        await context.addInitScript(OBSERVERS);
        const page = await context.newPage();
        if (html !== undefined) await page.route(server.origin + path, (route) => route.fulfill({contentType: "text/html; charset=utf-8", body: html}));
        const cdp = await context.newCDPSession(page);
        await cdp.send("Network.enable");
        let bytes = 0;
        cdp.on("Network.loadingFinished", (event: {encodedDataLength: number}) => (bytes += event.encodedDataLength));
        await page.goto(server.origin + path, {waitUntil: "networkidle"});
        await page.waitForTimeout(1500); // workers, lazy charts and the reveal settle
        const {tasks, cls, fcp} = (await page.evaluate(`({...window.__bench, fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0})`)) as {tasks: {start: number; duration: number}[]; cls: number; fcp: number};
        const longest = tasks.reduce((m, t) => Math.max(m, t.duration), 0);
        // Lighthouse's TBT counts blocking time after first contentful paint; this counts it to 1.5 s after network idle
        const tbt = tasks.filter((t) => t.start >= fcp).reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0);
        // the drawn page as a static document: no scripts, nothing hidden (the reveal script is gone with them)
        const drawn = !snapshot ? undefined : ((await page.evaluate(`(() => {
          const doc = document.documentElement.cloneNode(true);
          for (const e of doc.querySelectorAll("script, link[rel=modulepreload]")) e.remove();
          doc.classList.remove("site-drawing");
          return "<!doctype html>" + doc.outerHTML;
        })()`)) as string);
        return {bytes, fcp, longest, tbt, cls, drawn};
      } finally {
        await context.close();
      }
    };
    const loads = async (path: string, options: {html?: string; snapshot?: boolean} = {}): Promise<Load[]> => {
      const out: Load[] = [];
      // the snapshot, when asked for, from the last load only
      for (let i = 0; i < LOADS; i++) out.push(await load(path, {html: options.html, snapshot: !!options.snapshot && i === LOADS - 1}));
      return out;
    };
    const of = (runs: Load[], key: Exclude<keyof Load, "drawn">) => {
      const xs = runs.map((r) => r[key]);
      const fmt = (x: number) => (key === "cls" ? x.toFixed(3) : String(Math.round(x)));
      return {measured: median(xs), note: `median of ${xs.length} loads, range ${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))}`};
    };
    try {
      for (const {path} of pages) {
        const runs = await loads(path, {snapshot: true});
        const landing = path === "/";
        figures.push(
          {figure: `${path} transferred on first load (gzip)`, measured: median(runs.map((r) => r.bytes)) / 1000, unit: "kB", target: {op: "≤", value: landing ? LANDING_BUDGET_KB : PAGE_BUDGET_KB}, ...(landing ? {previous: {value: PREVIOUS.landingKb, source: "issue 10"}} : {})},
          {figure: `${path} first contentful paint`, ...of(runs, "fcp"), unit: "ms"},
          {figure: `${path} longest main-thread task on load`, ...of(runs, "longest"), unit: "ms", target: {op: "≤", value: 50}},
          {figure: `${path} total blocking time on load`, ...of(runs, "tbt"), unit: "ms", target: {op: "≤", value: 200}, ...(PREVIOUS.tbtMs[path] ? {previous: {value: PREVIOUS.tbtMs[path]!, source: "issue 10 (Lighthouse)"}} : {})},
          {figure: `${path} cumulative layout shift on load`, ...of(runs, "cls"), unit: "", target: {op: "≤", value: 0.05}}
        );
        // the control: what the browser alone costs here; no target, since no site code runs in it
        const control = await loads(path, {html: runs.at(-1)!.drawn!});
        figures.push({figure: `${path} control: the drawn page as static HTML, no scripts: longest task on load`, ...of(control, "longest"), unit: "ms"});
      }
    } finally {
      await browser.close();
      await server.close();
    }
    return figures;
  }
};
