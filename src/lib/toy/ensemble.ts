// Ensembles of S seeds (mean, standard error, quantiles per step) and paired differences between two
// configurations run on the same seeds (common random numbers, note §2.3). Seeds are cfg.seed + i.
// The runner advances seed by seed so callers (worker, CLI) can stream partial summaries.

import { LIMITS, type ToyConfig } from "./config.js";
import { metricNames, runSingle } from "./sim.js";

export const QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;
export const QUANTILE_KEYS = ["q05", "q25", "q50", "q75", "q95"] as const;
export type QuantileKey = (typeof QUANTILE_KEYS)[number];

export type SeriesStats = { mean: number[]; se: number[] } & Record<QuantileKey, number[]>;
export type PointStats = { mean: number; se: number } & Record<QuantileKey, number>;

export interface EnsembleSummary {
  strategies: string[];
  metricNames: string[];
  steps: number;
  /** seeds completed so far, in order */
  seeds: number[];
  seedsPlanned: number;
  /** per metric, arrays indexed by step t = 0..steps */
  stats: Record<string, SeriesStats>;
  /** per metric at the final step */
  final: Record<string, PointStats>;
  guardHits: number;
}

export interface PairedDiff {
  /** per metric: mean and SE over seeds of (A − B), t = 0..steps */
  series: Record<string, { mean: number[]; se: number[] }>;
  final: Record<string, { mean: number; se: number; z: number }>;
}

export interface EnsembleResult {
  a: EnsembleSummary;
  b?: EnsembleSummary;
  /** A − B on the same seeds (present when a comparison config was given) */
  diff?: PairedDiff;
  done: boolean;
}

export function seedList(cfg: ToyConfig, count: number): number[] {
  return Array.from({ length: count }, (_, i) => (cfg.seed + i) >>> 0);
}

/** Type-7 quantile (linear interpolation, numpy/R default) of a sorted array. */
export function quantileSorted(sorted: ArrayLike<number>, n: number, q: number): number {
  if (n === 0) return 0;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export function checkEnsembleSize(cfg: ToyConfig, seeds: number): string[] {
  const p: string[] = [];
  if (!Number.isInteger(seeds) || seeds < 1 || seeds > LIMITS.maxSeeds) p.push(`seeds must be a whole number from 1 to ${LIMITS.maxSeeds} (got ${seeds})`);
  else if (seeds * (cfg.steps + 1) > LIMITS.maxSeedSteps)
    p.push(`seeds × steps = ${seeds} × ${cfg.steps} is above the memory cap of ${LIMITS.maxSeedSteps.toLocaleString("en")}; use fewer seeds or steps`);
  return p;
}

/**
 * Stores every seed's metric rows so summaries (with quantiles) can be taken at any time. Rows can be
 * computed here (`run`) or handed in from elsewhere (`ingest`, e.g. from a pool of workers that each ran
 * some of the seeds): summaries always iterate over the filled seeds in seed-list order, so once every
 * seed is in, the result is bit for bit the one a single sequential runner gives.
 */
class SeedStore {
  readonly M: number;
  readonly T: number;
  readonly data: Float64Array; // seed-major: [seed index][t][metric]
  readonly filled: Uint8Array;
  count = 0;
  guardHits = 0;
  constructor(readonly cfg: ToyConfig, readonly capacity: number) {
    this.M = metricNames(cfg.strategies.length).length;
    this.T = cfg.steps;
    this.data = new Float64Array(capacity * (this.T + 1) * this.M);
    this.filled = new Uint8Array(capacity);
  }
  get rowLength(): number { return (this.T + 1) * this.M; }
  slot(index: number): Float64Array {
    return this.data.subarray(index * this.rowLength, (index + 1) * this.rowLength);
  }
  run(index: number, seed: number): void {
    const r = runSingle(this.cfg, seed, this.slot(index));
    this.mark(index, r.guardHits);
  }
  ingest(index: number, rows: ArrayLike<number>, guardHits: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.capacity) throw new RangeError(`seed index ${index} is outside 0..${this.capacity - 1}`);
    if (rows.length !== this.rowLength) throw new RangeError(`seed rows have length ${rows.length}, expected ${this.rowLength}`);
    if (this.filled[index]) throw new RangeError(`seed index ${index} was already ingested`);
    this.slot(index).set(rows);
    this.mark(index, guardHits);
  }
  private mark(index: number, guardHits: number): void {
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

function summarise(store: SeedStore, seeds: number[], planned: number): EnsembleSummary {
  const cfg = store.cfg, names = metricNames(cfg.strategies.length);
  const idx = store.filledIndices();
  const S = idx.length, T = store.T, M = store.M;
  const buf = new Float64Array(S);
  const stats: Record<string, SeriesStats> = {};
  const final: Record<string, PointStats> = {};
  for (let m = 0; m < M; m++) {
    const st: SeriesStats = { mean: [], se: [], q05: [], q25: [], q50: [], q75: [], q95: [] };
    for (let t = 0; t <= T; t++) {
      let sum = 0;
      for (let s = 0; s < S; s++) { const v = store.value(idx[s], t, m); buf[s] = v; sum += v; }
      const mean = S ? sum / S : 0;
      let ss = 0;
      for (let s = 0; s < S; s++) { const d = buf[s] - mean; ss += d * d; }
      st.mean.push(mean);
      st.se.push(S > 1 ? Math.sqrt(ss / (S - 1) / S) : 0);
      const sorted = buf.subarray(0, S).sort();
      QUANTILES.forEach((q, i) => st[QUANTILE_KEYS[i]].push(quantileSorted(sorted, S, q)));
    }
    stats[names[m]] = st;
    final[names[m]] = {
      mean: st.mean[T], se: st.se[T],
      q05: st.q05[T], q25: st.q25[T], q50: st.q50[T], q75: st.q75[T], q95: st.q95[T],
    };
  }
  return {
    strategies: cfg.strategies.slice(), metricNames: names, steps: T,
    seeds: idx.map((i) => seeds[i]), seedsPlanned: planned, stats, final, guardHits: store.guardHits,
  };
}

function pairedDiff(a: SeedStore, b: SeedStore): PairedDiff {
  const names = metricNames(a.cfg.strategies.length);
  // seeds present in both stores, in seed-list order
  const idx = a.filledIndices().filter((i) => b.filled[i]);
  const S = idx.length, T = a.T, M = a.M;
  const series: PairedDiff["series"] = {};
  const final: PairedDiff["final"] = {};
  for (let m = 0; m < M; m++) {
    const mean: number[] = [], se: number[] = [];
    for (let t = 0; t <= T; t++) {
      let sum = 0, ss = 0;
      for (const s of idx) sum += a.value(s, t, m) - b.value(s, t, m);
      const mu = S ? sum / S : 0;
      for (const s of idx) { const d = a.value(s, t, m) - b.value(s, t, m) - mu; ss += d * d; }
      mean.push(mu);
      se.push(S > 1 ? Math.sqrt(ss / (S - 1) / S) : 0);
    }
    series[names[m]] = { mean, se };
    final[names[m]] = { mean: mean[T], se: se[T], z: se[T] > 0 ? mean[T] / se[T] : 0 };
  }
  return { series, final };
}

/**
 * Runs config A (and optionally B) over `seeds` seeds, one seed at a time.
 * Both configs must be validated and have the same strategies and steps.
 */
export class EnsembleRunner {
  readonly seeds: number[];
  private readonly a: SeedStore;
  private readonly b: SeedStore | null;
  constructor(readonly cfgA: ToyConfig, seeds: number, readonly cfgB?: ToyConfig) {
    const problems = checkEnsembleSize(cfgA, seeds);
    if (cfgB) {
      if (cfgB.strategies.length !== cfgA.strategies.length) problems.push("the paired configuration must have the same number of strategies");
      if (cfgB.steps !== cfgA.steps) problems.push("the paired configuration must have the same number of steps");
    }
    if (problems.length) throw new RangeError(problems.join("; "));
    this.seeds = seedList(cfgA, seeds);
    this.a = new SeedStore(cfgA, seeds);
    this.b = cfgB ? new SeedStore(cfgB, seeds) : null;
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
      this.a.run(i, this.seeds[i]);
      this.b?.run(i, this.seeds[i]);
      ran++;
    }
    return ran;
  }
  /**
   * Adds seed number `index` (0-based position in `seeds`) computed elsewhere, e.g. by `runSeedRows` in
   * another worker. Once every seed is in, `result()` equals a sequential run's bit for bit.
   */
  ingest(index: number, a: SeedRows, b?: SeedRows): void {
    if (!!b !== !!this.b) throw new RangeError(this.b ? "this ensemble is paired: give the B rows too" : "this ensemble is not paired");
    this.a.ingest(index, a.rows, a.guardHits);
    if (b) this.b!.ingest(index, b.rows, b.guardHits);
  }
  /** Summary over the seeds completed so far. */
  result(): EnsembleResult {
    const planned = this.seeds.length;
    const out: EnsembleResult = { a: summarise(this.a, this.seeds, planned), done: this.done };
    if (this.b) {
      out.b = summarise(this.b, this.seeds, planned);
      out.diff = pairedDiff(this.a, this.b);
    }
    return out;
  }
  /** Raw per-seed rows for export: [seed, t, ...metrics] */
  rows(which: "a" | "b" = "a"): { seed: number; step: number; values: number[] }[] {
    const st = which === "a" ? this.a : this.b;
    if (!st) return [];
    const out: { seed: number; step: number; values: number[] }[] = [];
    for (const s of st.filledIndices())
      for (let t = 0; t <= st.T; t++) {
        const values: number[] = [];
        for (let m = 0; m < st.M; m++) values.push(st.value(s, t, m));
        out.push({ seed: this.seeds[s], step: t, values });
      }
    return out;
  }
}

/** One seed's metric rows ([t][metric], t = 0..steps) and how often the logit guard acted. */
export interface SeedRows { rows: Float64Array; guardHits: number }

/**
 * Runs seed number `index` of an ensemble (seed cfg.seed + index) for A and, if given, B: the unit of
 * work a pool worker does; feed the result to `EnsembleRunner.ingest`.
 */
export function runSeedRows(cfgA: ToyConfig, index: number, cfgB?: ToyConfig): { a: SeedRows; b?: SeedRows } {
  const seed = (cfgA.seed + index) >>> 0;
  const ra = runSingle(cfgA, seed);
  const out: { a: SeedRows; b?: SeedRows } = { a: { rows: ra.rows, guardHits: ra.guardHits } };
  if (cfgB) { const rb = runSingle(cfgB, seed); out.b = { rows: rb.rows, guardHits: rb.guardHits }; }
  return out;
}

/** Synchronous convenience: the whole ensemble at once. */
export function runEnsemble(cfgA: ToyConfig, seeds: number, cfgB?: ToyConfig): EnsembleResult {
  const r = new EnsembleRunner(cfgA, seeds, cfgB);
  r.runNext(seeds);
  return r.result();
}

export interface StreamOptions {
  /** called with a partial result about every `partialMs` of compute, and once at the end */
  onPartial?: (r: EnsembleResult, completed: number, total: number) => void;
  partialMs?: number;
  signal?: AbortSignal;
}

/**
 * Streaming ensemble: runs seed by seed, yielding to the event loop between chunks (so a worker can
 * receive a cancel message) and reporting partial summaries. Rejects with an AbortError when cancelled.
 */
export async function runEnsembleStreaming(cfgA: ToyConfig, seeds: number, cfgB: ToyConfig | undefined, opt: StreamOptions = {}): Promise<EnsembleResult> {
  const runner = new EnsembleRunner(cfgA, seeds, cfgB);
  const partialMs = opt.partialMs ?? 100;
  const now = () => (typeof performance !== "undefined" ? performance.now() : Date.now());
  let last = now();
  let firstSent = false;
  let summaryMs = 0;
  while (!runner.done) {
    const t0 = now();
    // run seeds until ~25 ms have passed, then give the event loop a turn
    while (!runner.done && now() - t0 < 25) runner.runNext(1);
    if (opt.signal?.aborted) throw abortError();
    // first partial as early as possible, then every partialMs, but never spend more than ~20% of the
    // time summarising (quantiles of big ensembles are not free)
    if (opt.onPartial && !runner.done && (!firstSent || now() - last >= Math.max(partialMs, 4 * summaryMs))) {
      const s0 = now();
      const partial = runner.result();
      summaryMs = now() - s0;
      opt.onPartial(partial, runner.completed, runner.seeds.length);
      last = now();
      firstSent = true;
    }
    await new Promise((r) => setTimeout(r, 0));
    if (opt.signal?.aborted) throw abortError();
  }
  const res = runner.result();
  opt.onPartial?.(res, runner.completed, runner.seeds.length);
  return res;
}

function abortError(): Error {
  const e = new Error("run cancelled");
  e.name = "AbortError";
  return e;
}
