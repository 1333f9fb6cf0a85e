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
