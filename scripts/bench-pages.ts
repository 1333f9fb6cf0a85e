// Bench module: per page of the built site, the bytes transferred on first load (gzip, as the budgets are
// stated) and the first contentful paint, in Chromium against the site's own server.
import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import type {BenchModule, Figure} from "./bench-kit.js";

const PAGE_BUDGET_KB = 400;
const LANDING_BUDGET_KB = 250;
/** issue 10: "Landing 258 kB gzip on first load" (before this work) */
const LANDING_PREVIOUS_KB = 258;

export const bench: BenchModule = {
  title: "page weight and first paint",
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
    try {
      for (const {path} of pages) {
        // gzip only: the budgets are gzip figures (the server would send brotli, smaller, to Chromium)
        const context = await browser.newContext({extraHTTPHeaders: {"accept-encoding": "gzip"}});
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send("Network.enable");
        let bytes = 0;
        cdp.on("Network.loadingFinished", (event: {encodedDataLength: number}) => (bytes += event.encodedDataLength));
        await page.goto(server.origin + path, {waitUntil: "networkidle"});
        const fcp = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN);
        const landing = path === "/";
        figures.push({
          figure: `${path} transferred on first load (gzip)`,
          measured: bytes / 1000,
          unit: "kB",
          target: {op: "≤", value: landing ? LANDING_BUDGET_KB : PAGE_BUDGET_KB},
          ...(landing ? {previous: {value: LANDING_PREVIOUS_KB, source: "issue 10"}} : {})
        });
        figures.push({figure: `${path} first contentful paint`, measured: fcp, unit: "ms"});
        await context.close();
      }
    } finally {
      await browser.close();
      await server.close();
    }
    return figures;
  }
};
