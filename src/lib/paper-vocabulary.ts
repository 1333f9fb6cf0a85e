// Controlled vocabulary for the paper's numbers: versions, models, reward types.
// Shared by the build-time validator/transform (loaders/) and the pages (labels, ordering, groups).
// DOM-free.

export type VersionKey =
  | "A_preprint_2025-05-27"
  | "B_arXiv_v1_2025-06-12"
  | "C_arXiv_v2_2026-02-25_ICML2026"
  | "repo (all versions)";

/** The three paper versions, by name (the keys of the version column in data/paper/source/*.csv). */
export const PREPRINT: VersionKey = "A_preprint_2025-05-27";
export const ARXIV_V1: VersionKey = "B_arXiv_v1_2025-06-12";
export const ARXIV_V2: VersionKey = "C_arXiv_v2_2026-02-25_ICML2026";

export interface VersionInfo {
  key: VersionKey;
  /** Short label used on every number of the site. */
  label: string;
  /** One letter, used in stable ids. */
  letter: "A" | "B" | "C" | "R";
  date: string;
  description: string;
}

export const VERSIONS: readonly VersionInfo[] = [
  {
    key: "A_preprint_2025-05-27",
    label: "May 2025 preprint",
    letter: "A",
    date: "2025-05-27",
    description: "Preprint PDF in the authors' repository; Figure 1 is after 150 training steps.",
  },
  {
    key: "B_arXiv_v1_2025-06-12",
    label: "arXiv v1",
    letter: "B",
    date: "2025-06-12",
    description: "arXiv v1; Figure 1 is after 300 training steps.",
  },
  {
    key: "C_arXiv_v2_2026-02-25_ICML2026",
    label: "arXiv v2",
    letter: "C",
    date: "2026-02-25",
    description: "arXiv v2 (ICML 2026), the version the Pith record names; abstract read, body mostly not available.",
  },
  {
    key: "repo (all versions)",
    label: "authors' code",
    letter: "R",
    date: "",
    description: "Authors' training scripts, not the paper.",
  },
];

/** Paper versions (the repository pseudo-version excluded), oldest first. */
export const PAPER_VERSION_KEYS: readonly VersionKey[] = [PREPRINT, ARXIV_V1, ARXIV_V2];

export function versionInfo(key: string): VersionInfo | undefined {
  return VERSIONS.find((v) => v.key === key);
}

export function versionLabel(key: string): string {
  return versionInfo(key)?.label ?? key;
}

/** Canonical model names; ALIASES map other spellings the paper uses to them. */
export const MODELS = [
  "Qwen2.5-Math-7B",
  "Qwen2.5-Math-1.5B",
  "Qwen2.5-7B",
  "Qwen2.5-1.5B",
  "Llama3.1-8B-Instruct",
  "Llama3.2-3B-Instruct",
  "OLMo2-7B",
  "OLMo2-7B-SFT",
] as const;

export type ModelName = (typeof MODELS)[number];

export const MODEL_ALIASES: Readonly<Record<string, ModelName>> = {
  // the abstract's spelling
  "Qwen2.5-Math (7B)": "Qwen2.5-Math-7B",
};

/** Canonical model for one model name, or undefined when unknown. */
export function canonicalModel(raw: string): ModelName | undefined {
  const t = raw.trim();
  if ((MODELS as readonly string[]).includes(t)) return t as ModelName;
  return MODEL_ALIASES[t];
}

export type RewardGroup = "standard" | "weak" | "spurious" | "other";

export interface RewardInfo {
  key: string;
  label: string;
  group: RewardGroup;
}

/**
 * The six rewards of Figure 1 in the paper's order, grouped as the site presents them:
 * standard = the ground-truth signal, weak = signals loosely tied to correctness,
 * spurious = signals with no or negative correlation with correctness.
 */
export const FIGURE1_REWARDS: readonly RewardInfo[] = [
  {key: "ground_truth", label: "Ground truth", group: "standard"},
  {key: "majority_vote", label: "Majority vote", group: "weak"},
  {key: "one_shot_rl", label: "One-shot RL", group: "weak"},
  {key: "format", label: "Format", group: "weak"},
  {key: "incorrect", label: "Incorrect label", group: "spurious"},
  {key: "random", label: "Random", group: "spurious"},
];

/** Other reward-like conditions that appear in the data. */
export const OTHER_REWARDS: readonly RewardInfo[] = [
  {key: "python", label: "Python reward", group: "spurious"},
  {key: "format_without_python", label: "Format w/o Python (compound)", group: "weak"},
  {key: "incorrect_without_python", label: "Incorrect w/o Python (compound)", group: "spurious"},
  {key: "no_repetition", label: "No-repetition", group: "other"},
  {key: "one_shot_rl_official_checkpoint", label: "One-shot RL (official checkpoint)", group: "weak"},
  {key: "prompt_only", label: "No RL: default prompt", group: "other"},
  {key: "spurious_prompt", label: "No RL: spurious prompt", group: "other"},
  {key: "non_ground_truth", label: "All non-ground-truth rewards", group: "other"},
  {key: "format|incorrect|random", label: "Format, incorrect, random (stated jointly)", group: "other"},
  {key: "majority_vote|ground_truth", label: "Majority vote and ground truth (stated jointly)", group: "other"},
  {key: "unresolved", label: "Unresolved bar (one of one-shot RL, format, incorrect, random)", group: "other"},
];

export const REWARDS: readonly RewardInfo[] = [...FIGURE1_REWARDS, ...OTHER_REWARDS];

export const REWARD_GROUPS: readonly {key: RewardGroup; label: string}[] = [
  {key: "standard", label: "Standard"},
  {key: "weak", label: "Weak"},
  {key: "spurious", label: "Spurious"},
  {key: "other", label: "Other"},
];

export function rewardInfo(key: string): RewardInfo | undefined {
  return REWARDS.find((r) => r.key === key);
}

/**
 * Every spelling of the `reward` column of main_results.csv (and the reward-like `condition`s of
 * code_reasoning.csv) mapped to a canonical reward key. A spelling missing here is an unknown
 * reward for the validator.
 */
export const REWARD_ALIASES: Readonly<Record<string, string>> = {
  ground_truth: "ground_truth",
  majority_vote: "majority_vote",
  one_shot_rl: "one_shot_rl",
  format: "format",
  incorrect: "incorrect",
  random: "random",
  "format|incorrect|random": "format|incorrect|random",
  "format / incorrect / random": "format|incorrect|random",
  "majority_vote|ground_truth": "majority_vote|ground_truth",
  "non-ground-truth rewards": "non_ground_truth",
  "format w/o python (compound)": "format_without_python",
  "incorrect w/o python (compound)": "incorrect_without_python",
  "UNRESOLVED: one of {one_shot_rl, format, incorrect, random}": "unresolved",
  "one_shot_rl (paper setup, no entropy loss)": "one_shot_rl",
  "one_shot_rl (official Wang et al. checkpoint)": "one_shot_rl_official_checkpoint",
  "none (prompt only): default prompt": "prompt_only",
  "none (prompt only): lorem-ipsum spurious prompt": "spurious_prompt",
};

/** Canonical reward key for a spelling, or undefined. */
export function canonicalReward(raw: string): string | undefined {
  return REWARD_ALIASES[raw.trim()];
}
