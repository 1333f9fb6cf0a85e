// `npm run bench` section: per page, main-thread long tasks during load (Long Tasks API), total blocking time,
// cumulative layout shift (layout-shift PerformanceObserver) and bytes on first load, each with its budget.
// Prints figures only; nothing here is asserted (performance stays out of the test suite).
import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import {chromium} from "playwright-core";
import {startStaticServer} from "./static-server.js";
import {CHROMIUM_ARGS, CHROMIUM_PATH} from "../test/e2e/chromium.js";

// Plain JavaScript (a string), installed before any page script runs.
const OBSERVERS = `
  window.__bench = {tasks: [], cls: 0};
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__bench.tasks.push({start: e.startTime, duration: e.duration}); }).observe({type: "longtask", buffered: true});
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__bench.cls += e.value; }).observe({type: "layout-shift", buffered: true});
`;

const LANDING_BUDGET = 250_000, PAGE_BUDGET = 400_000;

export async function benchPages({dist}: {dist: string}): Promise<Record<string, string>> {
  const pages = (JSON.parse(readFileSync(resolve(dist, "_build.json"), "utf8")) as {pages: {path: string}[]}).pages;
  const server = await startStaticServer(dist);
  const browser = await chromium.launch({executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS});
  const rows: Record<string, string> = {"page (viewport 1280×900)": "longest task · tasks > 50 ms · TBT (target ≤ 200 ms) · CLS (target ≤ 0.05) · bytes gzip (budget)"};
  try {
    for (const {path} of pages) {
      const context = await browser.newContext({viewport: {width: 1280, height: 900}});
      await context.addInitScript(OBSERVERS);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      let bytes = 0;
      cdp.on("Network.loadingFinished", (event: {encodedDataLength: number}) => (bytes += event.encodedDataLength));
      await page.goto(server.origin + path, {waitUntil: "networkidle"});
      await page.waitForTimeout(1500); // workers, lazy charts and the reveal settle
      const {tasks, cls, fcp} = await page.evaluate(`({...window.__bench, fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0})`) as {tasks: {start: number; duration: number}[]; cls: number; fcp: number};
      const longest = Math.max(0, ...tasks.map((t) => t.duration));
      // Lighthouse's TBT counts blocking time after first contentful paint; this counts it to 1.5 s after network idle
      const tbt = tasks.filter((t) => t.start >= fcp).reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0);
      const budget = path === "/" ? LANDING_BUDGET : PAGE_BUDGET;
      rows[path] = [
        `${longest.toFixed(0)} ms`,
        `${tasks.filter((t) => t.duration > 50).length}`,
        `${tbt.toFixed(0)} ms${tbt <= 200 ? "" : " (OVER)"}`,
        `${cls.toFixed(3)}${cls <= 0.05 ? "" : " (OVER)"}`,
        `${(bytes / 1000).toFixed(1)} kB of ${budget / 1000} kB${bytes <= budget ? "" : " (OVER)"}`,
      ].join(" · ");
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return rows;
}

// `npx tsx scripts/bench-pages.ts [dist]` runs this section alone against an existing build.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [key, value] of Object.entries(await benchPages({dist: resolve(process.argv[2] ?? "dist")}))) console.log(`${key}\t${value}`);
}
