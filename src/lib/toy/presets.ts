// Presets of the note's §2.14. Every preset is overrides on the defaults (K = 2, B = 64, G = 16,
// N_mb = 8, E = 1, ε = 0.2/0.2, SGD lr 1, 200 steps). Figure and section locators refer to the paper's
// v1 text (arXiv 2506.10947v1), which is the version the toy-model note was written from.

import { resolveConfig, type ToyConfig, type ToyOverrides } from "./config.js";

export interface ToyPreset {
  id: string;
  label: string;
  /** what the preset lets a reader see, one sentence */
  shows: string;
  /** which paper figure or claim it mirrors, one sentence */
  mirrors: string;
  overrides: ToyOverrides;
  /** behind the "advanced" caveat (e.g. PPO epochs, note §3.6) */
  advanced?: boolean;
}

export const PRESETS: readonly ToyPreset[] = [
  {
    id: "qwen-math-random",
    label: "Qwen2.5-Math-7B, random reward γ = 0.5 (paper setting)",
    shows: "With 8 mini-batch updates per rollout and the clip on, the already-preferred code strategy slowly gains probability although the reward carries no information.",
    mirrors: "The random-reward run of §4.4 and the clipped curve of Fig. 11 (v1): code frequency and MATH-500 accuracy rise under Bernoulli(0.5) rewards. Starting point from v1 Table 1 (code share, code accuracy) and §1 (accuracy without code; Table 1 prints a different value).",
    overrides: {},
  },
  {
    id: "ablation-no-clip",
    label: "… clipping disabled in the loss (ablation i)",
    shows: "Same rollouts and updates without the clip: the logit gap only random-walks, with no systematic drift toward code.",
    mirrors: "Fig. 11 / Fig. 13a (v1), variant (i): the loss computed without clipping, still 8 updates per rollout; no robust gain over seeds.",
    overrides: { clip: { enabled: false } },
  },
  {
    id: "ablation-minibatch-eq-rollout",
    label: "… mini-batch = rollout (ablation ii)",
    shows: "One update per rollout batch means the ratio is exactly 1 when the clip is checked, so it never fires and the drift disappears.",
    mirrors: "App. B.2 / Fig. 13 (v1), variant (ii): mini-batch raised to the whole rollout batch.",
    overrides: { miniBatches: 1 },
  },
  {
    id: "ablation-rollout-eq-minibatch",
    label: "… rollout = mini-batch (ablation iii)",
    shows: "Eight prompts per step and one update each: still on-policy, so again no clipping and no drift, only noisier steps.",
    mirrors: "App. B.2 / Fig. 13 (v1), variant (iii): rollout batch shrunk to one mini-batch.",
    overrides: { miniBatches: 1, promptsPerStep: 8 },
  },
  {
    id: "ground-truth",
    label: "… ground-truth reward",
    shows: "An informative reward moves probability toward the more accurate strategy (code here) quickly, clip or no clip.",
    mirrors: "The ground-truth baseline of Fig. 1 / §2 (v1), the largest gain among the reward types.",
    overrides: { reward: { type: "ground_truth" } },
  },
  {
    id: "majority",
    label: "… majority-vote reward",
    shows: "Labels come from the initial model's majority answer; with prompt difficulty spread, agreeing with them favours the strategy that tends to produce the majority.",
    mirrors: "The majority-vote pseudo-label reward of §2 (v1).",
    overrides: { reward: { type: "majority" }, difficultySd: 1.5 },
  },
  {
    id: "incorrect",
    label: "… incorrect-label reward",
    shows: "Rewarding agreement with the most common wrong answer favours whichever strategy is wrong more often, here language, so in this toy accuracy falls.",
    mirrors: "The incorrect-label reward of §2 (v1), which the paper reports still helps Qwen2.5-Math.",
    overrides: { reward: { type: "incorrect" }, difficultySd: 1.5 },
  },
  {
    id: "incorrect-unextractable",
    label: "… incorrect labels, NL answers often unextractable",
    shows: "If language answers often have no extractable final answer, they rarely match any label, so even an incorrect-label reward favours code.",
    mirrors: "One of the paper's hypotheses for why incorrect labels help (§4.4.1, v1); the extra structure is an assumption, not a measurement.",
    overrides: { reward: { type: "incorrect" }, unextractable: [0.05, 0.45], difficultySd: 1.5 },
  },
  {
    id: "format",
    label: "… format reward",
    shows: "A reward for a boxed answer that both strategies produce equally often is as uninformative as a coin flip here.",
    mirrors: "The format reward of §2 (v1); the toy gives both strategies the same format rate.",
    overrides: { reward: { type: "format" }, formatRate: [0.9, 0.9] },
  },
  {
    id: "qwen25-7b-bad-code",
    label: "Qwen2.5-7B (bad code)",
    shows: "The model already prefers code, but its code is less accurate than its language reasoning: the same bias still pushes toward code, so expected accuracy cannot rise.",
    mirrors: "The Bad-Code family of §4 (v1): code in most answers but less accurate than language (v1 Table 1).",
    overrides: { initProbs: [0.922, 0.078], acc: [0.399, 0.615] },
  },
  {
    id: "olmo2-sft-bad-code",
    label: "OLMo2-7B-SFT (bad code)",
    shows: "With almost every answer in code the rare language strategy's band is tiny and code's upper edge is out of reach; whatever drift there is goes toward the worse strategy, so accuracy cannot improve.",
    mirrors: "App. B.1.3 and Table 1 (v1): OLMo2-7B-SFT writes code almost always, and its code is less accurate than its language reasoning.",
    overrides: { initProbs: [0.98, 0.02], acc: [0.21, 0.4] },
  },
  {
    id: "llama-no-code",
    label: "Llama3.1-8B-Instruct (no code)",
    shows: "Code is almost never chosen, so there is nothing to amplify: the policy barely moves and accuracy stays put.",
    mirrors: "The No-Code models of §4 (v1), which never write code (Table 1 caption); the language accuracy is the model's MATH-500 accuracy before training (v1 Table 3), and the code accuracy 0.30 is a placeholder because the model never writes code.",
    overrides: { initProbs: [0.001, 0.999], acc: [0.3, 0.368] },
  },
  {
    id: "dapo-clip-higher",
    label: "DAPO clip-higher (ε_low 0.2, ε_high 0.28)",
    shows: "Widening the upper edge puts (1−ε_low)(1+ε_high) above 1, so the pull toward the majority disappears (the sign rule predicts a slight pull toward the minority, too small to see in 200 steps).",
    mirrors: "DAPO's Clip-Higher (arXiv 2503.14476), proposed against entropy collapse.",
    overrides: { clip: { epsLow: 0.2, epsHigh: 0.28 } },
  },
  {
    id: "park-tight-clip-low",
    label: "Tight clip-low (ε_low 0.1, ε_high 0.2)",
    shows: "A narrower lower edge makes clip-low fire first, which pushes toward the minority and raises entropy.",
    mirrors: "Park et al. (arXiv 2509.26114): clip-low increases entropy.",
    overrides: { clip: { epsLow: 0.1, epsHigh: 0.2 } },
  },
  {
    id: "park-tight-clip-high",
    label: "Tight clip-high (ε_low 0.2, ε_high 0.1)",
    shows: "A narrower upper edge makes clip-high fire first, which strengthens the pull toward the majority and lowers entropy.",
    mirrors: "Park et al. (arXiv 2509.26114): clip-high decreases entropy.",
    overrides: { clip: { epsLow: 0.2, epsHigh: 0.1 } },
  },
  {
    id: "ppo-epochs",
    label: "PPO epochs (same batch re-used 4 times)",
    shows: "Re-optimising the same samples lets each ratio move with its own advantage, so the paper's independence assumption fails and the net sign depends on lr·E.",
    mirrors: "TRL's num_iterations / PPO epochs; not the paper's setting (max_epochs = 1), see note §3.6.",
    overrides: { miniBatches: 1, epochs: 4, promptsPerStep: 8 },
    advanced: true,
  },
  {
    id: "adam",
    label: "Adam (the paper's optimizer)",
    shows: "Adam rescales every update to a similar size and keeps its momentum across mini-batches and rollouts, so the walk is larger and the clip fires on a different schedule; compare with the paired clip-off run.",
    mirrors: "The paper's optimizer (Adam, betas 0.9/0.95, constant lr); lr here is in toy units.",
    overrides: { optimizer: "adam", lr: 0.1 },
  },
  {
    id: "three-strategies",
    label: "Three strategies (code, nl, other)",
    shows: "With K = 3 the clip favours whichever strategy is most likely, at the expense of both others.",
    mirrors: "The paper's 'amplifies high-prior behaviours' reading generalised beyond two strategies; the third strategy's accuracy (0.28) is an assumption.",
    overrides: {
      strategies: ["code", "nl", "other"], initProbs: [0.6, 0.3, 0.1], acc: [0.609, 0.28, 0.28],
      formatRate: [0.9, 0.9, 0.9], unextractable: [0, 0, 0],
    },
  },
  {
    id: "repo-pi-loss",
    label: "Repo loss without old log-probs ('pi' variant)",
    shows: "The released code's optional loss uses π itself instead of the ratio and has no clamp; with random rewards it only random-walks.",
    mirrors: "PolicyLossWoOldLogProbs in the released repository (ruixin31/Rethink_RLVR), one possible way ablation (i) was run.",
    overrides: { lossVariant: "pi", clip: { enabled: false } },
    advanced: true,
  },
];

export function presetById(id: string): ToyPreset | undefined {
  return PRESETS.find((p) => p.id === id);
}

/** The full configuration a preset stands for (defaults ← its overrides). */
export function presetConfig(id: string): ToyConfig | undefined {
  const p = presetById(id);
  return p ? resolveConfig(p.overrides) : undefined;
}

export interface SettingChange { path: string; from: unknown; to: unknown }

/** Every setting (dotted path) where `cfg` differs from `base`, in the config's key order. */
export function changedSettings(cfg: ToyConfig, base: ToyConfig): SettingChange[] {
  const out: SettingChange[] = [];
  const walk = (a: Record<string, unknown>, b: Record<string, unknown>, prefix: string) => {
    for (const key of Object.keys(a)) {
      const av = a[key], bv = b[key], path = prefix ? `${prefix}.${key}` : key;
      const plain = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v);
      if (plain(av) && plain(bv)) walk(av as Record<string, unknown>, bv as Record<string, unknown>, path);
      else if (JSON.stringify(av) !== JSON.stringify(bv)) out.push({ path, from: bv, to: av });
    }
  };
  walk(cfg as unknown as Record<string, unknown>, base as unknown as Record<string, unknown>, "");
  return out;
}

/** How the page names a setting (its symbol on the controls). */
export const SETTING_NAMES: Record<string, string> = {
  "reward.type": "reward", "reward.gamma": "γ", "clip.enabled": "clip", "clip.epsLow": "ε_low", "clip.epsHigh": "ε_high", "clip.dualClipC": "dual-clip c",
  miniBatches: "N_mb", epochs: "E", lr: "lr", G: "G", promptsPerStep: "B", steps: "T", optimizer: "optimizer", initProbs: "π₀", acc: "accuracies",
  formatRate: "format rates", unextractable: "unextractable shares", shuffle: "shuffle", "adv.stdNorm": "σ-norm", "adv.stdKind": "std estimator",
  "adv.batchWhiten": "batch whitening", lossVariant: "loss", klBeta: "β (KL)", maxGradNorm: "gradient clip", difficultySd: "σ_d", prefSd: "σ_b",
  numPrompts: "P", numWrong: "W", adamBetas: "Adam betas", seed: "first seed", strategies: "strategies",
};

function settingValue(v: unknown): string {
  if (typeof v === "boolean") return v ? "on" : "off";
  if (Array.isArray(v)) return `(${v.map(settingValue).join(", ")})`;
  if (typeof v === "string") return v.replace("_", " ");
  return String(v);
}

/** "ε_high 0.2 → 0.28, clip on → off" (or "" when nothing changed). */
export function describeChanges(changes: readonly SettingChange[]): string {
  return changes.map((c) => `${SETTING_NAMES[c.path] ?? c.path} ${settingValue(c.from)} → ${settingValue(c.to)}`).join(", ");
}
