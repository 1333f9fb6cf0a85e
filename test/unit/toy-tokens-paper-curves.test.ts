// Which of the paper's recovered curves the token-toy page draws beside its p(code) view: Figure 11(b)'s
// smoothed code-frequency lines, clipping enabled first, and a readable error when the data lacks them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { paperCodeFrequencyCurves, PAPER_CODE_FREQUENCY, type RecoveredPanel } from "../../src/lib/toy/tokens/index.js";

const line = (series: string, kind: string, values: number[]) => ({ series, kind, steps: values.map((_, i) => i * 10), values });
const panelB = (series: RecoveredPanel["series"]): RecoveredPanel => ({ panel: "(b) Frequency of Code Reasoning", benchmark: "code frequency", model: "Qwen2.5-Math-7B", series });
const panelA: RecoveredPanel = { panel: "(a) Performance on MATH-500", benchmark: "MATH-500", model: "Qwen2.5-Math-7B", series: [line("Random w/ Clipping Enabled", "smoothed", [0.4, 0.7])] };

test("picks the smoothed code-frequency lines of Figure 11(b), clip enabled first, legend prefix dropped", () => {
  const curves = paperCodeFrequencyCurves({ figure: 11, panels: [panelA, panelB([
    line("Random w/ Clipping Disabled", "raw", [0.6, 0.5]),
    line("Random w/ Clipping Disabled", "smoothed", [0.6, 0.52]),
    line("Random w/ Clipping Enabled", "raw", [0.6, 0.9]),
    line("Random w/ Clipping Enabled", "smoothed", [0.6, 0.86]),
  ])] });
  assert.deepEqual(curves.map((c) => [c.label, c.clipOn, c.last]), [
    ["Clipping Enabled", true, { step: 10, value: 0.86 }],
    ["Clipping Disabled", false, { step: 10, value: 0.52 }],
  ]);
  assert.equal(PAPER_CODE_FREQUENCY.version, "May 2025 preprint");
});

test("refuses data without the panel, the clip-enabled line or any clip-disabled line, saying which", () => {
  assert.throws(() => paperCodeFrequencyCurves({ figure: 11, panels: [panelA] }), /no panel “\(b\) Frequency of Code Reasoning”/);
  assert.throws(() => paperCodeFrequencyCurves({ figure: 11, panels: [panelB([line("Random w/ Clipping Disabled", "smoothed", [0.6])])] }), /no smoothed clipping-enabled curve/);
  assert.throws(() => paperCodeFrequencyCurves({ figure: 11, panels: [panelB([line("Random w/ Clipping Enabled", "smoothed", [0.6])])] }), /no smoothed clipping-disabled curve/);
  assert.throws(() => paperCodeFrequencyCurves({ figure: 2, panels: [] }), /expected the curves of Figure 11, got Figure 2/);
});
