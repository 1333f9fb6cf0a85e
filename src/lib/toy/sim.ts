// The GRPO clipping-bias toy simulator (note §2.4–§2.11): one seeded run of the strategy bandit and
// its per-step metrics. The pieces it shares with the token model live in their own modules: prompt
// population (population.ts), rollout (rollout.ts), rewards (rewards.ts), group advantages
// (advantages.ts), the mini-batch/epoch schedule (schedule.ts), the clipped surrogate's exact gradient
// w.r.t. the K strategy logits (strategy-gradient.ts) and SGD/Adam (optimizer.ts).

import type { ToyConfig } from "./config.js";
import { groupAdvantages } from "./advantages.js";
import { guardLogits, Optimizer } from "./optimizer.js";
import { logSoftmaxInto, PromptPopulation } from "./population.js";
import { StrategyRollout } from "./rollout.js";
import { MiniBatchSchedule } from "./schedule.js";
import { StrategyGradient, type MiniBatchTrace } from "./strategy-gradient.js";

/** Per-step metrics; p_k occupy the first K slots of a row, then these in this order. */
export const SCALAR_METRICS = [
  "u", // logit gap: z_0 − logsumexp(z_1..z_{K−1}) (= z_code − z_nl for K = 2)
  "du", // u − u at step 0 (primary drift statistic)
  "entropy", // mean policy entropy over prompts, nats
  "accuracy", // expected accuracy mean_x Σ_k π(k|x) q_k(x)
  "kl", // mean KL(π_z ‖ π_z0) over prompts
  "meanReward", // mean reward of this step's rollout (0 at step 0)
  "clipFracLow", // clip-low masked updates / (samples with A ≠ 0 × E)
  "clipFracHigh", // clip-high masked updates / (samples with A ≠ 0 × E)
  "clipFracDual", // dual-clip masked updates / (samples with A ≠ 0 × E)
  "meanAbsLogRatio", // mean |ln ρ| over all sample-updates of the step
] as const;
export type ScalarMetric = (typeof SCALAR_METRICS)[number];

export function metricNames(K: number): string[] {
  const names: string[] = [];
  for (let k = 0; k < K; k++) names.push(`p${k}`);
  return names.concat(SCALAR_METRICS);
}

export type { MiniBatchTrace } from "./strategy-gradient.js";
export { LOGIT_SPREAD_CAP } from "./optimizer.js";

export interface StepTrace {
  step: number;
  strategies: string[];
  band: [number, number];
  clipEnabled: boolean;
  /** π_old at the rollout (with per-prompt offsets: the sampled strategy frequencies) */
  pOld: number[];
  miniBatches: MiniBatchTrace[];
}

export class ToySimulator {
  readonly cfg: ToyConfig;
  readonly K: number;
  readonly P: number;
  readonly B: number;
  readonly G: number;
  readonly N: number;
  readonly W: number;
  /** trainable logits and their initial copy */
  readonly z: Float64Array;
  readonly z0: Float64Array;
  readonly u0: number;
  /** prompts, their answers and labels (population.ts) */
  readonly pop: PromptPopulation;
  /** number of completed RL steps */
  step = 0;
  /** times the logit guard had to act (0 in ordinary runs) */
  guardHits = 0;

  private readonly rollout: StrategyRollout;
  private readonly schedule: MiniBatchSchedule;
  private readonly grad: StrategyGradient;
  private readonly optimizer: Optimizer;
  private readonly adv: Float64Array;
  private readonly cls: Uint8Array;
  private readonly advVals = new Float64Array(2);
  // scratch
  private readonly logpi: Float64Array;
  private readonly logpOldK: Float64Array;
  private lastReward = 0;
  private lastClipLow = 0;
  private lastClipHigh = 0;
  private lastClipDual = 0;
  private lastAbsLogRatio = 0;

  /** `cfg` must already be validated (resolveConfig). `seed` overrides cfg.seed (ensembles). */
  constructor(cfg: ToyConfig, seed: number = cfg.seed) {
    this.cfg = cfg;
    const K = (this.K = cfg.strategies.length);
    this.P = cfg.numPrompts;
    this.B = cfg.promptsPerStep;
    this.G = cfg.G;
    const N = (this.N = cfg.promptsPerStep * cfg.G);
    this.W = cfg.numWrong;
    this.z = new Float64Array(K);
    for (let k = 0; k < K; k++) this.z[k] = Math.log(cfg.initProbs[k]);
    this.z0 = this.z.slice();
    this.u0 = this.logitGap();
    this.pop = new PromptPopulation(cfg, seed, this.z0);
    this.rollout = new StrategyRollout(cfg, this.pop, seed);
    this.schedule = new MiniBatchSchedule(cfg, K, seed);
    this.grad = new StrategyGradient(K, cfg);
    this.optimizer = new Optimizer(cfg, K);
    this.adv = new Float64Array(N);
    this.cls = new Uint8Array(N);
    this.logpi = new Float64Array(K);
    this.logpOldK = new Float64Array(K);
  }

  get b(): Float64Array | null { return this.pop.b; }
  get q(): Float64Array { return this.pop.q; }
  get qMean(): Float64Array { return this.pop.qMean; }
  get mvLabel(): Int32Array { return this.pop.mvLabel; }
  get wrongLabel(): Int32Array { return this.pop.wrongLabel; }

  /** z_0 − logsumexp(z_1..z_{K−1}): the logit of strategy 0 (without prompt offsets). */
  logitGap(): number {
    const z = this.z;
    let mx = -Infinity;
    for (let k = 1; k < z.length; k++) if (z[k] > mx) mx = z[k];
    let s = 0;
    for (let k = 1; k < z.length; k++) s += Math.exp(z[k] - mx);
    return z[0] - (mx + Math.log(s));
  }

  /** Write the metric row (layout of metricNames(K)) for the current state into out[off..]. */
  writeMetrics(out: Float64Array, off: number): void {
    const K = this.K, pop = this.pop, b = pop.b;
    const lp = this.logpi;
    let ent = 0, kl = 0, acc = 0;
    for (let k = 0; k < K; k++) out[off + k] = 0;
    if (!b) {
      logSoftmaxInto(this.z, 0, null, 0, K, lp, 0);
      for (let k = 0; k < K; k++) {
        const pk = Math.exp(lp[k]);
        out[off + k] = pk;
        ent -= pk * lp[k];
        kl += pk * (lp[k] - pop.logp0[k]);
        acc += pk * pop.qMean[k];
      }
    } else {
      const P = this.P;
      for (let x = 0; x < P; x++) {
        logSoftmaxInto(this.z, 0, b, x * K, K, lp, 0);
        for (let k = 0; k < K; k++) {
          const pk = Math.exp(lp[k]);
          out[off + k] += pk / P;
          ent -= (pk * lp[k]) / P;
          kl += (pk * (lp[k] - pop.logp0[x * K + k])) / P;
          acc += (pk * pop.q[x * K + k]) / P;
        }
      }
    }
    const u = this.logitGap();
    let j = off + K;
    out[j++] = u;
    out[j++] = u - this.u0;
    out[j++] = ent;
    out[j++] = acc;
    out[j++] = Math.max(0, kl);
    out[j++] = this.step > 0 ? this.lastReward : 0;
    out[j++] = this.lastClipLow;
    out[j++] = this.lastClipHigh;
    out[j++] = this.lastClipDual;
    out[j++] = this.lastAbsLogRatio;
  }

  /** One RL step: rollout, advantages, N_mb·E optimizer steps. Returns a trace when asked. */
  advance(trace = false): StepTrace | null {
    const cfg = this.cfg;
    const K = this.K, N = this.N;
    const b = this.pop.b;
    const pOld = new Float64Array(K);
    // ---- rollout (§2.5), advantages (§2.7)
    const ro = this.rollout;
    this.lastReward = ro.run(this.z, this.logpOldK, pOld) / N;
    groupAdvantages(ro.reward, ro.action, this.adv, this.cls, this.G, N, cfg.adv, this.advVals);

    // ---- schedule (§2.8)
    const E = cfg.epochs, nMb = cfg.miniBatches;
    const sched = this.schedule, mbSize = sched.size;
    sched.reset();
    let nonZero = 0, clipLow = 0, clipHigh = 0, clipDual = 0, absLog = 0, updates = 0;
    const traces: MiniBatchTrace[] = [];
    for (let e = 0; e < E; e++) {
      // shared-policy path: per-mini-batch sums of A by (action, sign) are gathered while ordering
      sched.epoch(this.cls, this.adv, !b);
      for (let m = 0; m < nMb; m++) {
        const r = b
          ? this.grad.generic(this.z, this.pop, ro.prompt, ro.action, this.adv, ro.logpOld, null, sched.order, m * mbSize, mbSize, null, trace)
          : this.grad.shared(this.z, this.logpOldK, this.pop.logp0, sched, m, null, trace);
        nonZero += r.nonZero; clipLow += r.low; clipHigh += r.high; clipDual += r.dual; absLog += r.absLog; updates += mbSize;
        if (r.trace) { r.trace.epoch = e; r.trace.index = m; traces.push(r.trace); }
        this.optimizer.step(this.z, this.grad.g);
        this.guardHits += guardLogits(this.z, 0, K);
      }
    }
    this.lastClipLow = nonZero > 0 ? clipLow / nonZero : 0;
    this.lastClipHigh = nonZero > 0 ? clipHigh / nonZero : 0;
    this.lastClipDual = nonZero > 0 ? clipDual / nonZero : 0;
    this.lastAbsLogRatio = updates > 0 ? absLog / updates : 0;
    this.step++;
    if (!trace) return null;
    let pOldMean = Array.from(pOld);
    if (b) {
      // with per-prompt offsets π_old differs by prompt; report the sampled strategy frequencies instead
      pOldMean = new Array(K).fill(0);
      for (let i = 0; i < N; i++) pOldMean[ro.action[i]] += 1 / N;
    }
    return {
      step: this.step,
      strategies: cfg.strategies.slice(),
      band: [1 - cfg.clip.epsLow, 1 + cfg.clip.epsHigh],
      clipEnabled: cfg.clip.enabled,
      pOld: pOldMean,
      miniBatches: traces,
    };
  }

  /**
   * The last rollout in schedule order (the final epoch's order), as reference-surrogate batches, one
   * per mini-batch. For tests and for exporting the "inside a rollout" view.
   */
  lastRolloutBatches(): SurrogateBatch[] {
    const K = this.K, nMb = this.cfg.miniBatches, size = Math.floor(this.N / nMb);
    const ro = this.rollout, pop = this.pop, b = pop.b, order = this.schedule.order;
    const out: SurrogateBatch[] = [];
    for (let m = 0; m < nMb; m++) {
      const idx = Array.from(order.subarray(m * size, (m + 1) * size));
      const offsets = b ? new Float64Array(size * K) : null;
      const logp0 = new Float64Array(size * K);
      idx.forEach((i, r) => {
        const x = ro.prompt[i];
        for (let k = 0; k < K; k++) {
          if (offsets && b) offsets[r * K + k] = b[x * K + k];
          logp0[r * K + k] = b ? pop.logp0[x * K + k] : pop.logp0[k];
        }
      });
      out.push({
        K,
        actions: Int32Array.from(idx, (i) => ro.action[i]),
        adv: Float64Array.from(idx, (i) => this.adv[i]),
        logpOld: Float64Array.from(idx, (i) => b ? ro.logpOld[i] : this.logpOldK[ro.action[i]]),
        offsets,
        logp0,
      });
    }
    return out;
  }
}

export interface SingleRun {
  metricNames: string[];
  steps: number;
  /** (steps+1) rows × metricNames.length, row t = after step t (row 0 = initial state) */
  rows: Float64Array;
  guardHits: number;
  finalLogits: number[];
}

/** Run one seed for cfg.steps steps (cfg validated). */
export function runSingle(cfg: ToyConfig, seed: number = cfg.seed, out?: Float64Array): SingleRun {
  const sim = new ToySimulator(cfg, seed);
  const names = metricNames(sim.K);
  const M = names.length, T = cfg.steps;
  const rows = out ?? new Float64Array((T + 1) * M);
  sim.writeMetrics(rows, 0);
  for (let t = 1; t <= T; t++) {
    sim.advance(false);
    sim.writeMetrics(rows, t * M);
  }
  return { metricNames: names, steps: T, rows, guardHits: sim.guardHits, finalLogits: Array.from(sim.z) };
}

// ---------------------------------------------------------------------------------------------
// Reference (per-sample, unoptimised) surrogate of note §2.9, used to check the simulator's fast
// paths and, by finite differences, its gradient formula.

export interface SurrogateOptions {
  clip: { enabled: boolean; epsLow: number; epsHigh: number; dualClipC: number };
  lossVariant: "ratio" | "pi";
  klBeta: number;
}

export interface SurrogateBatch {
  K: number;
  actions: ArrayLike<number>;
  adv: ArrayLike<number>;
  logpOld: ArrayLike<number>;
  /** per-sample preference offsets b_x (n×K), or null for none */
  offsets: ArrayLike<number> | null;
  /** per-sample log π_z0(·|x) (n×K), needed only when klBeta > 0 */
  logp0: ArrayLike<number> | null;
}

function sampleLogPolicy(z: ArrayLike<number>, batch: SurrogateBatch, i: number, out: Float64Array) {
  logSoftmaxInto(z, 0, batch.offsets, i * batch.K, batch.K, out, 0);
}

/** J_M(z) = mean_i min(ρA, clip(ρ)A) [dual clip: max(·, cA) for A < 0] − β mean KL(π‖π0). */
export function surrogateObjective(z: ArrayLike<number>, batch: SurrogateBatch, opt: SurrogateOptions): number {
  const K = batch.K, n = batch.actions.length;
  const lp = new Float64Array(K);
  let J = 0;
  for (let i = 0; i < n; i++) {
    sampleLogPolicy(z, batch, i, lp);
    const a = batch.actions[i], A = batch.adv[i];
    const rho = Math.exp(lp[a] - batch.logpOld[i]);
    let term: number;
    if (opt.lossVariant === "ratio") {
      term = rho * A;
      if (opt.clip.enabled) {
        const clipped = Math.min(Math.max(rho, 1 - opt.clip.epsLow), 1 + opt.clip.epsHigh) * A;
        term = Math.min(term, clipped);
        if (A < 0 && opt.clip.dualClipC > 0) term = Math.max(term, opt.clip.dualClipC * A);
      }
    } else {
      // exp(log π)·A; where the mask would drop the sample the loss is locally constant
      let m = 1;
      if (opt.clip.enabled) {
        if (A > 0 && rho > 1 + opt.clip.epsHigh) m = 0;
        if (A < 0 && rho < 1 - opt.clip.epsLow) m = 0;
        if (A < 0 && opt.clip.dualClipC > 0 && rho > opt.clip.dualClipC) m = 0;
      }
      term = m * Math.exp(lp[a]) * A;
    }
    J += term / n;
    if (opt.klBeta > 0 && batch.logp0) {
      let kl = 0;
      for (let k = 0; k < K; k++) kl += Math.exp(lp[k]) * (lp[k] - batch.logp0[i * K + k]);
      J -= (opt.klBeta * kl) / n;
    }
  }
  return J;
}

/** Analytic ∂J_M/∂z (note §2.9), per sample. */
export function surrogateGradient(z: ArrayLike<number>, batch: SurrogateBatch, opt: SurrogateOptions): Float64Array {
  const K = batch.K, n = batch.actions.length;
  const lp = new Float64Array(K);
  const g = new Float64Array(K);
  const { enabled, epsLow, epsHigh, dualClipC } = opt.clip;
  for (let i = 0; i < n; i++) {
    sampleLogPolicy(z, batch, i, lp);
    const a = batch.actions[i], A = batch.adv[i];
    const rho = Math.exp(lp[a] - batch.logpOld[i]);
    let m = 1;
    if (enabled) {
      if (A > 0 && rho > 1 + epsHigh) m = 0;
      else if (A < 0 && rho < 1 - epsLow) m = 0;
      else if (A < 0 && dualClipC > 0 && rho > dualClipC) m = 0;
    }
    const w = opt.lossVariant === "ratio" ? rho : Math.exp(lp[a]);
    const c = (m * A * w) / n;
    for (let j = 0; j < K; j++) g[j] += c * ((j === a ? 1 : 0) - Math.exp(lp[j]));
    if (opt.klBeta > 0 && batch.logp0) {
      let kl = 0;
      for (let k = 0; k < K; k++) kl += Math.exp(lp[k]) * (lp[k] - batch.logp0[i * K + k]);
      for (let j = 0; j < K; j++) g[j] -= (opt.klBeta * Math.exp(lp[j]) * (lp[j] - batch.logp0[i * K + j] - kl)) / n;
    }
  }
  return g;
}
