// Measures how many cost units (src/lib/toy/cost.ts) one core does per second on a few shapes of run, so
// UNITS_PER_SECOND can be set from a measurement: `npx tsx scripts/sim/calibrate-cost.ts`.
import { resolveConfig, runEnsemble } from "../../src/lib/toy/index.js";
import { estimateCost } from "../../src/lib/toy/cost.js";

const shapes: [string, object, number][] = [
  ["defaults, 64 seeds × 200 steps", {}, 64],
  ["4 epochs, 32 mini-batches", { epochs: 4, miniBatches: 32, steps: 100 }, 32],
  ["per-prompt offsets (prefSd 0.5)", { prefSd: 0.5, steps: 50 }, 16],
  ["B 512 × G 8", { promptsPerStep: 512, G: 8, steps: 50 }, 16],
  ["majority reward, 4 strategies", { reward: { type: "majority" }, strategies: ["a", "b", "c", "d"], initProbs: [0.4, 0.3, 0.2, 0.1], acc: [0.5, 0.4, 0.3, 0.2], formatRate: [1, 1, 1, 1], unextractable: [0, 0, 0, 0], steps: 100 }, 16],
];
runEnsemble(resolveConfig({ steps: 50 }), 8); // warm-up
const rates: number[] = [];
for (const [label, overrides, seeds] of shapes) {
  const cfg = resolveConfig(overrides);
  const t0 = performance.now();
  runEnsemble(cfg, seeds);
  const s = (performance.now() - t0) / 1000;
  const rate = estimateCost(cfg, seeds).units / s;
  rates.push(rate);
  console.log(`${label}\t${s.toFixed(2)} s\t${rate.toExponential(2)} units/s`);
}
rates.sort((a, b) => a - b);
console.log(`median\t${rates[Math.floor(rates.length / 2)].toExponential(2)} units/s`);
