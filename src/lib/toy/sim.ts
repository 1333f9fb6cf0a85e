// The GRPO clipping-bias toy simulator (note §2.4–§2.11). One seeded run: prompt population,
// rollouts, binary rewards, group advantages, the mini-batch/epoch schedule, the clipped surrogate's
// exact gradient w.r.t. the K strategy logits, SGD/Adam, and per-step metrics.
// Hot loops use typed arrays and no per-sample allocation; without per-prompt preference offsets all
// samples share one policy, so each mini-batch's gradient is accumulated per (action, sign of A).

import type { ToyConfig } from "./config.js";
import { categorical, normal, RandomStream, STREAM } from "./rng.js";

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

/** Logits are kept within this spread (probabilities ≥ e^-100) so extreme settings stay finite. */
export const LOGIT_SPREAD_CAP = 100;

export interface MiniBatchTrace {
  epoch: number;
  index: number;
  size: number;
  /** mean ratio ρ = π/π_old per strategy over the mini-batch's samples of that strategy (null: none sampled, offsets on) */
  ratio: (number | null)[];
  ratioMin: (number | null)[];
  ratioMax: (number | null)[];
  nPos: number[];
  nNeg: number[];
  nZero: number[];
  clippedLow: number[];
  clippedHigh: number[];
  clippedDual: number[];
}

export interface StepTrace {
  step: number;
  strategies: string[];
  band: [number, number];
  clipEnabled: boolean;
  /** π_old at the rollout (with per-prompt offsets: the sampled strategy frequencies) */
  pOld: number[];
  miniBatches: MiniBatchTrace[];
}

function logSoftmaxInto(z: ArrayLike<number>, zOff: number, b: ArrayLike<number> | null, bOff: number, K: number, out: Float64Array, outOff: number): void {
  let mx = -Infinity;
  for (let k = 0; k < K; k++) {
    const v = z[zOff + k] + (b ? b[bOff + k] : 0);
    out[outOff + k] = v;
    if (v > mx) mx = v;
  }
  let s = 0;
  for (let k = 0; k < K; k++) s += Math.exp(out[outOff + k] - mx);
  const lse = mx + Math.log(s);
  for (let k = 0; k < K; k++) out[outOff + k] -= lse;
}

// random/format draw from the rewards stream; codes 2–4 need the sampled answer
const REWARD_CODE: Record<string, number> = { random: 0, format: 1, ground_truth: 2, majority: 3, incorrect: 4, python: 5 };

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));

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
  /** per-prompt correctness, unextractable rate, optional preference offsets (P×K) */
  readonly q: Float64Array;
  readonly unx: Float64Array;
  readonly b: Float64Array | null;
  readonly qMean: Float64Array;
  readonly wrongProbs: Float64Array;
  readonly mvLabel: Int32Array;
  readonly wrongLabel: Int32Array;
  /** number of completed RL steps */
  step = 0;
  /** times the logit guard had to act (0 in ordinary runs) */
  guardHits = 0;

  private readonly rActions: RandomStream;
  private readonly rRewards: RandomStream;
  private readonly rShuffle: RandomStream;
  private readonly rAnswers: RandomStream;
  private readonly rPrompt: RandomStream;
  // rollout buffers
  private readonly prompt: Int32Array;
  private readonly action: Uint8Array;
  private readonly reward: Uint8Array;
  private readonly logpOld: Float64Array;
  private readonly adv: Float64Array;
  private readonly order: Int32Array;
  private readonly groupOrder: Int32Array;
  // scratch
  private readonly logpi: Float64Array;
  private readonly logp0: Float64Array; // P×K (offsets) or K
  private readonly logpOldK: Float64Array;
  private readonly g: Float64Array;
  private readonly adamM: Float64Array;
  private readonly adamV: Float64Array;
  private adamT = 0;
  private readonly sPos: Float64Array;
  private readonly sNeg: Float64Array;
  private readonly nPos: Int32Array;
  private readonly nNeg: Int32Array;
  private readonly nAll: Int32Array;
  private readonly coef: Float64Array;
  private readonly cls: Uint8Array;
  private readonly advVals = new Float64Array(2);
  private readonly mbSum: Float64Array;
  private readonly mbCnt: Int32Array;
  private lastReward = 0;
  private lastClipLow = 0;
  private lastClipHigh = 0;
  private lastClipDual = 0;
  private lastAbsLogRatio = 0;

  /** `cfg` must already be validated (resolveConfig). `seed` overrides cfg.seed (ensembles). */
  constructor(cfg: ToyConfig, seed: number = cfg.seed) {
    this.cfg = cfg;
    const K = (this.K = cfg.strategies.length);
    const P = (this.P = cfg.numPrompts);
    this.B = cfg.promptsPerStep;
    this.G = cfg.G;
    const N = (this.N = cfg.promptsPerStep * cfg.G);
    const W = (this.W = cfg.numWrong);
    this.rActions = new RandomStream(seed, STREAM.actions);
    this.rRewards = new RandomStream(seed, STREAM.rewards);
    this.rShuffle = new RandomStream(seed, STREAM.shuffle);
    this.rAnswers = new RandomStream(seed, STREAM.answers);
    this.rPrompt = new RandomStream(seed, STREAM.promptPick);
    const rPop = new RandomStream(seed, STREAM.population);
    const rLabels = new RandomStream(seed, STREAM.labels);

    this.z = new Float64Array(K);
    for (let k = 0; k < K; k++) this.z[k] = Math.log(cfg.initProbs[k]);
    this.z0 = this.z.slice();
    this.u0 = this.logitGap();

    // population (§2.4), prompts in order: difficulty normal, then K preference normals
    this.q = new Float64Array(P * K);
    this.unx = new Float64Array(P * K);
    this.b = cfg.prefSd > 0 ? new Float64Array(P * K) : null;
    this.qMean = new Float64Array(K);
    for (let x = 0; x < P; x++) {
      const d = cfg.difficultySd > 0 ? cfg.difficultySd * normal(rPop) : 0;
      if (this.b) for (let k = 0; k < K; k++) this.b[x * K + k] = cfg.prefSd * normal(rPop);
      for (let k = 0; k < K; k++) {
        const a = cfg.acc[k];
        const qk = cfg.difficultySd > 0 && a > 0 && a < 1 ? sigmoid(logit(a) - d) : a;
        this.q[x * K + k] = qk;
        this.unx[x * K + k] = Math.min(cfg.unextractable[k], 1 - qk);
        this.qMean[k] += qk / P;
      }
    }
    this.wrongProbs = new Float64Array(W);
    let h = 0;
    for (let w = 0; w < W; w++) h += 1 / (w + 1);
    for (let w = 0; w < W; w++) this.wrongProbs[w] = 1 / (w + 1) / h;

    // initial log-policy (per prompt when offsets exist)
    this.logp0 = new Float64Array(this.b ? P * K : K);
    if (this.b) for (let x = 0; x < P; x++) logSoftmaxInto(this.z0, 0, this.b, x * K, K, this.logp0, x * K);
    else logSoftmaxInto(this.z0, 0, null, 0, K, this.logp0, 0);

    // labels (§2.4): 64 answers per prompt from the initial policy; ties → lowest id. The labels stream
    // is independent of all others, so rewards that never read labels skip this (no other draw changes).
    this.mvLabel = new Int32Array(P);
    this.wrongLabel = new Int32Array(P);
    const counts = new Int32Array(W + 1);
    const p0x = new Float64Array(K);
    const needLabels = cfg.reward.type === "majority" || cfg.reward.type === "incorrect";
    for (let x = 0; needLabels && x < P; x++) {
      counts.fill(0);
      const off = this.b ? x * K : 0;
      for (let k = 0; k < K; k++) p0x[k] = Math.exp(this.logp0[off + k]);
      for (let s = 0; s < 64; s++) {
        const a = categorical(p0x, 0, K, rLabels.next());
        const ans = this.sampleAnswer(x, a, rLabels);
        if (ans >= 0) counts[ans]++;
      }
      let mv = 0;
      for (let i = 1; i <= W; i++) if (counts[i] > counts[mv]) mv = i;
      let wl = 1;
      for (let i = 2; i <= W; i++) if (counts[i] > counts[wl]) wl = i;
      this.mvLabel[x] = mv;
      this.wrongLabel[x] = wl;
    }

    this.prompt = new Int32Array(N);
    this.action = new Uint8Array(N);
    this.reward = new Uint8Array(N);
    this.logpOld = new Float64Array(N);
    this.adv = new Float64Array(N);
    this.order = new Int32Array(N);
    this.groupOrder = new Int32Array(this.B);
    this.logpi = new Float64Array(K);
    this.logpOldK = new Float64Array(K);
    this.g = new Float64Array(K);
    this.adamM = new Float64Array(K);
    this.adamV = new Float64Array(K);
    this.sPos = new Float64Array(K);
    this.sNeg = new Float64Array(K);
    this.nPos = new Int32Array(K);
    this.nNeg = new Int32Array(K);
    this.nAll = new Int32Array(K);
    this.coef = new Float64Array(K);
    this.cls = new Uint8Array(N);
    this.mbSum = new Float64Array(3 * K * cfg.miniBatches);
    this.mbCnt = new Int32Array(3 * K * cfg.miniBatches);
  }

  /** Answer id: 0 correct, −1 unextractable, 1..W a wrong answer (Zipf(1) weights). */
  private sampleAnswer(x: number, a: number, rng: RandomStream): number {
    const i = x * this.K + a;
    const qv = this.q[i];
    const u = rng.next();
    if (u < qv) return 0;
    if (u < qv + this.unx[i]) return -1;
    return 1 + categorical(this.wrongProbs, 0, this.W, rng.next());
  }

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
    const K = this.K;
    const lp = this.logpi;
    let ent = 0, kl = 0, acc = 0;
    for (let k = 0; k < K; k++) out[off + k] = 0;
    if (!this.b) {
      logSoftmaxInto(this.z, 0, null, 0, K, lp, 0);
      for (let k = 0; k < K; k++) {
        const pk = Math.exp(lp[k]);
        out[off + k] = pk;
        ent -= pk * lp[k];
        kl += pk * (lp[k] - this.logp0[k]);
        acc += pk * this.qMean[k];
      }
    } else {
      const P = this.P;
      for (let x = 0; x < P; x++) {
        logSoftmaxInto(this.z, 0, this.b, x * K, K, lp, 0);
        for (let k = 0; k < K; k++) {
          const pk = Math.exp(lp[k]);
          out[off + k] += pk / P;
          ent -= (pk * lp[k]) / P;
          kl += (pk * (lp[k] - this.logp0[x * K + k])) / P;
          acc += (pk * this.q[x * K + k]) / P;
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
    const K = this.K, B = this.B, G = this.G, N = this.N, P = this.P;
    const b = this.b;
    const rewardType = cfg.reward.type;
    const gamma = cfg.reward.gamma;
    const lp = this.logpOldK;
    const pOld = new Float64Array(K);
    // ---- rollout (§2.5)
    if (!b) {
      logSoftmaxInto(this.z, 0, null, 0, K, lp, 0);
      for (let k = 0; k < K; k++) pOld[k] = Math.exp(lp[k]);
    }
    const pTmp = b ? new Float64Array(K) : pOld;
    // the answers stream is independent, so it is only consumed by rewards that look at the answer
    const rewardCode = REWARD_CODE[rewardType];
    const needAnswer = rewardCode >= 2 && rewardCode <= 4;
    const rPrompt = this.rPrompt, rActions = this.rActions, rRewards = this.rRewards, rAnswers = this.rAnswers;
    const promptArr = this.prompt, actionArr = this.action, rewardArr = this.reward, logpOldArr = this.logpOld;
    const formatRate = cfg.formatRate, mvLabel = this.mvLabel, wrongLabel = this.wrongLabel;
    let rewardSum = 0;
    for (let j = 0; j < B; j++) {
      const x = Math.floor(P * rPrompt.next());
      if (b) {
        logSoftmaxInto(this.z, 0, b, x * K, K, lp, 0);
        for (let k = 0; k < K; k++) pTmp[k] = Math.exp(lp[k]);
      }
      for (let gi = 0; gi < G; gi++) {
        const i = j * G + gi;
        const a = categorical(pTmp, 0, K, rActions.next());
        const ans = needAnswer ? this.sampleAnswer(x, a, rAnswers) : 0;
        let r: number;
        switch (rewardCode) {
          case 0: r = rRewards.next() < gamma ? 1 : 0; break;
          case 1: r = rRewards.next() < formatRate[a] ? 1 : 0; break;
          case 2: r = ans === 0 ? 1 : 0; break;
          case 3: r = ans === mvLabel[x] ? 1 : 0; break;
          case 4: r = ans === wrongLabel[x] ? 1 : 0; break;
          default: r = a === 0 ? 1 : 0; // python
        }
        actionArr[i] = a;
        rewardArr[i] = r;
        // prompts and per-sample old log-probs are only read on the per-prompt path (offsets on)
        if (b) { promptArr[i] = x; logpOldArr[i] = lp[a]; }
        rewardSum += r;
      }
    }
    this.lastReward = rewardSum / N;
    this.computeAdvantages();

    // ---- schedule (§2.8)
    const E = cfg.epochs, nMb = cfg.miniBatches;
    const mbSize = Math.floor(N / nMb);
    const order = this.order, groupOrder = this.groupOrder;
    for (let i = 0; i < N; i++) order[i] = i;
    for (let j = 0; j < B; j++) groupOrder[j] = j;
    let nonZero = 0, clipLow = 0, clipHigh = 0, clipDual = 0, absLog = 0, updates = 0;
    const traces: MiniBatchTrace[] = [];
    for (let e = 0; e < E; e++) {
      // shared-policy path: per-mini-batch sums of A by (action, sign) are gathered while ordering
      let summed = false;
      if (cfg.shuffle === "samples") {
        if (!b) { this.shuffleAndSum(mbSize, nMb); summed = true; }
        else for (let i = N - 1; i >= 1; i--) {
          const j = Math.floor(this.rShuffle.next() * (i + 1));
          const t = order[i]; order[i] = order[j]; order[j] = t;
        }
      } else if (cfg.shuffle === "groups") {
        for (let i = B - 1; i >= 1; i--) {
          const j = Math.floor(this.rShuffle.next() * (i + 1));
          const t = groupOrder[i]; groupOrder[i] = groupOrder[j]; groupOrder[j] = t;
        }
        for (let j = 0; j < B; j++) for (let gi = 0; gi < G; gi++) order[j * G + gi] = groupOrder[j] * G + gi;
      }
      if (!b && !summed) this.sumInOrder(mbSize, nMb);
      for (let m = 0; m < nMb; m++) {
        const r = b ? this.miniBatchGeneric(m * mbSize, mbSize, trace) : this.miniBatchShared(m, mbSize, trace);
        nonZero += r.nonZero; clipLow += r.low; clipHigh += r.high; clipDual += r.dual; absLog += r.absLog; updates += mbSize;
        if (r.trace) { r.trace.epoch = e; r.trace.index = m; traces.push(r.trace); }
        this.optimizerStep();
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
      for (let i = 0; i < N; i++) pOldMean[this.action[i]] += 1 / N;
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

  /** Group advantages (§2.7) for binary rewards, then optional batch whitening; also each sample's (action, sign) class. */
  private computeAdvantages(): void {
    const { G, N } = this;
    const a = this.cfg.adv;
    const r = this.reward, A = this.adv;
    const div = a.stdKind === "unbiased" ? G - 1 : G;
    const cls = this.cls, act = this.action;
    for (let s = 0; s < N; s += G) {
      let ones = 0;
      for (let i = s; i < s + G; i++) ones += r[i];
      if (ones === 0 || ones === G) {
        // all rewards equal: exactly zero, never 0/eps
        for (let i = s; i < s + G; i++) { A[i] = 0; cls[i] = act[i] * 3; }
        continue;
      }
      const mean = ones / G;
      let a1 = 1 - mean, a0 = -mean;
      if (a.stdNorm) {
        const den = Math.sqrt((ones * a1 * a1 + (G - ones) * a0 * a0) / div) + a.eps;
        a1 /= den;
        a0 /= den;
      }
      const vals = this.advVals;
      vals[0] = a0; vals[1] = a1;
      for (let i = s; i < s + G; i++) { A[i] = vals[r[i]]; cls[i] = act[i] * 3 + 2 - r[i]; }
    }
    if (a.batchWhiten) {
      let mean = 0;
      for (let i = 0; i < N; i++) mean += A[i];
      mean /= N;
      let v = 0;
      for (let i = 0; i < N; i++) { const d = A[i] - mean; v += d * d; }
      const sd = Math.sqrt(Math.max(v / N, 1e-8));
      for (let i = 0; i < N; i++) {
        A[i] = (A[i] - mean) / sd;
        cls[i] = act[i] * 3 + (A[i] > 0 ? 1 : A[i] < 0 ? 2 : 0);
      }
    }
  }

  /**
   * Fisher–Yates over the samples (i from N−1 down to 1, as note §2.8) fused with the per-mini-batch sums:
   * position i holds its final sample as soon as step i is done, so it is added to mini-batch ⌊i/size⌋ at once.
   */
  private shuffleAndSum(size: number, nMb: number): void {
    const order = this.order, cls = this.cls, A = this.adv, sums = this.mbSum, cnts = this.mbCnt, rng = this.rShuffle;
    const stride = 3 * this.K, limit = nMb * size;
    sums.fill(0); cnts.fill(0);
    for (let i = this.N - 1; i >= 1; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      const t = order[j]; order[j] = order[i]; order[i] = t;
      if (i < limit) { const o = ((i / size) | 0) * stride + cls[t]; sums[o] += A[t]; cnts[o]++; }
    }
    const t0 = order[0];
    const o0 = cls[t0];
    sums[o0] += A[t0]; cnts[o0]++;
  }

  /** Per-mini-batch sums of A by (action, sign) for an order that is already fixed ('groups', 'none'). */
  private sumInOrder(size: number, nMb: number): void {
    const order = this.order, cls = this.cls, A = this.adv, sums = this.mbSum, cnts = this.mbCnt;
    const stride = 3 * this.K;
    sums.fill(0); cnts.fill(0);
    for (let m = 0; m < nMb; m++)
      for (let t = m * size; t < (m + 1) * size; t++) { const i = order[t]; const o = m * stride + cls[i]; sums[o] += A[i]; cnts[o]++; }
  }

  /** Shared-policy mini-batch m (no prompt offsets): uses the Σ A per (action, sign) gathered above. */
  private miniBatchShared(mb: number, size: number, wantTrace: boolean) {
    const K = this.K, cfg = this.cfg, clip = cfg.clip;
    const sumC = this.mbSum, cntC = this.mbCnt, base = mb * 3 * K;
    const sPos = this.sPos, sNeg = this.sNeg, nPos = this.nPos, nNeg = this.nNeg, nAll = this.nAll;
    for (let k = 0; k < K; k++) {
      sPos[k] = sumC[base + 3 * k + 1]; sNeg[k] = sumC[base + 3 * k + 2];
      nPos[k] = cntC[base + 3 * k + 1]; nNeg[k] = cntC[base + 3 * k + 2];
      nAll[k] = cntC[base + 3 * k] + nPos[k] + nNeg[k];
    }
    const lp = this.logpi;
    logSoftmaxInto(this.z, 0, null, 0, K, lp, 0);
    // all samples were drawn from the same π_old this step
    const lpo = this.logpOldK;
    const hi = 1 + clip.epsHigh, lo = 1 - clip.epsLow, dual = clip.dualClipC;
    let low = 0, high = 0, dualN = 0, absLog = 0, nonZero = 0, csum = 0;
    const coef = this.coef;
    const tr: MiniBatchTrace | null = wantTrace ? emptyTrace(K, size) : null;
    for (let k = 0; k < K; k++) {
      const lr = lp[k] - lpo[k];
      const rho = Math.exp(lr);
      absLog += nAll[k] * Math.abs(lr);
      nonZero += nPos[k] + nNeg[k];
      let mPos = 1, mNeg = 1;
      if (clip.enabled) {
        if (rho > hi) { mPos = 0; high += nPos[k]; }
        if (rho < lo) { mNeg = 0; low += nNeg[k]; }
        else if (dual > 0 && rho > dual) { mNeg = 0; dualN += nNeg[k]; }
      }
      const w = cfg.lossVariant === "ratio" ? rho : Math.exp(lp[k]);
      coef[k] = (mPos * sPos[k] + mNeg * sNeg[k]) * w;
      csum += coef[k];
      if (tr) {
        tr.ratio[k] = rho; tr.ratioMin[k] = rho; tr.ratioMax[k] = rho;
        tr.nPos[k] = nPos[k]; tr.nNeg[k] = nNeg[k]; tr.nZero[k] = nAll[k] - nPos[k] - nNeg[k];
        tr.clippedHigh[k] = mPos ? 0 : nPos[k];
        if (!mNeg) { if (rho < lo) tr.clippedLow[k] = nNeg[k]; else tr.clippedDual[k] = nNeg[k]; }
      }
    }
    const g = this.g;
    const inv = 1 / size;
    for (let j = 0; j < K; j++) g[j] = (coef[j] - Math.exp(lp[j]) * csum) * inv;
    if (cfg.klBeta > 0) {
      let kl = 0;
      for (let k = 0; k < K; k++) kl += Math.exp(lp[k]) * (lp[k] - this.logp0[k]);
      for (let j = 0; j < K; j++) g[j] -= cfg.klBeta * Math.exp(lp[j]) * (lp[j] - this.logp0[j] - kl);
    }
    return { nonZero, low, high, dual: dualN, absLog, trace: tr };
  }

  /** Per-prompt policies (preference offsets on): exact per-sample gradient. */
  private miniBatchGeneric(start: number, size: number, wantTrace: boolean) {
    const K = this.K, cfg = this.cfg, clip = cfg.clip, b = this.b!;
    const order = this.order, act = this.action, A = this.adv, prm = this.prompt;
    const lp = this.logpi, g = this.g;
    g.fill(0);
    const hi = 1 + clip.epsHigh, lo = 1 - clip.epsLow, dual = clip.dualClipC;
    const beta = cfg.klBeta;
    let low = 0, high = 0, dualN = 0, absLog = 0, nonZero = 0;
    const tr: MiniBatchTrace | null = wantTrace ? emptyTrace(K, size) : null;
    const rsum = wantTrace ? new Float64Array(K) : null;
    for (let t = start; t < start + size; t++) {
      const i = order[t];
      const x = prm[i], a = act[i], av = A[i];
      logSoftmaxInto(this.z, 0, b, x * K, K, lp, 0);
      const lr = lp[a] - this.logpOld[i];
      const rho = Math.exp(lr);
      absLog += Math.abs(lr);
      let m = 1, kind = 0;
      if (av !== 0) {
        nonZero++;
        if (clip.enabled) {
          if (av > 0 && rho > hi) { m = 0; high++; kind = 1; }
          else if (av < 0 && rho < lo) { m = 0; low++; kind = 2; }
          else if (av < 0 && dual > 0 && rho > dual) { m = 0; dualN++; kind = 3; }
        }
        if (m) {
          const c = av * (cfg.lossVariant === "ratio" ? rho : Math.exp(lp[a]));
          for (let j = 0; j < K; j++) g[j] -= c * Math.exp(lp[j]);
          g[a] += c;
        }
      }
      if (beta > 0) {
        let kl = 0;
        for (let k = 0; k < K; k++) kl += Math.exp(lp[k]) * (lp[k] - this.logp0[x * K + k]);
        for (let j = 0; j < K; j++) g[j] -= beta * Math.exp(lp[j]) * (lp[j] - this.logp0[x * K + j] - kl);
      }
      if (tr && rsum) {
        rsum[a] += rho;
        tr.ratioMin[a] = tr.ratioMin[a] === null ? rho : Math.min(tr.ratioMin[a]!, rho);
        tr.ratioMax[a] = tr.ratioMax[a] === null ? rho : Math.max(tr.ratioMax[a]!, rho);
        if (av > 0) tr.nPos[a]++; else if (av < 0) tr.nNeg[a]++; else tr.nZero[a]++;
        if (kind === 1) tr.clippedHigh[a]++; else if (kind === 2) tr.clippedLow[a]++; else if (kind === 3) tr.clippedDual[a]++;
      }
    }
    const inv = 1 / size;
    for (let j = 0; j < K; j++) g[j] *= inv;
    if (tr && rsum) for (let k = 0; k < K; k++) {
      const n = tr.nPos[k] + tr.nNeg[k] + tr.nZero[k];
      tr.ratio[k] = n > 0 ? rsum[k] / n : null;
    }
    return { nonZero, low, high, dual: dualN, absLog, trace: tr };
  }

  /**
   * The last rollout in schedule order (the final epoch's order), as reference-surrogate batches, one
   * per mini-batch. For tests and for exporting the "inside a rollout" view.
   */
  lastRolloutBatches(): SurrogateBatch[] {
    const K = this.K, nMb = this.cfg.miniBatches, size = Math.floor(this.N / nMb);
    const out: SurrogateBatch[] = [];
    for (let m = 0; m < nMb; m++) {
      const idx = Array.from(this.order.subarray(m * size, (m + 1) * size));
      const offsets = this.b ? new Float64Array(size * K) : null;
      const logp0 = new Float64Array(size * K);
      idx.forEach((i, r) => {
        const x = this.prompt[i];
        for (let k = 0; k < K; k++) {
          if (offsets && this.b) offsets[r * K + k] = this.b[x * K + k];
          logp0[r * K + k] = this.b ? this.logp0[x * K + k] : this.logp0[k];
        }
      });
      out.push({
        K,
        actions: Int32Array.from(idx, (i) => this.action[i]),
        adv: Float64Array.from(idx, (i) => this.adv[i]),
        logpOld: Float64Array.from(idx, (i) => this.b ? this.logpOld[i] : this.logpOldK[this.action[i]]),
        offsets,
        logp0,
      });
    }
    return out;
  }

  private optimizerStep(): void {
    const cfg = this.cfg, K = this.K, g = this.g, z = this.z;
    if (cfg.maxGradNorm > 0) {
      let n2 = 0;
      for (let k = 0; k < K; k++) n2 += g[k] * g[k];
      const n = Math.sqrt(n2);
      if (n > cfg.maxGradNorm) for (let k = 0; k < K; k++) g[k] *= cfg.maxGradNorm / n;
    }
    if (cfg.optimizer === "sgd") {
      for (let k = 0; k < K; k++) z[k] += cfg.lr * g[k];
    } else {
      const [b1, b2] = cfg.adamBetas;
      const t = ++this.adamT;
      const c1 = 1 - Math.pow(b1, t), c2 = 1 - Math.pow(b2, t);
      for (let k = 0; k < K; k++) {
        this.adamM[k] = b1 * this.adamM[k] + (1 - b1) * g[k];
        this.adamV[k] = b2 * this.adamV[k] + (1 - b2) * g[k] * g[k];
        z[k] += (cfg.lr * (this.adamM[k] / c1)) / (Math.sqrt(this.adamV[k] / c2) + cfg.adamEps);
      }
    }
    this.guardLogits();
  }

  /** Keep logits finite and within LOGIT_SPREAD_CAP of the largest; a no-op in ordinary runs. */
  private guardLogits(): void {
    const z = this.z, K = this.K;
    let mx = -Infinity, mn = Infinity;
    for (let k = 0; k < K; k++) { if (z[k] > mx) mx = z[k]; if (z[k] < mn) mn = z[k]; }
    if (mx - mn <= LOGIT_SPREAD_CAP && Math.abs(mx) < 1e6 && Math.abs(mn) < 1e6) return;
    this.guardHits++;
    if (!Number.isFinite(mx) || !Number.isFinite(mn)) {
      // unreachable with validated configs (gradients are bounded); restore a defined state
      for (let k = 0; k < K; k++) if (!Number.isFinite(z[k])) z[k] = z[k] > 0 ? 0 : -LOGIT_SPREAD_CAP;
      return this.guardLogits();
    }
    const shift = Math.abs(mx) >= 1e6 ? mx : 0;
    for (let k = 0; k < K; k++) z[k] = Math.max(z[k] - shift, mx - shift - LOGIT_SPREAD_CAP);
  }
}

function emptyTrace(K: number, size: number): MiniBatchTrace {
  const zeros = () => new Array<number>(K).fill(0);
  const nulls = () => new Array<number | null>(K).fill(null);
  return {
    epoch: 0, index: 0, size,
    ratio: nulls(), ratioMin: nulls(), ratioMax: nulls(),
    nPos: zeros(), nNeg: zeros(), nZero: zeros(),
    clippedLow: zeros(), clippedHigh: zeros(), clippedDual: zeros(),
  };
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
