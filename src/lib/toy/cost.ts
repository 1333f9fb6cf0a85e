// Work estimate of a toy ensemble from its settings alone, before anything runs (issue 12, "budgets, not
// just caps"): every setting is within its own cap, yet prompts × G × epochs × seeds × steps together can be
// days of compute. `units` counts the inner-loop iterations of src/lib/toy/sim.ts (one sampled action, one
// shuffled sample, one per-sample gradient term …); UNITS_PER_SECOND converts them to seconds on one core.
import { defaultConfig, type ToyConfig } from "./config.js";

/**
 * Units per second of one core, measured with `npx tsx scripts/sim/calibrate-cost.ts` on the 2-core
 * reference machine (Node 20): the default 64 × 200 ensemble, a per-prompt-offset run and a many-epoch run
 * (their median). Only used to turn a budget into words ("about 3 min"); refusals compare units.
 */
export const UNITS_PER_SECOND = 1.0e8;

/** The settings a message may ask the reader to lower, in the order they are suggested on a tie. */
export type CostSetting = "seeds" | "steps" | "promptsPerStep" | "G" | "epochs" | "numPrompts" | "strategies";

export interface CostEstimate {
  /** total inner-loop iterations of the whole ensemble (A and B when paired) */
  units: number;
  /** estimated seconds on one core (units / UNITS_PER_SECOND) */
  seconds: number;
  /** units of one seed's RL step (rollout + updates + metrics) */
  perStep: number;
  /** units of one seed's set-up (prompt population, labels) */
  perSeedSetup: number;
  /** the setting to lower first: the one furthest above its default among those the dominant cost scales with */
  lower: CostSetting;
}

interface Term { units: number; scalesWith: CostSetting[] }

function terms(c: ToyConfig): Term[] {
  const K = c.strategies.length, N = c.promptsPerStep * c.G, E = c.epochs, P = c.numPrompts;
  const offsets = c.prefSd > 0;
  const labels = c.reward.type === "majority" || c.reward.type === "incorrect";
  const perStep: Term[] = [
    // rollout: one categorical draw over K logits and one reward per sample
    { units: N * (K + 2), scalesWith: ["promptsPerStep", "G", "strategies"] },
    // each epoch shuffles and sums every sample; every mini-batch updates K logits
    { units: E * (2 * N + c.miniBatches * K * 4), scalesWith: ["epochs", "promptsPerStep", "G"] },
  ];
  if (offsets) {
    perStep.push({ units: 9 * (c.promptsPerStep * K + E * N * K), scalesWith: ["epochs", "promptsPerStep", "G", "strategies"] });
    perStep.push({ units: P * K, scalesWith: ["numPrompts", "strategies"] }); // metrics average over prompts
  } else perStep.push({ units: K * 8, scalesWith: ["strategies"] });
  return [
    ...perStep.map((t) => ({ units: t.units * c.steps, scalesWith: [...t.scalesWith, "steps" as const] })),
    { units: P * K * (labels ? 64 : 1) + P, scalesWith: ["numPrompts", "strategies"] },
  ];
}

function settingValue(c: ToyConfig, s: CostSetting, seeds: number): number {
  return s === "seeds" ? seeds : s === "strategies" ? c.strategies.length : c[s];
}

const DEFAULT_SEEDS = 64;

/** Cost of running `seeds` seeds of `cfg` (and of `cfgB` on the same seeds, when given). Pure. */
export function estimateCost(cfg: ToyConfig, seeds: number, cfgB?: ToyConfig): CostEstimate {
  const runs = [cfg, ...(cfgB ? [cfgB] : [])];
  let units = 0, perStep = 0, perSeedSetup = 0;
  let dominant: Term = { units: -1, scalesWith: [] };
  for (const c of runs) {
    for (const t of terms(c)) {
      const total = t.units * seeds;
      units += total;
      if (t.scalesWith.includes("steps")) perStep += t.units / c.steps; else perSeedSetup += t.units;
      if (total > dominant.units) dominant = { units: total, scalesWith: [...t.scalesWith, "seeds"] };
    }
  }
  const d = defaultConfig();
  let lower: CostSetting = "seeds", best = -Infinity;
  for (const s of ["seeds", "steps", "epochs", "promptsPerStep", "G", "numPrompts", "strategies"] as CostSetting[]) {
    if (!dominant.scalesWith.includes(s)) continue;
    const ratio = settingValue(cfg, s, seeds) / (s === "seeds" ? DEFAULT_SEEDS : settingValue(d, s, DEFAULT_SEEDS));
    if (ratio > best) { best = ratio; lower = s; }
  }
  return { units, seconds: units / UNITS_PER_SECOND, perStep, perSeedSetup, lower };
}

/** "about 3 min", "about 2.5 h": for messages. */
export function describeSeconds(seconds: number): string {
  if (seconds < 90) return `about ${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 5400) return `about ${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `about ${+(seconds / 3600).toFixed(1)} h`;
  return `about ${Math.round(seconds / 86400)} days`;
}

/**
 * A refusal message when the estimate is above `budgetUnits`, else null. It names the setting to lower and
 * its current value, so the reader knows what to change.
 */
export function budgetProblem(est: CostEstimate, budgetUnits: number, cfg: ToyConfig, seeds: number): string | null {
  if (est.units <= budgetUnits) return null;
  const value = settingValue(cfg, est.lower, seeds);
  const name = est.lower === "strategies" ? "the number of strategies" : est.lower === "seeds" ? "--seeds" : est.lower;
  return `this run would take ${describeSeconds(est.seconds)} of compute (${est.units.toExponential(2)} work units), above the budget of ${describeSeconds(budgetUnits / UNITS_PER_SECOND)}; lower ${name} (now ${value}) — it drives most of the cost`;
}
