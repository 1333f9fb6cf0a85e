// Simulator benchmarks, called by `npm run bench` (scripts/bench.ts). Prints nothing itself.
// benchSimNode: single-seed RL steps per second at the defaults (B = 64, G = 16, 8 mini-batches) and the
// wall time of a 64-seed × 200-step ensemble (with its summary), in this Node process.
// benchSimBrowser: the same ensemble in the page's Web Worker in Chromium, and slider-to-first-chart latency.
import { resolveConfig, runEnsemble, ToySimulator } from "../src/lib/toy/index.js";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function benchSimNode(): Promise<Record<string, number | string>> {
  const cfg = resolveConfig({});
  // warm-up so V8 has optimised the hot loops
  runEnsemble(resolveConfig({ steps: 50 }), 8);
  const sim = new ToySimulator(cfg, 12345);
  const t0 = performance.now();
  let steps = 0;
  while (performance.now() - t0 < 1000) { sim.advance(); steps++; }
  const stepsPerSecond = steps / ((performance.now() - t0) / 1000);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    runEnsemble(cfg, 64);
    times.push(performance.now() - s);
  }
  const paired: number[] = [];
  for (let i = 0; i < 3; i++) {
    const s = performance.now();
    runEnsemble(cfg, 64, resolveConfig({ clip: { enabled: false } }));
    paired.push(performance.now() - s);
  }
  return {
    "single seed, defaults: RL steps per second": Math.round(stepsPerSecond),
    "64 seeds × 200 steps, with summary (median of 5)": `${median(times).toFixed(0)} ms`,
    "64 seeds × 200 steps paired clip on/off (median of 3)": `${median(paired).toFixed(0)} ms`,
  };
}

// Run directly: `npx tsx scripts/bench-sim.ts`
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [k, v] of Object.entries(await benchSimNode())) console.log(`${k}\t${v}`);
}

/**
 * Browser figures, on the built site in `dist`: the page's own worker bundle running 64 seeds × 200 steps
 * (unpaired and paired, no partial results), the page's time from a slider change to the first chart, and
 * the page's full paired run at the defaults.
 */
export async function benchSimBrowser({dist}: {dist: string}): Promise<Record<string, number | string>> {
  const {chromium} = await import("playwright-core");
  const {startStaticServer} = await import("./static-server.js");
  const {CHROMIUM_ARGS, CHROMIUM_PATH} = await import("../test/e2e/chromium.js");
  const server = await startStaticServer(dist);
  const browser = await chromium.launch({executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS});
  try {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}});
    await page.goto(`${server.origin}/toy`);
    const done = () => page.waitForFunction(() => document.querySelector('[data-testid="toy-app"]')?.getAttribute("data-state") === "done", undefined, {timeout: 120_000});
    await done();
    const pageRunMs = Number(await page.getByTestId("toy-app").getAttribute("data-last-run-ms"));
    const workerUrl = await page.getByTestId("toy-app").getAttribute("data-worker-url");
    const timeWorker = (paired: boolean) => page.evaluate(async ({url, paired}) => {
      const w = new Worker(url!, {type: "module"});
      const times: number[] = [];
      for (let rep = 0; rep < 4; rep++) {
        const t0 = performance.now();
        await new Promise<void>((resolve, reject) => {
          w.onmessage = (ev) => { if (ev.data.type === "done") resolve(); else if (ev.data.type === "error") reject(new Error(ev.data.message)); };
          w.postMessage({type: "run", id: rep + 1, a: {}, b: paired ? {clip: {enabled: false}} : undefined, seeds: 64, partialMs: 1e9});
        });
        times.push(performance.now() - t0);
      }
      w.terminate();
      return times.slice(1).sort((a, b) => a - b)[1]; // median of 3 after a warm-up
    }, {url: workerUrl, paired});
    const unpaired = await timeWorker(false);
    const paired = await timeWorker(true);
    // slider → first chart: move ε_high one notch with the keyboard, read the page's own measurement
    const latencies: number[] = [];
    for (const key of ["ArrowRight", "ArrowLeft", "ArrowRight"]) {
      await page.getByTestId("toy-ctl-clip-epsHigh").focus();
      await page.keyboard.press(key);
      await done();
      latencies.push(Number(await page.getByTestId("toy-app").getAttribute("data-first-chart-ms")));
    }
    return {
      "worker: 64 seeds × 200 steps (median of 3, warm)": `${unpaired.toFixed(0)} ms`,
      "worker: 64 seeds × 200 steps, paired clip on/off": `${paired.toFixed(0)} ms`,
      "page: default paired run incl. streamed partial charts": `${pageRunMs} ms`,
      "page: slider change → first chart (median of 3)": `${[...latencies].sort((a, b) => a - b)[1]} ms (from the run starting on the settled change: a key press settles at once)`,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** As a `npm run bench` module (scripts/bench-kit.ts). */
export const bench: import("./bench-kit.js").BenchModule = {
  title: "toy simulator in Node and in the page's worker",
  order: 30,
  needsSite: true,
  async run({dist}) {
    const {figuresFromRecord} = await import("./bench-kit.js");
    return [
      ...figuresFromRecord(await benchSimNode()),
      ...figuresFromRecord(await benchSimBrowser({dist}), {
        "page: slider change → first chart (median of 3)": {target: {op: "≤", value: 100}, previous: {value: 157, source: "issue 10"}},
      }),
    ];
  },
};
