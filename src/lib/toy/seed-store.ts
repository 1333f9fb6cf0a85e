// Ensembles of both toys: every seed's metric rows ([seed][t][metric]) stored so summaries can be taken at any
// time, and the statistics over seeds (mean, standard error, type-7 quantiles per metric and step) and paired
// differences A − B on the same seeds. Seeds can arrive in any order (a pool of workers): every statistic
// iterates over the filled seeds in seed-list order, so once all are in, the result is bit for bit the one a
// sequential run gives. Used by the strategy toy's EnsembleRunner (./ensemble.ts) and the token toy's
// TokenEnsemble (./tokens/ensemble.ts).

import { LIMITS } from "./config.js";
import { groupThousands } from "../count-format.js";

export const QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;
export const QUANTILE_KEYS = ["q05", "q25", "q50", "q75", "q95"] as const;
export type QuantileKey = (typeof QUANTILE_KEYS)[number];

export type MeanSeSeries = { mean: number[]; se: number[] };
export type SeriesStats = MeanSeSeries & Record<QuantileKey, number[]>;
export type PointStats = { mean: number; se: number } & Record<QuantileKey, number>;

export interface PairedDiff {
  /** per metric: mean and SE over seeds of (A − B), t = 0..steps */
  series: Record<string, MeanSeSeries>;
  final: Record<string, { mean: number; se: number; z: number }>;
}

/** Type-7 quantile (linear interpolation, numpy/R default) of a sorted array. */
export function quantileSorted(sorted: ArrayLike<number>, n: number, q: number): number {
  if (n === 0) return 0;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Problems with an ensemble of `seeds` seeds × `steps` steps (count, memory cap); [] when fine. */
export function checkSeedCount(steps: number, seeds: number): string[] {
  if (!Number.isInteger(seeds) || seeds < 1 || seeds > LIMITS.maxSeeds) return [`seeds must be a whole number from 1 to ${LIMITS.maxSeeds} (got ${seeds})`];
  if (seeds * (steps + 1) > LIMITS.maxSeedSteps)
    return [`seeds × steps = ${seeds} × ${steps} is above the memory cap of ${groupThousands(LIMITS.maxSeedSteps)}; use fewer seeds or steps`];
  return [];
}

export class SeedStore {
  readonly data: Float64Array; // seed-major: [seed index][t][metric]
  readonly filled: Uint8Array;
  count = 0;
  guardHits = 0;
  /** @param M metrics per row, @param T steps (rows t = 0..T), @param capacity seeds */
  constructor(readonly M: number, readonly T: number, readonly capacity: number) {
    this.data = new Float64Array(capacity * (T + 1) * M);
    this.filled = new Uint8Array(capacity);
  }
  get rowLength(): number { return (this.T + 1) * this.M; }
  slot(index: number): Float64Array {
    return this.data.subarray(index * this.rowLength, (index + 1) * this.rowLength);
  }
  /** Seed `index`'s rows computed elsewhere (another worker); refuses a wrong length or a seed twice. */
  ingest(index: number, rows: ArrayLike<number>, guardHits: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.capacity) throw new RangeError(`seed index ${index} is outside 0..${this.capacity - 1}`);
    if (rows.length !== this.rowLength) throw new RangeError(`seed rows have length ${rows.length}, expected ${this.rowLength}`);
    if (this.filled[index]) throw new RangeError(`seed index ${index} was already ingested`);
    this.slot(index).set(rows);
    this.mark(index, guardHits);
  }
  /** Seed `index` was written into `slot(index)` in place. */
  mark(index: number, guardHits: number): void {
    this.filled[index] = 1;
    this.guardHits += guardHits;
    this.count++;
  }
  /** indices of the filled seeds, ascending */
  filledIndices(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.capacity; i++) if (this.filled[i]) out.push(i);
    return out;
  }
  value(s: number, t: number, m: number): number {
    return this.data[(s * (this.T + 1) + t) * this.M + m];
  }
}

export interface SummaryOptions {
  /** quantiles at every step (the strategy toy's fan charts), or only at the final step */
  quantilesPerStep: boolean;
  /** summarise only these metrics (null: all) */
  only?: Set<string> | null;
}

/** Mean, SE (and quantiles) over the filled seeds, per metric named in `names` (row order). */
export function summariseSeeds(store: SeedStore, names: string[], o: SummaryOptions): { stats: Record<string, SeriesStats | MeanSeSeries>; final: Record<string, PointStats> } {
  const idx = store.filledIndices();
  const S = idx.length, T = store.T;
  const buf = new Float64Array(S);
  const stats: Record<string, SeriesStats | MeanSeSeries> = {};
  const final: Record<string, PointStats> = {};
  const quantilesOf = (t: number, m: number, into: (i: number, q: number) => void) => {
    for (let s = 0; s < S; s++) buf[s] = store.value(idx[s], t, m);
    const sorted = buf.subarray(0, S).sort();
    QUANTILES.forEach((q, i) => into(i, quantileSorted(sorted, S, q)));
  };
  names.forEach((name, m) => {
    if (o.only && !o.only.has(name)) return;
    const st: MeanSeSeries = { mean: [], se: [] };
    const qs: number[][] | null = o.quantilesPerStep ? QUANTILE_KEYS.map(() => []) : null;
    for (let t = 0; t <= T; t++) {
      let sum = 0;
      for (let s = 0; s < S; s++) sum += store.value(idx[s], t, m);
      const mean = S ? sum / S : 0;
      let ss = 0;
      for (let s = 0; s < S; s++) { const d = store.value(idx[s], t, m) - mean; ss += d * d; }
      st.mean.push(mean);
      st.se.push(S > 1 ? Math.sqrt(ss / (S - 1) / S) : 0);
      if (qs) quantilesOf(t, m, (i, v) => qs[i].push(v));
    }
    const f = { mean: st.mean[T], se: st.se[T] } as PointStats;
    if (qs) {
      const full = st as SeriesStats;
      QUANTILE_KEYS.forEach((k, i) => { full[k] = qs[i]; f[k] = qs[i][T]; });
    } else quantilesOf(T, m, (i, v) => { f[QUANTILE_KEYS[i]] = v; });
    stats[name] = st;
    final[name] = f;
  });
  return { stats, final };
}

/** A − B per seed on the seeds present in both stores (seed-list order), then mean and SE over seeds. */
export function pairedDiff(a: SeedStore, b: SeedStore, names: string[], only: Set<string> | null = null): PairedDiff {
  const idx = a.filledIndices().filter((i) => b.filled[i]);
  const S = idx.length, T = a.T;
  const series: PairedDiff["series"] = {};
  const final: PairedDiff["final"] = {};
  names.forEach((name, m) => {
    if (only && !only.has(name)) return;
    const mean: number[] = [], se: number[] = [];
    for (let t = 0; t <= T; t++) {
      let sum = 0, ss = 0;
      for (const s of idx) sum += a.value(s, t, m) - b.value(s, t, m);
      const mu = S ? sum / S : 0;
      for (const s of idx) { const d = a.value(s, t, m) - b.value(s, t, m) - mu; ss += d * d; }
      mean.push(mu);
      se.push(S > 1 ? Math.sqrt(ss / (S - 1) / S) : 0);
    }
    series[name] = { mean, se };
    final[name] = { mean: mean[T], se: se[T], z: se[T] > 0 ? mean[T] / se[T] : 0 };
  });
  return { series, final };
}
