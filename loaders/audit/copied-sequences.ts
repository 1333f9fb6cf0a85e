// Copy errors: three or more printed numbers repeated, key by key, where a different quantity is reported.
// A sequence is the set of cells that differ only in one key (reward, model or Figure 7 subset): e.g. the
// Figure 1 gains of one model, keyed by reward, or one Figure 7 panel's subset sizes, keyed by subset. Two
// sequences of one version with the same keys, the same printed numbers on three or more of them (at least
// three different numbers), and a different quantity (model, benchmark, panel or measure) are a finding.
// The same quantity printed in two places (abstract and figure) is a repetition, checked elsewhere, not a copy.
import type {PaperNumber} from "../paper-tidy.js";
import {canonicalReward, versionLabel} from "../../src/lib/paper-vocabulary.js";
import {Auditor, letter, slug} from "./auditor.js";
import {SUBSET_LABEL, type Subset} from "./figure7-panels.js";
import type {FindingSide} from "./types.js";

export interface Sequence {
  version: string;
  /** What the numbers are, without the key ("Figure 1, Qwen2.5-Math-7B, MATH-500 gain"). */
  what: string;
  /** The quantity: two sequences with the same quantity are the same numbers printed twice, not a copy. */
  quantity: string;
  place: string;
  locator: string;
  dimension: "reward" | "model" | "subset";
  entries: Map<string, {text: string; id: string}>;
}

const norm = (t: string) => t.trim().replace(/^\+/, "").replace(/%$/, "");
const keyLabel = (dim: Sequence["dimension"], k: string) => (dim === "subset" ? SUBSET_LABEL[k as Subset] ?? k : k);

/** Build the sequences from the tidy numbers. */
export function sequencesOf(numbers: PaperNumber[]): Sequence[] {
  const groups = new Map<string, Sequence>();
  const put = (n: PaperNumber, dim: Sequence["dimension"], key: string, text: string, what: string, quantity: string) => {
    const g = `${n.version}\u241f${dim}\u241f${what}`;
    if (!groups.has(g)) groups.set(g, {version: n.version, what, quantity, place: n.place, locator: n.locator, dimension: dim, entries: new Map()});
    const s = groups.get(g)!;
    if (!s.entries.has(key)) s.entries.set(key, {text, id: n.id});
  };
  for (const n of numbers) {
    if (n.version.startsWith("repo") || !/\d/.test(n.text)) continue;
    if (n.file === "main_results") {
      const rewards = n.reward_raw.split(/\s*[|/]\s*/).map((r) => canonicalReward(r) || "").filter(Boolean);
      const bench = n.benchmark;
      if (rewards.length > 1 && n.values.length === rewards.length) {
        // one printed list naming several rewards ("+13.8 / +24.1 / +21.4" for format / incorrect / random)
        const parts = n.text.replace(/\s*\([^)]*\)\s*$/, "").split(/\s*\/\s*/);
        rewards.forEach((r, i) => put(n, "reward", r, parts[i] ?? String(n.values[i]), `${n.place}, ${n.model}, ${bench} ${n.quantity}`, `${n.model}|${bench}|${n.quantity}`));
      } else if (n.reward && n.status !== "unresolved" && n.kind === "number") {
        put(n, "reward", n.reward, n.text, `${n.place}, ${n.model}, ${bench} ${n.quantity}`, `${n.model}|${bench}|${n.quantity}`);
      }
    } else if (n.file === "code_reasoning" && n.kind === "number") {
      const subset = /subset ([CL]->[CL])/.exec(n.metric)?.[1];
      if (n.place === "Figure 7" && subset) {
        const measure = n.metric.includes("count") ? "subset sizes" : `subset accuracies (${n.quantity})`;
        put(n, "subset", subset, n.text, `Figure 7 ${n.reward} panel, ${measure}`, `${n.reward}|${measure}`);
      } else if (["Table 1", "Table 2", "Table 3"].includes(n.place) && canonicalModelLike(n.model)) {
        put(n, "model", n.model, n.text, `${n.place}, ${n.metric} (${n.quantity})`, `${n.metric}|${n.quantity}`);
      }
    }
  }
  // sorted, so the result does not depend on the order of the input rows
  return [...groups.values()].filter((s) => s.entries.size >= 3).sort((a, b) => a.version.localeCompare(b.version) || a.what.localeCompare(b.what));
}

const canonicalModelLike = (m: string) => !m.includes(";");

export interface CopiedSequence {
  a: Sequence;
  b: Sequence;
  keys: string[];
  texts: string[];
}

/** Pairs of sequences of one version that repeat three or more numbers where different quantities are reported. */
export function findCopiedSequences(sequences: Sequence[], minShared = 3): CopiedSequence[] {
  const out: CopiedSequence[] = [];
  for (let i = 0; i < sequences.length; i++) {
    for (let j = i + 1; j < sequences.length; j++) {
      const a = sequences[i], b = sequences[j];
      if (a.version !== b.version || a.dimension !== b.dimension || a.quantity === b.quantity) continue;
      const keys = [...a.entries.keys()].filter((k) => b.entries.has(k) && norm(a.entries.get(k)!.text) === norm(b.entries.get(k)!.text));
      const texts = keys.map((k) => norm(a.entries.get(k)!.text));
      if (keys.length >= minShared && new Set(texts).size >= minShared) out.push({a, b, keys, texts});
    }
  }
  return out;
}

export function checkCopiedSequences(au: Auditor, numbers: PaperNumber[]): void {
  const sequences = sequencesOf(numbers);
  const copies = findCopiedSequences(sequences);
  // every pair of same-dimension sequences in one version with different quantities was compared
  let compared = 0;
  for (let i = 0; i < sequences.length; i++) for (let j = i + 1; j < sequences.length; j++) {
    const a = sequences[i], b = sequences[j];
    if (a.version === b.version && a.dimension === b.dimension && a.quantity !== b.quantity) compared++;
  }
  for (const {a, b, keys, texts} of copies) {
    // the text's list, or the later panel, is shown first: it is the likelier copy
    const [x, y] = /^(Sec|App)/.test(a.place) ? [a, b] : [b, a];
    const shown = (s: Sequence) => keys.map((k) => `${keyLabel(s.dimension, k)} ${s.entries.get(k)!.text}`).join(", ");
    const sideOf = (s: Sequence): FindingSide => ({
      version: s.version, version_label: versionLabel(s.version), place: s.place, locator: s.locator, label: s.what,
      shown: shown(s), computed: false, value: keys.length, ids: keys.map((k) => s.entries.get(k)!.id),
    });
    au.record({
      id: slug("copied-sequence", letter(x.version), x.what, y.what),
      check: "copied-sequence", status: "contradiction",
      title: `${x.what} repeats ${y.what}: ${texts.join(", ")}`,
      model: "", reward: "",
      a: sideOf(x), b: sideOf(y), gap: 0, tolerance: 0, unit: "numbers",
      explanation: `${keys.length} numbers (${texts.join(", ")}) are printed identically, key by key (${keys.map((k) => keyLabel(x.dimension, k)).join(", ")}), for two different quantities. Independent measurements rarely agree to every printed digit; a copy is the likelier explanation.`,
    });
  }
  au.compared.set("copied-sequence", compared);
}
