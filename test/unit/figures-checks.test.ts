// The figure checks on the real preprint, pinned. Printed values come from data/paper/source (verbatim); the
// expected gaps were read off the curves by hand at the steps named (see the Figures page's tables).
import {test} from "node:test";
import assert from "node:assert/strict";
import {loadRecovery} from "../../loaders/figures/source.js";
import {figureChecks, trailingMean} from "../../loaders/figures/checks.js";
import {readSourceTables} from "../../loaders/paper-source.js";

const checks = figureChecks(await loadRecovery(), readSourceTables());
const finding = (id: string) => checks.findings.find((f) => f.id === id)!;

test("trailing mean: partial window at the start, null where a raw vertex is missing", () => {
  const raw = new Map([[0, 0.4], [1, 0.5], [2, 0.9], [4, 1]]);
  assert.equal(trailingMean(raw, 0, 3), 0.4);
  assert.ok(Math.abs(trailingMean(raw, 2, 3)! - 0.6) < 1e-12);
  assert.equal(trailingMean(raw, 4, 3), null); // step 3 has no vertex: no mean is invented
});

test("smoothing: the caption's window of 10 does not reproduce most smoothed lines", () => {
  assert.equal(checks.smoothing.pairs, 405);
  assert.ok(checks.smoothing.pairsFitByWindow[10] < checks.smoothing.pairs / 2);
  assert.equal(finding("figure-smoothing-window").status, "contradiction");
});

test("Figure 1 (preprint): the rule that reproduces the labels is the mean of steps 141–150 minus the printed baseline", () => {
  assert.equal(checks.figure1.best.id, "mean141-150-printed");
  const best = checks.figure1.rules.find((r) => r.id === "mean141-150-printed")!;
  assert.deepEqual([best.matches, best.compared], [9, 10]);
  // the raw step-150 value reproduces only two of twenty (ground truth +28.8 for Qwen2.5-Math-7B is one)
  assert.equal(checks.figure1.rules.find((r) => r.id === "raw150-raw0")!.matches, 2);
  const gt = checks.figure1.bars.find((b) => b.model === "Qwen2.5-Math-7B" && b.reward === "ground_truth")!;
  assert.equal(gt.printed, "+28.8");
  assert.equal(gt.gaps["raw150-raw0"], 0);
});

test("Figure 7's step-150 Format and Random accuracies match the other reward's curve (a swap)", () => {
  assert.equal(finding("figure7-step150-format").status, "contradiction");
  assert.equal(finding("figure7-step150-format").values.curve, "65.0");
  assert.equal(finding("figure7-step150-random").values.curve, "71.4");
  assert.equal(finding("figure7-step150-ground_truth").status, "confirmed");
});

test("arXiv v1 labels: supported where a curve reaches step 300, undecided elsewhere, unresolved ones stay unresolved", () => {
  const row = (model: string, printed: string) => checks.v1.find((v) => v.model === model && v.printed === printed)!;
  assert.equal(row("Qwen2.5-Math-7B", "+29.1").verdict, "curve supports the label (within 1 point)");
  assert.match(row("Qwen2.5-Math-7B", "+29.1").evidence[0].text, /consistent with preprint Figure 2 at step 300 \(gap -0\.1\)/);
  // the random curve's last vertex is at step 292: it cannot decide the +21.4 label
  assert.match(row("Qwen2.5-Math-7B", "+21.4").verdict, /cannot decide/);
  for (const v of checks.v1.filter((x) => x.assignment === "unresolved")) {
    assert.equal(v.evidence.length, 4);
    assert.match(v.verdict, /cannot decide/);
  }
});

test("redraw: recovered points land on their PDF vertices within a thousandth of a point", () => {
  assert.ok(checks.redraw.error < 1e-3, `${checks.redraw.error} pt`);
  assert.equal(finding("figure-redraw").status, "confirmed");
});

test("findings carry the audit's shape and the preprint version", () => {
  for (const f of checks.findings) {
    assert.deepEqual(Object.keys(f).sort(), ["detail", "id", "locators", "status", "title", "values", "versions"]);
    assert.ok(["contradiction", "confirmed", "note"].includes(f.status));
    assert.deepEqual(f.versions, ["A_preprint_2025-05-27"]);
  }
});
