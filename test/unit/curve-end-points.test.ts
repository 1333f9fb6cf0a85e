// Which printed numbers the source popover shows on a training curve, and what it says there, on the real data:
// the paper's numbers (data/paper/source) and the curves recovered from the preprint PDF. Expected curve values were
// read by hand off the recovered tables (the Figures page's "table" of each panel) at the steps named.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readSourceTables} from "../../loaders/paper-source.js";
import {tidyTables} from "../../loaders/paper-tidy.js";
import {loadRecovery} from "../../loaders/figures/source.js";
import {figureData} from "../../loaders/figures/tables.js";
import {curveEndPointOf, readCurve, type FigureData} from "../../src/lib/curve-end-points.js";

const numbers = tidyTables(readSourceTables());
const recovery = await loadRecovery();
const figure = (n: number) => figureData(recovery, n) as unknown as FigureData;
// Figure 1's training steps per version, as setup.csv prints them (rows 56, 57, 60)
const steps = {"A_preprint_2025-05-27": 150, "B_arXiv_v1_2025-06-12": 300, "C_arXiv_v2_2026-02-25_ICML2026": 300};

function bar(version: string, model: string, reward: string) {
  const ns = numbers.filter((n) => n.file === "main_results" && n.place === "Figure 1" && n.benchmark === "MATH-500" && n.version === version && n.model === model && n.reward === reward);
  assert.equal(ns.length, 3, `${version} ${model} ${reward}: before, after, delta`);
  return ns;
}

test("a preprint Figure 1 bar sits at step 150 of its reward's Figure 2 curve, with before and after marked as printed", () => {
  const point = curveEndPointOf(bar("A_preprint_2025-05-27", "Qwen2.5-Math-7B", "ground_truth"), numbers, steps)!;
  assert.deepEqual([point.figure, point.panel, point.highlight, point.step], [2, "Qwen2.5-Math-7B - MATH", "Ground Truth", 150]);
  assert.deepEqual(point.marks.map((m) => [m.role, m.step, m.text]), [["before", 0, "49.4%"], ["after", 150, "78.2%"]]);
  assert.equal(point.otherVersion, false);
  const reading = readCurve(point, figure(2));
  assert.equal(reading.valueAtStep, 0.782);
  assert.equal(reading.lastStep, 300);
  assert.match(reading.statement, /raw value 0\.782 at step 150 \(the curve runs on to step 300\); printed 78\.2%, gap \+0\.0 points\.$/);
});

test("an arXiv v1 bar (300 steps) is only compared with the preprint curve: consistent within a point, or the curve ends first", () => {
  const gt = curveEndPointOf(bar("B_arXiv_v1_2025-06-12", "Qwen2.5-Math-7B", "ground_truth"), numbers, steps)!;
  assert.equal(gt.otherVersion, true);
  assert.ok(gt.caveats.some((c) => /preprint's curves; this number is from arXiv v1 \(after 300 steps\)/.test(c)));
  assert.match(readCurve(gt, figure(2)).statement, /raw value 0\.784 at step 300 \(its last step\); printed 78\.5%, gap −0\.1 points — consistent with the printed value \(within 1 point\)/);
  // the random curve's last vertex is at step 292: it cannot speak for step 300
  const random = readCurve(curveEndPointOf(bar("B_arXiv_v1_2025-06-12", "Qwen2.5-Math-7B", "random"), numbers, steps)!, figure(2));
  assert.equal(random.valueAtStep, null);
  assert.match(random.statement, /the curve ends at step 292, before this number's step 300, so it can neither confirm nor contradict it/);
  // other models' Figure 3 panels stop at step 150
  const qwen7b = readCurve(curveEndPointOf(bar("B_arXiv_v1_2025-06-12", "Qwen2.5-7B", "format"), numbers, steps)!, figure(3));
  assert.match(qwen7b.statement, /^Figure 3 \(p\.5\) “Qwen2\.5-7B - MATH”, Format: the curve ends at step 150/);
});

test("one-shot RL bars use Figure 4's curve of their model, which ends at step 80", () => {
  const point = curveEndPointOf(bar("A_preprint_2025-05-27", "Qwen2.5-Math-7B", "one_shot_rl"), numbers, steps)!;
  assert.deepEqual([point.figure, point.panel, point.highlight], [4, "One-Shot RL - MATH", "One-Shot RL"]);
  const reading = readCurve(point, figure(4));
  assert.deepEqual(reading.series.map((s) => s.model), ["Qwen2.5-Math-7B"]);
  assert.match(reading.statement, /ends at step 80, before this number's step 150/);
});

test("unresolved bars, numbers of other places and numbers without a curve get no curve", () => {
  const unresolved = numbers.filter((n) => n.file === "main_results" && n.place === "Figure 1" && n.status === "unresolved");
  assert.ok(unresolved.length >= 4);
  for (const n of unresolved) assert.equal(curveEndPointOf([n], numbers, steps), null, n.id);
  const table3 = numbers.find((n) => n.file === "code_reasoning" && n.place === "Table 3")!;
  assert.equal(curveEndPointOf([table3], numbers, steps), null);
  const accWithCode = numbers.find((n) => n.metric === "Table 1 Acc. w/ Code" && n.model === "Qwen2.5-Math-7B")!;
  assert.equal(curveEndPointOf([accWithCode], numbers, steps), null);
  // Qwen2.5-Math-1.5B's code frequency (53.6) has no Figure 6 panel
  const math15 = numbers.find((n) => n.metric === "Table 1 Code Frequency" && n.model === "Qwen2.5-Math-1.5B")!;
  assert.equal(curveEndPointOf([math15], numbers, steps), null);
  assert.equal(curveEndPointOf([], numbers, steps), null);
});

test("a Table 1 code frequency is where Figure 6's code-frequency curves start (step 0), for every reward", () => {
  const cases: [string, string, string, string][] = [["Qwen2.5-Math-7B", "(a) Code Frequencies", "65.0%", "0.650"], ["Qwen2.5-7B", "(b) Code Frequencies", "92.2%", "0.922"], ["OLMo2-7B-SFT", "(c) Code Frequencies", "98.0%", "0.980"]];
  for (const [model, panel, printed, start] of cases) {
    const n = numbers.find((x) => x.version === "A_preprint_2025-05-27" && x.metric === "Table 1 Code Frequency" && x.model === model)!;
    const point = curveEndPointOf([n], numbers, {})!;
    assert.deepEqual([point.figure, point.panel, point.step, point.highlight], [6, panel, 0, null]);
    const reading = readCurve(point, figure(6));
    assert.equal(reading.series.length, 5);
    assert.equal(reading.statement, `Figure 6 (p.8) “${panel}”: the curves start (step 0) at ${start}; printed ${printed}, the same value.`);
  }
});

test("figure data that lacks the panel or series is refused, naming it", () => {
  const point = curveEndPointOf(bar("A_preprint_2025-05-27", "Qwen2.5-Math-7B", "random"), numbers, steps)!;
  assert.throws(() => readCurve(point, figure(3)), /expected Figure 2's curves, got Figure 3's/);
  assert.throws(() => readCurve(point, {figure: 2, panels: []}), /Figure 2 has no panel “Qwen2\.5-Math-7B - MATH”/);
  assert.throws(() => readCurve(point, {figure: 2, panels: [{panel: "Qwen2.5-Math-7B - MATH", benchmark: "MATH-500", model: "Qwen2.5-Math-7B", series: []}]}), /has no raw “Random” series/);
});
