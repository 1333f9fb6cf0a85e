// The mini-batch / epoch schedule of the toy-model note §2.8, shared by the strategy bandit and the
// token model: samples (stored group by group) are reordered per epoch by the shuffle stream (in place,
// continuing from the previous epoch's order) and cut into N_mb consecutive slices of ⌊N/N_mb⌋.
// With `withSums` it also gathers, per mini-batch, Σ A and counts per (strategy, sign of A) class,
// which is all the shared-policy gradient of one decision needs.

import { RandomStream, STREAM } from "./rng.js";
import type { ShuffleMode } from "./config.js";

export interface ScheduleConfig {
  promptsPerStep: number;
  G: number;
  miniBatches: number;
  shuffle: ShuffleMode;
}

export class MiniBatchSchedule {
  readonly B: number;
  readonly G: number;
  readonly N: number;
  readonly nMb: number;
  /** samples per mini-batch, ⌊N/N_mb⌋ */
  readonly size: number;
  /** order[t] = sample at schedule position t; mini-batch m is order[m·size .. (m+1)·size) */
  readonly order: Int32Array;
  readonly groupOrder: Int32Array;
  /** per mini-batch, per class (strategy·3 + sign code): Σ A and counts */
  readonly mbSum: Float64Array;
  readonly mbCnt: Int32Array;
  private readonly rShuffle: RandomStream;

  constructor(readonly cfg: ScheduleConfig, readonly K: number, seed: number) {
    this.B = cfg.promptsPerStep;
    this.G = cfg.G;
    this.N = cfg.promptsPerStep * cfg.G;
    this.nMb = cfg.miniBatches;
    this.size = Math.floor(this.N / this.nMb);
    this.order = new Int32Array(this.N);
    this.groupOrder = new Int32Array(this.B);
    this.mbSum = new Float64Array(3 * K * cfg.miniBatches);
    this.mbCnt = new Int32Array(3 * K * cfg.miniBatches);
    this.rShuffle = new RandomStream(seed, STREAM.shuffle);
  }

  /** Identity order at the start of an RL step. */
  reset(): void {
    const order = this.order, groupOrder = this.groupOrder;
    for (let i = 0; i < this.N; i++) order[i] = i;
    for (let j = 0; j < this.B; j++) groupOrder[j] = j;
  }

  /** Order one epoch; with `withSums`, also the per-mini-batch class sums of A. */
  epoch(cls: Uint8Array, A: Float64Array, withSums: boolean): void {
    const order = this.order, B = this.B, G = this.G, N = this.N;
    let summed = false;
    if (this.cfg.shuffle === "samples") {
      if (withSums) { this.shuffleAndSum(cls, A); summed = true; }
      else for (let i = N - 1; i >= 1; i--) {
        const j = Math.floor(this.rShuffle.next() * (i + 1));
        const t = order[i]; order[i] = order[j]; order[j] = t;
      }
    } else if (this.cfg.shuffle === "groups") {
      const groupOrder = this.groupOrder;
      for (let i = B - 1; i >= 1; i--) {
        const j = Math.floor(this.rShuffle.next() * (i + 1));
        const t = groupOrder[i]; groupOrder[i] = groupOrder[j]; groupOrder[j] = t;
      }
      for (let j = 0; j < B; j++) for (let gi = 0; gi < G; gi++) order[j * G + gi] = groupOrder[j] * G + gi;
    }
    if (withSums && !summed) this.sumInOrder(cls, A);
  }

  /**
   * Fisher–Yates over the samples (i from N−1 down to 1, as note §2.8) fused with the per-mini-batch sums:
   * position i holds its final sample as soon as step i is done, so it is added to mini-batch ⌊i/size⌋ at once.
   */
  private shuffleAndSum(cls: Uint8Array, A: Float64Array): void {
    const order = this.order, sums = this.mbSum, cnts = this.mbCnt, rng = this.rShuffle, size = this.size;
    const stride = 3 * this.K, limit = this.nMb * size;
    sums.fill(0); cnts.fill(0);
    // mini-batch ⌊i/size⌋ of position i, kept as a running offset (no division per sample)
    let mb = Math.floor((this.N - 1) / size), mbStart = mb * size, base = mb * stride;
    for (let i = this.N - 1; i >= 1; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      const t = order[j]; order[j] = order[i]; order[i] = t;
      if (i < mbStart) { mbStart -= size; base -= stride; }
      if (i < limit) { const o = base + cls[t]; sums[o] += A[t]; cnts[o]++; }
    }
    const t0 = order[0];
    const o0 = cls[t0];
    sums[o0] += A[t0]; cnts[o0]++;
  }

  /** Per-mini-batch sums of A by (action, sign) for an order that is already fixed ('groups', 'none'). */
  private sumInOrder(cls: Uint8Array, A: Float64Array): void {
    const order = this.order, sums = this.mbSum, cnts = this.mbCnt, size = this.size;
    const stride = 3 * this.K;
    sums.fill(0); cnts.fill(0);
    for (let m = 0; m < this.nMb; m++)
      for (let t = m * size; t < (m + 1) * size; t++) { const i = order[t]; const o = m * stride + cls[i]; sums[o] += A[i]; cnts[o]++; }
  }
}
