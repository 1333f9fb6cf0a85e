// Token-level toy benchmarks (called by `npm run bench`, or run directly: `npx tsx scripts/bench-tokens.ts`
// for the Node figures). One workload throughout, the page's default run: 48 paired seeds × 200 steps (clip as
// set and clip off on the same seeds), reported as seeds·steps per second (each seed·step is two RL steps,
// clip on and off):
// - in Node, one thread, the same seed function and exact merge the page's workers use;
// - in Chromium on the built site, /toy-tokens with ?workers=1 (one background worker) and with its worker
//   pool (navigator.hardwareConcurrency, capped), timed by the page itself (data-run-ms on the root once
//   data-run-state is "done": from the settled input to the last seed merged and drawn), their ratio, and the
//   longest main-thread task during the pooled run (Long Tasks API): the run the page starts as it loads, whose
//   window holds the end of the page load too, and a second run started with the Run button once the first is done.
// Also RL steps per second of one seed in the note's configurations. Prints figures; asserts nothing (timed
// tests are not allowed on a shared machine), and says how loaded the machine was.
import { availableParallelism, loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import { resolveTokenConfig, TokenSimulator } from "../src/lib/toy/tokens/index.js";
import { tokenPoolModel } from "../src/lib/toy/tokens/pool-model.js";
import type { Figure } from "./bench-kit.js";

const SEEDS = 48;
const STEPS = 200;
/** what the page summarises (src/components/toy-tokens/app.ts METRICS is the same list; Node cannot import the page) */
const PAGE_METRICS_NOTE = "all metrics summarised";

function stepsPerSecond(overrides: Record<string, unknown>, ms = 1000): number {
  const sim = new TokenSimulator(resolveTokenConfig(overrides), 12345);
  const row = new Float64Array(sim.metricNames.length);
  for (let i = 0; i < 20; i++) { sim.advance(); sim.writeMetrics(row, 0); } // warm-up
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < ms) { sim.advance(); sim.writeMetrics(row, 0); n++; }
  return n / ((performance.now() - t0) / 1000);
}

const load = () => `load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`;

export async function benchTokensNode(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const [label, o] of [["defaults", {}], ["B 16", { promptsPerStep: 16 }], ["L 16", { L: 16 }], ["V 64", { V: 64 }], ["Adam", { optimizer: "adam", lr: 0.02 }]] as const) {
    const sps = stepsPerSecond(o);
    figures.push({ figure: `token model, one seed, ${label}: RL steps per second`, measured: sps, unit: "steps/s", better: "higher", note: `${(1000 / sps).toFixed(2)} ms per step` });
  }
  // the page's run, in one Node thread: every seed through the workers' seed function and exact merge
  const a = resolveTokenConfig({ steps: STEPS }), b = resolveTokenConfig({ steps: STEPS, clip: { enabled: false } });
  const t0 = performance.now();
  const merger = tokenPoolModel.merger(a, SEEDS, b, {});
  for (let i = 0; i < SEEDS; i++) merger.ingest(i, tokenPoolModel.runSeed(a, i, b));
  merger.result();
  const s = (performance.now() - t0) / 1000;
  figures.push({ figure: `token model in Node (one thread): ${SEEDS} paired seeds × ${STEPS} steps`, measured: (SEEDS * STEPS) / s, unit: "seeds·steps/s", better: "higher", note: `${s.toFixed(1)} s, ${PAGE_METRICS_NOTE}; ${load()}` });
  return figures;
}

// Plain JavaScript, installed before the page's scripts: long tasks, and when the run state changes.
const OBSERVERS = `
  window.__tt = {tasks: [], states: []};
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__tt.tasks.push({start: e.startTime, end: e.startTime + e.duration, duration: e.duration}); }).observe({type: "longtask", buffered: true});
  new MutationObserver((records) => {
    for (const r of records) if (r.attributeName === "data-run-state") window.__tt.states.push({state: r.target.getAttribute("data-run-state"), at: performance.now()});
  }).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-run-state"]});
`;

interface PageRun { runMs: number; poolSize: number; workersUsed: number; longestTaskMs: number; maxDrawMs: number }

export async function benchTokensBrowser({ dist }: { dist: string }): Promise<Figure[]> {
  const { chromium } = await import("playwright-core");
  const { startStaticServer } = await import("./static-server.js");
  const { CHROMIUM_ARGS, CHROMIUM_PATH } = await import("../test/e2e/chromium.js");
  const server = await startStaticServer(dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  // Tasks that overlap the run from its "running" state to its "done", the n-th run of the page (from 0).
  const runWindow = async (page: import("playwright-core").Page, n: number) => {
    await page.waitForFunction((k) => (window as unknown as {__tt: {states: {state: string}[]}}).__tt.states.filter((s) => s.state === "done").length > k, n, { timeout: 300_000 });
    await page.waitForTimeout(200); // the last long-task entry is delivered after the task ends
    const root = page.getByTestId("tt-app");
    const { tasks, states } = (await page.evaluate("window.__tt")) as { tasks: { start: number; end: number; duration: number }[]; states: { state: string; at: number }[] };
    const start = states.filter((s) => s.state === "running")[n]?.at ?? 0;
    const end = states.filter((s) => s.state === "done")[n]?.at ?? Infinity;
    return {
      runMs: Number(await root.getAttribute("data-run-ms")),
      poolSize: Number(await root.getAttribute("data-pool-size")),
      workersUsed: Number(await root.getAttribute("data-workers-used")),
      maxDrawMs: Number(await root.getAttribute("data-max-draw-ms")),
      longestTaskMs: tasks.filter((t) => t.end >= start && t.start <= end).reduce((m, t) => Math.max(m, t.duration), 0),
    };
  };
  const pageRun = async (query: string, again = false): Promise<{ first: PageRun; again?: PageRun }> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      await context.addInitScript(OBSERVERS);
      const page = await context.newPage();
      await page.goto(`${server.origin}/toy-tokens?seeds=${SEEDS}&cfg=${encodeURIComponent(JSON.stringify({ steps: STEPS }))}${query}`);
      const first = await runWindow(page, 0);
      if (!again) return { first };
      await page.getByTestId("tt-run").click();
      return { first, again: await runWindow(page, 1) };
    } finally {
      await context.close();
    }
  };
  try {
    const single = (await pageRun("&workers=1")).first;
    const { first: pool, again } = await pageRun("", true);
    const rate = (ms: number) => (SEEDS * STEPS) / (ms / 1000);
    const size = `${SEEDS} paired seeds × ${STEPS} steps`;
    return [
      { figure: `/toy-tokens, one browser worker (?workers=1): ${size}`, measured: rate(single.runMs), unit: "seeds·steps/s", better: "higher", note: `${(single.runMs / 1000).toFixed(1)} s in the page` },
      { figure: `/toy-tokens, worker pool of ${pool.workersUsed}: ${size}`, measured: rate(pool.runMs), unit: "seeds·steps/s", better: "higher", previous: { value: rate(single.runMs), source: "one worker, this run" }, note: `${(pool.runMs / 1000).toFixed(1)} s; ratio = pool speed-up; pool size ${pool.poolSize} on ${pool.poolSize} reported cores (capped at 8); ${load()}` },
      { figure: "/toy-tokens: longest main-thread task during the pooled run started as the page loads", measured: pool.longestTaskMs, unit: "ms", target: { op: "≤", value: 50 }, note: `the page's load overlaps it; longest single chart drawing ${pool.maxDrawMs} ms (each chart is its own task); ${load()}` },
      { figure: "/toy-tokens: longest main-thread task during a pooled run started with Run after load", measured: again!.longestTaskMs, unit: "ms", target: { op: "≤", value: 50 }, note: `${(again!.runMs / 1000).toFixed(1)} s; longest chart drawing on the page so far ${again!.maxDrawMs} ms; ${load()}` },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { formatTable } = await import("./bench-kit.js");
  const figures = await benchTokensNode();
  if (process.argv[2] === "--dist") figures.push(...(await benchTokensBrowser({ dist: process.argv[3] ?? "dist" })));
  console.log(formatTable(figures.map((figure) => ({ module: "tokens", figure }))));
}

// The `npm run bench` driver's entry (scripts/bench-kit.ts).
export const bench: import("./bench-kit.js").BenchModule = {
  title: "token-level toy in Node, in one browser worker and on the page's worker pool",
  order: 35,
  needsSite: true,
  async run({ dist }) {
    return [...(await benchTokensNode()), ...(await benchTokensBrowser({ dist }))];
  },
};
