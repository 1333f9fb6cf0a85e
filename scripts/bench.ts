// `npm run bench`: prints performance figures (never asserts them). Builds a fresh copy of the site, then measures
// per page the bytes the browser transfers on first load and the time to first contentful paint, plus the
// simulator and DuckDB figures from their own bench modules.
import {spawnSync} from "node:child_process";
import {existsSync} from "node:fs";
import {resolve} from "node:path";
import {chromium} from "playwright-core";
import {startStaticServer} from "./static-server.js";
import {CHROMIUM_ARGS, CHROMIUM_PATH} from "../test/e2e/chromium.js";

const root = resolve(import.meta.dirname, "..");
const out = resolve(root, ".bench/dist");
const PAGE_BUDGET_BYTES = 400_000;

function row(...cells: (string | number)[]): void {
  console.log(cells.map(String).join("\t"));
}

const buildStart = performance.now();
const build = spawnSync("npx", ["tsx", "scripts/build.ts"], {cwd: root, env: {...process.env, SITE_OUT: out}, stdio: ["ignore", "ignore", "inherit"]});
if (build.status !== 0) throw new Error("bench: build failed");
const buildSeconds = (performance.now() - buildStart) / 1000;
console.log(`build time\t${buildSeconds.toFixed(1)} s`);

const {readFileSync} = await import("node:fs");
const pages = (JSON.parse(readFileSync(resolve(out, "_build.json"), "utf8")) as {pages: {path: string}[]}).pages;
const server = await startStaticServer(out);
const browser = await chromium.launch({executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS});
try {
  console.log("\npage\ttransferred (gzip, first load)\tbudget\tfirst contentful paint\tload event");
  for (const {path} of pages) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    let bytes = 0;
    cdp.on("Network.loadingFinished", (event: {encodedDataLength: number}) => (bytes += event.encodedDataLength));
    await page.goto(server.origin + path, {waitUntil: "networkidle"});
    const timing = await page.evaluate(() => {
      const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN;
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
      return {fcp, load: nav ? nav.loadEventEnd : NaN};
    });
    // Every page has the budget on first load; the query page's DuckDB download comes later, on request.
    const budget = bytes <= PAGE_BUDGET_BYTES ? "within 400 kB" : "OVER 400 kB";
    row(path, `${(bytes / 1000).toFixed(1)} kB`, budget, `${timing.fcp.toFixed(0)} ms`, `${timing.load.toFixed(0)} ms`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

// Optional sections contributed by the feature modules; each prints its own figures.
for (const [label, file, fn] of [
  ["simulator (Node)", "bench-sim.ts", "benchSimNode"],
  ["simulator (browser worker)", "bench-sim.ts", "benchSimBrowser"],
  ["token-level toy (Node)", "bench-tokens.ts", "benchTokensNode"],
  ["token-level toy (browser worker)", "bench-tokens.ts", "benchTokensBrowser"],
  ["DuckDB query page", "bench-duckdb.ts", "benchDuckdb"]
] as const) {
  const path = resolve(import.meta.dirname, file);
  if (!existsSync(path)) continue;
  const module = (await import(path)) as Record<string, ((options: {dist: string}) => Promise<Record<string, number | string>>) | undefined>;
  const bench = module[fn];
  if (!bench) continue;
  console.log(`\n${label}`);
  for (const [key, value] of Object.entries(await bench({dist: out}))) row(key, value);
}
