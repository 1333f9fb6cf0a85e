// Figure 7's panels as the paper prints them: one per reward, four strategy-switch subsets each
// (size, accuracy at step 0 and step 150), the Code/Lang totals at both ends and the "All" accuracy.
import type {PaperNumber} from "../paper-tidy.js";
import {FIGURE1_REWARDS} from "../../src/lib/paper-vocabulary.js";

export const SUBSETS = ["C->C", "C->L", "L->C", "L->L"] as const;
export type Subset = (typeof SUBSETS)[number];
export const SUBSET_LABEL: Readonly<Record<Subset, string>> = {"C->C": "Code→Code", "C->L": "Code→Lang", "L->C": "Lang→Code", "L->L": "Lang→Lang"};

export interface Fig7Panel {
  version: string;
  reward: string;
  totals0?: PaperNumber; // "325/175/500"
  totals150?: PaperNumber; // "237/263"
  allBefore?: PaperNumber;
  allAfter?: PaperNumber;
  count: Partial<Record<Subset, PaperNumber>>;
  before: Partial<Record<Subset, PaperNumber>>;
  after: Partial<Record<Subset, PaperNumber>>;
}

export function fig7Panels(numbers: PaperNumber[], version: string): Fig7Panel[] {
  const rows = numbers.filter((n) => n.file === "code_reasoning" && n.version === version && n.metric.startsWith("Fig.7"));
  return FIGURE1_REWARDS.map((r) => r.key)
    .filter((reward) => rows.some((n) => n.reward === reward))
    .map((reward) => {
      const mine = rows.filter((n) => n.reward === reward);
      const find = (metricStart: string, q: string) => mine.find((n) => n.metric.startsWith(metricStart) && n.quantity === q);
      const p: Fig7Panel = {
        version, reward,
        totals0: find("Fig.7 totals", "value"),
        totals150: find("Fig.7 Step150 totals", "value"),
        allBefore: find("Fig.7 All accuracy", "before"),
        allAfter: find("Fig.7 All accuracy", "after"),
        count: {}, before: {}, after: {},
      };
      for (const s of SUBSETS) {
        p.count[s] = find(`Fig.7 subset ${s}: count`, "value");
        p.before[s] = find(`Fig.7 subset ${s}: accuracy`, "before");
        p.after[s] = find(`Fig.7 subset ${s}: accuracy`, "after");
      }
      return p;
    });
}

export function complete(p: Fig7Panel): boolean {
  return SUBSETS.every((s) => p.count[s]?.value != null && p.before[s]?.value != null && p.after[s]?.value != null);
}
