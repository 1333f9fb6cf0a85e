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
/** Mean and SE per step, with per-step quantiles where they were asked for (SummaryOptions.quantilesPerStep). */
export type StepStats = MeanSeSeries & Partial<Record<QuantileKey, number[]>>;
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

/** One seed's metric rows ([t][metric], t = 0..steps) and how often the logit guard acted. */
export interface SeedRows { rows: Float64Array; guardHits: number }

/** One seed of a simulator: rows written into `out` (t = 0..steps) and the guard count. */
export type SeedRunner<C> = (cfg: C, seed: number, out: Float64Array) => { guardHits: number };

/**
 * The seeds of an ensemble of configuration A and, optionally, B on the same seeds (common random numbers):
 * seed i is `firstSeed + i`; seeds run here in seed order (runNext) or elsewhere and arrive in any order
 * (ingest). Both toys' ensembles keep their seeds in one of these.
 */
export class PairedSeeds<C> {
  readonly seeds: number[];
  readonly a: SeedStore;
  readonly b: SeedStore | null;
  /** @param metrics metrics per row; `cfgB` given: paired */
  constructor(readonly cfgA: C, readonly cfgB: C | undefined, firstSeed: number, seeds: number, steps: number, metrics: number, private readonly runOne: SeedRunner<C>) {
    this.seeds = Array.from({ length: seeds }, (_, i) => (firstSeed + i) >>> 0);
    this.a = new SeedStore(metrics, steps, seeds);
    this.b = cfgB ? new SeedStore(metrics, steps, seeds) : null;
  }
  get completed(): number { return this.a.count; }
  get done(): boolean { return this.a.count >= this.seeds.length; }
  /** Length of one seed's row block ((steps + 1) × metrics), as `ingest` expects it. */
  get rowLength(): number { return this.a.rowLength; }
  /** Run up to `n` more seeds (each in A and, if present, B), in seed order. Returns how many ran. */
  runNext(n = 1): number {
    let ran = 0;
    for (let i = 0; ran < n && i < this.seeds.length; i++) {
      if (this.a.filled[i]) continue;
      this.a.mark(i, this.runOne(this.cfgA, this.seeds[i], this.a.slot(i)).guardHits);
      if (this.b) this.b.mark(i, this.runOne(this.cfgB!, this.seeds[i], this.b.slot(i)).guardHits);
      ran++;
    }
    return ran;
  }
  /**
   * Adds seed number `index` (0-based position in `seeds`) computed elsewhere, e.g. in another worker. Once
   * every seed is in, every summary equals a sequential run's bit for bit. A refused seed changes neither store.
   */
  ingest(index: number, a: SeedRows, b?: SeedRows): void {
    if (!!b !== !!this.b) throw new RangeError(this.b ? "this ensemble is paired: give the B rows too" : "this ensemble is not paired");
    if (this.b && b!.rows.length !== this.b.rowLength) throw new RangeError(`seed rows have length ${b!.rows.length}, expected ${this.b.rowLength}`);
    this.a.ingest(index, a.rows, a.guardHits);
    if (b) this.b!.ingest(index, b.rows, b.guardHits);
  }
}

export interface SummaryOptions {
  /** quantiles at every step for every metric (true), for these metrics (a set), or only at the final step (false) */
  quantilesPerStep: boolean | ReadonlySet<string>;
  /** summarise only these metrics (null: all) */
  only?: Set<string> | null;
}

/**
 * Per (step, metric) cell j = t·M + m of the filled seeds' rows: the sum over seeds (in seed-list order) of the
 * value, or with `mean` of its squared deviation, accumulated seed by seed over whole rows. Sequential row
 * passes instead of one strided column per cell: the sums are the same additions in the same order, but a
 * pool's few partial summaries each run mostly before the JIT has optimised them, and there the tight row loops
 * are several times faster.
 */
function rowSums(data: Float64Array, starts: number[], R: number, mean: Float64Array | null): Float64Array {
  const out = new Float64Array(R);
  for (const start of starts) {
    if (mean) for (let j = 0; j < R; j++) { const d = data[start + j] - mean[j]; out[j] += d * d; }
    else for (let j = 0; j < R; j++) out[j] += data[start + j];
  }
  return out;
}

/** Mean and SE per cell from the sums of values and of squared deviations over S seeds. */
function meanAndSe(data: Float64Array, starts: number[], R: number): { mean: Float64Array; se: Float64Array } {
  const S = starts.length;
  const mean = rowSums(data, starts, R, null);
  for (let j = 0; j < R; j++) mean[j] = S ? mean[j] / S : 0;
  const se = rowSums(data, starts, R, mean);
  for (let j = 0; j < R; j++) se[j] = S > 1 ? Math.sqrt(se[j] / (S - 1) / S) : 0;
  return { mean, se };
}

/** Mean, SE (and quantiles) over the filled seeds, per metric named in `names` (row order). */
export function summariseSeeds(store: SeedStore, names: string[], o: SummaryOptions): { stats: Record<string, StepStats>; final: Record<string, PointStats> } {
  const idx = store.filledIndices();
  const S = idx.length, T = store.T, M = store.M, R = store.rowLength, data = store.data;
  const starts = idx.map((i) => i * R);
  const { mean, se } = meanAndSe(data, starts, R);
  // cell j over the filled seeds, sorted by the typed-array sort (gathered only for the cells a quantile is taken of)
  const column = new Float64Array(S);
  const sortedColumn = (j: number) => {
    for (let s = 0; s < S; s++) column[s] = data[starts[s] + j];
    return column.sort();
  };
  const stats: Record<string, StepStats> = {};
  const final: Record<string, PointStats> = {};
  const perStep = (name: string) => (typeof o.quantilesPerStep === "boolean" ? o.quantilesPerStep : o.quantilesPerStep.has(name));
  names.forEach((name, m) => {
    if (o.only && !o.only.has(name)) return;
    const st: MeanSeSeries = { mean: new Array(T + 1), se: new Array(T + 1) };
    const qs: number[][] | null = perStep(name) ? QUANTILE_KEYS.map(() => new Array(T + 1)) : null;
    for (let t = 0; t <= T; t++) {
      const j = t * M + m;
      st.mean[t] = mean[j];
      st.se[t] = se[j];
      if (qs) {
        const sorted = sortedColumn(j);
        for (let i = 0; i < QUANTILES.length; i++) qs[i][t] = quantileSorted(sorted, S, QUANTILES[i]);
      }
    }
    const f = { mean: st.mean[T], se: st.se[T] } as PointStats;
    if (qs) {
      const full = st as SeriesStats;
      QUANTILE_KEYS.forEach((k, i) => { full[k] = qs[i]; f[k] = qs[i][T]; });
    } else {
      const sorted = sortedColumn(T * M + m);
      QUANTILE_KEYS.forEach((k, i) => { f[k] = quantileSorted(sorted, S, QUANTILES[i]); });
    }
    stats[name] = st;
    final[name] = f;
  });
  return { stats, final };
}

/** A − B per seed on the seeds present in both stores (seed-list order), then mean and SE over seeds. */
export function pairedDiff(a: SeedStore, b: SeedStore, names: string[], only: Set<string> | null = null): PairedDiff {
  const idx = a.filledIndices().filter((i) => b.filled[i]);
  const S = idx.length, T = a.T, M = a.M, R = a.rowLength;
  // the per-seed differences, row by row, then the same sums as a single store's
  const diffs = new Float64Array(S * R);
  for (let s = 0; s < S; s++) {
    const sa = idx[s] * R, sb = idx[s] * b.rowLength, o = s * R;
    for (let j = 0; j < R; j++) diffs[o + j] = a.data[sa + j] - b.data[sb + j];
  }
  const { mean, se } = meanAndSe(diffs, idx.map((_, s) => s * R), R);
  const series: PairedDiff["series"] = {};
  const final: PairedDiff["final"] = {};
  names.forEach((name, m) => {
    if (only && !only.has(name)) return;
    const mu: number[] = new Array(T + 1), sd: number[] = new Array(T + 1);
    for (let t = 0; t <= T; t++) { mu[t] = mean[t * M + m]; sd[t] = se[t * M + m]; }
    series[name] = { mean: mu, se: sd };
    final[name] = { mean: mu[T], se: sd[T], z: sd[T] > 0 ? mu[T] / sd[T] : 0 };
  });
  return { series, final };
}
