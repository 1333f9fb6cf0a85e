// Ensembles of the token-level toy: seeds cfg.seed + i, one at a time (so callers can stream partial
// summaries), mean / SE per step and quantiles at the final step, and paired differences A − B on the same
// seeds (common random numbers: the first rollout is shared exactly, and the runs stay coupled afterwards).
// The rows and the statistics over seeds are the strategy toy's (../seed-store.ts).

import { checkSeedCount, PairedSeeds, pairedDiff, summariseSeeds, type MeanSeSeries, type PairedDiff, type PointStats, type SeedRows, type SeedStore } from "../seed-store.js";
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

/**
 * Runs configuration A (and B on the same seeds) seed by seed, or gathers seeds run elsewhere in any order
 * (PairedSeeds); both validated, same modes, steps and class edges.
 */
export class TokenEnsemble extends PairedSeeds<TokenToyConfig> {
  constructor(cfgA: TokenToyConfig, seeds: number, cfgB?: TokenToyConfig) {
    const problems = checkTokenEnsembleSize(cfgA, seeds);
    if (cfgB) {
      if (cfgB.strategies.length !== cfgA.strategies.length) problems.push("the paired configuration must have the same number of modes");
      if (cfgB.steps !== cfgA.steps) problems.push("the paired configuration must have the same number of steps");
      if (cfgB.classEdges.length !== cfgA.classEdges.length) problems.push("the paired configuration must have the same number of class edges");
    }
    if (problems.length) throw new RangeError(problems.join("; "));
    super(cfgA, cfgB, cfgA.seed, seeds, cfgA.steps, namesOf(cfgA).length, runTokenSingle);
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
export type TokenSeedRows = SeedRows;

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
