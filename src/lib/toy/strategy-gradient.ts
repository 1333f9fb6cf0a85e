// The clipped surrogate's exact gradient w.r.t. the K strategy logits for one mini-batch (toy-model
// note §2.9), shared by the strategy bandit and the token model's mode token. Two paths: a shared
// policy (no prompt offsets), where Σ A per (strategy, sign) is all that matters, and a per-sample
// path for per-prompt policies. `omega` (per strategy) and `sampleWeight` (per sample) are the token
// model's aggregation weights ω_i; the bandit passes null, which leaves its arithmetic untouched.

import type { ClipConfig } from "./config.js";
import { logSoftmaxInto, type PromptPopulation } from "./population.js";
import type { MiniBatchSchedule } from "./schedule.js";

export interface MiniBatchTrace {
  epoch: number;
  index: number;
  size: number;
  /** mean ratio ρ = π/π_old per strategy over the mini-batch's samples of that strategy (null: none sampled, offsets on) */
  ratio: (number | null)[];
  ratioMin: (number | null)[];
  ratioMax: (number | null)[];
  nPos: number[];
  nNeg: number[];
  nZero: number[];
  clippedLow: number[];
  clippedHigh: number[];
  clippedDual: number[];
}

export function emptyTrace(K: number, size: number): MiniBatchTrace {
  const zeros = () => new Array<number>(K).fill(0);
  const nulls = () => new Array<number | null>(K).fill(null);
  return {
    epoch: 0, index: 0, size,
    ratio: nulls(), ratioMin: nulls(), ratioMax: nulls(),
    nPos: zeros(), nNeg: zeros(), nZero: zeros(),
    clippedLow: zeros(), clippedHigh: zeros(), clippedDual: zeros(),
  };
}

export interface SurrogateSettings {
  clip: ClipConfig;
  lossVariant: "ratio" | "pi";
  klBeta: number;
}

export interface MiniBatchCounts {
  /** samples with A ≠ 0 */
  nonZero: number;
  low: number;
  high: number;
  dual: number;
  /** Σ |ln ρ| over the mini-batch's samples */
  absLog: number;
  trace: MiniBatchTrace | null;
}

/** Scratch buffers and the gradient g (length K) of the strategy logits. */
export class StrategyGradient {
  readonly g: Float64Array;
  readonly logpi: Float64Array;
  private readonly sPos: Float64Array;
  private readonly sNeg: Float64Array;
  private readonly nPos: Int32Array;
  private readonly nNeg: Int32Array;
  private readonly nAll: Int32Array;
  private readonly coef: Float64Array;

  constructor(readonly K: number, readonly s: SurrogateSettings) {
    this.g = new Float64Array(K);
    this.logpi = new Float64Array(K);
    this.sPos = new Float64Array(K);
    this.sNeg = new Float64Array(K);
    this.nPos = new Int32Array(K);
    this.nNeg = new Int32Array(K);
    this.nAll = new Int32Array(K);
    this.coef = new Float64Array(K);
  }

  /** Shared-policy mini-batch mb (no prompt offsets): uses the Σ A per (action, sign) the schedule gathered. */
  shared(z: Float64Array, logpOldK: Float64Array, logp0: Float64Array, sched: MiniBatchSchedule, mb: number, omega: Float64Array | null, wantTrace: boolean): MiniBatchCounts {
    const K = this.K, set = this.s, clip = set.clip, size = sched.size;
    const sumC = sched.mbSum, cntC = sched.mbCnt, base = mb * 3 * K;
    const sPos = this.sPos, sNeg = this.sNeg, nPos = this.nPos, nNeg = this.nNeg, nAll = this.nAll;
    for (let k = 0; k < K; k++) {
      sPos[k] = sumC[base + 3 * k + 1]; sNeg[k] = sumC[base + 3 * k + 2];
      nPos[k] = cntC[base + 3 * k + 1]; nNeg[k] = cntC[base + 3 * k + 2];
      nAll[k] = cntC[base + 3 * k] + nPos[k] + nNeg[k];
    }
    const lp = this.logpi;
    logSoftmaxInto(z, 0, null, 0, K, lp, 0);
    // all samples were drawn from the same π_old this step
    const lpo = logpOldK;
    const hi = 1 + clip.epsHigh, lo = 1 - clip.epsLow, dual = clip.dualClipC;
    let low = 0, high = 0, dualN = 0, absLog = 0, nonZero = 0, csum = 0;
    const coef = this.coef;
    const tr: MiniBatchTrace | null = wantTrace ? emptyTrace(K, size) : null;
    for (let k = 0; k < K; k++) {
      const lr = lp[k] - lpo[k];
      const rho = Math.exp(lr);
      absLog += nAll[k] * Math.abs(lr);
      nonZero += nPos[k] + nNeg[k];
      let mPos = 1, mNeg = 1;
      if (clip.enabled) {
        if (rho > hi) { mPos = 0; high += nPos[k]; }
        if (rho < lo) { mNeg = 0; low += nNeg[k]; }
        else if (dual > 0 && rho > dual) { mNeg = 0; dualN += nNeg[k]; }
      }
      const w = set.lossVariant === "ratio" ? rho : Math.exp(lp[k]);
      coef[k] = omega ? (mPos * sPos[k] + mNeg * sNeg[k]) * w * omega[k] : (mPos * sPos[k] + mNeg * sNeg[k]) * w;
      csum += coef[k];
      if (tr) {
        tr.ratio[k] = rho; tr.ratioMin[k] = rho; tr.ratioMax[k] = rho;
        tr.nPos[k] = nPos[k]; tr.nNeg[k] = nNeg[k]; tr.nZero[k] = nAll[k] - nPos[k] - nNeg[k];
        tr.clippedHigh[k] = mPos ? 0 : nPos[k];
        if (!mNeg) { if (rho < lo) tr.clippedLow[k] = nNeg[k]; else tr.clippedDual[k] = nNeg[k]; }
      }
    }
    const g = this.g;
    const inv = 1 / size;
    for (let j = 0; j < K; j++) g[j] = (coef[j] - Math.exp(lp[j]) * csum) * inv;
    if (set.klBeta > 0) {
      let kl = 0;
      for (let k = 0; k < K; k++) kl += Math.exp(lp[k]) * (lp[k] - logp0[k]);
      for (let j = 0; j < K; j++) g[j] -= set.klBeta * Math.exp(lp[j]) * (lp[j] - logp0[j] - kl);
    }
    return { nonZero, low, high, dual: dualN, absLog, trace: tr };
  }

  /**
   * Per-sample mini-batch (per-prompt policies, or per-sample weights): exact per-sample gradient.
   * `logpOldOf(i)` is sample i's log π_old: logpOld[i] with offsets, else logpOldK[action[i]].
   */
  generic(z: Float64Array, pop: PromptPopulation, prm: Int32Array, act: Uint8Array, A: Float64Array, logpOld: Float64Array, logpOldK: Float64Array | null,
    order: Int32Array, start: number, size: number, sampleWeight: Float64Array | null, wantTrace: boolean): MiniBatchCounts {
    const K = this.K, set = this.s, clip = set.clip, b = pop.b;
    const lp = this.logpi, g = this.g;
    g.fill(0);
    const hi = 1 + clip.epsHigh, lo = 1 - clip.epsLow, dual = clip.dualClipC;
    const beta = set.klBeta;
    let low = 0, high = 0, dualN = 0, absLog = 0, nonZero = 0;
    const tr: MiniBatchTrace | null = wantTrace ? emptyTrace(K, size) : null;
    const rsum = wantTrace ? new Float64Array(K) : null;
    if (!b) logSoftmaxInto(z, 0, null, 0, K, lp, 0);
    for (let t = start; t < start + size; t++) {
      const i = order[t];
      const x = b ? prm[i] : 0, a = act[i], av = A[i];
      if (b) logSoftmaxInto(z, 0, b, x * K, K, lp, 0);
      const lr = lp[a] - (logpOldK ? logpOldK[a] : logpOld[i]);
      const rho = Math.exp(lr);
      absLog += Math.abs(lr);
      let m = 1, kind = 0;
      if (av !== 0) {
        nonZero++;
        if (clip.enabled) {
          if (av > 0 && rho > hi) { m = 0; high++; kind = 1; }
          else if (av < 0 && rho < lo) { m = 0; low++; kind = 2; }
          else if (av < 0 && dual > 0 && rho > dual) { m = 0; dualN++; kind = 3; }
        }
        if (m) {
          const c0 = av * (set.lossVariant === "ratio" ? rho : Math.exp(lp[a]));
          const c = sampleWeight ? c0 * sampleWeight[i] : c0;
          for (let j = 0; j < K; j++) g[j] -= c * Math.exp(lp[j]);
          g[a] += c;
        }
      }
      if (beta > 0) {
        const o = b ? x * K : 0;
        let kl = 0;
        for (let k = 0; k < K; k++) kl += Math.exp(lp[k]) * (lp[k] - pop.logp0[o + k]);
        for (let j = 0; j < K; j++) g[j] -= beta * Math.exp(lp[j]) * (lp[j] - pop.logp0[o + j] - kl);
      }
      if (tr && rsum) {
        rsum[a] += rho;
        tr.ratioMin[a] = tr.ratioMin[a] === null ? rho : Math.min(tr.ratioMin[a]!, rho);
        tr.ratioMax[a] = tr.ratioMax[a] === null ? rho : Math.max(tr.ratioMax[a]!, rho);
        if (av > 0) tr.nPos[a]++; else if (av < 0) tr.nNeg[a]++; else tr.nZero[a]++;
        if (kind === 1) tr.clippedHigh[a]++; else if (kind === 2) tr.clippedLow[a]++; else if (kind === 3) tr.clippedDual[a]++;
      }
    }
    const inv = 1 / size;
    for (let j = 0; j < K; j++) g[j] *= inv;
    if (tr && rsum) for (let k = 0; k < K; k++) {
      const n = tr.nPos[k] + tr.nNeg[k] + tr.nZero[k];
      tr.ratio[k] = n > 0 ? rsum[k] / n : null;
    }
    return { nonZero, low, high, dual: dualN, absLog, trace: tr };
  }
}
