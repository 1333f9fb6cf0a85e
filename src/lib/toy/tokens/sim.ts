// The token-level GRPO clipping-bias toy (token note §2): a response is a mode token, which is exactly
// the strategy bandit's draw, then content tokens from per-(mode, position) softmax tables. It reuses
// the bandit's population, rollout, rewards, advantages, schedule, strategy gradient and optimizer
// modules, so for a given seed the mode draws, answers, rewards and shuffles are the bandit's; the
// content tokens draw from their own stream (STREAM.tokens) and never perturb them.

import { groupAdvantages } from "../advantages.js";
import { guardLogits, Optimizer } from "../optimizer.js";
import { logSoftmaxInto, PromptPopulation } from "../population.js";
import { categorical, RandomStream, STREAM } from "../rng.js";
import { StrategyRollout } from "../rollout.js";
import { MiniBatchSchedule } from "../schedule.js";
import { StrategyGradient } from "../strategy-gradient.js";
import { banditConfigOf, modeLengths, type TokenToyConfig } from "./config.js";

/** Per-class counters (token-evaluations = tokens × epochs), in this order per class. */
export const CLASS_COUNTERS = ["n", "nA", "below", "above", "clipLow", "clipHigh", "absLog"] as const;
const NCNT = CLASS_COUNTERS.length;
const C_N = 0, C_NA = 1, C_BELOW = 2, C_ABOVE = 3, C_LOW = 4, C_HIGH = 5, C_ABS = 6;

/** Bins of π_old for the per-bin clip counts of the histogram view. */
export const CLIP_BINS = 20;

/** Class labels: content classes by π_old between the edges, then the mode token. */
export function classLabels(edges: number[]): string[] {
  const fmt = (x: number) => (Math.abs(x - 1 / 1.2) < 1e-12 ? "1/1.2" : String(+x.toPrecision(3)));
  const out: string[] = [];
  for (let c = 0; c <= edges.length; c++) {
    const lo = c === 0 ? "0" : fmt(edges[c - 1]);
    const hi = c === edges.length ? "1" : fmt(edges[c]);
    out.push(`[${lo}, ${hi}${c === edges.length ? "]" : ")"}`);
  }
  out.push("mode token");
  return out;
}

/** Metric names of one row, in order (see README "token model" for their meaning). */
export function tokenMetricNames(K: number, nContentClasses: number): string[] {
  const n: string[] = [];
  for (let k = 0; k < K; k++) n.push(`p${k}`);
  n.push("u", "du", "entropyMode", "accuracy", "meanReward",
    "atp", "atpContent", "atpSampled", "atpSampledContent", "atpComposition", "atpWithin");
  for (let k = 0; k < K; k++) n.push(`atpContentMode${k}`);
  n.push("zeta");
  for (let k = 0; k < K; k++) n.push(`zetaMode${k}`);
  n.push("entropyContent", "clipRateTokens", "clipRateContent", "clipRateMode",
    "clipFracLow", "clipFracHigh", "clipFracDual", "meanAbsLogRatio");
  for (let c = 0; c < nContentClasses; c++) n.push(`dlambda_c${c}`);
  for (let c = 0; c <= nContentClasses; c++) {
    const label = c === nContentClasses ? "mode" : `c${c}`;
    for (const cnt of CLASS_COUNTERS) n.push(`${cnt}_${label}`);
  }
  return n;
}

/** One table's view of one RL step (band view, note §8.4). */
export interface TableTrace {
  table: number;
  mode: number;
  position: number;
  piOld: number[];
  /** π of the table at the start of each mini-batch update (index = mini-batch, across epochs) */
  piAt: number[][];
  /** per mini-batch, per token: sampled count with A > 0 / A < 0, and masked (clipped) counts */
  nPos: number[][];
  nNeg: number[][];
  clippedHigh: number[][];
  clippedLow: number[][];
  band: [number, number];
}

export class TokenSimulator {
  readonly cfg: TokenToyConfig;
  readonly K: number;
  readonly P: number;
  readonly B: number;
  readonly G: number;
  readonly N: number;
  readonly V: number;
  /** number of tables */
  readonly S: number;
  readonly lens: Int32Array;
  readonly Lmax: number;
  /** content slots per response (Lmax − 1) */
  readonly C: number;
  /** tableOf[k·C + t − 1] = table of mode k at position t */
  readonly tableOf: Int32Array;
  /** mode of each table */
  readonly tableMode: Int32Array;
  /** all logits: K mode logits, then S·V table logits (table s at K + s·V) */
  readonly z: Float64Array;
  readonly zMode: Float64Array;
  readonly zTab: Float64Array;
  readonly z0: Float64Array;
  readonly pi0Tab: Float64Array;
  readonly u0: number;
  readonly pop: PromptPopulation;
  /** number of π_old classes of content tokens (edges + 1); the mode token is class nCls */
  readonly nCls: number;
  step = 0;
  guardHits = 0;

  private readonly rollout: StrategyRollout;
  private readonly schedule: MiniBatchSchedule;
  private readonly grad: StrategyGradient;
  private readonly optimizer: Optimizer;
  private readonly rTok: RandomStream;
  private readonly adv: Float64Array;
  private readonly cls: Uint8Array;
  private readonly advVals = new Float64Array(2);
  private readonly logpOldK: Float64Array;
  private readonly pOld: Float64Array;
  private readonly lpMode: Float64Array;
  private readonly tok: Uint16Array;
  private readonly lpOldTok: Float64Array;
  private readonly clsTok: Uint8Array;
  /** π_old bin (of CLIP_BINS) of every content token, ×3 (offset into clipBins) */
  private readonly binTok: Uint8Array;
  private readonly lpTab: Float64Array;
  private readonly piTab: Float64Array;
  private readonly W: Float64Array;
  private readonly gAll: Float64Array;
  private readonly omegaK: Float64Array;
  private readonly omegaSample: Float64Array;
  private readonly topOf: Int32Array;
  private readonly tail0: Float64Array;
  private readonly cls0Tab: Uint8Array;
  private readonly p0Mode: Float64Array;
  private readonly a0Mode: Float64Array;
  private readonly edges: Float64Array;
  private readonly hi: number;
  private readonly lo: number;
  private readonly clipContent: boolean;
  /** per-step class counters, nCls + 1 classes × NCNT */
  readonly classCounts: Float64Array;
  /** cumulative (since construction or resetClipBins) content counts per π_old bin: n, clipLow, clipHigh */
  readonly clipBins: Float64Array;
  private lastReward = 0;
  private lastAtpSampled = 0;
  private lastAtpSampledContent = 0;
  private lastClipFrac = [0, 0, 0];
  private lastRates = [0, 0, 0];
  private lastAbsLog = 0;
  private traceTable = -1;
  private tableTrace: TableTrace | null = null;

  /** `cfg` must be validated (resolveTokenConfig). `seed` overrides cfg.seed. */
  constructor(cfg: TokenToyConfig, seed: number = cfg.seed) {
    this.cfg = cfg;
    const bandit = banditConfigOf(cfg);
    const K = (this.K = cfg.strategies.length);
    this.P = cfg.numPrompts;
    this.B = cfg.promptsPerStep;
    this.G = cfg.G;
    const N = (this.N = cfg.promptsPerStep * cfg.G);
    const V = (this.V = cfg.V);
    const lens = modeLengths(cfg);
    this.lens = Int32Array.from(lens);
    this.Lmax = Math.max(...lens);
    const C = (this.C = this.Lmax - 1);
    // tables: 'position' = one per (mode, content position); 'shared' = one per mode
    this.tableOf = new Int32Array(K * Math.max(C, 1));
    const modes: number[] = [];
    let S = 0;
    for (let k = 0; k < K; k++) {
      if (cfg.tables === "shared") { for (let t = 1; t < lens[k]; t++) this.tableOf[k * C + t - 1] = S; modes.push(k); S++; }
      else for (let t = 1; t < lens[k]; t++) { this.tableOf[k * C + t - 1] = S++; modes.push(k); }
    }
    this.S = S;
    this.tableMode = Int32Array.from(modes);
    this.z = new Float64Array(K + S * V);
    this.zMode = this.z.subarray(0, K);
    this.zTab = this.z.subarray(K);
    for (let k = 0; k < K; k++) this.zMode[k] = Math.log(cfg.initProbs[k]);
    this.pi0Tab = new Float64Array(S * V);
    const tailW = new Float64Array(V);
    let h = 0;
    for (let j = 1; j < V; j++) { tailW[j] = cfg.tail === "zipf" ? 1 / j : 1; h += tailW[j]; }
    for (let s = 0; s < S; s++) {
      const k = modes[s];
      const pos = cfg.tables === "shared" ? 0 : s - (this.tableOf[k * C] ?? 0);
      const explicit = cfg.tableProbs?.[k]?.[pos];
      for (let j = 0; j < V; j++) {
        let p: number;
        if (explicit) p = explicit[j];
        else {
          const row = cfg.pTop[k];
          const top = row[pos % row.length];
          p = j === 0 ? top : ((1 - top) * tailW[j]) / h;
        }
        this.pi0Tab[s * V + j] = p;
        this.zTab[s * V + j] = Math.log(p);
      }
    }
    this.z0 = this.z.slice();
    this.u0 = this.logitGap();
    // ζ reference: each table's initial top token and tail distribution; classes of π0 for Δλ
    this.edges = Float64Array.from(cfg.classEdges);
    this.nCls = cfg.classEdges.length + 1;
    this.topOf = new Int32Array(S);
    this.tail0 = new Float64Array(S * V);
    this.cls0Tab = new Uint8Array(S * V);
    for (let s = 0; s < S; s++) {
      let top = 0;
      for (let j = 1; j < V; j++) if (this.pi0Tab[s * V + j] > this.pi0Tab[s * V + top]) top = j;
      this.topOf[s] = top;
      const rest = 1 - this.pi0Tab[s * V + top];
      for (let j = 0; j < V; j++) {
        this.tail0[s * V + j] = j === top ? 0 : this.pi0Tab[s * V + j] / rest;
        this.cls0Tab[s * V + j] = this.classOf(this.pi0Tab[s * V + j]);
      }
    }
    this.pop = new PromptPopulation(bandit, seed, this.zMode.slice());
    this.rollout = new StrategyRollout(bandit, this.pop, seed);
    this.schedule = new MiniBatchSchedule(bandit, K, seed);
    const scope = cfg.clip.scope;
    const modeClip = { ...bandit.clip, enabled: bandit.clip.enabled && scope !== "content" };
    this.clipContent = cfg.clip.enabled && scope !== "mode";
    this.hi = 1 + cfg.clip.epsHigh;
    this.lo = 1 - cfg.clip.epsLow;
    this.grad = new StrategyGradient(K, { clip: modeClip, lossVariant: cfg.lossVariant, klBeta: 0 });
    this.optimizer = new Optimizer(cfg, K + S * V);
    this.rTok = new RandomStream(seed, STREAM.tokens);
    this.adv = new Float64Array(N);
    this.cls = new Uint8Array(N);
    this.logpOldK = new Float64Array(K);
    this.pOld = new Float64Array(K);
    this.lpMode = new Float64Array(K);
    this.tok = new Uint16Array(N * C);
    this.lpOldTok = new Float64Array(N * C);
    this.clsTok = new Uint8Array(N * C);
    this.binTok = new Uint8Array(N * C);
    this.lpTab = new Float64Array(S * V);
    this.piTab = new Float64Array(S * V);
    this.W = new Float64Array(S * V);
    this.gAll = new Float64Array(K + S * V);
    this.omegaK = new Float64Array(K);
    this.omegaSample = new Float64Array(N);
    this.classCounts = new Float64Array((this.nCls + 1) * NCNT);
    this.clipBins = new Float64Array(3 * CLIP_BINS);
    // decomposition reference (t = 0): mode probabilities and per-mode content ATP
    this.p0Mode = new Float64Array(K);
    this.a0Mode = new Float64Array(K);
    this.modeProbsMean(this.p0Mode);
    this.computeTables();
    this.contentAtpByMode(this.a0Mode);
  }

  /** Class of a probability by the configured edges (0 … nCls − 1). */
  classOf(p: number): number {
    const e = this.edges;
    let c = 0;
    while (c < e.length && p >= e[c]) c++;
    return c;
  }

  /** z_0 − logsumexp(z_1..z_{K−1}) of the mode logits (without prompt offsets). */
  logitGap(): number {
    const z = this.zMode;
    let mx = -Infinity;
    for (let k = 1; k < z.length; k++) if (z[k] > mx) mx = z[k];
    let s = 0;
    for (let k = 1; k < z.length; k++) s += Math.exp(z[k] - mx);
    return z[0] - (mx + Math.log(s));
  }

  /** Current log-probabilities and probabilities of every table (lpTab, piTab). */
  private computeTables(): void {
    const V = this.V, zt = this.zTab, lp = this.lpTab, pi = this.piTab;
    for (let s = 0; s < this.S; s++) {
      logSoftmaxInto(zt, s * V, null, 0, V, lp, s * V);
      for (let j = s * V; j < (s + 1) * V; j++) pi[j] = Math.exp(lp[j]);
    }
  }

  /** Population-mean mode probabilities p̄_k into out. */
  private modeProbsMean(out: Float64Array): void {
    const K = this.K, b = this.pop.b, lp = this.lpMode;
    out.fill(0);
    if (!b) { logSoftmaxInto(this.zMode, 0, null, 0, K, lp, 0); for (let k = 0; k < K; k++) out[k] = Math.exp(lp[k]); return; }
    for (let x = 0; x < this.P; x++) {
      logSoftmaxInto(this.zMode, 0, b, x * K, K, lp, 0);
      for (let k = 0; k < K; k++) out[k] += Math.exp(lp[k]) / this.P;
    }
  }

  /** a_k = mean over mode k's content positions of ‖π_table‖² (needs computeTables). */
  private contentAtpByMode(out: Float64Array): void {
    const V = this.V, pi = this.piTab, C = this.C;
    for (let k = 0; k < this.K; k++) {
      const Lk = this.lens[k];
      let s2 = 0;
      for (let t = 1; t < Lk; t++) {
        const s = this.tableOf[k * C + t - 1];
        for (let j = s * V; j < (s + 1) * V; j++) s2 += pi[j] * pi[j];
      }
      out[k] = Lk > 1 ? s2 / (Lk - 1) : 0;
    }
  }

  /** Ask the next advance() for a band-view trace of table s (−1: none). */
  traceNextStep(table: number): void { this.traceTable = table; }
  /** The trace of the last traced step, if any. */
  lastTableTrace(): TableTrace | null { return this.tableTrace; }

  /** Rollout (mode tokens through the shared rollout, then content tokens) and advantages. */
  rolloutStep(): void {
    const N = this.N, C = this.C, V = this.V, K = this.K;
    const ro = this.rollout;
    this.lastReward = ro.run(this.zMode, this.logpOldK, this.pOld) / N;
    this.computeTables();
    const pi = this.piTab, lp = this.lpTab, tok = this.tok, lpOld = this.lpOldTok, clsTok = this.clsTok, binTok = this.binTok;
    const rTok = this.rTok, act = ro.action, b = this.pop.b;
    let atpS = 0, atpSC = 0, nC = 0;
    for (let i = 0; i < N; i++) {
      const k = act[i], Lk = this.lens[k], base = i * C;
      let sumC = 0;
      for (let t = 1; t < Lk; t++) {
        const s = this.tableOf[k * C + t - 1];
        const y = categorical(pi, s * V, V, rTok.next());
        tok[base + t - 1] = y;
        lpOld[base + t - 1] = lp[s * V + y];
        const p = pi[s * V + y];
        clsTok[base + t - 1] = this.classOf(p);
        binTok[base + t - 1] = Math.min(CLIP_BINS - 1, Math.floor(p * CLIP_BINS)) * 3;
        sumC += p;
      }
      const pm = b ? Math.exp(ro.logpOld[i]) : this.pOld[k];
      atpS += (pm + sumC) / Lk;
      if (Lk > 1) { atpSC += sumC / (Lk - 1); nC++; }
    }
    this.lastAtpSampled = atpS / N;
    this.lastAtpSampledContent = nC > 0 ? atpSC / nC : 0;
    groupAdvantages(ro.reward, ro.action, this.adv, this.cls, this.G, N, this.cfg.adv, this.advVals);
    void K;
  }

  /** Order the samples for one epoch (shared schedule). */
  beginEpoch(): void {
    this.schedule.epoch(this.cls, this.adv, !this.pop.b);
  }

  /** Start an RL step's schedule (identity order) — call once per step before the first epoch. */
  beginStep(): void {
    this.schedule.reset();
    this.classCounts.fill(0);
  }

  /** The per-sample aggregation weights ω_i of mini-batch m; true if ω depends on the mode only. */
  private computeOmega(m: number): boolean {
    const sched = this.schedule, size = sched.size, start = m * size, order = sched.order;
    const act = this.rollout.action, lens = this.lens, om = this.omegaSample, cfg = this.cfg;
    switch (cfg.aggregation) {
      case "seq-mean":
        for (let t = start; t < start + size; t++) { const i = order[t]; om[i] = 1 / lens[act[i]]; }
        break;
      case "token-sum":
        for (let t = start; t < start + size; t++) om[order[t]] = 1 / this.Lmax;
        break;
      case "token-mean": {
        let tot = 0;
        for (let t = start; t < start + size; t++) tot += lens[act[order[t]]];
        for (let t = start; t < start + size; t++) om[order[t]] = size / tot;
        break;
      }
      case "packed": {
        const mb = cfg.microBatch, nMicro = Math.ceil(size / mb);
        for (let u = start; u < start + size; u += mb) {
          const end = Math.min(u + mb, start + size);
          let tot = 0;
          for (let t = u; t < end; t++) tot += lens[act[order[t]]];
          for (let t = u; t < end; t++) om[order[t]] = size / (nMicro * tot);
        }
        break;
      }
    }
    const omK = this.omegaK;
    omK.fill(NaN);
    let perMode = true;
    for (let t = start; t < start + size; t++) {
      const i = order[t], k = act[i];
      if (Number.isNaN(omK[k])) omK[k] = om[i];
      else if (omK[k] !== om[i]) perMode = false;
    }
    for (let k = 0; k < this.K; k++) if (Number.isNaN(omK[k])) omK[k] = 0;
    return perMode;
  }

  /**
   * The exact gradient of mini-batch m's surrogate at the current logits into the returned vector
   * (K mode entries, then S·V table entries), with the per-class counters of its token-evaluations.
   */
  miniBatchGradient(m: number): Float64Array {
    const K = this.K, V = this.V, C = this.C, S = this.S;
    const sched = this.schedule, size = sched.size, start = m * size, order = sched.order;
    const ro = this.rollout, act = ro.action, A = this.adv, b = this.pop.b;
    const perMode = this.computeOmega(m);
    const om = this.omegaSample;
    // ---- mode token: the bandit's gradient (bitwise when ω is a power of two), scaled by ω
    const r = perMode && !b
      ? this.grad.shared(this.zMode, this.logpOldK, this.pop.logp0, sched, m, this.omegaK, false)
      : this.grad.generic(this.zMode, this.pop, ro.prompt, act, A, ro.logpOld, b ? null : this.logpOldK, order, start, size, om, false);
    const gAll = this.gAll;
    gAll.set(this.grad.g, 0);
    const cc = this.classCounts, nCls = this.nCls, mo = nCls * NCNT;
    cc[mo + C_LOW] += r.low; cc[mo + C_HIGH] += r.high + r.dual;
    cc[mo + C_ABS] += r.absLog;
    // mode token out-of-band counts (any A)
    const lpM = this.lpMode, hi = this.hi, lo = this.lo;
    if (!b) logSoftmaxInto(this.zMode, 0, null, 0, K, lpM, 0);
    // ---- content tokens
    this.computeTables();
    const lp = this.lpTab, pi = this.piTab, W = this.W, tok = this.tok, lpOld = this.lpOldTok, clsTok = this.clsTok;
    W.fill(0);
    const ratioLoss = this.cfg.lossVariant === "ratio", clipC = this.clipContent, dual = this.cfg.clip.dualClipC;
    const bins = this.clipBins, binTok = this.binTok;
    const tt = this.traceTable >= 0 && this.tableTrace ? this.traceTable : -1;
    let trPos: number[] | null = null, trNeg: number[] | null = null, trHi: number[] | null = null, trLo: number[] | null = null;
    if (tt >= 0) {
      const T = this.tableTrace!;
      T.piAt.push(Array.from(pi.subarray(tt * V, (tt + 1) * V)));
      trPos = new Array(V).fill(0); trNeg = new Array(V).fill(0); trHi = new Array(V).fill(0); trLo = new Array(V).fill(0);
      T.nPos.push(trPos); T.nNeg.push(trNeg); T.clippedHigh.push(trHi); T.clippedLow.push(trLo);
    }
    for (let t = start; t < start + size; t++) {
      const i = order[t], k = act[i], av = A[i], Lk = this.lens[k], w = om[i];
      // mode token counters
      if (b) logSoftmaxInto(this.zMode, 0, b, ro.prompt[i] * K, K, lpM, 0);
      const rhoM = Math.exp(lpM[k] - (b ? ro.logpOld[i] : this.logpOldK[k]));
      cc[mo + C_N]++;
      if (av !== 0) cc[mo + C_NA]++;
      if (rhoM < lo) cc[mo + C_BELOW]++; else if (rhoM > hi) cc[mo + C_ABOVE]++;
      const base = i * C;
      for (let p = 1; p < Lk; p++) {
        const s = this.tableOf[k * C + p - 1], y = tok[base + p - 1], j = s * V + y;
        const lr = lp[j] - lpOld[base + p - 1];
        const rho = Math.exp(lr);
        const c = clsTok[base + p - 1] * NCNT;
        cc[c + C_N]++;
        cc[c + C_ABS] += Math.abs(lr);
        const below = rho < lo, above = rho > hi;
        if (below) cc[c + C_BELOW]++; else if (above) cc[c + C_ABOVE]++;
        const bin = binTok[base + p - 1];
        bins[bin]++;
        if (av === 0) continue;
        cc[c + C_NA]++;
        let masked = false;
        if (clipC) {
          if (av > 0 && above) { masked = true; cc[c + C_HIGH]++; bins[bin + 2]++; }
          else if (av < 0 && below) { masked = true; cc[c + C_LOW]++; bins[bin + 1]++; }
          else if (av < 0 && dual > 0 && rho > dual) { masked = true; cc[c + C_HIGH]++; bins[bin + 2]++; }
        }
        if (s === tt && trPos) {
          if (av > 0) trPos[y]++; else trNeg![y]++;
          if (masked) { if (av > 0 || rho > 1) trHi![y]++; else trLo![y]++; }
        }
        if (!masked) W[j] += av * (ratioLoss ? rho : pi[j]) * w;
      }
    }
    const inv = 1 / size;
    for (let s = 0; s < S; s++) {
      let ws = 0;
      for (let j = s * V; j < (s + 1) * V; j++) ws += W[j];
      for (let j = s * V; j < (s + 1) * V; j++) gAll[K + j] = (W[j] - ws * pi[j]) * inv;
    }
    this.lastModeCounts.nonZero += r.nonZero;
    this.lastModeCounts.low += r.low;
    this.lastModeCounts.high += r.high;
    this.lastModeCounts.dual += r.dual;
    return gAll;
  }

  private readonly lastModeCounts = { nonZero: 0, low: 0, high: 0, dual: 0 };

  /** One RL step: rollout, advantages, N_mb·E optimizer steps on all logits. */
  advance(): void {
    const cfg = this.cfg, K = this.K, V = this.V;
    if (this.traceTable >= 0 && this.traceTable < this.S) {
      const s = this.traceTable;
      const piOld = new Array<number>(V);
      this.computeTables();
      for (let j = 0; j < V; j++) piOld[j] = this.piTab[s * V + j];
      const k = this.tableMode[s];
      const pos = cfg.tables === "shared" ? 1 : s - this.tableOf[k * this.C] + 1;
      this.tableTrace = { table: s, mode: k, position: pos, piOld, piAt: [], nPos: [], nNeg: [], clippedHigh: [], clippedLow: [], band: [1 - cfg.clip.epsLow, 1 + cfg.clip.epsHigh] };
    } else this.tableTrace = null;
    this.rolloutStep();
    this.beginStep();
    const mc = this.lastModeCounts;
    mc.nonZero = 0; mc.low = 0; mc.high = 0; mc.dual = 0;
    for (let e = 0; e < cfg.epochs; e++) {
      this.beginEpoch();
      for (let m = 0; m < cfg.miniBatches; m++) {
        const g = this.miniBatchGradient(m);
        this.optimizer.step(this.z, g);
        this.guardHits += guardLogits(this.z, 0, K);
        for (let s = 0; s < this.S; s++) this.guardHits += guardLogits(this.z, K + s * V, V);
      }
    }
    // headline rates
    const cc = this.classCounts, nCls = this.nCls;
    let nAll = 0, mAll = 0, nCont = 0, mCont = 0, absAll = 0;
    for (let c = 0; c <= nCls; c++) {
      const n = cc[c * NCNT + C_N], masked = cc[c * NCNT + C_LOW] + cc[c * NCNT + C_HIGH];
      nAll += n; mAll += masked; absAll += cc[c * NCNT + C_ABS];
      if (c < nCls) { nCont += n; mCont += masked; }
    }
    const nMode = cc[nCls * NCNT + C_N], mMode = cc[nCls * NCNT + C_LOW] + cc[nCls * NCNT + C_HIGH];
    this.lastRates = [nAll ? mAll / nAll : 0, nCont ? mCont / nCont : 0, nMode ? mMode / nMode : 0];
    this.lastClipFrac = mc.nonZero > 0 ? [mc.low / mc.nonZero, mc.high / mc.nonZero, mc.dual / mc.nonZero] : [0, 0, 0];
    this.lastAbsLog = nAll ? absAll / nAll : 0;
    this.traceTable = -1;
    this.step++;
  }

  get metricNames(): string[] { return tokenMetricNames(this.K, this.nCls); }

  /** Write the metric row (layout of tokenMetricNames) for the current state into out[off..]. */
  writeMetrics(out: Float64Array, off: number): void {
    const K = this.K, V = this.V, S = this.S, C = this.C, pop = this.pop, b = pop.b, lens = this.lens;
    this.computeTables();
    const pi = this.piTab, lp = this.lpTab, lpM = this.lpMode;
    // per-mode content sums: Σ_t ‖π‖² and Σ_t H
    const sq = new Float64Array(K), ent = new Float64Array(K);
    const sqTab = new Float64Array(S), entTab = new Float64Array(S);
    for (let s = 0; s < S; s++) {
      let a = 0, h = 0;
      for (let j = s * V; j < (s + 1) * V; j++) { a += pi[j] * pi[j]; h -= pi[j] * lp[j]; }
      sqTab[s] = a; entTab[s] = h;
    }
    for (let k = 0; k < K; k++) for (let t = 1; t < lens[k]; t++) { const s = this.tableOf[k * C + t - 1]; sq[k] += sqTab[s]; ent[k] += entTab[s]; }
    const pBar = new Float64Array(K);
    let entMode = 0, acc = 0, atp = 0;
    const nx = b ? this.P : 1;
    for (let x = 0; x < nx; x++) {
      logSoftmaxInto(this.zMode, 0, b, x * K, K, lpM, 0);
      for (let k = 0; k < K; k++) {
        const pk = Math.exp(lpM[k]);
        pBar[k] += pk / nx;
        entMode -= (pk * lpM[k]) / nx;
        acc += (pk * (b ? pop.q[x * K + k] : pop.qMean[k])) / nx;
        atp += (pk * (pk + sq[k]) / lens[k]) / nx;
      }
    }
    let atpC = 0, wC = 0, entC = 0, visits = 0, comp = 0, within = 0;
    const aK = new Float64Array(K);
    for (let k = 0; k < K; k++) {
      if (lens[k] < 2) continue;
      aK[k] = sq[k] / (lens[k] - 1);
      atpC += pBar[k] * aK[k]; wC += pBar[k];
      entC += pBar[k] * ent[k]; visits += pBar[k] * (lens[k] - 1);
      comp += (pBar[k] - this.p0Mode[k]) * this.a0Mode[k];
      within += pBar[k] * (aK[k] - this.a0Mode[k]);
    }
    // ζ and Δλ relative to t = 0
    const zt = this.zTab, z0 = this.z0;
    const zetaMode = new Float64Array(K), nTabMode = new Float64Array(K);
    let zeta = 0;
    const nC = this.nCls;
    const dl = new Float64Array(nC), dlN = new Float64Array(nC);
    for (let s = 0; s < S; s++) {
      const top = this.topOf[s];
      let tailMean = 0, piMean = 0;
      for (let j = 0; j < V; j++) {
        const d = zt[s * V + j] - z0[K + s * V + j];
        tailMean += this.tail0[s * V + j] * d;
        piMean += this.pi0Tab[s * V + j] * d;
      }
      const zs = zt[s * V + top] - z0[K + s * V + top] - tailMean;
      zeta += zs / S;
      zetaMode[this.tableMode[s]] += zs; nTabMode[this.tableMode[s]]++;
      for (let j = 0; j < V; j++) {
        const c = this.cls0Tab[s * V + j];
        dl[c] += zt[s * V + j] - z0[K + s * V + j] - piMean; dlN[c]++;
      }
    }
    const u = this.logitGap();
    let o = off;
    for (let k = 0; k < K; k++) out[o++] = pBar[k];
    out[o++] = u;
    out[o++] = u - this.u0;
    out[o++] = entMode;
    out[o++] = acc;
    out[o++] = this.step > 0 ? this.lastReward : 0;
    out[o++] = atp;
    out[o++] = wC > 0 ? atpC / wC : 0;
    out[o++] = this.step > 0 ? this.lastAtpSampled : 0;
    out[o++] = this.step > 0 ? this.lastAtpSampledContent : 0;
    out[o++] = comp;
    out[o++] = within;
    for (let k = 0; k < K; k++) out[o++] = aK[k];
    out[o++] = zeta;
    for (let k = 0; k < K; k++) out[o++] = nTabMode[k] ? zetaMode[k] / nTabMode[k] : 0;
    out[o++] = visits > 0 ? entC / visits : 0;
    out[o++] = this.lastRates[0];
    out[o++] = this.lastRates[1];
    out[o++] = this.lastRates[2];
    out[o++] = this.lastClipFrac[0];
    out[o++] = this.lastClipFrac[1];
    out[o++] = this.lastClipFrac[2];
    out[o++] = this.lastAbsLog;
    for (let c = 0; c < nC; c++) out[o++] = dlN[c] ? dl[c] / dlN[c] : 0;
    const cc = this.classCounts;
    for (let j = 0; j < (nC + 1) * NCNT; j++) out[o++] = this.step > 0 ? cc[j] : 0;
  }

  /**
   * The exact distribution of π(y_t | s_t) over the tokens of a sampled response (mode token included
   * unless contentOnly), as bin weights over [0, 1] (they sum to 1): token note §2.7.
   */
  tokenProbHistogram(nbins: number, contentOnly = false): Float64Array {
    const K = this.K, V = this.V, C = this.C, b = this.pop.b, lens = this.lens;
    this.computeTables();
    const pi = this.piTab, lpM = this.lpMode;
    const hist = new Float64Array(nbins);
    const bin = (p: number) => Math.min(nbins - 1, Math.floor(p * nbins));
    const nx = b ? this.P : 1;
    let norm = 0;
    for (let k = 0; k < K; k++) if (!contentOnly || lens[k] > 1) norm += 1;
    for (let x = 0; x < nx; x++) {
      logSoftmaxInto(this.zMode, 0, b, x * K, K, lpM, 0);
      let wSum = 0;
      for (let k = 0; k < K; k++) if (!contentOnly || lens[k] > 1) wSum += Math.exp(lpM[k]);
      for (let k = 0; k < K; k++) {
        const pk = Math.exp(lpM[k]), Lk = lens[k];
        const n = contentOnly ? Lk - 1 : Lk;
        if (n < 1) continue;
        const w = (contentOnly ? pk / wSum : pk) / n / nx;
        if (!contentOnly) hist[bin(pk)] += w;
        for (let t = 1; t < Lk; t++) {
          const s = this.tableOf[k * C + t - 1];
          for (let j = s * V; j < (s + 1) * V; j++) hist[bin(pi[j])] += w * pi[j];
        }
      }
    }
    void norm;
    return hist;
  }

  resetClipBins(): void { this.clipBins.fill(0); }

  /** Mini-batch m of the last rollout (current epoch order) for the reference surrogate (tests). */
  exportBatch(m: number): TokenBatch {
    const sched = this.schedule, size = sched.size, order = sched.order, ro = this.rollout, b = this.pop.b;
    const K = this.K, C = this.C;
    const responses: TokenResponse[] = [];
    for (let t = m * size; t < (m + 1) * size; t++) {
      const i = order[t], k = ro.action[i];
      const tokens: { table: number; y: number; logpOld: number }[] = [];
      for (let p = 1; p < this.lens[k]; p++) tokens.push({ table: this.tableOf[k * C + p - 1], y: this.tok[i * C + p - 1], logpOld: this.lpOldTok[i * C + p - 1] });
      responses.push({
        mode: k, adv: this.adv[i],
        offsets: b ? Array.from(b.subarray(ro.prompt[i] * K, (ro.prompt[i] + 1) * K)) : null,
        logpOldMode: b ? ro.logpOld[i] : this.logpOldK[k],
        tokens,
      });
    }
    return { K, V: this.V, S: this.S, Lmax: this.Lmax, responses };
  }
}

export interface TokenResponse {
  mode: number;
  adv: number;
  offsets: number[] | null;
  logpOldMode: number;
  tokens: { table: number; y: number; logpOld: number }[];
}

export interface TokenBatch {
  K: number;
  V: number;
  S: number;
  Lmax: number;
  responses: TokenResponse[];
}

/** One seed's run: rows[(t)·M + m] for t = 0..steps. */
export interface TokenRun {
  metricNames: string[];
  steps: number;
  rows: Float64Array;
  guardHits: number;
}

export function runTokenSingle(cfg: TokenToyConfig, seed: number = cfg.seed, out?: Float64Array): TokenRun {
  const sim = new TokenSimulator(cfg, seed);
  const names = sim.metricNames, M = names.length, T = cfg.steps;
  const rows = out ?? new Float64Array((T + 1) * M);
  sim.writeMetrics(rows, 0);
  for (let t = 1; t <= T; t++) {
    sim.advance();
    sim.writeMetrics(rows, t * M);
  }
  return { metricNames: names, steps: T, rows, guardHits: sim.guardHits };
}
