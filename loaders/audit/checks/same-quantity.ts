// One quantity printed in two places of the same version (baselines; accuracy with and without code).
import {halfUnit, printedDecimals} from "../../paper-printed.js";
import type {PaperNumber} from "../../paper-tidy.js";
import {PAPER_VERSION_KEYS} from "../../../src/lib/paper-vocabulary.js";
import {Auditor, letter, side, slug} from "../auditor.js";
import {fig7Panels} from "../figure7-panels.js";
import {figure1Baseline, table1, table3} from "../paper-places.js";

const PAPER_VERSIONS: readonly string[] = PAPER_VERSION_KEYS;

export function checkSameQuantity(au: Auditor, numbers: PaperNumber[]): void {
  for (const version of PAPER_VERSIONS) {
    // baseline MATH-500 accuracy: Table 3 "Original" and Figure 7 "All" step 0 against Figure 1's baseline
    const models = [...new Set(numbers.filter((n) => n.version === version && n.place === "Table 3" && n.quantity === "before").map((n) => n.model))];
    for (const model of models) {
      const ref = figure1Baseline(numbers, version, model);
      const t3 = table3(numbers, version, model, "before");
      if (!ref || !t3) continue;
      au.compare({
        id: slug("same-quantity", letter(version), "baseline", model, "table-3"),
        check: "same-quantity",
        title: `${model} MATH-500 accuracy before RLVR: Table 3 "Original" vs Figure 1 baseline`,
        model, reward: "",
        a: side(t3, "Table 3, Original"), b: side(ref, "Figure 1 baseline"),
        tolerance: halfUnit(t3.decimals) + halfUnit(ref.decimals), unit: "%",
        explanation: "The same model's accuracy before any training is printed differently in two places of the same version.",
      });
    }
    for (const p of fig7Panels(numbers, version)) {
      const ref = figure1Baseline(numbers, version, "Qwen2.5-Math-7B");
      if (!ref || !p.allBefore) continue;
      au.compare({
        id: slug("same-quantity", letter(version), "baseline", "qwen2.5-math-7b", "figure-7", p.reward),
        check: "same-quantity",
        title: `Qwen2.5-Math-7B MATH-500 accuracy at step 0: Figure 7 (${p.reward}) vs Figure 1 baseline`,
        model: "Qwen2.5-Math-7B", reward: p.reward,
        a: side(p.allBefore, "Figure 7, All at step 0"), b: side(ref, "Figure 1 baseline"),
        tolerance: halfUnit(p.allBefore.decimals) + halfUnit(ref.decimals), unit: "%",
        explanation: "Figure 7's step-0 accuracy should be the untrained model's accuracy shown in Figure 1.",
      });
    }
    // accuracy with / without code and code share, quoted in the text against Table 1
    const quotes: {model: string; metric: string; parts: ("Code Frequency" | "Acc. w/ Code" | "Acc. w/ Lang")[]; label: string}[] = [
      {model: "Qwen2.5-Math-7B", metric: "Sec.1 accuracy with code vs without code", parts: ["Acc. w/ Code", "Acc. w/ Lang"], label: "Sec. 1"},
      {model: "Qwen2.5-Math-7B", metric: "App.B.1.3 accuracy with code vs without", parts: ["Acc. w/ Code", "Acc. w/ Lang"], label: "App. B.1.3"},
      {model: "Qwen2.5-Math-7B", metric: "code reasoning frequency (Sec.4.1/4.2)", parts: ["Code Frequency"], label: "Sec. 4.1/4.2"},
      {model: "Qwen2.5-Math-7B", metric: 'App.B.1.3 "Why only Qwen-Math" code share', parts: ["Code Frequency"], label: "App. B.1.3"},
      {model: "OLMo2-7B-SFT", metric: "App.B.1.3 code share; acc code vs NL", parts: ["Code Frequency", "Acc. w/ Code", "Acc. w/ Lang"], label: "App. B.1.3"},
      // v2: only a secondary summary, which quotes Sec. 1 and notes what Table 1 prints ("60.9 vs 28.0 (Tab.1 prints 35.0)")
      {model: "Qwen2.5-Math-7B", metric: "accuracy with code vs without code", parts: ["Acc. w/ Code", "Acc. w/ Lang"], label: "Sec. 1 (secondary source)"},
    ];
    for (const qd of quotes) {
      const quote = numbers.find((n) => n.version === version && n.file === "code_reasoning" && n.model === qd.model && n.metric === qd.metric && n.quantity === "value");
      if (!quote) continue;
      const decs = printedDecimals(quote.text);
      // "(Tab.1 prints 35.0)" after the last number: the source's own note of the Table 1 value that number disagrees with
      const noted = /\(Tab(?:le|\.)?\s*1 prints ([+\-−]?\d+(?:\.\d+)?)\)/i.exec(quote.text)?.[1];
      qd.parts.forEach((part, i) => {
        const t1 = table1(numbers, version, qd.model, part);
        const v = quote.values[i];
        if (v === undefined) return;
        const a = side(quote, `${qd.label} (number ${i + 1} of "${quote.text}")`, {value: v, shown: String(quote.text.match(/\d+(?:\.\d+)?/g)?.[i] ?? v)});
        if (t1) {
          au.compare({
            id: slug("same-quantity", letter(version), qd.model, part, qd.label),
            check: "same-quantity",
            title: `${qd.model} before RLVR, ${part}: ${qd.label} vs Table 1`,
            model: qd.model, reward: "",
            a, b: side(t1, `Table 1, ${part}`),
            tolerance: halfUnit(decs[i] ?? 0) + halfUnit(t1.decimals), unit: "%",
            explanation: "The text quotes a Table 1 quantity with a different value.",
          });
        } else if (noted !== undefined && i === quote.values.length - 1) {
          au.compare({
            id: slug("same-quantity", letter(version), qd.model, part, qd.label, "noted-table-1"),
            check: "same-quantity",
            title: `${qd.model} before RLVR, ${part}: ${qd.label} vs Table 1 as that source reports it`,
            model: qd.model, reward: "",
            a: {...a, place: "Sec.1"}, b: side(quote, `Table 1, ${part}, as noted by the same ${quote.source_kind === "secondary" ? "secondary " : ""}source`, {value: Number(noted.replaceAll("−", "-")), shown: noted}),
            tolerance: halfUnit(decs[i] ?? 0) + halfUnit(printedDecimals(noted)[0] ?? 0), unit: "%",
            explanation: quote.source_kind === "secondary"
              ? "A third-party summary of this version (not the paper itself) quotes Sec. 1 and notes that Table 1 prints a different value: the same disagreement as in the earlier versions, as far as that summary shows."
              : "The text quotes a Table 1 quantity with a different value.",
          });
        }
      });
    }
  }
}

