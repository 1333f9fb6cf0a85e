// Bench for the query page, called by `npm run bench` (scripts/bench.ts): how long a reader waits from pressing
// Run to the first result row, cold (nothing of DuckDB loaded) and after pointing at the SQL box (DuckDB starts on
// that intent: src/components/paper-query.ts), the bytes DuckDB costs, and the longest main-thread task meanwhile.
// Every timed figure is the median of RUNS fresh browser contexts (empty HTTP cache); the note lists all of them.
// Run → first row is timed in the page: click event to the frame that paints the row (FIRST_ROW_CLOCK).
// Prints nothing itself.
import {chromium, type Browser, type BrowserContext, type Page} from "playwright-core";
import {startStaticServer} from "./static-server.js";
import {CHROMIUM_ARGS, CHROMIUM_PATH} from "../test/e2e/chromium.js";
import {median} from "./bench-kit.js";

/** a reader's pause (an assumption, stated in the figure): between load and Run, or pointing at the box and Run */
const GAP_MS = 1000;
const RUNS = 3;
/** what DuckDB costs the page: the engine, its worker, its API (with apache-arrow) and the tables */
const DUCKDB_ASSET = /duckdb-(eh|mvp)|duckdb-browser|@duckdb\/duckdb-wasm|apache-arrow@|flatbuffers@|tslib@|paper-query-arrow|\.wasm(\?|$)/;

/**
 * Timed inside the page, not by polling from outside (Playwright's waitFor backs off to 500 ms between checks):
 * from the Run button's click event to the animation frame that paints the first result row.
 */
const FIRST_ROW_CLOCK = `document.addEventListener("click", (e) => {
  if (e.target instanceof Element && e.target.closest('[data-testid="query-run"]') && window.__runAt === undefined) window.__runAt = performance.now();
}, true);
new MutationObserver(() => {
  if (window.__runAt === undefined || window.__rowSeen || !document.querySelector('[data-testid="query-results"] tbody tr')) return;
  window.__rowSeen = true;
  requestAnimationFrame(() => (window.__rowAt = performance.now()));
}).observe(document, {childList: true, subtree: true});`;
/** Long Tasks API: every main-thread task over 50 ms from the start of the page. */
const LONG_TASKS = `window.__longTasks = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push(e.duration); }).observe({type: "longtask", buffered: true});`;

interface Visit {
  firstRowMs: number;
  pageBytes: number;
  duckBytes: number;
  longestTaskMs: number;
  warmMs?: number;
}

type Scenario = (page: Page) => Promise<void>;

async function visit(browser: Browser, origin: string, {before, warm}: {before: Scenario; warm?: boolean}): Promise<Visit> {
  const context: BrowserContext = await browser.newContext();
  try {
    await context.addInitScript(LONG_TASKS);
    await context.addInitScript(FIRST_ROW_CLOCK);
    // context-level events also see the worker's fetches (the .wasm is fetched by the DuckDB worker)
    let pageBytes = 0, duckBytes = 0;
    const pending: Promise<void>[] = [];
    context.on("requestfinished", (request) => {
      pending.push(request.sizes().then((s) => {
        const n = s.responseBodySize + s.responseHeadersSize;
        if (DUCKDB_ASSET.test(request.url())) duckBytes += n;
        else pageBytes += n;
      }).catch(() => {}));
    });
    const page = await context.newPage();
    await page.goto(`${origin}/query`, {waitUntil: "networkidle"});
    await page.getByTestId("query-run").waitFor();
    await before(page);
    await page.getByTestId("query-run").click();
    await page.locator('[data-testid="query-results"] tbody tr').first().waitFor({timeout: 120_000});
    const firstRowMs = await page.waitForFunction(() => {
      const w = window as unknown as {__runAt?: number; __rowAt?: number};
      return w.__rowAt !== undefined && w.__runAt !== undefined ? w.__rowAt - w.__runAt : false;
    }).then((h) => h.jsonValue() as Promise<number>);
    const longestTaskMs = await page.evaluate(() => Math.max(0, ...((window as unknown as {__longTasks: number[]}).__longTasks)));
    let warmMs: number | undefined;
    if (warm) {
      const warmStart = performance.now();
      await page.getByTestId("query-sql").fill("SELECT count(*) FROM numbers");
      await page.getByTestId("query-run").click();
      await page.waitForFunction(() => document.querySelector('[data-testid="query-results"] caption')?.textContent?.startsWith("1 row"));
      warmMs = performance.now() - warmStart;
    }
    await page.waitForLoadState("networkidle");
    await Promise.all(pending);
    return {firstRowMs, pageBytes, duckBytes, longestTaskMs, warmMs};
  } finally {
    await context.close();
  }
}

const ms = (x: number) => `${x.toFixed(0)} ms`;
const all = (xs: number[]) => `runs: ${xs.map((x) => x.toFixed(0)).join(", ")} ms`;

export async function benchDuckdb({dist}: {dist: string}): Promise<{record: Record<string, string>; notes: Record<string, string>}> {
  const server = await startStaticServer(dist);
  const browser = await chromium.launch({executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS});
  const scenarios: Record<string, {before: Scenario; warm?: boolean}> = {
    "cold: Run click → first result row": {before: async () => {}, warm: true},
    [`pointing at the SQL box ${GAP_MS} ms before Run: Run click → first result row`]: {
      before: async (page) => {
        await page.getByTestId("query-sql").hover();
        await page.waitForTimeout(GAP_MS);
      },
    },
  };
  try {
    const record: Record<string, string> = {};
    const notes: Record<string, string> = {};
    const visits: Visit[] = [];
    // round-robin, so that a noisy moment on this shared machine does not land on one scenario only
    const results = new Map<string, Visit[]>(Object.keys(scenarios).map((k) => [k, []]));
    for (let i = 0; i < RUNS; i++) {
      for (const [name, s] of Object.entries(scenarios)) {
        const v = await visit(browser, server.origin, s);
        results.get(name)!.push(v);
        visits.push(v);
      }
    }
    for (const [name, vs] of results) {
      const times = vs.map((v) => v.firstRowMs);
      record[name] = ms(median(times));
      notes[name] = all(times);
    }
    const warm = visits.flatMap((v) => (v.warmMs === undefined ? [] : [v.warmMs]));
    record["warm query → result"] = ms(median(warm));
    notes["warm query → result"] = all(warm);
    const longest = visits.map((v) => v.longestTaskMs);
    record["longest main-thread task, page load to first result row (any scenario)"] = ms(Math.max(...longest));
    notes["longest main-thread task, page load to first result row (any scenario)"] = all(longest);
    record["page without DuckDB (bytes served)"] = `${(median(visits.map((v) => v.pageBytes)) / 1000).toFixed(1)} kB`;
    record["DuckDB: engine, worker and tables (bytes served once the reader asks)"] = `${(median(visits.map((v) => v.duckBytes)) / 1e6).toFixed(2)} MB`;
    return {record, notes};
  } finally {
    await browser.close();
    await server.close();
  }
}

/** As a `npm run bench` module (scripts/bench-kit.ts). */
export const bench: import("./bench-kit.js").BenchModule = {
  title: "DuckDB on the query page",
  order: 40,
  needsSite: true,
  async run({dist}) {
    const {figuresFromRecord} = await import("./bench-kit.js");
    const {record, notes} = await benchDuckdb({dist});
    // previous: this bench on the code before the Arrow start-up tables and the parallel start, medians of 3
    // back-to-back runs on this machine (cold Run 4,225 ms; pointing at the SQL box 1 s before Run 3,518 ms);
    // the issue measured 2,400 ms
    const target = {op: "≤" as const, value: 1500};
    const extra: Record<string, Partial<import("./bench-kit.js").Figure>> = {
      "cold: Run click → first result row": {target, previous: {value: 4225, source: "cold Run, before the Arrow tables and the parallel start"}},
      [`pointing at the SQL box ${GAP_MS} ms before Run: Run click → first result row`]: {target, previous: {value: 3518, source: "the same, before"}},
      "longest main-thread task, page load to first result row (any scenario)": {target: {op: "≤", value: 50}},
    };
    return figuresFromRecord(record, extra).map((f) => ({...f, note: notes[f.figure] ?? f.note}));
  },
};
