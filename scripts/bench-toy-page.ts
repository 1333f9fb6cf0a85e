// Bench module: the toy page's worker pool in Chromium, on the built site. For the default run (64 seeds ×
// 200 steps, paired clip on/off, as a reader gets it) with the pool and with one worker (?workers=1): the
// page's own wall time (data-run-ms on the toy root once data-run-state is "done"), their ratio measured in
// this one run, the same for the run after a slider change (workers started, page loaded), the time from a settled slider change to the first chart (data-first-chart-ms), and the
// longest main-thread task while that second run streams (Long Tasks API). Prints figures; asserts nothing.
import type {BenchModule, Figure} from "./bench-kit.js";

/** issue 10's measurements before the pool (in-page ensemble, slider → first chart). */
const PREVIOUS = {ensembleMs: 2050, firstChartMs: 157};

// Plain JavaScript, installed before the page's scripts: long tasks, and when the toy's run state changes.
const OBSERVERS = `
  window.__toy = {tasks: [], states: []};
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__toy.tasks.push({start: e.startTime, end: e.startTime + e.duration, duration: e.duration}); }).observe({type: "longtask", buffered: true});
  new MutationObserver((records) => {
    for (const r of records) if (r.attributeName === "data-run-state") window.__toy.states.push({state: r.target.getAttribute("data-run-state"), at: performance.now()});
  }).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-run-state"]});
`;

interface ToyRun { runMs: number; againMs: number; poolSize: number; workersUsed: number; firstChartMs: number; longestTaskMs: number }

export const bench: BenchModule = {
  title: "toy page: worker pool vs one worker, first chart, long tasks during a run",
  order: 30,
  needsSite: true,
  async run({dist}) {
    const {chromium} = await import("playwright-core");
    const {startStaticServer} = await import("./static-server.js");
    const {CHROMIUM_ARGS, CHROMIUM_PATH} = await import("../test/e2e/chromium.js");
    const server = await startStaticServer(dist);
    const browser = await chromium.launch({executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS});
    const toyRun = async (query: string): Promise<ToyRun> => {
      const context = await browser.newContext({viewport: {width: 1280, height: 900}});
      await context.addInitScript(OBSERVERS);
      const page = await context.newPage();
      const root = page.getByTestId("toy-app");
      const waitDone = () => page.waitForFunction(() => document.querySelector('[data-testid="toy-app"]')?.getAttribute("data-run-state") === "done", undefined, {timeout: 180_000});
      await page.goto(`${server.origin}/toy${query}`);
      await waitDone();
      const runMs = Number(await root.getAttribute("data-run-ms"));
      // a second run from a slider change: first chart latency and the main thread while it streams
      const before = ((await page.evaluate("window.__toy.states.length")) as number);
      await page.getByTestId("toy-ctl-clip-epsHigh").focus();
      await page.keyboard.press("ArrowRight");
      await page.waitForFunction((n) => (window as unknown as {__toy: {states: {state: string}[]}}).__toy.states.slice(n).some((s) => s.state === "running"), before, {timeout: 30_000});
      await waitDone();
      await page.waitForTimeout(200); // the last long task entry is delivered after the task ends
      const {tasks, states} = (await page.evaluate("window.__toy")) as {tasks: {start: number; end: number; duration: number}[]; states: {state: string; at: number}[]};
      const later = states.slice(before);
      const start = later.find((s) => s.state === "running")!.at;
      const end = later.filter((s) => s.state === "done").at(-1)!.at;
      const longestTaskMs = tasks.filter((t) => t.end >= start && t.start <= end).reduce((m, t) => Math.max(m, t.duration), 0);
      const out = {
        runMs, longestTaskMs, againMs: Number(await root.getAttribute("data-run-ms")),
        firstChartMs: Number(await root.getAttribute("data-first-chart-ms")),
        poolSize: Number(await root.getAttribute("data-pool-size")),
        workersUsed: Number(await root.getAttribute("data-workers-used")),
      };
      await context.close();
      return out;
    };
    try {
      const pool = await toyRun("");
      const single = await toyRun("?workers=1");
      const figures: Figure[] = [
        {figure: `/toy: 64 seeds × 200 steps paired, in the page, pool of ${pool.workersUsed} workers`, measured: pool.runMs, unit: "ms", target: {op: "≤", value: 600}, previous: {value: PREVIOUS.ensembleMs, source: "issue 10 (one worker, median of 8)"}},
        {figure: "/toy: the same with ?workers=1", measured: single.runMs, unit: "ms"},
        {figure: "/toy: pool speed-up over one worker (this run)", measured: single.runMs / pool.runMs, unit: "×", target: {op: "≥", value: 1.7}, note: `pool size ${pool.poolSize} on ${pool.poolSize} reported cores (capped)`},
        // the same after a slider change: the workers are running and the page has loaded
        {figure: `/toy: again after a slider change (ε_high), pool of ${pool.workersUsed}`, measured: pool.againMs, unit: "ms", target: {op: "≤", value: 600}},
        {figure: "/toy: again after a slider change, ?workers=1", measured: single.againMs, unit: "ms"},
        {figure: "/toy: pool speed-up over one worker, after a slider change", measured: single.againMs / pool.againMs, unit: "×", target: {op: "≥", value: 1.7}},
        {figure: "/toy: slider change settled → first chart (pool)", measured: pool.firstChartMs, unit: "ms", target: {op: "≤", value: 100}, previous: {value: PREVIOUS.firstChartMs, source: "issue 10"}},
        {figure: "/toy: longest main-thread task during a run (pool)", measured: pool.longestTaskMs, unit: "ms", target: {op: "≤", value: 50}},
        {figure: "/toy: longest main-thread task during a run (?workers=1)", measured: single.longestTaskMs, unit: "ms", target: {op: "≤", value: 50}},
      ];
      return figures;
    } finally {
      await browser.close();
      await server.close();
    }
  },
};
