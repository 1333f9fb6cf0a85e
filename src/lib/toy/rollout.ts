// The strategy rollout of the toy-model note §2.5, shared by the strategy bandit and the token model
// (whose mode token is exactly this draw): per prompt slot one promptPick draw, then G strategy draws
// from the actions stream, each with its answer and reward. Samples are stored group by group.

import { categorical, RandomStream, STREAM } from "./rng.js";
import { logSoftmaxInto, type PromptPopulation } from "./population.js";
import { drawReward, REWARD_CODE, rewardNeedsAnswer } from "./rewards.js";

export interface RolloutConfig {
  promptsPerStep: number;
  G: number;
  formatRate: number[];
  reward: { type: string; gamma: number };
}

export class StrategyRollout {
  readonly B: number;
  readonly G: number;
  readonly N: number;
  readonly prompt: Int32Array;
  readonly action: Uint8Array;
  readonly reward: Uint8Array;
  /** per-sample log π_old of the drawn strategy; filled only with prompt offsets (else read logpOldK) */
  readonly logpOld: Float64Array;
  private readonly rActions: RandomStream;
  private readonly rRewards: RandomStream;
  private readonly rAnswers: RandomStream;
  private readonly rPrompt: RandomStream;
  private readonly pTmp: Float64Array;
  private readonly rewardCode: number;

  constructor(readonly cfg: RolloutConfig, readonly pop: PromptPopulation, seed: number) {
    this.B = cfg.promptsPerStep;
    this.G = cfg.G;
    const N = (this.N = cfg.promptsPerStep * cfg.G);
    this.rActions = new RandomStream(seed, STREAM.actions);
    this.rRewards = new RandomStream(seed, STREAM.rewards);
    this.rAnswers = new RandomStream(seed, STREAM.answers);
    this.rPrompt = new RandomStream(seed, STREAM.promptPick);
    this.prompt = new Int32Array(N);
    this.action = new Uint8Array(N);
    this.reward = new Uint8Array(N);
    this.logpOld = new Float64Array(N);
    this.pTmp = new Float64Array(pop.K);
    this.rewardCode = REWARD_CODE[cfg.reward.type];
  }

  /**
   * Draw one rollout from logits `z`. Without offsets `lp`/`pOld` receive log π_old and π_old (shared
   * by all prompts); with offsets `lp` is scratch. Returns the number of reward-1 samples.
   */
  run(z: Float64Array, lp: Float64Array, pOld: Float64Array): number {
    const pop = this.pop, K = pop.K, P = pop.P, b = pop.b, B = this.B, G = this.G;
    if (!b) {
      logSoftmaxInto(z, 0, null, 0, K, lp, 0);
      for (let k = 0; k < K; k++) pOld[k] = Math.exp(lp[k]);
    }
    const pTmp = b ? this.pTmp : pOld;
    // the answers stream is independent, so it is only consumed by rewards that look at the answer
    const rewardCode = this.rewardCode;
    const needAnswer = rewardNeedsAnswer(rewardCode);
    const gamma = this.cfg.reward.gamma, formatRate = this.cfg.formatRate;
    const rPrompt = this.rPrompt, rActions = this.rActions, rRewards = this.rRewards, rAnswers = this.rAnswers;
    const promptArr = this.prompt, actionArr = this.action, rewardArr = this.reward, logpOldArr = this.logpOld;
    let rewardSum = 0;
    if (!b && rewardCode === REWARD_CODE.random) {
      // the paper's setting (one shared policy, random reward): the same draws from the same streams as the
      // general loop below, without its per-sample branches (the simulator's hottest loop)
      for (let j = 0; j < B; j++) {
        rPrompt.next(); // the prompt is drawn but not read on this path
        for (let i = j * G, end = i + G; i < end; i++) {
          const a = categorical(pTmp, 0, K, rActions.next());
          const r = rRewards.next() < gamma ? 1 : 0;
          actionArr[i] = a;
          rewardArr[i] = r;
          rewardSum += r;
        }
      }
      return rewardSum;
    }
    for (let j = 0; j < B; j++) {
      const x = Math.floor(P * rPrompt.next());
      if (b) {
        logSoftmaxInto(z, 0, b, x * K, K, lp, 0);
        for (let k = 0; k < K; k++) pTmp[k] = Math.exp(lp[k]);
      }
      for (let gi = 0; gi < G; gi++) {
        const i = j * G + gi;
        const a = categorical(pTmp, 0, K, rActions.next());
        const ans = needAnswer ? pop.sampleAnswer(x, a, rAnswers) : 0;
        const r = drawReward(rewardCode, a, ans, x, gamma, formatRate, pop, rRewards);
        actionArr[i] = a;
        rewardArr[i] = r;
        // prompts and per-sample old log-probs are only read on the per-prompt path (offsets on)
        if (b) { promptArr[i] = x; logpOldArr[i] = lp[a]; }
        rewardSum += r;
      }
    }
    return rewardSum;
  }
}
