// Ensembles of the token-level toy: seeds cfg.seed + i, one at a time (so callers can stream partial
// summaries), mean / SE per step and quantiles at the final step, and paired differences A − B on the same
// seeds (common random numbers: the first rollout is shared exactly, and the runs stay coupled afterwards).
// The rows and the statistics over seeds are the strategy toy's (../seed-store.ts).

import { checkSeedCount, pairedDiff, SeedStore, summariseSeeds, type MeanSeSeries, type PairedDiff, type PointStats } from "../seed-store.js";
import type { TokenToyConfig } from "./config.js";
import { runTokenSingle, tokenMetricNames } from "./sim.js";

export interface TokenSummary {
  strategies: string[];
  metricNames: string[];
  steps: number;
  seeds: number[];
  seedsPlanned: number;
  /** per metric, arrays over t = 0..steps */
  stats: Record<string, MeanSeSeries>;
  final: Record<string, PointStats>;
  guardHits: number;
}

export type TokenPaired = PairedDiff;

export interface TokenEnsembleResult {
  a: TokenSummary;
  b?: TokenSummary;
  diff?: TokenPaired;
  completed: number;
  total: number;
  done: boolean;
}

export function checkTokenEnsembleSize(cfg: TokenToyConfig, seeds: number): string[] {
  return checkSeedCount(cfg.steps, seeds);
}

const namesOf = (cfg: TokenToyConfig) => tokenMetricNames(cfg.strategies.length, cfg.classEdges.length + 1);

function summarise(cfg: TokenToyConfig, st: SeedStore, seeds: number[], only: Set<string> | null): TokenSummary {
  const names = namesOf(cfg);
  const { stats, final } = summariseSeeds(st, names, { quantilesPerStep: false, only });
  return { strategies: cfg.strategies.slice(), metricNames: names, steps: st.T, seeds: st.filledIndices().map((i) => seeds[i]), seedsPlanned: seeds.length, stats, final, guardHits: st.guardHits };
}

/** Runs configuration A (and B on the same seeds) seed by seed; both validated, same modes and steps. */
export class TokenEnsemble {
  readonly seeds: number[];
  private readonly a: SeedStore;
  private readonly b: SeedStore | null;
  constructor(readonly cfgA: TokenToyConfig, seeds: number, readonly cfgB?: TokenToyConfig) {
    const problems = checkTokenEnsembleSize(cfgA, seeds);
    if (cfgB) {
      if (cfgB.strategies.length !== cfgA.strategies.length) problems.push("the paired configuration must have the same number of modes");
      if (cfgB.steps !== cfgA.steps) problems.push("the paired configuration must have the same number of steps");
      if (cfgB.classEdges.length !== cfgA.classEdges.length) problems.push("the paired configuration must have the same number of class edges");
    }
    if (problems.length) throw new RangeError(problems.join("; "));
    this.seeds = Array.from({ length: seeds }, (_, i) => (cfgA.seed + i) >>> 0);
    this.a = new SeedStore(namesOf(cfgA).length, cfgA.steps, seeds);
    this.b = cfgB ? new SeedStore(namesOf(cfgB).length, cfgB.steps, seeds) : null;
  }
  get completed(): number { return this.a.count; }
  get done(): boolean { return this.a.count >= this.seeds.length; }
  get rowLength(): number { return this.a.rowLength; }
  /** Run up to n more seeds in seed order; returns how many ran. */
  runNext(n = 1): number {
    let ran = 0;
    for (let i = 0; ran < n && i < this.seeds.length; i++) {
      if (this.a.filled[i]) continue;
      this.a.mark(i, runTokenSingle(this.cfgA, this.seeds[i], this.a.slot(i)).guardHits);
      if (this.b) this.b.mark(i, runTokenSingle(this.cfgB!, this.seeds[i], this.b.slot(i)).guardHits);
      ran++;
    }
    return ran;
  }
  /** Seed number `index` computed elsewhere (e.g. another worker). */
  ingest(index: number, rowsA: ArrayLike<number>, rowsB?: ArrayLike<number>, guardA = 0, guardB = 0): void {
    if (!!rowsB !== !!this.b) throw new RangeError(this.b ? "this ensemble is paired: give the B rows too" : "this ensemble is not paired");
    // check B before A takes the seed, so a refused seed leaves both stores as they were
    if (this.b && rowsB!.length !== this.b.rowLength) throw new RangeError(`seed rows have length ${rowsB!.length}, expected ${this.b.rowLength}`);
    this.a.ingest(index, rowsA, guardA);
    this.b?.ingest(index, rowsB!, guardB);
  }
  /** Summary so far; `metrics` limits it to some metric names (the page asks for the ones it draws). */
  result(metrics?: string[]): TokenEnsembleResult {
    const subset = metrics ? new Set(metrics) : null;
    const out: TokenEnsembleResult = { a: summarise(this.cfgA, this.a, this.seeds, subset), completed: this.completed, total: this.seeds.length, done: this.done };
    if (this.b) { out.b = summarise(this.cfgB!, this.b, this.seeds, subset); out.diff = pairedDiff(this.a, this.b, namesOf(this.cfgA), subset); }
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
