// Presets of the token-level toy (token note §8.1): the learning rates at which the paper's "flat
// without clipping" holds, and where diffusion alone also moves ATP (SGD) or lowers it (Adam).

export interface TokenPreset {
  id: string;
  label: string;
  /** what a reader should see */
  shows: string;
  overrides: Record<string, unknown>;
}

export const TOKEN_PRESETS: TokenPreset[] = [
  {
    id: "paper-like",
    label: "lr 8: flat without clipping",
    shows: "The mode token moves exactly like the bandit at lr 1. Without the clip, ATP stays nearly flat over 200 steps; with it, content tables sharpen and ATP rises.",
    overrides: { lr: 8 },
  },
  {
    id: "diffusion",
    label: "lr 16: diffusion also raises ATP",
    shows: "Larger SGD steps: the unclipped random walk carries tables toward vertices, so ATP rises without clipping too; the clip adds to it.",
    overrides: { lr: 16 },
  },
  {
    id: "adam",
    label: "Adam lr 0.02: unclipped ATP falls",
    shows: "Adam moves rare-token logits as much as top ones, so without the clip ATP falls; the paired difference is what the clip does.",
    overrides: { optimizer: "adam", lr: 0.02 },
  },
];

export const tokenPresetById = (id: string): TokenPreset | undefined => TOKEN_PRESETS.find((p) => p.id === id);
