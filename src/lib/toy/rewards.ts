// Binary rewards of the toy-model note §2.6, shared by the strategy bandit and the token model. Random
// and format rewards draw from the rewards stream; ground truth, majority vote and incorrect labels read
// the sampled answer; python rewards strategy 0.

import type { RandomStream } from "./rng.js";
import type { PromptPopulation } from "./population.js";

export const REWARD_CODE: Record<string, number> = { random: 0, format: 1, ground_truth: 2, majority: 3, incorrect: 4, python: 5 };

/** Whether reward code `code` needs the sampled answer (the answers stream is consumed only then). */
export const rewardNeedsAnswer = (code: number): boolean => code >= 2 && code <= 4;

/** Reward (0/1) of strategy `a` with answer `ans` on prompt `x`. */
export function drawReward(code: number, a: number, ans: number, x: number, gamma: number, formatRate: ArrayLike<number>, pop: PromptPopulation, rRewards: RandomStream): number {
  switch (code) {
    case 0: return rRewards.next() < gamma ? 1 : 0;
    case 1: return rRewards.next() < formatRate[a] ? 1 : 0;
    case 2: return ans === 0 ? 1 : 0;
    case 3: return ans === pop.mvLabel[x] ? 1 : 0;
    case 4: return ans === pop.wrongLabel[x] ? 1 : 0;
    default: return a === 0 ? 1 : 0; // python
  }
}
