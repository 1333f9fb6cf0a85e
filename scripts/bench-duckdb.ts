// Bench for the query page, called by `npm run bench` (scripts/bench.ts): cold start of DuckDB-wasm to the
// first result, and the bytes transferred before and after the reader asks for it. Prints nothing itself.
import {chromium} from "playwright-core";
import {startStaticServer} from "./static-server.js";
import {CHROMIUM_ARGS, CHROMIUM_PATH} from "../test/e2e/chromium.js";

/** a reader's pause between pointing at the SQL box and pressing Run (an assumption, stated in the figure) */
const INTENT_GAP_MS = 1000;

export async function benchDuckdb({dist}: {dist: string}): Promise<Record<string, string>> {
  const server = await startStaticServer(dist);
  const browser = await chromium.launch({executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS});
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    // context-level events also see the worker's fetches (the .wasm is fetched by the DuckDB worker)
    let bytes = 0;
    let pending: Promise<void>[] = [];
    context.on("requestfinished", (request) => {
      pending.push(request.sizes().then((s) => void (bytes += s.responseBodySize + s.responseHeadersSize)).catch(() => {}));
    });
    const settled = async () => { await Promise.all(pending); pending = []; };
    await page.goto(`${server.origin}/query`, {waitUntil: "networkidle"});
    await page.getByTestId("query-run").waitFor();
    await settled();
    const pageBytes = bytes;
    const started = performance.now();
    await page.getByTestId("query-run").click();
    await page.locator('[data-testid="query-results"] tbody tr').first().waitFor({timeout: 120_000});
    const firstResultMs = performance.now() - started;
    await page.waitForLoadState("networkidle");
    await settled();
    const duckBytes = bytes - pageBytes;
    // a warm query for comparison
    const warmStart = performance.now();
    await page.getByTestId("query-sql").fill("SELECT count(*) FROM numbers");
    await page.getByTestId("query-run").click();
    await page.waitForFunction(() => document.querySelector('[data-testid="query-results"] caption')?.textContent?.startsWith("1 row"));
    const warmMs = performance.now() - warmStart;
    await context.close();
    // with warm-up on intent: the reader points at the SQL box, then presses Run a moment later
    const intentContext = await browser.newContext();
    const intentPage = await intentContext.newPage();
    await intentPage.goto(`${server.origin}/query`, {waitUntil: "networkidle"});
    await intentPage.getByTestId("query-sql").hover();
    await intentPage.waitForTimeout(INTENT_GAP_MS);
    const intentStart = performance.now();
    await intentPage.getByTestId("query-run").click();
    await intentPage.locator('[data-testid="query-results"] tbody tr').first().waitFor({timeout: 120_000});
    const intentMs = performance.now() - intentStart;
    await intentContext.close();
    return {
      [`after pointing at the SQL box ${INTENT_GAP_MS} ms before: Run click → first result row`]: `${intentMs.toFixed(0)} ms`,
      "page load, before DuckDB (bytes served)": `${(pageBytes / 1000).toFixed(1)} kB`,
      "cold start: Run click → first result row": `${firstResultMs.toFixed(0)} ms`,
      "DuckDB + tables on first Run (bytes served)": `${(duckBytes / 1e6).toFixed(2)} MB`,
      "warm query → result": `${warmMs.toFixed(0)} ms`,
    };
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
    return figuresFromRecord(await benchDuckdb({dist}), {
      "cold start: Run click → first result row": {target: {op: "≤", value: 1500}, previous: {value: 2400, source: "issue 10"}},
      [`after pointing at the SQL box ${INTENT_GAP_MS} ms before: Run click → first result row`]: {target: {op: "≤", value: 1500}, previous: {value: 2400, source: "issue 10 (cold Run)"}},
    });
  },
};
