// Streaming runs of the token-level toy for the page's worker (and Node tests): paired ensembles run
// seed by seed in small chunks of steps, yielding to the event loop so a cancel message gets through,
// with partial summaries and progress; and the ε_low × ε_high sign-rule map from one-step paired runs.

import type { TokenToyConfig } from "./config.js";
import { TokenEnsemble, type TokenEnsembleResult } from "./ensemble.js";
import { CLIP_BINS, TokenSimulator } from "./sim.js";

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
const tick = () => new Promise((r) => setTimeout(r, 0));

export function abortError(): Error {
  const e = new Error("run cancelled");
  e.name = "AbortError";
  return e;
}

/** Run A (and B) for one seed, yielding every ~25 ms; returns rows and adds histograms/bins to extras. */
async function runSeed(cfg: TokenToyConfig, seed: number, hist: Float64Array, bins: Float64Array, hist0: Float64Array | null, signal: AbortSignal | undefined, onStep: (t: number) => void): Promise<{ rows: Float64Array; guard: number }> {
  const sim = new TokenSimulator(cfg, seed);
  const M = sim.metricNames.length, T = cfg.steps;
  const rows = new Float64Array((T + 1) * M);
  sim.writeMetrics(rows, 0);
  if (hist0) { const h = sim.tokenProbHistogram(HIST_BINS, true); for (let i = 0; i < HIST_BINS; i++) hist0[i] += h[i]; }
  let t0 = now();
  for (let t = 1; t <= T; t++) {
    sim.advance();
    sim.writeMetrics(rows, t * M);
    if (now() - t0 > 25) {
      onStep(t);
      await tick();
      if (signal?.aborted) throw abortError();
      t0 = now();
    }
  }
  const h = sim.tokenProbHistogram(HIST_BINS, true);
  for (let i = 0; i < HIST_BINS; i++) hist[i] += h[i];
  for (let i = 0; i < 3 * CLIP_BINS; i++) bins[i] += sim.clipBins[i];
  return { rows, guard: sim.guardHits };
}

export async function streamTokenEnsemble(a: TokenToyConfig, seeds: number, b: TokenToyConfig | undefined, opt: TokenStreamOptions = {}): Promise<StreamProgress> {
  const ens = new TokenEnsemble(a, seeds, b);
  const hist0 = new Float64Array(HIST_BINS), histA = new Float64Array(HIST_BINS), histB = new Float64Array(HIST_BINS);
  const binsA = new Float64Array(3 * CLIP_BINS), binsB = new Float64Array(3 * CLIP_BINS);
  const partialMs = opt.partialMs ?? 150;
  let last = -Infinity;
  const extras = (): TokenExtras => {
    const n = Math.max(1, ens.completed);
    return {
      hist0: Array.from(hist0, (v) => v / n), histA: Array.from(histA, (v) => v / n), histB: b ? Array.from(histB, (v) => v / n) : null,
      clipBinsA: Array.from(binsA), clipBinsB: b ? Array.from(binsB) : null, bins: CLIP_BINS,
    };
  };
  const report = (progress: number, force = false) => {
    if (!opt.onPartial || (!force && now() - last < partialMs)) return;
    opt.onPartial({ result: ens.result(opt.metrics), extras: extras(), progress });
    last = now();
  };
  for (let i = 0; i < seeds; i++) {
    const seed = ens.seeds[i];
    const frac = (t: number, half: number) => i + (b ? (half + t / a.steps) / 2 : t / a.steps);
    const ra = await runSeed(a, seed, histA, binsA, hist0, opt.signal, (t) => report(frac(t, 0)));
    const rb = b ? await runSeed(b, seed, histB, binsB, null, opt.signal, (t) => report(frac(t, 1))) : null;
    ens.ingest(i, ra.rows, rb?.rows, ra.guard, rb?.guard ?? 0);
    if (opt.signal?.aborted) throw abortError();
    report(i + 1, i === 0);
  }
  const final = { result: ens.result(opt.metrics), extras: extras(), progress: seeds };
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
