// The figure checks on the real preprint, pinned. Printed values come from data/paper/source (verbatim); the
// expected gaps were read off the curves by hand at the steps named (see the Figures page's tables).
import {test} from "node:test";
import assert from "node:assert/strict";
import {loadRecovery} from "../../loaders/figures/source.js";
import {figureChecks, trailingMean} from "../../loaders/figures/checks.js";
import {readSourceTables} from "../../loaders/paper-source.js";
import {PREPRINT_PDF} from "../../loaders/figures/source.js";
import {openPdf, readPdfBytes} from "../../loaders/figures/pdf.js";

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
    assert.ok(["contradiction", "confirmed", "undecidable", "note"].includes(f.status));
    assert.deepEqual(f.versions, ["A_preprint_2025-05-27"]);
  }
});

// The text against the curves (loaders/figures/text-checks.ts). Quotes are checked against the preprint's text as
// pdftotext prints it; the curve values were read off the recovered tables by hand (Figures page, "table").
test("text vs curves: each check quotes the preprint, cites its transcription and gives both values", () => {
  const text = checks.findings.filter((f) => f.id.startsWith("text-"));
  assert.equal(text.length, 16);
  for (const f of text) {
    assert.match(f.locators[0], /^(Abstract|Sec\. \d|Figure 11 caption)/, `${f.id}: first locator is the quoted place`);
    assert.match(f.title, /“[^”]+”/, `${f.id}: quotes the text`);
    assert.ok(Object.keys(f.values).length >= 2, `${f.id}: printed and curve values`);
  }
  const status = Object.fromEntries(text.map((f) => [f.id, f.status]));
  assert.deepEqual(status, {
    "text-code-start": "confirmed", "text-abstract-code-start": "contradiction", "text-abstract-code-over-90": "undecidable",
    "text-code-90-in-15-steps": "confirmed", "text-random-code-95-6": "confirmed", "text-ground-truth-code-drops": "confirmed",
    "text-gains-within-50-steps": "confirmed", "text-math15b-random-amc": "undecidable", "text-amc-spurious-18": "confirmed",
    "text-amc-standard-25": "confirmed", "text-aime24-gains": "undecidable", "text-aime25-range": "undecidable",
    "text-python-reward-99": "undecidable", "text-gamma-0-flat": "confirmed", "text-figure11-code-no-clip": "confirmed",
    "text-figure11-accuracy-no-clip": "confirmed",
  });
});

test("text vs curves: every quoted passage is in the vendored preprint, word for word", async () => {
  // the text layer of pages 1–12 and 25, compared without spaces and hyphens (line breaks split words as "abso- lute")
  // and with ligatures unfolded (NFKC), so only a changed word, digit or sign fails
  const flat = (t: string) => t.normalize("NFKC").replace(/[\s\-‐]+/g, "");
  const doc = await openPdf(readPdfBytes(PREPRINT_PDF));
  let pages = "";
  for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 25]) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages += content.items.map((i) => ("str" in i ? i.str : "")).join(" ");
  }
  const text = flat(pages);
  let quotes = 0;
  for (const f of checks.findings.filter((x) => x.id.startsWith("text-"))) {
    // the title's quotes and the first locator's (the quoted place); later locators name figure panels
    for (const q of [...f.title.matchAll(/“([^”]+)”/g), ...f.locators[0].matchAll(/“([^”]+)”/g)].map((m) => m[1]).filter((q) => !/^\([a-c]\) |^Qwen|^Random Reward/.test(q))) {
      // an ellipsis joins two verbatim pieces
      for (const piece of q.split(" … ")) {
        assert.ok(text.includes(flat(piece)), `${f.id}: “${piece}” is not in the preprint`);
        quotes++;
      }
    }
  }
  assert.ok(quotes >= 25, `${quotes} quotes checked`);
});

test("text vs curves: the values behind the verdicts", () => {
  // Figure 6(a): every reward starts at 0.65 (Table 1: 65.0; the abstract's 66.7 is not the curve's)
  assert.equal(finding("text-abstract-code-start").values.curve_step0, 0.65);
  // random's highest raw code frequency is 0.956 at step 156, the text's "as high as 95.6%"
  assert.deepEqual([finding("text-random-code-95-6").values.curve_max, finding("text-random-code-95-6").values.step], [0.956, 156]);
  // step 15 (raw): ground truth 0.852, majority vote 0.87, incorrect 0.876, format 0.92 — all within 85–95
  const at15 = finding("text-code-90-in-15-steps").values;
  assert.deepEqual([at15["Ground Truth step 15"], at15["Majority Vote step 15"], at15["Incorrect step 15"], at15["Format step 15"], at15["Random step 15"]], [85.2, 87, 87.6, 92, 69]);
  // Qwen2.5-Math-1.5B random at step 50: MATH 0.358 vs 0.362 at step 0 (−0.4), the exception the text names
  assert.equal(finding("text-gains-within-50-steps").values["Qwen2.5-Math-1.5B - MATH Random"], -0.4);
  // AIME24: the Figure 1 rule reproduces format +13.0 and ground truth +12.8; incorrect and random lack a vertex in 141–150
  const aime = finding("text-aime24-gains").values;
  assert.deepEqual([aime["Format rule"], aime["Ground Truth rule"], aime["Incorrect rule"], aime["Random rule"]], [13, 12.8, null, null]);
  assert.match(finding("text-aime24-gains").detail, /Format reproduces \+13\.0, Ground Truth reproduces \+12\.8/);
  // AMC 1.5B random: +5.6 at steps 150 and 300, not the printed 4.9, and the text names no step
  assert.deepEqual([finding("text-math15b-random-amc").values.gain_raw_150, finding("text-math15b-random-amc").values.gain_last_step], [5.6, 5.6]);
  // Figure 11(b): clipping +20.7 points of code frequency by step 100; the three runs without it end −12.2, −2.5, +0.1
  assert.deepEqual(Object.values(finding("text-figure11-code-no-clip").values), [20.7, -12.2, -2.5, 0.1]);
  assert.equal(finding("text-python-reward-99").values.curve, null);
});

test("the audit's map from preprint textual claims to curve checks is the one the checks themselves name", async () => {
  const {PREPRINT_CLAIM_CHECKS} = await import("../../loaders/figures/claim-checks.js");
  const named: Record<string, string> = {};
  for (const f of checks.findings.filter((x) => x.id.startsWith("text-")))
    for (const l of f.locators) for (const m of l.matchAll(/textual claims? ([a-z0-9-]+)/g)) if (m[1] !== "abstract-code-after") named[m[1]!] = f.id; // that claim the audit compares with a printed cell
  assert.deepEqual(Object.fromEntries(Object.entries(PREPRINT_CLAIM_CHECKS).sort()), Object.fromEntries(Object.entries(named).sort()));
});
