// Which of the paper's numbers the landing page's claim cards show, chosen from the tidy dataset
// (src/data/paper-numbers.json) by what they are, never typed in. Pure: no DOM, unit-tested in Node.
import type {PaperNumber} from "../../loaders/paper-tidy.js";
import {ARXIV_V2} from "./paper-vocabulary.js";

/** The fields of a tidy paper number that the landing page reads (loaders/landing.ts keeps only these). */
export type PaperNumberRow = Pick<
  PaperNumber,
  | "id" | "version" | "version_label" | "model" | "reward" | "reward_raw" | "reward_label" | "benchmark" | "metric" | "condition"
  | "quantity" | "text" | "value" | "status" | "source_kind" | "source" | "locator" | "place" | "notes" | "file" | "derived" | "unit"
>;
export const QWEN_MATH_7B = "Qwen2.5-Math-7B";

function isMath500Delta(row: PaperNumberRow): boolean {
  return row.benchmark === "MATH-500" && row.quantity === "delta" && row.file === "main_results";
}

/** Figure 1 MATH-500 gains of one paper version for one model, as printed (one per reward label). */
export function figure1Gains(rows: readonly PaperNumberRow[], version: string, model: string): PaperNumberRow[] {
  return rows.filter((r) => isMath500Delta(r) && r.version === version && r.model === model && r.place === "Figure 1" && r.source_kind === "paper");
}

/** The headline pair the record's C1 quotes: random and ground-truth gains as the v2 abstract prints them. */
export function v2AbstractHeadline(rows: readonly PaperNumberRow[]): {random: PaperNumberRow; groundTruth: PaperNumberRow} {
  const inAbstract = rows.filter((r) => isMath500Delta(r) && r.version === ARXIV_V2 && r.model === QWEN_MATH_7B && r.place === "Abstract" && r.source_kind === "paper");
  const random = inAbstract.find((r) => r.reward === "random");
  const groundTruth = inAbstract.find((r) => r.reward === "ground_truth");
  if (!random || !groundTruth) throw new Error("the v2 abstract's random and ground-truth MATH-500 gains are missing from the paper data");
  return {random, groundTruth};
}

/** Share of the ground-truth gain that the random reward reaches. */
export function gainRatio(gain: number, reference: number): number {
  if (!Number.isFinite(gain) || !Number.isFinite(reference) || reference === 0) throw new RangeError(`cannot divide ${gain} by ${reference}`);
  return gain / reference;
}

/** Code-reasoning frequency before/after as each version's abstract prints it. */
export function codeFrequencyInAbstracts(rows: readonly PaperNumberRow[]): PaperNumberRow[] {
  return rows.filter((r) => r.file === "code_reasoning" && r.metric === "code reasoning frequency (abstract)" && r.model === QWEN_MATH_7B);
}

/** The clipping ablation's headline outcome, with and without clipping, in one version. */
export function clippingAblation(rows: readonly PaperNumberRow[], version: string): PaperNumberRow[] {
  return rows.filter((r) => r.file === "clipping" && r.version === version && /^clipping ablation: random reward (WITH|WITHOUT) clipping/.test(r.condition));
}

/** Figure 1 gains of every model but Qwen2.5-Math-7B: the model-dependence evidence. */
export function otherModelGains(rows: readonly PaperNumberRow[], version: string): PaperNumberRow[] {
  return rows.filter((r) => isMath500Delta(r) && r.version === version && r.place === "Figure 1" && r.model !== QWEN_MATH_7B && r.source_kind === "paper");
}

/** How many training steps a version's Figure 1 shows (printed in its caption). */
export function figure1Steps(rows: readonly PaperNumberRow[], version: string): PaperNumberRow {
  const row = rows.find((r) => r.file === "setup" && r.version === version && r.metric === "training steps (Figure 1)");
  if (!row) throw new Error(`the Figure 1 training steps of ${version} are missing from the paper data`);
  return row;
}

/** Versions in which two rows about the same quantity print different text (e.g. 66.7 vs 65). */
export function disagreeingTexts(rows: readonly PaperNumberRow[]): boolean {
  return new Set(rows.map((r) => r.text)).size > 1;
}

export interface PaperMeta {
  title: string;
  authors: string[];
  arxiv: string;
}

/** BibTeX for the paper as arXiv lists it; the primary class comes from the record. */
export function paperBibtex(paper: PaperMeta, primaryCat: string, year: string): string {
  return [
    `@misc{shao${year}spurious,`,
    `  title         = {${paper.title}},`,
    `  author        = {${paper.authors.join(" and ")}},`,
    `  year          = {${year}},`,
    `  eprint        = {${paper.arxiv}},`,
    `  archivePrefix = {arXiv},`,
    `  primaryClass  = {${primaryCat}},`,
    `  url           = {https://arxiv.org/abs/${paper.arxiv}}`,
    `}`
  ].join("\n");
}
