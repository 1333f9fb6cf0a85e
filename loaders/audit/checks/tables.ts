// Tables against what they summarise: Table 1 weighted accuracy, Table 2 shares add up to 100, Table 1 against Figure 7.
import {halfUnit} from "../../paper-printed.js";
import type {PaperNumber} from "../../paper-tidy.js";
import {PAPER_VERSION_KEYS} from "../../../src/lib/paper-vocabulary.js";
import {Auditor, computedSide, letter, round, side, slug} from "../auditor.js";
import {fig7Panels, complete, SUBSETS, type Subset} from "../figure7-panels.js";
import {figure1Baseline, table1, table3} from "../paper-places.js";

const PAPER_VERSIONS: readonly string[] = PAPER_VERSION_KEYS;

export function checkTable1Weighted(au: Auditor, numbers: PaperNumber[]): void {
  for (const version of PAPER_VERSIONS) {
    const models = [...new Set(numbers.filter((n) => n.version === version && n.metric === "Table 1 Code Frequency").map((n) => n.model))];
    for (const model of models) {
      const f = table1(numbers, version, model, "Code Frequency"), ac = table1(numbers, version, model, "Acc. w/ Code"), al = table1(numbers, version, model, "Acc. w/ Lang");
      if (!f || !ac || !al) continue;
      const fv = f.value as number, acv = ac.value as number, alv = al.value as number;
      const w = (fv / 100) * acv + (1 - fv / 100) * alv;
      const fig = figure1Baseline(numbers, version, model);
      const ref = fig ?? table3(numbers, version, model, "before");
      if (!ref) continue;
      au.compare({
        id: slug("weighted-accuracy", letter(version), "table-1", model),
        check: "weighted-accuracy",
        title: `${model} before RLVR: Table 1 (code share × accuracies) vs ${fig ? "Figure 1 baseline" : "Table 3 Original"}`,
        model, reward: "",
        a: computedSide(version, "Table 1", f.locator, "Table 1: freq × acc w/ code + (1 − freq) × acc w/ lang", `${f.text}% × ${ac.text} + ${round(100 - fv, 1)}% × ${al.text}`, w, [f.id, ac.id, al.id]),
        b: side(ref, fig ? "Figure 1 baseline" : "Table 3, Original"),
        // rounding of each accuracy, weighted by its share, plus rounding of the share itself and of the reference
        tolerance: halfUnit(ac.decimals) * (fv / 100) + halfUnit(al.decimals) * (1 - fv / 100) + halfUnit(ref.decimals) + (Math.abs(acv - alv) * halfUnit(f.decimals)) / 100, unit: "%",
        explanation: "Overall accuracy must be the code-share-weighted mean of the accuracies with and without code.",
      });
    }
  }
}

export function checkTable2(au: Auditor, numbers: PaperNumber[]): void {
  const parts = ["C_Code->Code", "C_Code->Lang", "C_Lang->Code", "C_Lang->Lang"];
  for (const version of PAPER_VERSIONS) {
    const t2 = numbers.filter((n) => n.version === version && n.place === "Table 2" && n.metric.startsWith("Table 2") && n.value !== null);
    for (const model of [...new Set(t2.map((n) => n.model))]) {
      const cells = parts.map((p) => t2.find((n) => n.model === model && n.metric === `Table 2 ${p}`));
      if (cells.some((c) => !c)) continue;
      const sum = cells.reduce((t, c) => t + (c!.value as number), 0);
      au.compare({
        id: slug("percent-sum", letter(version), "table-2", model),
        check: "percent-sum",
        title: `Table 2, ${model}: partial contributions should add up to 100%`,
        model, reward: "",
        a: computedSide(version, "Table 2", cells[0]!.locator, "sum of the four partial contributions", cells.map((c) => c!.text).join(" + "), sum, cells.map((c) => c!.id)),
        b: computedSide(version, "Table 2", cells[0]!.locator, "whole", "100", 100, []),
        tolerance: cells.reduce((t, c) => t + halfUnit(c!.decimals), 0), unit: "%",
        explanation: "Shares of one total gain add up to 100%.",
      });
    }
    // Table 2 against Figure 7 is reproduced from Figure 7's consistent reading (table2-reproduction.ts), not from its printed labels
  }
}

export function checkTable1VsFigure7(au: Auditor, numbers: PaperNumber[]): void {
  for (const version of PAPER_VERSIONS) {
    // the ground-truth panel's step-0 subsets (its sizes add up) describe the untrained model Table 1 describes
    const p = fig7Panels(numbers, version).find((x) => x.reward === "ground_truth");
    if (!p || !complete(p)) continue;
    const n = (s: Subset) => p.count[s]!.value as number;
    const b = (s: Subset) => p.before[s]!.value as number;
    const rows: ["Code Frequency" | "Acc. w/ Code" | "Acc. w/ Lang", number, string, Subset[]][] = [
      ["Acc. w/ Code", (n("C->C") * b("C->C") + n("C->L") * b("C->L")) / (n("C->C") + n("C->L")), "Code→Code and Code→Lang at step 0", ["C->C", "C->L"]],
      ["Acc. w/ Lang", (n("L->C") * b("L->C") + n("L->L") * b("L->L")) / (n("L->C") + n("L->L")), "Lang→Code and Lang→Lang at step 0", ["L->C", "L->L"]],
      ["Code Frequency", (100 * (n("C->C") + n("C->L"))) / SUBSETS.reduce((t, s) => t + n(s), 0), "share of Code at step 0", ["C->C", "C->L"]],
    ];
    for (const [what, value, label, subs] of rows) {
      const t1 = table1(numbers, version, "Qwen2.5-Math-7B", what);
      if (!t1) continue;
      au.compare({
        id: slug("table-vs-figure", letter(version), "table-1", what),
        check: "table-vs-figure", confirm: true,
        title: `Qwen2.5-Math-7B before RLVR, ${what}: Table 1 vs Figure 7 (ground-truth panel, step 0)`,
        model: "Qwen2.5-Math-7B", reward: "",
        a: side(t1, `Table 1, ${what}`),
        b: computedSide(version, "Figure 7", p.count["C->C"]!.locator, `Figure 7 ground-truth panel: ${label}`,
          what === "Code Frequency" ? `(${subs.map((s) => p.count[s]!.text).join(" + ")}) / 500` : `(${subs.map((s) => `${p.count[s]!.text}×${p.before[s]!.text}`).join(" + ")}) / (${subs.map((s) => p.count[s]!.text).join(" + ")})`,
          value, subs.flatMap((s) => [p.count[s]!.id, p.before[s]!.id])),
        tolerance: halfUnit(t1.decimals) + 0.05, unit: "%",
        explanation: "Table 1 summarises the untrained model's responses that Figure 7 splits by strategy at step 0.",
      });
    }
  }
}

/** Run every check. Pure: same numbers in, same findings out. */
