// Figure 1's MATH-500 bars, one per (version, model, reward) with before / after / change side by side, for
// /rewards. Computed at build time: the page used to reshape the tidy numbers with arquero on load, a 25–35 ms
// main-thread task (arquero parses and compiles its expressions first). Pure.
import type {PaperNumber} from "./paper-tidy.js";

export interface Figure1Bar {
  /** the id of the bar's printed change ("delta"), the number a permalink names */
  id: string | null;
  model: string;
  reward: string;
  reward_label: string;
  reward_group: string;
  version: string;
  version_label: string;
  /** the status of the printed change: printed, inferred, unresolved… */
  status: string | null;
  before: number | null;
  after: number | null;
  delta: number | null;
  /** the ids of the bar's printed numbers, in the order before, after, change (those that exist) */
  number_ids: string[];
}

/** One bar per source row of Figure 1's MATH-500 numbers, in the order the rows first appear. */
export function figure1Bars(numbers: readonly PaperNumber[]): Figure1Bar[] {
  const groups = new Map<string, Partial<Record<PaperNumber["quantity"], PaperNumber>> & {first: PaperNumber}>();
  for (const n of numbers) {
    if (n.file !== "main_results" || n.place !== "Figure 1" || n.benchmark !== "MATH-500") continue;
    const key = JSON.stringify([n.row, n.version, n.version_label, n.model, n.reward, n.reward_label, n.reward_group]);
    const group = groups.get(key) ?? {first: n};
    // one printed number per quantity in a row; the first one stands if the data ever had two
    group[n.quantity] ??= n;
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => ({
    id: g.delta?.id ?? null,
    model: g.first.model,
    reward: g.first.reward,
    reward_label: g.first.reward_label,
    reward_group: g.first.reward_group,
    version: g.first.version,
    version_label: g.first.version_label,
    status: g.delta?.status ?? null,
    before: g.before?.value ?? null,
    after: g.after?.value ?? null,
    delta: g.delta?.value ?? null,
    number_ids: [g.before, g.after, g.delta].filter((n): n is PaperNumber => !!n).map((n) => n.id),
  }));
}
