// Ensembles of S seeds (mean, standard error, quantiles per step) and paired differences between two
// configurations run on the same seeds (common random numbers, note §2.3). Seeds are cfg.seed + i.
// The runner advances seed by seed so callers (worker, CLI) can stream partial summaries; the rows and the
// statistics over seeds are ./seed-store.ts, shared with the token toy.

import type { ToyConfig } from "./config.js";
import { checkSeedCount, PairedSeeds, pairedDiff, QUANTILE_KEYS, summariseSeeds, type PairedDiff, type PointStats, type SeedRows, type SeriesStats, type SeedStore, type StepStats } from "./seed-store.js";
import { metricNames, runSingle } from "./sim.js";
import { yieldTurn } from "./yield-turn.js";

export { QUANTILE_KEYS, QUANTILES, quantileSorted, type PairedDiff, type PointStats, type QuantileKey, type SeedRows, type SeriesStats, type StepStats } from "./seed-store.js";

export interface EnsembleSummary {
  strategies: string[];
  metricNames: string[];
  steps: number;
  /** seeds completed so far, in order */
  seeds: number[];
  seedsPlanned: number;
  /**
   * per metric, arrays indexed by step t = 0..steps. Quantiles per step: for every metric in a full
   * summary (result()), only for PARTIAL_QUANTILE_METRICS in a partial one (partialResult()).
   */
  stats: Record<string, StepStats>;
  /** per metric at the final step */
  final: Record<string, PointStats>;
  guardHits: number;
}

export interface EnsembleResult {
  a: EnsembleSummary;
  b?: EnsembleSummary;
  /** A − B on the same seeds (present when a comparison config was given) */
  diff?: PairedDiff;
  done: boolean;
}

/** Per-step quantiles of `metric`; throws when the summary was taken without them. */
export function stepQuantiles(s: EnsembleSummary, metric: string): SeriesStats {
  const st = s.stats[metric];
  if (!st || !QUANTILE_KEYS.every((k) => st[k])) throw new Error(`this summary has no per-step quantiles of ${metric}`);
  return st as SeriesStats;
}

export function checkEnsembleSize(cfg: ToyConfig, seeds: number): string[] {
  return checkSeedCount(cfg.steps, seeds);
}

/**
 * The metrics whose per-step quantiles a partial summary carries: the fan chart's p0, the only per-step
 * quantiles drawn while a run streams. Sorting every metric's seeds at every step was most of a partial
 * summary's cost and two thirds of the message the page decodes.
 */
export const PARTIAL_QUANTILE_METRICS: ReadonlySet<string> = new Set(["p0"]);

function summarise(cfg: ToyConfig, store: SeedStore, seeds: number[], planned: number, quantilesPerStep: true | ReadonlySet<string>): EnsembleSummary {
  const names = metricNames(cfg.strategies.length);
  const { stats, final } = summariseSeeds(store, names, { quantilesPerStep });
  return {
    strategies: cfg.strategies.slice(), metricNames: names, steps: store.T,
    seeds: store.filledIndices().map((i) => seeds[i]), seedsPlanned: planned, stats, final, guardHits: store.guardHits,
  };
}

/**
 * Runs config A (and optionally B) over `seeds` seeds, one seed at a time, or gathers seeds run elsewhere
 * (runSeedRows in a pool worker) in any order (PairedSeeds). Both configs must be validated and have the
 * same strategies and steps.
 */
export class EnsembleRunner extends PairedSeeds<ToyConfig> {
  constructor(cfgA: ToyConfig, seeds: number, cfgB?: ToyConfig) {
    const problems = checkEnsembleSize(cfgA, seeds);
    if (cfgB) {
      if (cfgB.strategies.length !== cfgA.strategies.length) problems.push("the paired configuration must have the same number of strategies");
      if (cfgB.steps !== cfgA.steps) problems.push("the paired configuration must have the same number of steps");
    }
    if (problems.length) throw new RangeError(problems.join("; "));
    super(cfgA, cfgB, cfgA.seed, seeds, cfgA.steps, metricNames(cfgA.strategies.length).length, runSingle);
  }
  /** Summary over the seeds completed so far, with per-step quantiles of every metric. */
  result(): EnsembleResult {
    return this.summary(true);
  }
  /** The same, with per-step quantiles only of PARTIAL_QUANTILE_METRICS: what a streaming run draws. */
  partialResult(): EnsembleResult {
    return this.summary(PARTIAL_QUANTILE_METRICS);
  }
  private summary(quantilesPerStep: true | ReadonlySet<string>): EnsembleResult {
    const planned = this.seeds.length;
    const out: EnsembleResult = { a: summarise(this.cfgA, this.a, this.seeds, planned, quantilesPerStep), done: this.done };
    if (this.b) {
      out.b = summarise(this.cfgB!, this.b, this.seeds, planned, quantilesPerStep);
      out.diff = pairedDiff(this.a, this.b, metricNames(this.cfgA.strategies.length));
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
      const partial = runner.partialResult();
      summaryMs = now() - s0;
      opt.onPartial(partial, runner.completed, runner.seeds.length);
      last = now();
      firstSent = true;
    }
    await yieldTurn();
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
