// Figure 1 gains against the Figure 7 "All" gains of the same version and training length.
import {halfUnit} from "../../paper-printed.js";
import type {PaperNumber} from "../../paper-tidy.js";
import {PAPER_VERSION_KEYS, versionLabel} from "../../../src/lib/paper-vocabulary.js";
import {Auditor, computedSide, letter, side, slug} from "../auditor.js";
import {fig7Panels} from "../figure7-panels.js";

const PAPER_VERSIONS: readonly string[] = PAPER_VERSION_KEYS;

export function checkFigureVsFigure(au: Auditor, numbers: PaperNumber[]): void {
  // Figure 1 and Figure 7 are both "after 150 steps" only in the May preprint
  const stepsOf = (version: string) => numbers.find((n) => n.file === "setup" && n.version === version && n.metric === "training steps (Figure 1)")?.value;
  for (const version of PAPER_VERSIONS) {
    const panels = fig7Panels(numbers, version);
    if (!panels.length) continue;
    const steps = stepsOf(version);
    if (steps !== 150) {
      au.skip("figure-vs-figure", `${versionLabel(version)}: Figure 1 is after ${steps ?? "?"} steps, Figure 7 at step 150, so their gains are not the same quantity`);
      continue;
    }
    for (const p of panels) {
      const fig1 = numbers.find((n) => n.file === "main_results" && n.version === version && n.place === "Figure 1" && n.model === "Qwen2.5-Math-7B" && n.reward === p.reward && n.quantity === "delta");
      if (!fig1 || !p.allBefore || !p.allAfter) continue;
      const gain = (p.allAfter.value as number) - (p.allBefore.value as number);
      au.compare({
        id: slug("figure-vs-figure", letter(version), p.reward),
        check: "figure-vs-figure", status: "judgement",
        title: `Qwen2.5-Math-7B, ${p.reward}: Figure 1 gain vs Figure 7 "All" gain (both 150 steps)`,
        model: "Qwen2.5-Math-7B", reward: p.reward,
        a: side(fig1, "Figure 1 bar label"),
        b: computedSide(version, "Figure 7", p.allAfter.locator, "Figure 7 All: after − before", `${p.allAfter.text} − ${p.allBefore.text}`, gain, [p.allAfter.id, p.allBefore.id]),
        tolerance: halfUnit(fig1.decimals) + halfUnit(p.allAfter.decimals) + halfUnit(p.allBefore.decimals), unit: "points",
        explanation: "Two figures of the same version report the gain of the same run after the same number of steps differently; Figure 1 reports 10-step smoothed values (App. A.5), Figure 7 one checkpoint, so whether this is an error depends on a reading the paper leaves open.",
      });
    }
  }
}

