// The preprint's training-curve figures as data: where each figure is, which panels its caption and sub-captions
// promise, what a line's colour and style mean, and where its legend sits. Everything else (axes, titles, series,
// points) is read from the PDF; this list only says what to expect, so a missing panel fails the build.
// Positions are PDF page units (origin bottom left), read once from the page (see loaders/figures/README.md).

/** What a line's colour stands for in this figure. */
export type ColourMeans = "reward" | "model" | "gamma" | "condition" | "run";
/** How dash and opacity are read: "raw-smoothed" = faint dashed is unsmoothed, solid is smoothed;
 *  "compound-original" = solid is the compound reward, dashed the original (both drawn as smoothed lines). */
export type StyleMeans = "raw-smoothed" | "compound-original";

export interface FigureSpec {
  figure: number;
  page: number;
  /** page region of this figure's panels and legend when a page holds two figures: y range */
  region?: [number, number];
  /** y band of the legend's swatch centres (page units) */
  legend: [number, number] | null;
  colour: ColourMeans;
  style: StyleMeans;
  /** the model when the panel title does not name it (the caption does) */
  model?: string;
  /** the panels the figure shows: title (or sub-caption) as printed, in reading order */
  expectedPanels: string[];
  /** panels drawn as an embedded bitmap (no vector data): their titles as seen in the rendered page */
  rasterPanels?: string[];
  /** the legend swatches do not use the curves' colours: map colours to labels from evidence (see infer.ts) */
  inferColours?: boolean;
  /** what the sub-captions mean for the panels below them */
  subcaption?: "model" | "benchmark" | "reward";
  note?: string;
}

export const FIGURES: FigureSpec[] = [
  {figure: 2, page: 3, legend: [710, 722], colour: "reward", style: "raw-smoothed",
    expectedPanels: ["Qwen2.5-Math-7B - MATH", "Qwen2.5-Math-7B - AMC@8", "Qwen2.5-Math-1.5B - MATH", "Qwen2.5-Math-1.5B - AMC@8"]},
  {figure: 3, page: 5, legend: [710, 722], colour: "reward", style: "raw-smoothed",
    expectedPanels: ["Qwen2.5-1.5B", "Qwen2.5-7B", "Olmo2-7B", "Olmo2-7B-SFT", "Llama3.2-3B", "Llama3.1-8B", "Llama3.2-3B-Instruct", "Llama3.1-8B-Instruct"]
      .flatMap((m) => [`${m} - MATH`, `${m} - AMC@8`])},
  {figure: 4, page: 6, legend: [700, 722], colour: "model", style: "raw-smoothed",
    expectedPanels: ["Test Time RL - MATH", "Test Time RL - AMC@8", "One-Shot RL - MATH", "One-Shot RL - AMC@8"]},
  {figure: 6, page: 8, region: [540, 760], legend: [710, 722], colour: "reward", style: "raw-smoothed", subcaption: "model",
    expectedPanels: ["(a) Overall Accuracies", "(a) Code Frequencies", "(b) Overall Accuracies", "(b) Code Frequencies", "(c) Overall Accuracies", "(c) Code Frequencies"],
    note: "The caption says MATH-500 performance (left) and code frequency (right); the panels put accuracy on top and code frequency below."},
  {figure: 8, page: 10, region: [460, 760], legend: [470, 500], colour: "model", style: "raw-smoothed", inferColours: true,
    expectedPanels: ["Python Reward - MATH", "Python Reward - AMC@8"]},
  {figure: 9, page: 10, region: [250, 460], legend: [448, 458], colour: "model", style: "compound-original",
    expectedPanels: ["Format w/o Python - MATH", "Incorrect w/o Python - MATH", "GT w/o Python - MATH", "Format w/o Python - AMC@8", "Incorrect w/o Python - AMC@8", "GT w/o Python - AMC@8"],
    note: "Solid lines are the compound reward, dashed the original reward (legend); the figure draws no unsmoothed lines, so its lines are listed as smoothed."},
  {figure: 10, page: 11, legend: [578, 610], colour: "gamma", style: "raw-smoothed", model: "Qwen2.5-Math-7B",
    expectedPanels: ["Random Reward - MATH"]},
  {figure: 11, page: 12, legend: [690, 722], colour: "condition", style: "raw-smoothed", model: "Qwen2.5-Math-7B", subcaption: "benchmark",
    expectedPanels: ["(a) Performance on MATH-500", "(b) Frequency of Code Reasoning"]},
  {figure: 12, page: 25, region: [400, 760], legend: null, colour: "run", style: "raw-smoothed", model: "Qwen2.5-Math-7B",
    expectedPanels: ["No Clipping - MATH", "Batch Size = 1024 - MATH", "Rollout Size = 8 - MATH", "With Clipping - MATH",
      "No Clipping - AMC@8", "Batch Size = 1024 - AMC@8", "Rollout Size = 8 - AMC@8", "With Clipping - AMC@8"],
    rasterPanels: ["(a) No Clipping - MATH", "(a) Batch Size = 1024 - MATH", "(a) Rollout Size = 8 - MATH", "(a) With Clipping - MATH"],
    note: "Each line is one training run with its own random seed; the figure does not label the runs, so they are numbered from the lightest colour to the darkest. Row (a), the averages over seeds, is an embedded raster image: its values cannot be read from the PDF."},
  {figure: 13, page: 25, region: [150, 300], legend: [270, 280], colour: "reward", style: "raw-smoothed", subcaption: "model",
    expectedPanels: ["(a) AIME24@8", "(a) AIME25@8", "(b) AIME24@8", "(b) AIME25@8"]},
  {figure: 14, page: 26, legend: [710, 722], colour: "reward", style: "raw-smoothed",
    expectedPanels: ["Qwen2.5-1.5B", "Qwen2.5-7B", "Olmo2-7B", "Olmo2-7B-SFT", "Llama3.2-3B", "Llama3.1-8B", "Llama3.2-3B-Instruct", "Llama3.1-8B-Instruct"]
      .flatMap((m) => [`${m} - AIME24@8`, `${m} - AIME25@8`])},
  {figure: 15, page: 27, legend: [700, 722], colour: "model", style: "compound-original", subcaption: "reward",
    expectedPanels: ["a", "b", "c"].flatMap((l) => ["MATH", "AMC@8", "AIME24@8", "AIME25@8"].map((b) => `(${l}) ${b}`)),
    note: "Solid lines are the compound reward, dashed the original reward (legend); the figure draws no unsmoothed lines, so its lines are listed as smoothed."},
  {figure: 16, page: 28, legend: [700, 722], colour: "model", style: "raw-smoothed", inferColours: true,
    expectedPanels: ["No Repetition - MATH", "No Repetition - AMC@8", "No Repetition - AIME24@8", "No Repetition - AIME25@8"]},
];

/** The paper's spellings of models (titles, legends) → the site's canonical names. */
const MODEL_SPELLINGS: Record<string, string> = {
  "Qwen2.5-Math-7B": "Qwen2.5-Math-7B", "Qwen-Math-7B": "Qwen2.5-Math-7B",
  "Qwen2.5-Math-1.5B": "Qwen2.5-Math-1.5B", "Qwen-Math-1.5B": "Qwen2.5-Math-1.5B",
  "Qwen2.5-7B": "Qwen2.5-7B", "Qwen-7B": "Qwen2.5-7B",
  "Qwen2.5-1.5B": "Qwen2.5-1.5B", "Qwen-1.5B": "Qwen2.5-1.5B",
  "Olmo2-7B": "OLMo2-7B", "OLMo2-7B": "OLMo2-7B", "Olmo-2-1124-7B": "OLMo2-7B",
  "Olmo2-7B-SFT": "OLMo2-7B-SFT", "OLMo2-7B-SFT": "OLMo2-7B-SFT", "Olmo-2-1124-7B-SFT": "OLMo2-7B-SFT",
  "Llama3.2-3B": "Llama3.2-3B", "Llama3.1-8B": "Llama3.1-8B",
  "Llama3.2-3B-Instruct": "Llama3.2-3B-Instruct", "Llama3.1-8B-Instruct": "Llama3.1-8B-Instruct",
};
export function canonicalModel(printed: string): string | null {
  return MODEL_SPELLINGS[printed.trim()] ?? null;
}

/** Benchmark named by a title or sub-caption ("… - AMC@8", "Overall Accuracies", "Frequency of Code Reasoning"). */
export function benchmarkOf(text: string): string | null {
  const t = text.trim();
  if (/AIME\s*24|AIME 2024/i.test(t)) return "AIME24";
  if (/AIME\s*25|AIME 2025/i.test(t)) return "AIME25";
  if (/AMC/i.test(t)) return "AMC";
  if (/MATH/i.test(t) || /Overall Accurac/i.test(t)) return "MATH-500";
  if (/Code Frequenc|Frequency of Code/i.test(t)) return "code frequency";
  return null;
}

/** Reward keys of data/paper for the legend's reward labels. */
export const REWARD_KEYS: Record<string, string> = {
  "Ground Truth": "ground_truth", "GT": "ground_truth", "Majority Vote": "majority_vote", "Format": "format",
  "Incorrect": "incorrect", "Random": "random",
};
