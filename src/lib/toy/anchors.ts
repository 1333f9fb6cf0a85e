// Which of the paper's numbers the toy page quotes, chosen from the tidy paper numbers
// (loaders/paper-tidy.ts) by what they are, never typed in: each keeps its printed text, version and locator.
// Pure: no DOM; the build (src/data/toy-anchors.json.ts) runs it and the page interpolates the result.

import type {PaperNumber} from "../../../loaders/paper-tidy.js";
import {ARXIV_V1, ARXIV_V2} from "../paper-vocabulary.js";

/** The fields of a tidy paper number that the toy page reads. */
export type ToyAnchorRow = Pick<
  PaperNumber,
  | "id" | "file" | "version" | "version_label" | "model" | "reward" | "benchmark" | "metric" | "condition" | "quantity"
  | "text" | "value" | "values" | "status" | "source_kind" | "source" | "locator" | "place"
>;

/** A quoted paper number: the row plus what the page calls it and where a reader can check it. */
export interface ToyAnchor extends ToyAnchorRow {
  label: string;
  /** the arXiv page of the version the number was read from */
  href: string;
}

const QWEN_MATH_7B = "Qwen2.5-Math-7B";
const ARXIV = "2506.10947";

/** arXiv page of one version ("" when the version is not an arXiv version). */
export function versionHref(version: string): string {
  if (version === ARXIV_V1) return `https://arxiv.org/abs/${ARXIV}v1`;
  if (version === ARXIV_V2) return `https://arxiv.org/abs/${ARXIV}v2`;
  return "";
}

function pickRow(r: ToyAnchorRow): ToyAnchorRow {
  const {id, file, version, version_label, model, reward, benchmark, metric, condition, quantity, text, value, values, status, source_kind, source, locator, place} = r;
  return {id, file, version, version_label, model, reward, benchmark, metric, condition, quantity, text, value, values, status, source_kind, source, locator, place};
}

/** Exactly one row must match: a missing or ambiguous row fails the build with what was looked for. */
function one(rows: readonly ToyAnchorRow[], label: string, what: string, match: (r: ToyAnchorRow) => boolean): ToyAnchor {
  const hits = rows.filter(match);
  if (hits.length !== 1) throw new Error(`toy page anchor "${label}": expected exactly one paper number (${what}), found ${hits.length}`);
  return {...pickRow(hits[0]), label, href: versionHref(hits[0].version)};
}

function table1(rows: readonly ToyAnchorRow[], model: string, item: string, label: string): ToyAnchor {
  return one(rows, label, `${model}, v1 "${item}"`, (r) =>
    r.file === "code_reasoning" && r.version === ARXIV_V1 && r.model === model && r.metric === item && r.quantity === "value" && r.source_kind === "paper");
}

function figure1Random(rows: readonly ToyAnchorRow[], quantity: "before" | "delta", label: string): ToyAnchor {
  return one(rows, label, `v1 Figure 1 MATH-500 random reward, ${quantity}`, (r) =>
    r.file === "main_results" && r.version === ARXIV_V1 && r.model === QWEN_MATH_7B && r.reward === "random" && r.benchmark === "MATH-500" &&
    r.place === "Figure 1" && r.quantity === quantity && r.source_kind === "paper" && r.status === "printed");
}

/** One number of a cell that prints two ("60.9 vs 28.0" -> "28.0"), as printed. */
export function printedPart(a: ToyAnchor, index: number, label: string): ToyAnchor {
  const parts = a.text.split(/\s+vs\s+/);
  if (parts.length !== a.values.length || index >= parts.length) throw new Error(`toy page anchor "${label}": cannot take number ${index + 1} of "${a.text}"`);
  return {...a, label, text: parts[index], value: a.values[index], values: [a.values[index]]};
}

function setup(rows: readonly ToyAnchorRow[], parameter: string, label: string): ToyAnchor {
  return one(rows, label, `v1 setup "${parameter}"`, (r) =>
    r.file === "setup" && r.version === ARXIV_V1 && r.metric === parameter && r.quantity === "value" && r.source_kind === "paper");
}

export interface ToyPageAnchors {
  /** v1 Table 1: share of Qwen2.5-Math-7B's MATH-500 answers that use code */
  codeShare: ToyAnchor;
  /** v1 Table 1: accuracy of code answers */
  codeAccuracy: ToyAnchor;
  /** v1 Table 1: accuracy of answers without code (the value §1 contradicts) */
  languageAccuracyTable1: ToyAnchor;
  /** v1 §1: "60.9 vs 28.0", accuracy with and without code, and its second number on its own */
  accuracySec1: ToyAnchor;
  languageAccuracySec1: ToyAnchor;
  /** v1 Figure 1: MATH-500 accuracy before training and the random-reward gain, both printed */
  baseAccuracy: ToyAnchor;
  randomGain: ToyAnchor;
  /** v2 abstract: the same random-reward gain as the version the record names prints it */
  randomGainV2Abstract: ToyAnchor;
  /** v1 App. A.3 training setup: prompts per rollout batch, rollouts per prompt, rollouts per mini-batch */
  rolloutPrompts: ToyAnchor;
  groupSize: ToyAnchor;
  miniBatchRollouts: ToyAnchor;
}

export interface ToyAnchors {
  page: ToyPageAnchors;
  /** per preset id: the paper numbers its settings come from */
  presets: Record<string, ToyAnchor[]>;
}

/** Select every paper number the toy page and its presets quote. Throws when one is missing or ambiguous. */
export function toyAnchors(rows: readonly ToyAnchorRow[]): ToyAnchors {
  const accuracySec1 = one(rows, "accuracy with vs without code (§1)", 'v1 "Sec.1 accuracy with code vs without code"', (r) =>
    r.file === "code_reasoning" && r.version === ARXIV_V1 && r.model === QWEN_MATH_7B && r.metric === "Sec.1 accuracy with code vs without code" &&
    r.quantity === "value" && r.source_kind === "paper");
  const page: ToyPageAnchors = {
    codeShare: table1(rows, QWEN_MATH_7B, "Table 1 Code Frequency", "answers that use code"),
    codeAccuracy: table1(rows, QWEN_MATH_7B, "Table 1 Acc. w/ Code", "accuracy with code"),
    languageAccuracyTable1: table1(rows, QWEN_MATH_7B, "Table 1 Acc. w/ Lang", "accuracy without code (Table 1)"),
    accuracySec1,
    languageAccuracySec1: printedPart(accuracySec1, 1, "accuracy without code (§1)"),
    baseAccuracy: figure1Random(rows, "before", "MATH-500 accuracy before training"),
    randomGain: figure1Random(rows, "delta", "MATH-500 gain with random rewards"),
    randomGainV2Abstract: one(rows, "MATH-500 gain with random rewards (v2 abstract)", "v2 abstract MATH-500 random reward delta", (r) =>
      r.file === "main_results" && r.version === ARXIV_V2 && r.model === QWEN_MATH_7B && r.reward === "random" && r.benchmark === "MATH-500" &&
      r.place === "Abstract" && r.quantity === "delta" && r.source_kind === "paper"),
    rolloutPrompts: setup(rows, "rollout batch size (prompts rolled out at once)", "prompts per rollout batch"),
    groupSize: setup(rows, "rollouts per prompt (group size G)", "rollouts per prompt"),
    miniBatchRollouts: setup(rows, "mini batch size (rollouts per gradient update)", "rollouts per mini-batch"),
  };
  const badCode = (model: string) => [
    table1(rows, model, "Table 1 Code Frequency", "answers that use code"),
    table1(rows, model, "Table 1 Acc. w/ Code", "accuracy with code"),
    table1(rows, model, "Table 1 Acc. w/ Lang", "accuracy without code"),
  ];
  const presets: Record<string, ToyAnchor[]> = {
    "qwen-math-random": [page.codeShare, page.codeAccuracy, page.accuracySec1, page.languageAccuracyTable1],
    "qwen25-7b-bad-code": badCode("Qwen2.5-7B"),
    "olmo2-sft-bad-code": badCode("OLMo2-7B-SFT"),
    "llama-no-code": [
      one(rows, "MATH-500 accuracy before training", 'Llama3.1-8B-Instruct, v1 Table 3 "Original"', (r) =>
        r.file === "code_reasoning" && r.version === ARXIV_V1 && r.model === "Llama3.1-8B-Instruct" && r.place === "Table 3" && r.quantity === "before" && r.source_kind === "paper"),
    ],
  };
  return {page, presets};
}

/** The Qwen2.5-Math-7B starting accuracy implied by a code share and the two accuracies (all in %). */
export function mixedAccuracy(codeSharePct: number, codeAccPct: number, languageAccPct: number): number {
  return (codeSharePct * codeAccPct + (100 - codeSharePct) * languageAccPct) / 100;
}

/**
 * Another paper's claim the toy page quotes: attributed to its authors, never mixed with the paper's numbers.
 * Source: Chen et al., arXiv 2512.16912, Remark 3.5, as summarised in the team's toy-model note (the
 * paper's body was not retrievable here); shown with that attribution and a link.
 */
export const CHEN_CLIP_RATE = {
  authors: "Chen et al.",
  arxiv: "2512.16912",
  href: "https://arxiv.org/abs/2512.16912",
  locator: "Remark 3.5",
  claim: "a clip activation rate of about 0.001 (0.1%) per token for Qwen2.5-Math-7B",
  rate: 0.001,
} as const;
