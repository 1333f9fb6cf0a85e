// Abstract numbers against the table or figure that reports the same quantity.
import {halfUnit} from "../../paper-printed.js";
import type {PaperNumber} from "../../paper-tidy.js";
import {PAPER_VERSION_KEYS, versionLabel} from "../../../src/lib/paper-vocabulary.js";
import {Auditor, letter, side, slug} from "../auditor.js";
import {table1} from "../paper-places.js";

const PAPER_VERSIONS: readonly string[] = PAPER_VERSION_KEYS;

export function checkAbstract(au: Auditor, numbers: PaperNumber[]): void {
  for (const version of PAPER_VERSIONS) {
    const abs = numbers.find((n) => n.version === version && n.file === "code_reasoning" && n.metric === "code reasoning frequency (abstract)" && n.quantity === "before");
    if (!abs) continue;
    const t1 = table1(numbers, version, "Qwen2.5-Math-7B", "Code Frequency");
    if (!t1) { au.skip("abstract-vs-body", `${versionLabel(version)}: abstract code frequency ${abs.text} has no Table 1 in this version to compare with`); continue; }
    au.compare({
      id: slug("abstract-vs-body", letter(version), "code-frequency"),
      check: "abstract-vs-body",
      title: "Code-reasoning frequency of Qwen2.5-Math-7B before RLVR: abstract vs Table 1",
      model: "Qwen2.5-Math-7B", reward: "",
      a: side(abs, "abstract"), b: side(t1, "Table 1, Code Frequency"),
      tolerance: halfUnit(abs.decimals) + halfUnit(t1.decimals), unit: "%",
      explanation: "The abstract and Table 1 state the share of responses with code reasoning before training differently.",
    });
  }
  // v2 abstract gains against the v2 Figure 1 labels (the latter from a secondary source)
  for (const abs of numbers.filter((n) => n.file === "main_results" && n.place === "Abstract" && n.quantity === "delta")) {
    const fig = numbers.find((n) => n.file === "main_results" && n.version === abs.version && n.place === "Figure 1" && n.model === abs.model && n.reward === abs.reward && n.quantity === "delta");
    if (!fig) continue;
    au.compare({
      id: slug("abstract-vs-body", letter(abs.version), "figure-1", abs.model, abs.reward),
      check: "abstract-vs-body",
      title: `${abs.model}, ${abs.reward}: abstract gain vs Figure 1 label`,
      model: abs.model, reward: abs.reward,
      a: side(abs, "abstract"), b: side(fig, fig.source_kind === "secondary" ? "Figure 1 label (secondary source)" : "Figure 1 label"),
      tolerance: halfUnit(abs.decimals) + halfUnit(fig.decimals), unit: "points",
      explanation: "The abstract quotes a Figure 1 gain with a different value.",
    });
  }
}

