// End-to-end harness: serves the built site on 127.0.0.1, drives Debian's Chromium with playwright-core, and
// records everything a page must never do: throw, log a console error, or send a request off 127.0.0.1.
import {after, before} from "node:test";
import assert from "node:assert/strict";
import {existsSync, readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {resolve} from "node:path";
import {chromium, type Browser, type BrowserContext, type Page} from "playwright-core";
import {startStaticServer, type RunningServer} from "../../scripts/static-server.js";
import {CHROMIUM_ARGS, CHROMIUM_PATH} from "./chromium.js";

export const DIST = resolve(import.meta.dirname, "../..", process.env.SITE_DIST ?? "dist");

export interface Site {
  origin: string;
  browser: Browser;
}

/** Starts the server and browser once per test file; returns a getter valid inside tests. */
export function useSite(): () => Site {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    if (!existsSync(resolve(DIST, "index.html"))) throw new Error(`${DIST}/index.html missing: run \`npm run build\` first`);
    if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium missing at ${CHROMIUM_PATH}: run \`npx tsx scripts/ensure-chromium.ts\``);
    server = await startStaticServer(DIST);
    browser = await chromium.launch({executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS});
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return () => {
    if (!server || !browser) throw new Error("useSite(): the site is not started (call inside a test)");
    return {origin: server.origin, browser};
  };
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Page errors, console errors and off-site requests seen so far, as readable lines. */
  problems: string[];
  /** Every URL requested (from the page and its workers). */
  requests: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  viewport?: {width: number; height: number};
  /** Extra routes to install before navigation, e.g. to serve a tampered fixture. */
  setup?: (context: BrowserContext) => Promise<void>;
  /** Console error texts that a test provokes on purpose (matched as substrings). */
  allowConsoleErrors?: string[];
  /** A Content-Security-Policy header added to every local response (pages, scripts, workers, wasm). */
  csp?: string;
}

/** Opens `path` on the site, waits until the network is idle, and starts recording problems. */
export async function openPage(site: Site, path: string, options: OpenOptions = {}): Promise<WatchedPage> {
  const context = await site.browser.newContext({viewport: options.viewport ?? {width: 1280, height: 900}});
  const problems: string[] = [];
  const requests: string[] = [];
  const local = new URL(site.origin);
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.host === local.host || url.protocol === "data:" || url.protocol === "blob:") return route.fallback();
    problems.push(`off-site request: ${url.href}`);
    return route.abort("blockedbyclient");
  });
  context.on("request", (request) => {
    requests.push(request.url());
    const url = new URL(request.url());
    if (!["data:", "blob:"].includes(url.protocol) && url.hostname !== "127.0.0.1") problems.push(`off-site request: ${url.href}`);
  });
  if (options.csp) {
    const csp = options.csp;
    // registered after the off-site guard, so it runs first; off-site requests fall through to the guard
    await context.route("**/*", async (route) => {
      if (new URL(route.request().url()).host !== local.host) return route.fallback();
      // a request left unanswered here would hang the page; a reset connection is retried, then reported
      for (let attempt = 1; ; attempt++) {
        try {
          const response = await route.fetch();
          await route.fulfill({response, headers: {...response.headers(), "content-security-policy": csp}});
          return;
        } catch (e) {
          if (/already handled|closed/i.test(String(e))) return;
          if (attempt === 3) {
            problems.push(`CSP proxy could not fetch ${route.request().url()}: ${String(e).split("\n")[0]}`);
            await route.abort("failed").catch(() => {});
            return;
          }
        }
      }
    });
  }
  if (options.setup) await options.setup(context);
  const page = await context.newPage();
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    if (options.allowConsoleErrors?.some((allowed) => text.includes(allowed))) return;
    problems.push(`console error: ${text} (${message.location().url})`);
  });
  // every response passes through route.fetch under a CSP, which is slow on a loaded machine
  await page.goto(site.origin + path, {waitUntil: "networkidle", timeout: options.csp ? 120_000 : undefined});
  await settle(page);
  return {page, context, problems, requests, close: () => context.close()};
}

/**
 * A setup that serves the record loader's output (data/record.json) with its recordText changed by `edit`:
 * pages hash those served bytes, so this is how a test tampers with the record a reader sees.
 */
export function serveRecordText(edit: (recordText: string) => string): (context: BrowserContext) => Promise<void> {
  return (context) =>
    context.route(/\/_file\/data\/record\.[0-9a-f]+\.json$/, async (route) => {
      const response = await route.fetch();
      const served = (await response.json()) as {recordText: string};
      served.recordText = edit(served.recordText);
      await route.fulfill({response, json: served});
    });
}

/** Opens `path`, runs `body` with the watched page, and always closes the page's context afterwards. */
export async function withPage<T>(site: Site, path: string, body: (watched: WatchedPage) => Promise<T>, options: OpenOptions = {}): Promise<T> {
  const watched = await openPage(site, path, options);
  try {
    return await body(watched);
  } finally {
    await watched.close();
  }
}

/**
 * Waits for Framework to finish rendering: no cell still pending, the page shell has shown the main column
 * (observablehq.config.ts, REVEAL_WHEN_DRAWN: until then a reader sees nothing and innerText is empty), then one
 * animation frame.
 */
export async function settle(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(() => !document.querySelector(".observablehq--loading") && !document.documentElement.classList.contains("site-drawing"), undefined, {timeout});
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
}

export function assertClean(watched: WatchedPage): void {
  assert.deepEqual(watched.problems, [], `problems on ${watched.page.url()}:\n${watched.problems.join("\n")}`);
}

/** Page paths from the build manifest Framework writes (copied into dist by scripts/build.ts). */
export function manifestPages(): {path: string; title?: string}[] {
  const manifest = JSON.parse(readFileSync(resolve(DIST, "_build.json"), "utf8")) as {pages: {path: string; title?: string}[]};
  return manifest.pages;
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: {target: string[]; failureSummary?: string}[];
}

/**
 * Runs axe-core (WCAG 2 A/AA) in the page, on the whole document or the element `within` selects, and returns
 * the serious and critical violations. Call it again after an interaction to check the state it produced.
 */
export async function seriousAxeViolations(page: Page, within?: string): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({content: AXE_SOURCE});
  const violations = await page.evaluate(async (selector) => {
    const axe = (window as unknown as {axe: {run: (context: Element | Document, options: object) => Promise<{violations: AxeViolation[]}>}}).axe;
    const context = selector ? document.querySelector(selector) : document;
    if (!context) throw new Error(`axe: nothing matches ${selector}`);
    const result = await axe.run(context, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}});
    return result.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({target: n.target, failureSummary: n.failureSummary}))}));
  }, within);
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => n.target.join(" ")).join("\n    ")}`)
    .join("\n");
}
