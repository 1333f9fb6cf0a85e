// Look-ups of one printed number by its place in the paper, shared by the checks.
import type {PaperNumber} from "../paper-tidy.js";

export type Table1Column = "Code Frequency" | "Acc. w/ Code" | "Acc. w/ Lang";

export function table1(numbers: PaperNumber[], version: string, model: string, what: Table1Column) {
  return numbers.find((n) => n.file === "code_reasoning" && n.version === version && n.model === model && n.metric === `Table 1 ${what}` && n.quantity === "value");
}

export function figure1Baseline(numbers: PaperNumber[], version: string, model: string): PaperNumber | undefined {
  return numbers.find((n) => n.file === "main_results" && n.version === version && n.place === "Figure 1" && n.model === model && n.quantity === "before" && n.source_kind === "paper" && n.status !== "unresolved");
}

export function table3(numbers: PaperNumber[], version: string, model: string, q: "before" | "after" | "delta") {
  return numbers.find((n) => n.file === "code_reasoning" && n.version === version && n.place === "Table 3" && n.model === model && n.quantity === q);
}
