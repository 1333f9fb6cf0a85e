// Rough compute estimate of a token-model ensemble, so the CLI can refuse runs above its work budget before
// they start (like the strategy toy's src/lib/toy/cost.ts). One seed's RL step costs about
// samples × epochs × tokens per response × (V + 16) inner-loop iterations (the softmax over a table row plus a
// fixed part per token); measured at about 2 ms per step for the defaults on one core here.

import { describeSeconds } from "../cost.js";
import { modeLengths, type TokenToyConfig } from "./config.js";

export const TOKEN_UNITS_PER_SECOND = 1.5e8;

function unitsPerSeed(c: TokenToyConfig): number {
  const tokens = 1 + Math.max(...modeLengths(c));
  return c.steps * c.promptsPerStep * c.G * c.epochs * tokens * (c.V + 16);
}

/** Estimated seconds of one core for `seeds` seeds of A (and B). */
export function estimateTokenSeconds(a: TokenToyConfig, seeds: number, b?: TokenToyConfig | null): number {
  return (seeds * (unitsPerSeed(a) + (b ? unitsPerSeed(b) : 0))) / TOKEN_UNITS_PER_SECOND;
}

/** A sentence refusing the run when its estimate is above `budgetSeconds`, else null. */
export function tokenBudgetProblem(a: TokenToyConfig, seeds: number, b: TokenToyConfig | null, budgetSeconds: number): string | null {
  const s = estimateTokenSeconds(a, seeds, b);
  if (s <= budgetSeconds) return null;
  return `this run would take ${describeSeconds(s)} of compute, above the budget of ${describeSeconds(budgetSeconds)}; lower --seeds (now ${seeds}), steps (now ${a.steps}), promptsPerStep (now ${a.promptsPerStep}) or G (now ${a.G})`;
}
