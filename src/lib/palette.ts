// One colour per reward type, used by every chart of the site. DOM-free.
// Chosen so that every colour has at least 3:1 contrast on white (WCAG non-text contrast) and the six
// Figure 1 rewards stay distinguishable under protanopia, deuteranopia and tritanopia (minimum CIELAB
// distance ≈19 after Machado et al. 2009 simulation; checked in test/unit/paper-palette.test.ts).
// Colour is never the only channel: every chart also labels the reward in text.
import {FIGURE1_REWARDS, REWARDS, REWARD_GROUPS, rewardInfo, type RewardGroup} from "./paper-vocabulary.js";

export const REWARD_COLORS: Readonly<Record<string, string>> = {
  ground_truth: "#1F5FA8", // blue: the standard signal
  majority_vote: "#009E73", // bluish green
  one_shot_rl: "#404040", // dark grey
  format: "#9A7B00", // dark ochre
  incorrect: "#B03A2E", // brick red
  random: "#9E3D7A", // plum
  // rewards beyond Figure 1
  python: "#5B4B8A",
  format_without_python: "#7A6300",
  incorrect_without_python: "#8C2E24",
  no_repetition: "#3E6B5A",
  one_shot_rl_official_checkpoint: "#404040",
  prompt_only: "#6B6B6B",
  spurious_prompt: "#6B6B6B",
  non_ground_truth: "#6B6B6B",
  "format|incorrect|random": "#6B6B6B",
  "majority_vote|ground_truth": "#6B6B6B",
  unresolved: "#767676", // neutral: the bar's reward is unknown
};

/** Colour for a reward key; neutral grey for anything unknown. */
export function rewardColor(key: string): string {
  return REWARD_COLORS[key] ?? "#6B6B6B";
}

/** Plot colour scale options for the given reward keys (default: the six Figure 1 rewards). */
export function rewardColorScale(keys: readonly string[] = FIGURE1_REWARDS.map((r) => r.key)) {
  return {
    type: "ordinal" as const,
    domain: [...keys],
    range: keys.map(rewardColor),
    tickFormat: (k: string) => rewardInfo(k)?.label ?? k,
  };
}

/** Reward keys in display order: grouped standard, weak, spurious, other. */
export function rewardOrder(keys: readonly string[] = REWARDS.map((r) => r.key)): string[] {
  const rank = (k: string) => {
    const i = REWARDS.findIndex((r) => r.key === k);
    return i < 0 ? 999 : i;
  };
  return [...keys].sort((a, b) => rank(a) - rank(b));
}

export function rewardGroupOf(key: string): RewardGroup | "" {
  return rewardInfo(key)?.group ?? "";
}

export const GROUP_LABELS: Readonly<Record<string, string>> = Object.fromEntries(REWARD_GROUPS.map((g) => [g.key, g.label]));

/** How a number's status is drawn (besides the tooltip text that says it). */
export const STATUS_STYLE: Readonly<Record<string, {fillOpacity: number; strokeDasharray?: string; label: string}>> = {
  printed: {fillOpacity: 1, label: "read from the paper"},
  derived: {fillOpacity: 1, label: "computed by the transcriber from printed numbers"},
  inferred: {fillOpacity: 0.45, strokeDasharray: "3,2", label: "reward assignment inferred from label order, not read"},
  unresolved: {fillOpacity: 0, strokeDasharray: "2,2", label: "reward unknown: one of one-shot RL, format, incorrect, random"},
};
