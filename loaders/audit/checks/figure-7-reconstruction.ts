// One result per Figure 7 panel: confirmed when its printed labels are whole counts as printed; otherwise the
// reading its totals and accuracies imply, as a finding the Figure 7 causes explain.
import type {PaperNumber} from "../../paper-tidy.js";
import {PAPER_VERSION_KEYS} from "../../../src/lib/paper-vocabulary.js";
import {Auditor, computedSide, letter, slug} from "../auditor.js";
import {reconstructFigure7, sumK, type PanelReading} from "../figure7-reconstruction.js";
import {SUBSET_LABEL} from "../figure7-panels.js";

export function describeReading(r: PanelReading): string {
  const subs = r.subsets.map((s) => `${SUBSET_LABEL[s.subset]} ${s.before.k}/${s.size} → ${s.after.k}/${s.size}`).join("; ");
  return `${subs}; All ${sumK(r, "before")}/${r.total} → ${sumK(r, "after")}/${r.total}`;
}

export function checkFigure7Reconstruction(au: Auditor, numbers: PaperNumber[]): void {
  const byId = new Map(numbers.map((n) => [n.id, n]));
  for (const version of PAPER_VERSION_KEYS) {
    for (const r of reconstructFigure7(numbers, version)) {
      const ids = r.subsets.flatMap((s) => [s.size_id, s.before.id, s.after.id]).concat([r.all.before.id, r.all.after.id]);
      const loc = byId.get(r.subsets[0].size_id)!.locator;
      const printed = `sizes ${r.subsets.map((s) => s.printed_size).join(" / ")}; accuracies ${r.subsets.map((s) => `${s.before.printed}→${s.after.printed}`).join(", ")}; All ${r.all.before.printed}→${r.all.after.printed}`;
      const wrong = r.relabelled_sizes.length + r.relabelled_accuracies.length;
      const allOk = sumK(r, "before") === r.all.before.k && sumK(r, "after") === r.all.after.k;
      const a = computedSide(version, "Figure 7", loc, "printed labels", printed, 0, ids.filter(Boolean));
      const b = computedSide(version, "Figure 7", loc, "consistent reading (integer counts)", describeReading(r), wrong, ids.filter(Boolean));
      const what = wrong === 0 ? "" : [
        r.relabelled_sizes.length ? `size${r.relabelled_sizes.length > 1 ? "s" : ""} ${r.relabelled_sizes.map((s) => `${SUBSET_LABEL[s]} ${r.subsets.find((x) => x.subset === s)!.printed_size} → ${r.subsets.find((x) => x.subset === s)!.size}`).join(", ")}` : "",
        r.relabelled_accuracies.length ? `accurac${r.relabelled_accuracies.length > 1 ? "ies" : "y"} ${r.relabelled_accuracies.map(({subset, when}) => { const x = r.subsets.find((y) => y.subset === subset)!; const c = x[when]; return `${SUBSET_LABEL[subset]} ${when === "before" ? "step 0" : "step 150"} ${c.printed} → ${(Math.round(c.accuracy * 10) / 10).toFixed(1)}`; }).join(", ")}` : "",
      ].filter(Boolean).join("; ");
      au.record({
        id: slug("figure-7-reconstruction", letter(version), r.reward),
        check: "figure-7-reconstruction",
        status: wrong === 0 && allOk ? "confirmed" : "contradiction",
        title: wrong === 0 ? `Figure 7, ${r.reward}: every label is a whole count (k/n) and the sizes add up` : `Figure 7, ${r.reward}: the panel's totals and accuracies imply ${what}`,
        model: "Qwen2.5-Math-7B", reward: r.reward,
        a, b,
        tolerance: 0, unit: "labels",
        explanation: wrong === 0
          ? "Each printed accuracy is k/n for its printed size n, the sizes add up to the printed totals, and the counts add up to the All accuracy at both ends."
          : `The four printed totals leave one size free; ${r.alternatives.length ? "several readings fit" : "exactly one reading"} makes the printed accuracies whole counts${r.relabelled_accuracies.length ? ", and the All count fixes the one label that is still not k/n" : ""}.${r.copied_from ? ` The printed ${r.copied_from.subsets.map((s) => SUBSET_LABEL[s]).join(", ")} sizes are the ${r.copied_from.reward} panel's.` : ""}`,
      });
    }
  }
}
