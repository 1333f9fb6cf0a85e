// Figure 7 panels against themselves: subsets add up to the totals, size-weighted accuracies to "All", accuracies are k/n.
import {halfUnit} from "../../paper-printed.js";
import type {PaperNumber} from "../../paper-tidy.js";
import {PAPER_VERSION_KEYS} from "../../../src/lib/paper-vocabulary.js";
import {Auditor, computedSide, letter, side, slug} from "../auditor.js";
import {fig7Panels, complete, SUBSETS, SUBSET_LABEL, type Subset} from "../figure7-panels.js";

const PAPER_VERSIONS: readonly string[] = PAPER_VERSION_KEYS;

export function checkFigure7(au: Auditor, numbers: PaperNumber[]): void {
  for (const version of PAPER_VERSIONS) {
    for (const p of fig7Panels(numbers, version)) {
      if (!complete(p)) continue;
      const n = (s: Subset) => p.count[s]!.value as number;
      const L = letter(version);
      const countSide = (subs: Subset[]) => computedSide(version, "Figure 7", p.count[subs[0]]!.locator,
        `sum of subsets ${subs.map((s) => SUBSET_LABEL[s]).join(" + ")}`, subs.map((s) => p.count[s]!.text).join(" + "),
        subs.reduce((t, s) => t + n(s), 0), subs.map((s) => p.count[s]!.id));
      const totals: [string, PaperNumber | undefined, number, Subset[]][] = [
        ["code at step 0", p.totals0, 0, ["C->C", "C->L"]],
        ["lang at step 0", p.totals0, 1, ["L->C", "L->L"]],
        ["code at step 150", p.totals150, 0, ["C->C", "L->C"]],
        ["lang at step 150", p.totals150, 1, ["C->L", "L->L"]],
      ];
      for (const [what, tot, idx, subs] of totals) {
        if (!tot || tot.values[idx] === undefined) continue;
        au.compare({
          id: slug("subset-sum", L, p.reward, what),
          check: "subset-sum",
          title: `Figure 7, ${p.reward}: subsets vs ${what} total`,
          model: "Qwen2.5-Math-7B", reward: p.reward,
          a: countSide(subs),
          b: side(tot, `printed total (${what})`, {value: tot.values[idx], shown: String(tot.values[idx])}),
          tolerance: 0, unit: "problems",
          explanation: "Every problem is in exactly one subset, so the subset sizes must add up to the printed totals.",
        });
      }
      for (const [tot, label] of [[p.totals0, "step 0"], [p.totals150, "step 150"]] as const) {
        if (!tot || !p.totals0 || tot.values.length < 2) continue;
        au.compare({
          id: slug("subset-sum", L, p.reward, "code-plus-lang", label),
          check: "subset-sum",
          title: `Figure 7, ${p.reward}: Code + Lang vs All at ${label}`,
          model: "Qwen2.5-Math-7B", reward: p.reward,
          a: computedSide(version, "Figure 7", tot.locator, `Code + Lang at ${label}`, `${tot.values[0]} + ${tot.values[1]}`, tot.values[0] + tot.values[1], [tot.id]),
          b: side(p.totals0, "All", {value: p.totals0.values[2], shown: String(p.totals0.values[2])}),
          tolerance: 0, unit: "problems",
          explanation: "Each of the 500 problems is answered with code or with language.",
        });
      }
      // weighted accuracy of the subsets vs the panel's "All"
      const N = SUBSETS.reduce((t, s) => t + n(s), 0);
      for (const [q, all] of [["before", p.allBefore], ["after", p.allAfter]] as const) {
        if (!all) continue;
        const acc = q === "before" ? p.before : p.after;
        const w = SUBSETS.reduce((t, s) => t + n(s) * (acc[s]!.value as number), 0) / N;
        au.compare({
          id: slug("weighted-accuracy", L, "figure-7", p.reward, q),
          check: "weighted-accuracy",
          title: `Figure 7, ${p.reward}: size-weighted subset accuracy vs "All" ${q === "before" ? "at step 0" : "at step 150"}`,
          model: "Qwen2.5-Math-7B", reward: p.reward,
          a: computedSide(version, "Figure 7", all.locator, "subset accuracies weighted by printed subset sizes",
            `(${SUBSETS.map((s) => `${p.count[s]!.text}×${acc[s]!.text}`).join(" + ")}) / ${N}`, w,
            SUBSETS.flatMap((s) => [p.count[s]!.id, acc[s]!.id])),
          b: side(all, `All, ${q === "before" ? "step 0" : "step 150"}`),
          tolerance: 0.05 + halfUnit(all.decimals), unit: "%",
          explanation: "The overall accuracy is the size-weighted mean of the four subsets' accuracies.",
        });
      }
      // k/n: each subset accuracy must be achievable with the printed subset size
      for (const s of SUBSETS) {
        for (const [q, accNum] of [["before", p.before[s]!], ["after", p.after[s]!]] as const) {
          const size = n(s);
          const a = accNum.value as number;
          const k = Math.round((a * size) / 100);
          const nearest = [k - 1, k, k + 1].filter((x) => x >= 0 && x <= size).map((x) => (100 * x) / size)
            .reduce((best, x) => (Math.abs(x - a) < Math.abs(best - a) ? x : best));
          const kk = Math.round((nearest * size) / 100);
          au.compare({
            id: slug("count-granularity", L, p.reward, s, q),
            check: "count-granularity",
            title: `Figure 7, ${p.reward}, ${SUBSET_LABEL[s]}: ${accNum.text}% is not k/${size} (${q === "before" ? "step 0" : "step 150"})`,
            model: "Qwen2.5-Math-7B", reward: p.reward,
            a: side(accNum, `accuracy, ${q === "before" ? "step 0" : "step 150"}`),
            b: computedSide(version, "Figure 7", p.count[s]!.locator, `nearest accuracy possible with ${size} problems`, `${kk}/${size}`, nearest, [p.count[s]!.id]),
            tolerance: halfUnit(accNum.decimals), unit: "%",
            explanation: "With n problems in a subset the accuracy can only be a multiple of 100/n; the printed size or accuracy is off.",
          });
        }
      }
    }
  }
}

