// Figure 7's integer counts. Each panel covers the 500 MATH-500 problems: a subset of n problems answered
// right k times prints k/n as a one-decimal accuracy, and the subsets must add up to the printed Code/Lang
// totals at step 0 and step 150. When a panel's printed sizes do not add up, the totals leave one free
// size; the reading is the one under which the printed accuracies are whole counts k/n. A label that is
// still not k/n under it takes the count the panel's "All" accuracy implies. Nothing printed is changed:
// the reading is reported beside the print, and the audit's causes use it as the corrected reading.
import {halfUnit} from "../paper-printed.js";
import type {PaperNumber} from "../paper-tidy.js";
import {complete, fig7Panels, SUBSETS, type Fig7Panel, type Subset} from "./figure7-panels.js";

export interface CountReading {
  /** The label as printed and its number id. */
  printed: string;
  id: string;
  /** Correct answers in the subset under the reading. */
  k: number;
  /** 100·k/n, unrounded. */
  accuracy: number;
  /** The printed label is k/n to its printed precision. */
  exact: boolean;
}

export interface SubsetReading {
  subset: Subset;
  printed_size: number;
  size: number;
  size_id: string;
  before: CountReading;
  after: CountReading;
}

export interface PanelReading {
  version: string;
  reward: string;
  /** Problems in the panel ("All: 500"). */
  total: number;
  /** The printed sizes add up to every printed total. */
  sums_as_printed: boolean;
  subsets: SubsetReading[];
  all: {before: {printed: string; id: string; k: number}; after: {printed: string; id: string; k: number}};
  /** Subsets whose printed size differs from the reading. */
  relabelled_sizes: Subset[];
  /** Accuracy labels that are not k/n under the reading (their k comes from the "All" total). */
  relabelled_accuracies: {subset: Subset; when: "before" | "after"}[];
  /** Another panel of the same version printing exactly these wrong sizes (two or more of them). */
  copied_from: {reward: string; subsets: Subset[]} | null;
  /** Other size readings that fit the labels equally well (empty when the reading is unique). */
  alternatives: Record<Subset, number>[];
}

const isK = (acc: number, n: number, decimals: number | null) => {
  if (n <= 0) return null;
  const k = Math.round((acc * n) / 100);
  return Math.abs((100 * k) / n - acc) <= halfUnit(decimals) + 1e-9 ? k : null;
};

function candidates(p: Fig7Panel, printed: Record<Subset, number>): Record<Subset, number>[] {
  const [code0, lang0, all] = p.totals0!.values;
  const [code150, lang150] = p.totals150!.values;
  const sums = (s: Record<Subset, number>) =>
    s["C->C"] + s["C->L"] === code0 && s["L->C"] + s["L->L"] === lang0 && s["C->C"] + s["L->C"] === code150 && s["C->L"] + s["L->L"] === lang150;
  if (sums(printed)) return [printed];
  const out: Record<Subset, number>[] = [];
  // the four totals fix every size once Code→Lang is chosen
  for (let x = 0; x <= Math.min(code0, lang150); x++) {
    const s = {"C->C": code0 - x, "C->L": x, "L->C": code150 - (code0 - x), "L->L": lang150 - x};
    if (Object.values(s).every((v) => v >= 0) && sums(s) && code0 + lang0 === all) out.push(s);
  }
  return out;
}

function readPanel(p: Fig7Panel, others: Fig7Panel[]): PanelReading | null {
  if (!complete(p) || !p.totals0 || !p.totals150 || !p.allBefore || !p.allAfter || p.totals0.values.length < 3) return null;
  const printed = Object.fromEntries(SUBSETS.map((s) => [s, p.count[s]!.value as number])) as Record<Subset, number>;
  const total = p.totals0.values[2];
  const score = (sizes: Record<Subset, number>) =>
    SUBSETS.reduce((t, s) => t + (isK(p.before[s]!.value as number, sizes[s], p.before[s]!.decimals) !== null ? 1 : 0) + (isK(p.after[s]!.value as number, sizes[s], p.after[s]!.decimals) !== null ? 1 : 0), 0);
  const cands = candidates(p, printed);
  if (!cands.length) return null;
  const best = Math.max(...cands.map(score));
  const top = cands.filter((c) => score(c) === best);
  const sizes = top[0];
  const kAll = (n: PaperNumber) => Math.round(((n.value as number) * total) / 100);
  const reading = (when: "before" | "after"): Record<Subset, CountReading> => {
    const labels = when === "before" ? p.before : p.after;
    const ks = Object.fromEntries(SUBSETS.map((s) => [s, isK(labels[s]!.value as number, sizes[s], labels[s]!.decimals)])) as Record<Subset, number | null>;
    const missing = SUBSETS.filter((s) => ks[s] === null);
    // one label off: the panel's "All" count fixes it
    if (missing.length === 1) {
      const all = kAll(when === "before" ? p.allBefore! : p.allAfter!);
      ks[missing[0]] = all - SUBSETS.filter((s) => s !== missing[0]).reduce((t, s) => t + (ks[s] as number), 0);
    }
    return Object.fromEntries(SUBSETS.map((s) => {
      const k = ks[s] ?? Math.round(((labels[s]!.value as number) * sizes[s]) / 100);
      return [s, {printed: labels[s]!.text, id: labels[s]!.id, k, accuracy: (100 * k) / sizes[s], exact: !missing.includes(s)}];
    })) as Record<Subset, CountReading>;
  };
  const before = reading("before"), after = reading("after");
  const relabelled_sizes = SUBSETS.filter((s) => sizes[s] !== printed[s]);
  let copied_from: PanelReading["copied_from"] = null;
  if (relabelled_sizes.length >= 2) {
    const src = others.find((o) => o !== p && relabelled_sizes.every((s) => o.count[s]?.value === printed[s]));
    if (src) copied_from = {reward: src.reward, subsets: relabelled_sizes};
  }
  return {
    version: p.version,
    reward: p.reward,
    total,
    sums_as_printed: relabelled_sizes.length === 0 && cands.length === 1 && cands[0] === printed,
    subsets: SUBSETS.map((s) => ({subset: s, printed_size: printed[s], size: sizes[s], size_id: p.count[s]!.id, before: before[s], after: after[s]})),
    all: {
      before: {printed: p.allBefore.text, id: p.allBefore.id, k: kAll(p.allBefore)},
      after: {printed: p.allAfter.text, id: p.allAfter.id, k: kAll(p.allAfter)},
    },
    relabelled_sizes,
    relabelled_accuracies: SUBSETS.flatMap((s) => [
      ...(!before[s].exact ? [{subset: s, when: "before" as const}] : []),
      ...(!after[s].exact ? [{subset: s, when: "after" as const}] : []),
    ]),
    copied_from,
    alternatives: top.slice(1),
  };
}

/** The consistent reading of every complete Figure 7 panel of one version, in reward order. */
export function reconstructFigure7(numbers: PaperNumber[], version: string): PanelReading[] {
  const panels = fig7Panels(numbers, version);
  return panels.map((p) => readPanel(p, panels)).filter((r): r is PanelReading => r !== null);
}

/** Sum of correct answers over the subsets (must equal the "All" count for a consistent reading). */
export const sumK = (r: PanelReading, when: "before" | "after") => r.subsets.reduce((t, s) => t + s[when].k, 0);

/** k/n written out: "105/165". */
export const fraction = (c: CountReading, n: number) => `${c.k}/${n}`;
