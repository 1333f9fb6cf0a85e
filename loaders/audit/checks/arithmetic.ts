// before + printed change = after, for rows where all three are printed (a derived cell satisfies it by construction).
import {halfUnit} from "../../paper-printed.js";
import type {PaperNumber} from "../../paper-tidy.js";
import {Auditor, computedSide, letter, side, slug} from "../auditor.js";
import {SUBSET_LABEL, type Subset} from "../figure7-panels.js";

export function checkArithmetic(au: Auditor, numbers: PaperNumber[]): void {
  const byRow = new Map<string, PaperNumber[]>();
  for (const n of numbers) {
    if (n.file !== "main_results" && n.file !== "code_reasoning") continue;
    const k = `${n.file}#${n.row}`;
    byRow.set(k, [...(byRow.get(k) ?? []), n]);
  }
  for (const rowNums of byRow.values()) {
    const get = (q: string) => rowNums.find((n) => n.quantity === q);
    const b = get("before"), a = get("after"), d = get("delta");
    if (!b || !a || !d) continue;
    if ([b, a, d].some((n) => n.derived || n.kind !== "number")) continue;
    const subset = /([CL])->([CL])/.exec(b.metric)?.[0] ?? "";
    au.compare({
      id: slug("arithmetic", letter(b.version), b.place, b.model, b.reward, subset),
      check: "arithmetic",
      title: `${b.place}${subset ? ` ${SUBSET_LABEL[subset as Subset]}` : ""}, ${b.model}${b.reward ? `, ${b.reward}` : ""}: before + change ≠ after`,
      model: b.model, reward: b.reward,
      a: computedSide(b.version, b.place, b.locator, "before + printed change", `${b.text} ${/^[-−]/.test(d.text) ? "−" : "+"} ${d.text.replace(/^[+\-−]/, "")}`, (b.value as number) + (d.value as number), [b.id, d.id]),
      b: side(a, "after, as printed"),
      tolerance: halfUnit(b.decimals) + halfUnit(a.decimals) + halfUnit(d.decimals),
      unit: "points",
      explanation: "The printed before, change and after cannot all be roundings of one before/after pair.",
    });
  }
}
