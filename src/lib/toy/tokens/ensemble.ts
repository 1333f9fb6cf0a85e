// Ensembles of the token-level toy: seeds cfg.seed + i, one at a time (so callers can stream partial
// summaries), mean / SE / quantiles per step, and paired differences A − B on the same seeds (common
// random numbers: the first rollout is shared exactly, and the runs stay coupled afterwards).

import { LIMITS } from "../config.js";
import { QUANTILE_KEYS, QUANTILES, quantileSorted, type PointStats } from "../ensemble.js";
import type { TokenToyConfig } from "./config.js";
import { runTokenSingle, tokenMetricNames } from "./sim.js";

export interface TokenSummary {
  strategies: string[];
  metricNames: string[];
  steps: number;
  seeds: number[];
  seedsPlanned: number;
  /** per metric, arrays over t = 0..steps */
  stats: Record<string, { mean: number[]; se: number[] }>;
  final: Record<string, PointStats>;
  guardHits: number;
}

export interface TokenPaired {
  series: Record<string, { mean: number[]; se: number[] }>;
  final: Record<string, { mean: number; se: number; z: number }>;
}

export interface TokenEnsembleResult {
  a: TokenSummary;
  b?: TokenSummary;
  diff?: TokenPaired;
  completed: number;
  total: number;
  done: boolean;
}

export function checkTokenEnsembleSize(cfg: TokenToyConfig, seeds: number): string[] {
  if (!Number.isInteger(seeds) || seeds < 1 || seeds > LIMITS.maxSeeds) return [`seeds must be a whole number from 1 to ${LIMITS.maxSeeds} (got ${seeds})`];
  if (seeds * (cfg.steps + 1) > LIMITS.maxSeedSteps)
    return [`seeds × steps = ${seeds} × ${cfg.steps} is above the memory cap of ${LIMITS.maxSeedSteps.toLocaleString("en")}; use fewer seeds or steps`];
  return [];
}

class Store {
  readonly M: number;
  readonly T: number;
  readonly data: Float64Array;
  readonly filled: Uint8Array;
  guardHits = 0;
  constructor(readonly cfg: TokenToyConfig, readonly n: number) {
    this.M = tokenMetricNames(cfg.strategies.length, cfg.classEdges.length + 1).length;
    this.T = cfg.steps;
    this.data = new Float64Array(n * (this.T + 1) * this.M);
    this.filled = new Uint8Array(n);
  }
  get rowLength(): number { return (this.T + 1) * this.M; }
  slot(i: number): Float64Array { return this.data.subarray(i * this.rowLength, (i + 1) * this.rowLength); }
  value(s: number, t: number, m: number): number { return this.data[(s * (this.T + 1) + t) * this.M + m]; }
  indices(): number[] { const o: number[] = []; for (let i = 0; i < this.n; i++) if (this.filled[i]) o.push(i); return o; }
}

function summarise(st: Store, seeds: number[], metricSubset: Set<string> | null): TokenSummary {
  const names = tokenMetricNames(st.cfg.strategies.length, st.cfg.classEdges.length + 1);
  const idx = st.indices(), S = idx.length, T = st.T;
  const buf = new Float64Array(S);
  const stats: TokenSummary["stats"] = {}, final: TokenSummary["final"] = {};
  names.forEach((name, m) => {
    if (metricSubset && !metricSubset.has(name)) return;
    const mean: number[] = [], se: number[] = [];
    for (let t = 0; t <= T; t++) {
      let sum = 0;
      for (let s = 0; s < S; s++) sum += st.value(idx[s], t, m);
      const mu = S ? sum / S : 0;
      let ss = 0;
      for (let s = 0; s < S; s++) { const d = st.value(idx[s], t, m) - mu; ss += d * d; }
      mean.push(mu);
      se.push(S > 1 ? Math.sqrt(ss / (S - 1) / S) : 0);
    }
    stats[name] = { mean, se };
    for (let s = 0; s < S; s++) buf[s] = st.value(idx[s], T, m);
    const sorted = buf.subarray(0, S).sort();
    const f = { mean: mean[T], se: se[T] } as PointStats;
    QUANTILES.forEach((q, i) => { f[QUANTILE_KEYS[i]] = quantileSorted(sorted, S, q); });
    final[name] = f;
  });
  return { strategies: st.cfg.strategies.slice(), metricNames: names, steps: T, seeds: idx.map((i) => seeds[i]), seedsPlanned: seeds.length, stats, final, guardHits: st.guardHits };
}

function paired(a: Store, b: Store, metricSubset: Set<string> | null): TokenPaired {
  const names = tokenMetricNames(a.cfg.strategies.length, a.cfg.classEdges.length + 1);
  const idx = a.indices().filter((i) => b.filled[i]), S = idx.length, T = a.T;
  const series: TokenPaired["series"] = {}, final: TokenPaired["final"] = {};
  names.forEach((name, m) => {
    if (metricSubset && !metricSubset.has(name)) return;
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

/** Runs configuration A (and B on the same seeds) seed by seed; both validated, same modes and steps. */
export class TokenEnsemble {
  readonly seeds: number[];
  private readonly a: Store;
  private readonly b: Store | null;
  private count = 0;
  constructor(readonly cfgA: TokenToyConfig, seeds: number, readonly cfgB?: TokenToyConfig) {
    const problems = checkTokenEnsembleSize(cfgA, seeds);
    if (cfgB) {
      if (cfgB.strategies.length !== cfgA.strategies.length) problems.push("the paired configuration must have the same number of modes");
      if (cfgB.steps !== cfgA.steps) problems.push("the paired configuration must have the same number of steps");
      if (cfgB.classEdges.length !== cfgA.classEdges.length) problems.push("the paired configuration must have the same number of class edges");
    }
    if (problems.length) throw new RangeError(problems.join("; "));
    this.seeds = Array.from({ length: seeds }, (_, i) => (cfgA.seed + i) >>> 0);
    this.a = new Store(cfgA, seeds);
    this.b = cfgB ? new Store(cfgB, seeds) : null;
  }
  get completed(): number { return this.count; }
  get done(): boolean { return this.count >= this.seeds.length; }
  get rowLength(): number { return this.a.rowLength; }
  /** Run up to n more seeds in seed order; returns how many ran. */
  runNext(n = 1): number {
    let ran = 0;
    for (let i = 0; ran < n && i < this.seeds.length; i++) {
      if (this.a.filled[i]) continue;
      const ra = runTokenSingle(this.cfgA, this.seeds[i], this.a.slot(i));
      const rb = this.b ? runTokenSingle(this.cfgB!, this.seeds[i], this.b.slot(i)) : null;
      this.mark(i, ra.guardHits, rb?.guardHits ?? 0);
      ran++;
    }
    return ran;
  }
  /** Seed number `index` computed elsewhere (e.g. another worker). */
  ingest(index: number, rowsA: ArrayLike<number>, rowsB?: ArrayLike<number>, guardA = 0, guardB = 0): void {
    if (index < 0 || index >= this.seeds.length || this.a.filled[index]) throw new RangeError(`seed index ${index} is outside the ensemble or already in`);
    if (rowsA.length !== this.a.rowLength || (this.b && rowsB?.length !== this.b.rowLength)) throw new RangeError("seed rows have the wrong length");
    this.a.slot(index).set(rowsA);
    if (this.b && rowsB) this.b.slot(index).set(rowsB);
    this.mark(index, guardA, guardB);
  }
  private mark(i: number, ga: number, gb: number): void {
    this.a.filled[i] = 1; this.a.guardHits += ga;
    if (this.b) { this.b.filled[i] = 1; this.b.guardHits += gb; }
    this.count++;
  }
  /** Summary so far; `metrics` limits it to some metric names (the page asks for the ones it draws). */
  result(metrics?: string[]): TokenEnsembleResult {
    const subset = metrics ? new Set(metrics) : null;
    const out: TokenEnsembleResult = { a: summarise(this.a, this.seeds, subset), completed: this.count, total: this.seeds.length, done: this.done };
    if (this.b) { out.b = summarise(this.b, this.seeds, subset); out.diff = paired(this.a, this.b, subset); }
    return out;
  }
}

export function runTokenEnsemble(cfgA: TokenToyConfig, seeds: number, cfgB?: TokenToyConfig, metrics?: string[]): TokenEnsembleResult {
  const e = new TokenEnsemble(cfgA, seeds, cfgB);
  e.runNext(seeds);
  return e.result(metrics);
}

/** One seed's metric rows, as `TokenEnsemble.ingest` takes them. */
export interface TokenSeedRows { rows: Float64Array; guardHits: number }

/**
 * Seed number `index` (seed cfgA.seed + index) of configuration A and, when given, B on the same seed: a pure
 * function of (configs, index), so a pool of workers can run any seed and the ensemble ingests it by index.
 */
export function runTokenSeedRows(cfgA: TokenToyConfig, index: number, cfgB?: TokenToyConfig): { a: TokenSeedRows; b?: TokenSeedRows } {
  const seed = (cfgA.seed + index) >>> 0;
  const ra = runTokenSingle(cfgA, seed);
  const out: { a: TokenSeedRows; b?: TokenSeedRows } = { a: { rows: ra.rows, guardHits: ra.guardHits } };
  if (cfgB) { const rb = runTokenSingle(cfgB, seed); out.b = { rows: rb.rows, guardHits: rb.guardHits }; }
  return out;
}
