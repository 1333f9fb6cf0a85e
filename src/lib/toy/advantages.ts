// Group-relative advantages of the toy-model note §2.7, shared by the strategy bandit and the token
// model: (r − mean)/(std + eps) per group of G binary rewards, then optional whitening over the batch.
// Also each sample's (strategy, sign of A) class, which the bandit's fused mini-batch sums use.

import type { AdvantageConfig } from "./config.js";

/** Class of a sample: strategy·3 + (0: A = 0, 1: A > 0, 2: A < 0). */
export function groupAdvantages(reward: Uint8Array, action: Uint8Array, A: Float64Array, cls: Uint8Array, G: number, N: number, a: AdvantageConfig, vals: Float64Array): void {
  const div = a.stdKind === "unbiased" ? G - 1 : G;
  for (let s = 0; s < N; s += G) {
    let ones = 0;
    for (let i = s; i < s + G; i++) ones += reward[i];
    if (ones === 0 || ones === G) {
      // all rewards equal: exactly zero, never 0/eps
      for (let i = s; i < s + G; i++) { A[i] = 0; cls[i] = action[i] * 3; }
      continue;
    }
    const mean = ones / G;
    let a1 = 1 - mean, a0 = -mean;
    if (a.stdNorm) {
      const den = Math.sqrt((ones * a1 * a1 + (G - ones) * a0 * a0) / div) + a.eps;
      a1 /= den;
      a0 /= den;
    }
    vals[0] = a0; vals[1] = a1;
    for (let i = s; i < s + G; i++) { A[i] = vals[reward[i]]; cls[i] = action[i] * 3 + 2 - reward[i]; }
  }
  if (a.batchWhiten) {
    let mean = 0;
    for (let i = 0; i < N; i++) mean += A[i];
    mean /= N;
    let v = 0;
    for (let i = 0; i < N; i++) { const d = A[i] - mean; v += d * d; }
    const sd = Math.sqrt(Math.max(v / N, 1e-8));
    for (let i = 0; i < N; i++) {
      A[i] = (A[i] - mean) / sd;
      cls[i] = action[i] * 3 + (A[i] > 0 ? 1 : A[i] < 0 ? 2 : 0);
    }
  }
}
