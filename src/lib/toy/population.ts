// The prompt population of the toy-model note §2.4, shared by the strategy bandit and the token model:
// per-prompt correctness and unextractable rates, optional preference offsets b_x, the wrong-answer
// distribution, the initial log-policy and the majority-vote / incorrect labels.

import { categorical, normal, RandomStream, STREAM } from "./rng.js";

/** The population fields of a configuration (ToyConfig and the token model's config both have them). */
export interface PopulationConfig {
  initProbs: number[];
  acc: number[];
  unextractable: number[];
  numPrompts: number;
  difficultySd: number;
  prefSd: number;
  numWrong: number;
  reward: { type: string };
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));

export function logSoftmaxInto(z: ArrayLike<number>, zOff: number, b: ArrayLike<number> | null, bOff: number, K: number, out: Float64Array, outOff: number): void {
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

export class PromptPopulation {
  readonly K: number;
  readonly P: number;
  readonly W: number;
  /** per-prompt correctness, unextractable rate, optional preference offsets (P×K) */
  readonly q: Float64Array;
  readonly unx: Float64Array;
  readonly b: Float64Array | null;
  readonly qMean: Float64Array;
  readonly wrongProbs: Float64Array;
  /** initial log-policy log softmax(z0 + b_x), P×K with offsets, else K */
  readonly logp0: Float64Array;
  readonly mvLabel: Int32Array;
  readonly wrongLabel: Int32Array;

  /** Draws from the population and labels streams of `seed`; `z0` are the initial strategy logits. */
  constructor(cfg: PopulationConfig, seed: number, z0: Float64Array) {
    const K = (this.K = cfg.initProbs.length);
    const P = (this.P = cfg.numPrompts);
    const W = (this.W = cfg.numWrong);
    const rPop = new RandomStream(seed, STREAM.population);
    const rLabels = new RandomStream(seed, STREAM.labels);
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
    if (this.b) for (let x = 0; x < P; x++) logSoftmaxInto(z0, 0, this.b, x * K, K, this.logp0, x * K);
    else logSoftmaxInto(z0, 0, null, 0, K, this.logp0, 0);

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
  }

  /** Answer id: 0 correct, −1 unextractable, 1..W a wrong answer (Zipf(1) weights). */
  sampleAnswer(x: number, a: number, rng: RandomStream): number {
    const i = x * this.K + a;
    const qv = this.q[i];
    const u = rng.next();
    if (u < qv) return 0;
    if (u < qv + this.unx[i]) return -1;
    return 1 + categorical(this.wrongProbs, 0, this.W, rng.next());
  }
}
