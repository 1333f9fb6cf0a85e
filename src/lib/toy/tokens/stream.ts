// Runs of the token-level toy for the page's workers (and Node tests): one seed of a paired run with the
// extras the page draws (histograms, per-bin clip counts), the exact merge of seeds from any number of
// workers, the single-worker streaming run (seed by seed, yielding so a cancel gets through, with partial
// summaries and progress), and the ε_low × ε_high sign-rule map from one-step paired runs.

import type { TokenToyConfig } from "./config.js";
import { TokenEnsemble, type TokenEnsembleResult } from "./ensemble.js";
import { CLIP_BINS, TokenSimulator } from "./sim.js";
import { yieldTurn } from "../yield-turn.js";

export const HIST_BINS = 40;

/** What the page draws beyond the per-step metrics: exact histograms and per-bin clip counts. */
export interface TokenExtras {
  /** seed-mean exact token-probability histograms (content tokens): at t = 0, and at the end for A and B */
  hist0: number[];
  histA: number[];
  histB: number[] | null;
  /** content token-evaluations per π_old bin, summed over steps and seeds: [n, clipLow, clipHigh] × CLIP_BINS */
  clipBinsA: number[];
  clipBinsB: number[] | null;
  bins: number;
}

export interface StreamProgress {
  result: TokenEnsembleResult;
  extras: TokenExtras;
  /** seeds completed plus the fraction of the running seed */
  progress: number;
}

export interface TokenStreamOptions {
  metrics?: string[];
  partialMs?: number;
  signal?: AbortSignal;
  onPartial?: (p: StreamProgress) => void;
}

const now = () => (typeof performance !== "undefined" ? performance.now() : Date.now());
const tick = yieldTurn; // between chunks of steps: a cancel message gets through

export function abortError(): Error {
  const e = new Error("run cancelled");
  e.name = "AbortError";
  return e;
}

/** One configuration's run of one seed: metric rows, guard hits, and what the page draws beyond them. */
export interface TokenSeedTrace {
  rows: Float64Array;
  guardHits: number;
  /** exact content-token probability histogram at the final step (HIST_BINS bins) */
  hist: Float64Array;
  /** content token-evaluations per π_old bin over all steps: [n, clipLow, clipHigh] × CLIP_BINS */
  clipBins: Float64Array;
}

/** Seed number `index` of a paired run: the unit of work of a pool worker, merged by TokenRunMerger. */
export interface TokenSeedResult {
  /** the content-token histogram at t = 0 (A's; B starts from the same tables) */
  hist0: Float64Array;
  a: TokenSeedTrace;
  b?: TokenSeedTrace;
}

/** What a run (partial or final) gives the page: the ensemble summary and the extras. */
export interface TokenRunSummary { result: TokenEnsembleResult; extras: TokenExtras }

/**
 * One configuration of one seed, step by step: yields the step just taken (so a caller can yield to the
 * event loop inside a long seed) and returns the trace. `hist0` receives the t = 0 histogram when given.
 * The synchronous pool runner and the streaming runner both drain this one generator, so they agree bit for bit.
 */
function* traceSeed(cfg: TokenToyConfig, seed: number, hist0: Float64Array | null): Generator<number, TokenSeedTrace, void> {
  const sim = new TokenSimulator(cfg, seed);
  const M = sim.metricNames.length, T = cfg.steps;
  const rows = new Float64Array((T + 1) * M);
  sim.writeMetrics(rows, 0);
  if (hist0) hist0.set(sim.tokenProbHistogram(HIST_BINS, true));
  for (let t = 1; t <= T; t++) {
    sim.advance();
    sim.writeMetrics(rows, t * M);
    yield t;
  }
  return { rows, guardHits: sim.guardHits, hist: sim.tokenProbHistogram(HIST_BINS, true), clipBins: Float64Array.from(sim.clipBins) };
}

function drain<R>(g: Generator<unknown, R, void>): R {
  for (;;) { const r = g.next(); if (r.done) return r.value; }
}

/** Seed number `index` (seed cfgA.seed + index) of A and, when given, B: a pure function of (configs, index). */
export function runTokenSeedTrace(a: TokenToyConfig, index: number, b?: TokenToyConfig): TokenSeedResult {
  const seed = (a.seed + index) >>> 0;
  const hist0 = new Float64Array(HIST_BINS);
  const out: TokenSeedResult = { hist0, a: drain(traceSeed(a, seed, hist0)) };
  if (b) out.b = drain(traceSeed(b, seed, null));
  return out;
}

/** The buffers of a seed result, moved (not copied) between workers. */
export function tokenSeedTransferables(r: TokenSeedResult): ArrayBuffer[] {
  const t = (x: TokenSeedTrace) => [x.rows.buffer, x.hist.buffer, x.clipBins.buffer] as ArrayBuffer[];
  return [r.hist0.buffer as ArrayBuffer, ...t(r.a), ...(r.b ? t(r.b) : [])];
}

/**
 * Gathers seeds of a paired run in any order (from one worker or a pool) and summarises them. Every sum
 * runs over the filled seeds in seed order, so once all are in the summary is the same bit for bit whatever
 * order they arrived in or how many workers ran them (test/unit/toy-tokens-pool.test.ts).
 */
export class TokenRunMerger {
  readonly ensemble: TokenEnsemble;
  private readonly seedsIn: (TokenSeedResult | null)[];
  constructor(readonly a: TokenToyConfig, seeds: number, readonly b?: TokenToyConfig, readonly metrics?: string[]) {
    this.ensemble = new TokenEnsemble(a, seeds, b);
    this.seedsIn = new Array(seeds).fill(null);
  }
  get completed(): number { return this.ensemble.completed; }
  get total(): number { return this.ensemble.seeds.length; }
  get done(): boolean { return this.ensemble.done; }
  ingest(index: number, r: TokenSeedResult): void {
    if (!!r.b !== !!this.b) throw new RangeError(this.b ? "this run is paired: give the B trace too" : "this run is not paired");
    this.ensemble.ingest(index, r.a, r.b);
    // only the extras are kept (the rows are copied into the ensemble)
    this.seedsIn[index] = { hist0: r.hist0, a: { ...r.a, rows: EMPTY }, b: r.b ? { ...r.b, rows: EMPTY } : undefined };
  }
  private sum(pick: (s: TokenSeedResult) => Float64Array | undefined, n: number, scale: number): number[] {
    const out = new Float64Array(n);
    for (const s of this.seedsIn) {
      const v = s && pick(s);
      if (v) for (let i = 0; i < n; i++) out[i] += v[i];
    }
    return Array.from(out, (v) => v / scale);
  }
  result(): TokenRunSummary {
    const n = Math.max(1, this.completed), paired = !!this.b;
    return {
      result: this.ensemble.result(this.metrics),
      extras: {
        hist0: this.sum((s) => s.hist0, HIST_BINS, n), histA: this.sum((s) => s.a.hist, HIST_BINS, n),
        histB: paired ? this.sum((s) => s.b?.hist, HIST_BINS, n) : null,
        clipBinsA: this.sum((s) => s.a.clipBins, 3 * CLIP_BINS, 1), clipBinsB: paired ? this.sum((s) => s.b?.clipBins, 3 * CLIP_BINS, 1) : null,
        bins: CLIP_BINS,
      },
    };
  }
}
const EMPTY = new Float64Array(0);

/**
 * The single-worker run: seed by seed in seed order, yielding to the event loop every ~25 ms (also inside a
 * seed) so a cancel gets through, with partial summaries whose progress counts the running seed's fraction.
 */
export async function streamTokenEnsemble(a: TokenToyConfig, seeds: number, b: TokenToyConfig | undefined, opt: TokenStreamOptions = {}): Promise<StreamProgress> {
  const merger = new TokenRunMerger(a, seeds, b, opt.metrics);
  const partialMs = opt.partialMs ?? 150;
  let last = -Infinity;
  const report = (progress: number, force = false) => {
    if (!opt.onPartial || (!force && now() - last < partialMs)) return;
    opt.onPartial({ ...merger.result(), progress });
    last = now();
  };
  let t0 = now();
  const run = async (g: Generator<number, TokenSeedTrace, void>, frac: (t: number) => number): Promise<TokenSeedTrace> => {
    for (;;) {
      const r = g.next();
      if (r.done) return r.value;
      if (now() - t0 > 25) {
        report(frac(r.value));
        await tick();
        if (opt.signal?.aborted) throw abortError();
        t0 = now();
      }
    }
  };
  for (let i = 0; i < seeds; i++) {
    const seed = merger.ensemble.seeds[i];
    const frac = (half: number) => (t: number) => i + (b ? (half + t / a.steps) / 2 : t / a.steps);
    const hist0 = new Float64Array(HIST_BINS);
    const ra = await run(traceSeed(a, seed, hist0), frac(0));
    const rb = b ? await run(traceSeed(b, seed, null), frac(1)) : undefined;
    merger.ingest(i, { hist0, a: ra, b: rb });
    if (opt.signal?.aborted) throw abortError();
    report(i + 1, i === 0);
  }
  const final = { ...merger.result(), progress: seeds };
  opt.onPartial?.(final);
  return final;
}

export interface SignMapCell {
  epsLow: number;
  epsHigh: number;
  /** paired one-step Δζ (clip − no clip) and Δu of the mode token, mean ± SE over seeds */
  dzeta: { mean: number; se: number };
  du: { mean: number; se: number };
  seeds: number;
}

/**
 * The sign-rule map: for every (ε_low, ε_high) one-step paired Δζ and Δu against no clipping, on
 * seeds firstSeed… (common random numbers: the unclipped baseline is run once per seed and shared).
 */
export async function streamSignMap(base: TokenToyConfig, epsLows: number[], epsHighs: number[], seeds: number, firstSeed: number,
  opt: { signal?: AbortSignal; onCell?: (cells: SignMapCell[], done: number, total: number) => void } = {}): Promise<SignMapCell[]> {
  const one = { ...base, steps: 1 };
  const zetaOf = (cfg: TokenToyConfig, seed: number) => {
    const sim = new TokenSimulator(cfg, seed);
    sim.advance();
    const names = sim.metricNames, row = new Float64Array(names.length);
    sim.writeMetrics(row, 0);
    return [row[names.indexOf("zeta")], row[names.indexOf("du")]];
  };
  const noclip = { ...one, clip: { ...one.clip, enabled: false } };
  const baseRows: number[][] = [];
  let t0 = now();
  const yieldMaybe = async () => { if (now() - t0 > 25) { await tick(); if (opt.signal?.aborted) throw abortError(); t0 = now(); } };
  for (let s = 0; s < seeds; s++) { baseRows.push(zetaOf(noclip, firstSeed + s)); await yieldMaybe(); }
  const cells: SignMapCell[] = [];
  const total = epsLows.length * epsHighs.length;
  for (const epsLow of epsLows) for (const epsHigh of epsHighs) {
    const cfg = { ...one, clip: { ...one.clip, enabled: true, epsLow, epsHigh } };
    const dz: number[] = [], du: number[] = [];
    for (let s = 0; s < seeds; s++) {
      const [z, u] = zetaOf(cfg, firstSeed + s);
      dz.push(z - baseRows[s][0]); du.push(u - baseRows[s][1]);
      await yieldMaybe();
    }
    const ms = (v: number[]) => { const m = v.reduce((a, x) => a + x, 0) / v.length; const ss = v.reduce((a, x) => a + (x - m) ** 2, 0); return { mean: m, se: v.length > 1 ? Math.sqrt(ss / (v.length - 1) / v.length) : 0 }; };
    cells.push({ epsLow, epsHigh, dzeta: ms(dz), du: ms(du), seeds });
    opt.onCell?.(cells.slice(), cells.length, total);
  }
  return cells;
}
