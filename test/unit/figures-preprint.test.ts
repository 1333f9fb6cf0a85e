// The recovery on the real preprint (data/paper/preprint, sha256-pinned). Expected counts were read from the
// rendered pages (panels per figure) and the expected values from the paper's own printed numbers: the 49.4 / 41.6
// / 9.0 / 36.8 MATH-500 baselines of Figure 1 and the Step-150 "All" accuracies of Figure 7.
import {test} from "node:test";
import assert from "node:assert/strict";
import {loadRecovery, pack, PREPRINT_SHA256, readPreprint, unpack} from "../../loaders/figures/source.js";
import {sha256} from "../../loaders/figures/pdf.js";
import {RESIDUAL_PAGE_UNITS, recover, RecoveryError} from "../../loaders/figures/recover.js";
import {FIGURES} from "../../loaders/figures/manifest.js";
import {figureData, curvesCsv} from "../../loaders/figures/tables.js";

const r = await loadRecovery();
const value = (figure: number, panel: string, series: string, kind: string, step: number) =>
  r.curves.find((c) => c.figure === figure && c.panel === panel && c.series === series && c.kind === kind && c.step === step)?.value;

test("the vendored PDF is the preprint the transcription cites", () => {
  assert.equal(sha256(readPreprint()), "82efcb3a6bd94ef7c01cb00f51473c9856e537a57f898eeffc2329888f401f9a");
  assert.equal(PREPRINT_SHA256, "82efcb3a6bd94ef7c01cb00f51473c9856e537a57f898eeffc2329888f401f9a");
});

test("every curve figure and panel is found: 85 vector panels in 13 figures, Figure 12(a) is a raster", () => {
  assert.deepEqual(r.figures.map((f) => f.figure), [2, 3, 4, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
  const perFigure = Object.fromEntries(r.figures.map((f) => [f.figure, f.recovered]));
  assert.deepEqual(perFigure, {2: 4, 3: 16, 4: 4, 6: 6, 8: 2, 9: 6, 10: 1, 11: 2, 12: 8, 13: 4, 14: 16, 15: 12, 16: 4});
  const rasters = r.panels.filter((p) => p.status === "raster");
  assert.deepEqual(rasters.map((p) => p.panel), ["(a) No Clipping - MATH", "(a) Batch Size = 1024 - MATH", "(a) Rollout Size = 8 - MATH", "(a) With Clipping - MATH"]);
  assert.equal(r.series.length, 966);
  assert.equal(r.curves.length, 113039);
});

test("the tidy table has exactly the issue's columns", () => {
  assert.equal(curvesCsv(r).slice(0, curvesCsv(r).indexOf("\n")), "figure,page,panel,model,benchmark,series,kind,step,value");
});

test("Qwen2.5-Math-7B on MATH-500 starts at 0.494 for every reward, the printed 49.4 baseline", () => {
  for (const s of ["Ground Truth", "Majority Vote", "Format", "Incorrect", "Random"]) {
    assert.equal(value(2, "Qwen2.5-Math-7B - MATH", s, "raw", 0), 0.494, s);
    assert.equal(value(2, "Qwen2.5-Math-7B - MATH", s, "smoothed", 0), 0.494, s);
  }
  // the other Figure 1 baselines: Qwen2.5-7B 41.6, OLMo2-7B 9.0, Llama3.1-8B-Instruct 36.8 (ground truth curves)
  assert.equal(value(3, "Qwen2.5-7B - MATH", "Ground Truth", "raw", 0), 0.416);
  assert.equal(value(3, "Olmo2-7B - MATH", "Ground Truth", "raw", 0), 0.09);
  assert.equal(value(3, "Llama3.1-8B-Instruct - MATH", "Ground Truth", "raw", 0), 0.368);
});

test("the ground-truth and majority-vote curves at step 150 equal Figure 7's printed Step-150 accuracies (78.2, 76.4)", () => {
  assert.equal(value(2, "Qwen2.5-Math-7B - MATH", "Ground Truth", "raw", 150), 0.782);
  assert.equal(value(2, "Qwen2.5-Math-7B - MATH", "Majority Vote", "raw", 150), 0.764);
});

test("calibration: every axis fits its gridline ticks within the tolerance; the worst is far below it", () => {
  assert.equal(r.axes.length, 85 * 2);
  const worst = Math.max(...r.axes.map((a) => a.max_residual / Math.abs(a.slope)));
  assert.ok(worst < RESIDUAL_PAGE_UNITS / 1000, `worst residual ${worst} page units`);
  assert.ok(r.axes.every((a) => a.on_grid >= 2));
});

test("Figures 8 and 16: legend swatches do not use the curve colours; the inferred series are marked", () => {
  const f16 = r.figures.find((f) => f.figure === 16)!;
  assert.ok(f16.legend.every((e) => !r.series.some((s) => s.figure === 16 && s.color === e.color)));
  const map16 = Object.fromEntries(f16.inferred.map((a) => [a.color, a.model]));
  // Figure 4's legend gives these same colours to the same models (independent of the step-0 evidence)
  const f4 = Object.fromEntries(r.figures.find((f) => f.figure === 4)!.legend.map((e) => [e.color, e.label]));
  for (const [color, model] of Object.entries(map16)) assert.equal(model.replace("OLMo2", "OLMo2"), f4[color], color);
  assert.equal(f16.inferred.length, 9); // one legend model (Llama3.1-8B-Instruct) has no curve
  assert.ok(r.series.filter((s) => s.figure === 8 || s.figure === 16).every((s) => s.label_source === "inferred"));
  assert.ok(r.series.filter((s) => s.figure !== 8 && s.figure !== 16).every((s) => s.label_source !== "inferred"));
});

test("the plotter's gaps stay gaps: no step is invented, cut vertices are counted", () => {
  const s = r.series.find((x) => x.figure === 10 && x.series === "Random γ = 0")!;
  assert.ok(s.points < s.last_step - s.first_step + 1, "the flat γ = 0 line keeps only its corner vertices");
  assert.equal(r.series.reduce((n, x) => n + x.cut_vertices, 0), 42);
});

test("per-figure data carries every point exactly once", () => {
  const total = r.figures.reduce((n, f) => n + figureData(r, f.figure).panels.reduce((m, p) => m + p.series.reduce((k, s) => k + s.steps.length, 0), 0), 0);
  assert.equal(total, r.curves.length);
});

test("the build fails naming figure and panel when a panel the figure list expects is missing", () => {
  const spec = {...FIGURES.find((f) => f.figure === 10)!, expectedPanels: ["Random Reward - MATH", "Random Reward - AMC@8"]};
  assert.throws(() => recover(new Map(), [spec]), (e: unknown) => e instanceof RecoveryError && /Figure 10: page 11 was not read/.test(e.message));
});

test("the disk cache's packed form gives back the same recovery", () => {
  assert.deepEqual(unpack(JSON.parse(JSON.stringify(pack(r)))), r);
});

test("captions are read whole, across justified lines", () => {
  const f2 = r.figures.find((f) => f.figure === 2)!;
  assert.match(f2.caption, /^Figure 2: Model performance on MATH and AMC with varied training rewards smoothed over window size of 10 \(dotted lines are unsmoothed values\)\./);
  assert.match(f2.caption, /the fact that it leads to significant gains at all is surprising\.$/);
});
