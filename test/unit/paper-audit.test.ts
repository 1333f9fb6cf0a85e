// Audit: behaviour on crafted tables, and the findings on the real data pinned by hand.
// The expected real-data findings below were worked out by reading data/paper/source/*.csv and doing
// the arithmetic separately (python3 / by hand), before the audit was run; they are not its output.
import {test} from "node:test";
import assert from "node:assert/strict";
import {auditPaper, type Finding} from "../../loaders/paper-audit.js";
import {parseSourceCsv, readSourceTables} from "../../loaders/paper-source.js";
import {readAddedTables} from "../../loaders/paper-added.js";
import {tidyTable, tidyTables} from "../../loaders/paper-tidy.js";

const CODE_HEAD = "version,model,condition,item,before,after,delta,value,unit,source,locator,derived_fields,notes";
const A = "A_preprint_2025-05-27";
const B = "B_arXiv_v1_2025-06-12";

function code(...rows: string[]) {
  return tidyTable(parseSourceCsv("code_reasoning", [CODE_HEAD, ...rows].join("\n") + "\n"));
}
const t3 = (v: string, model: string, b: string, a: string, d: string) =>
  `${v},${model},code-forcing prompt,MATH-500 accuracy Original -> Prompting (Abs. Diff.),${b},${a},${d},,%,src,Table 3 (p.10),,`;

function panel(v: string, reward: string, counts: Record<string, string>, acc: Record<string, [string, string, string]>, all: [string, string], totals0: string, totals150: string) {
  const loc = "Figure 7 (p.8)";
  const rows = [
    `${v},Qwen2.5-Math-7B,${reward},"Fig.7 totals: Code 325, Lang 175, All 500 at Step 0",,,,${totals0},problems,src,${loc},,`,
    `${v},Qwen2.5-Math-7B,${reward},Fig.7 All accuracy Step0 -> Step150,${all[0]},${all[1]},,,%,src,${loc},,`,
    `${v},Qwen2.5-Math-7B,${reward},Fig.7 Step150 totals Code/Lang,,,,${totals150},problems,src,${loc},,`,
  ];
  for (const s of ["C->C", "C->L", "L->C", "L->L"]) {
    rows.push(`${v},Qwen2.5-Math-7B,${reward},Fig.7 subset ${s}: count (as printed),,,,${counts[s]},problems,src,${loc},,`);
    rows.push(`${v},Qwen2.5-Math-7B,${reward},Fig.7 subset ${s}: accuracy Step0 -> Step150,${acc[s][0]},${acc[s][1]},${acc[s][2]},,%,src,${loc},,`);
  }
  return rows;
}

// a self-consistent panel: 10 problems, 6 code / 4 lang at step 0, 5 / 5 at the end
const GOOD_COUNTS = {"C->C": "4", "C->L": "2", "L->C": "1", "L->L": "3"};
const GOOD_ACC: Record<string, [string, string, string]> = {
  "C->C": ["50.0", "75.0", "+25.0"], "C->L": ["50.0", "100.0", "+50.0"], "L->C": ["0.0", "100.0", "+100.0"], "L->L": ["33.3", "66.7", "+33.3"],
};

const checks = (fs: Finding[]) => fs.map((f) => f.check).sort();

test("arithmetic: a change beyond print rounding is a finding, within rounding is not", () => {
  const {findings} = auditPaper(code(t3(A, "Qwen2.5-7B", "10.0", "20.0", "+10.5"), t3(A, "OLMo2-7B", "10.0", "20.0", "+10.1")));
  assert.equal(findings.length, 1);
  const f = findings[0];
  assert.equal(f.check, "arithmetic");
  assert.equal(f.model, "Qwen2.5-7B");
  assert.equal(f.gap, 0.5);
  assert.equal(f.tolerance, 0.15);
  assert.equal(f.b.shown, "20.0");
  assert.equal(f.a.value, 20.5);
  assert.equal(f.a.place, "Table 3");
});

test("arithmetic: a change printed with a Unicode minus is read as negative", () => {
  const ok = auditPaper(code(t3(A, "Qwen2.5-7B", "42.8", "22.2", "−20.6")));
  assert.deepEqual(ok.findings, []);
  const bad = auditPaper(code(t3(A, "Qwen2.5-7B", "42.8", "22.2", "−20.0")));
  assert.equal(bad.findings.length, 1);
  assert.equal(bad.findings[0].a.shown, "42.8 − 20.0");
  assert.equal(bad.findings[0].a.value, 22.8);
});

test("a consistent Figure 7 panel yields no findings", () => {
  const {findings, checks: summary} = auditPaper(code(...panel(A, "ground_truth", GOOD_COUNTS, GOOD_ACC, ["40.0", "80.0"], "6/4/10", "5/5")));
  assert.deepEqual(findings, []);
  const by = Object.fromEntries(summary.map((c) => [c.check, c.compared]));
  assert.equal(by["subset-sum"], 6);
  assert.equal(by["weighted-accuracy"], 2);
  assert.equal(by["count-granularity"], 8);
  assert.equal(by["arithmetic"], 4);
});

test("a wrong subset size breaks the sums, the weighted accuracy and k/n", () => {
  const counts = {...GOOD_COUNTS, "L->L": "4"};
  const {findings} = auditPaper(code(...panel(A, "random", counts, GOOD_ACC, ["40.0", "80.0"], "6/4/10", "5/5")));
  const sums = findings.filter((f) => f.check === "subset-sum");
  assert.deepEqual(sums.map((f) => [f.a.value, f.b.value, f.gap]).sort(), [[5, 4, 1], [6, 5, 1]]);
  // L->L 33.3% of 4 problems is 1.33 problems: nearest possible accuracy is 25.0 (1/4)
  const gran = findings.filter((f) => f.check === "count-granularity");
  assert.deepEqual(gran.map((f) => [f.a.shown, f.b.shown]).sort(), [["33.3", "1/4"], ["66.7", "3/4"]]);
  // (4×50 + 2×50 + 1×0 + 4×33.3)/11 = 39.38 vs 40.0
  const w = findings.find((f) => f.id === "weighted-accuracy-a-figure-7-random-before");
  assert.ok(w);
  assert.ok(Math.abs(w.a.value - 433.2 / 11) < 1e-4); // computed values are kept to 4 decimals
  assert.equal(w.b.value, 40);
  assert.ok(findings.every((f) => f.reward === "random"));
});

test("percent-sum: Table 2 shares that do not add up to 100", () => {
  const row = (part: string, v: string) => `${A},Qwen2.5-7B,avg over rewards that steered strategy,Table 2 ${part},,,,${v},%,src,Table 2 (p.9),,`;
  const ok = auditPaper(code(row("C_Code->Code", "10.0"), row("C_Code->Lang", "20.0"), row("C_Lang->Code", "30.0"), row("C_Lang->Lang", "40.1")));
  assert.deepEqual(ok.findings, []); // 100.1 is within 4 × 0.05
  const bad = auditPaper(code(row("C_Code->Code", "10.0"), row("C_Code->Lang", "20.0"), row("C_Lang->Code", "30.0"), row("C_Lang->Lang", "41.0")));
  assert.deepEqual(bad.findings.map((f) => [f.check, f.gap]), [["percent-sum", 1]]);
});

test("cross-version: a changed value at the same place is a change; an equal one is not", () => {
  // only "before" changed: the printed difference moves with it and is not a second change
  const one = auditPaper(code(t3(A, "Qwen2.5-7B", "42.8", "22.2", "-20.6"), t3(B, "Qwen2.5-7B", "41.6", "22.2", "-19.4")));
  assert.deepEqual(one.findings.map((f) => [f.check, f.status, f.b.shown, f.a.shown]), [["cross-version", "change", "42.8", "41.6"]]);
  assert.ok(one.findings.every((f) => f.a.version === B && f.b.version === A));
  assert.deepEqual(one.findings[0].versions, [A, B]);
  assert.match(one.checks.find((c) => c.check === "cross-version")!.not_compared.join(" "), /^1 printed differences/);
  // "before" and "after" both changed: the difference is a change of its own
  const three = auditPaper(code(t3(A, "Qwen2.5-7B", "42.8", "22.2", "-20.6"), t3(B, "Qwen2.5-7B", "41.6", "23.0", "-18.6")));
  assert.deepEqual(three.findings.map((f) => [f.b.shown, f.a.shown]).sort(), [["-20.6", "-18.6"], ["22.2", "23.0"], ["42.8", "41.6"]]);
});

test("the same disagreement printed identically in two versions is one finding listing both", () => {
  const counts = {...GOOD_COUNTS, "L->L": "4"};
  const onlyA = auditPaper(code(...panel(A, "random", counts, GOOD_ACC, ["40.0", "80.0"], "6/4/10", "5/5"))).findings;
  const both = auditPaper(code(
    ...panel(A, "random", counts, GOOD_ACC, ["40.0", "80.0"], "6/4/10", "5/5"),
    ...panel(B, "random", counts, GOOD_ACC, ["40.0", "80.0"], "6/4/10", "5/5"),
  )).findings;
  assert.equal(both.length, onlyA.length);
  for (const f of both) {
    assert.deepEqual(f.versions, [A, B]);
    assert.equal(f.same_in.length, 1);
    assert.equal(f.same_in[0].a.version, B);
    assert.match(f.title, /\(May 2025 preprint and arXiv v1\)$/);
    assert.match(f.id, new RegExp(`^${f.check}-ab-`));
    assert.deepEqual(f.aliases, [f.id.replace("-ab-", "-a-"), f.id.replace("-ab-", "-b-")]);
  }
  // one changed printed value in v1 keeps that comparison apart, with its own version in the title
  const splitB = auditPaper(code(
    ...panel(A, "random", counts, GOOD_ACC, ["40.0", "80.0"], "6/4/10", "5/5"),
    ...panel(B, "random", counts, GOOD_ACC, ["40.0", "80.0"], "6/4/10", "5/7"),
  )).findings.filter((f) => f.check === "subset-sum" && f.b.shown === "7");
  assert.deepEqual(splitB.map((f) => [f.versions, f.title]), [[[B], "Figure 7, random: subsets vs lang at step 150 total (arXiv v1)"]]);
});

test("Table 1 weighted accuracy: the tolerance follows each accuracy's printed precision", () => {
  const t1 = (v: string, what: string, val: string) => `${v},Qwen2.5-7B,before RLVR (MATH-500),Table 1 ${what},,,,${val},%,src,Table 1 (p.7),,`;
  const rows = (original: string, delta: string) => code(t1(A, "Code Frequency", "65.0"), t1(A, "Acc. w/ Code", "61"), t1(A, "Acc. w/ Lang", "35"), t3(A, "Qwen2.5-7B", original, "60.0", delta));
  // 0.65 × 61 + 0.35 × 35 = 51.9. Whole-number accuracies may be off by 0.5 each: 0.5 × 0.65 + 0.5 × 0.35 = 0.5,
  // plus 0.05 for Table 3's 52.3 and (61 − 35) × 0.05 / 100 = 0.013 for the share: tolerance 0.563
  assert.deepEqual(auditPaper(rows("52.3", "+7.7")).findings, []); // gap 0.4
  const far = auditPaper(rows("52.6", "+7.4")).findings;
  assert.deepEqual(far.map((f) => [f.check, f.gap, f.tolerance]), [["weighted-accuracy", 0.7, 0.563]]);
});

test("finding ids are stable and unique", () => {
  const n = tidyTables(readSourceTables());
  const added = readAddedTables();
  const one = auditPaper(n, {added}).findings.map((f) => f.id);
  const two = auditPaper([...n].reverse(), {added}).findings.map((f) => f.id);
  assert.deepEqual([...one].sort(), [...two].sort());
  assert.equal(new Set(one).size, one.length);
  assert.ok(one.every((id) => /^[a-z0-9-]+$/.test(id)));
});

// -------------------------------------------------------------------------------------------
// Real data. Each line: check | versions it holds in | place a | place b | model | reward | value a | value b
// (values to one decimal). Derived by hand from the CSVs; see the comments for the arithmetic.
// Figure 7, Table 1, Table 2 and App. B.1.3 print the same numbers in the preprint (A) and v1 (B), so a
// disagreement there holds in both and is one finding "AB". Cross-version findings span A and B by nature.
const EXPECTED_REAL = `
arithmetic|AB|Figure 7|Figure 7|Qwen2.5-Math-7B|random|71.9|71.2
abstract-vs-body|A|Abstract|Table 1|Qwen2.5-Math-7B||66.7|65.0
same-quantity|A|Table 3|Figure 1|Qwen2.5-Math-7B||52.6|49.4
same-quantity|A|Table 3|Figure 1|Qwen2.5-7B||42.8|41.6
same-quantity|A|Table 3|Figure 1|Llama3.1-8B-Instruct||38.4|36.8
same-quantity|A|Table 3|Figure 1|OLMo2-7B||10.2|9.0
same-quantity|A|Sec.1|Table 1|Qwen2.5-Math-7B||64.0|60.9
same-quantity|A|Sec.1|Table 1|Qwen2.5-Math-7B||29.0|35.0
same-quantity|AB|App.B.1.3|Table 1|Qwen2.5-Math-7B||64.0|60.9
same-quantity|AB|App.B.1.3|Table 1|Qwen2.5-Math-7B||29.0|35.0
same-quantity|B|Sec.1|Table 1|Qwen2.5-Math-7B||28.0|35.0
same-quantity|C|Sec.1|Table 1|Qwen2.5-Math-7B||28.0|35.0
figure-vs-figure|A|Figure 1|Figure 7|Qwen2.5-Math-7B|majority_vote|26.5|27.0
figure-vs-figure|A|Figure 1|Figure 7|Qwen2.5-Math-7B|format|16.4|22.0
figure-vs-figure|A|Figure 1|Figure 7|Qwen2.5-Math-7B|incorrect|24.6|24.2
figure-vs-figure|A|Figure 1|Figure 7|Qwen2.5-Math-7B|random|21.4|15.6
cross-version|AB|Abstract|Abstract|Qwen2.5-Math-7B||65.0|66.7
cross-version|AB|Sec.1|Sec.1|Qwen2.5-Math-7B||60.9|64.0
cross-version|AB|Sec.1|Sec.1|Qwen2.5-Math-7B||28.0|29.0
cross-version|AB|Table 2|Table 2|Qwen2.5-7B||0.2|5.0
cross-version|AB|Table 3|Table 3|Qwen2.5-Math-1.5B||36.2|34.8
cross-version|AB|Table 3|Table 3|Qwen2.5-Math-7B||49.4|52.6
cross-version|AB|Table 3|Table 3|Qwen2.5-1.5B||3.0|2.8
cross-version|AB|Table 3|Table 3|Qwen2.5-7B||41.6|42.8
cross-version|AB|Table 3|Table 3|Llama3.2-3B-Instruct||36.8|36.6
cross-version|AB|Table 3|Table 3|Llama3.1-8B-Instruct||36.8|38.4
cross-version|AB|Table 3|Table 3|OLMo2-7B||9.0|10.2
cross-version|AB|Table 3|Table 3|OLMo2-7B-SFT||21.4|20.4
cross-version|AB|Figure 1|Figure 1|||300.0|150.0
subset-sum|AB|Figure 7|Figure 7|Qwen2.5-Math-7B|incorrect|185.0|175.0
subset-sum|AB|Figure 7|Figure 7|Qwen2.5-Math-7B|incorrect|80.0|70.0
subset-sum|AB|Figure 7|Figure 7|Qwen2.5-Math-7B|random|292.0|325.0
subset-sum|AB|Figure 7|Figure 7|Qwen2.5-Math-7B|random|185.0|175.0
subset-sum|AB|Figure 7|Figure 7|Qwen2.5-Math-7B|random|397.0|410.0
subset-sum|AB|Figure 7|Figure 7|Qwen2.5-Math-7B|random|80.0|90.0
weighted-accuracy|AB|Figure 7|Figure 7|Qwen2.5-Math-7B|incorrect|73.8|73.6
weighted-accuracy|AB|Figure 7|Figure 7|Qwen2.5-Math-7B|random|49.2|49.4
weighted-accuracy|AB|Figure 7|Figure 7|Qwen2.5-Math-7B|random|65.7|65.0
weighted-accuracy|AB|Table 1|Figure 1|Qwen2.5-Math-7B||51.8|49.4
weighted-accuracy|A|Table 1|Table 3|Qwen2.5-Math-1.5B||36.2|34.8
weighted-accuracy|A|Table 1|Table 3|OLMo2-7B-SFT||21.4|20.4
count-granularity|AB|Figure 7|Figure 7|Qwen2.5-Math-7B|incorrect|43.5|42.9
count-granularity|AB|Figure 7|Figure 7|Qwen2.5-Math-7B|incorrect|82.6|82.1
count-granularity|AB|Figure 7|Figure 7|Qwen2.5-Math-7B|random|59.6|58.3
count-granularity|AB|Figure 7|Figure 7|Qwen2.5-Math-7B|random|71.2|70.8
count-granularity|AB|Figure 7|Figure 7|Qwen2.5-Math-7B|random|23.9|24.0
count-granularity|AB|Figure 7|Figure 7|Qwen2.5-Math-7B|random|45.5|44.6
count-granularity|AB|Figure 7|Figure 7|Qwen2.5-Math-7B|random|93.9|94.6
percent-sum|A|Table 2|Table 2|Qwen2.5-7B||104.8|100.0
table-vs-figure|AB|Table 1|Figure 7|Qwen2.5-Math-7B||35.0|28.0
`.trim().split("\n");
// Not findings any more, and why: Table 2's shares against Figure 7's printed labels (8.6 vs 7.5, 58.3 vs 56.3,
// 21.4 vs 24.7) were false alarms: with Figure 7's consistent reading (whole counts) Table 2 is reproduced exactly
// (test/unit/audit-table2.test.ts), so those comparisons are now confirmations of the reproduction.
// Also: Table 3's printed differences (after − before) changed between A and B only
// because "before" changed and "after" did not (8 rows: e.g. Qwen2.5-Math-7B 52.6/64.4/+11.8 → 49.4/64.4/+15.0),
// so each change is reported once, as "before". v1's Table 1 weighted accuracy for Qwen2.5-Math-1.5B
// (53.6% × 52.6 + 46.4% × 17.2 = 36.17 vs 36.2) and OLMo2-7B-SFT (98% × 21.0 + 2% × 40.0 = 21.38 vs 21.4) agree.
// New: code_reasoning.csv row 25 (v2, secondary) prints "60.9 vs 28.0 (Tab.1 prints 35.0)": 28.0 vs 35.0.

const LETTER: Record<string, string> = {[A]: "A", [B]: "B", "C_arXiv_v2_2026-02-25_ICML2026": "C"};
const describe = (f: Finding) =>
  [f.check, f.versions.map((v) => LETTER[v]).join(""), f.a.place, f.b.place, f.model, f.reward, f.a.value.toFixed(1), f.b.value.toFixed(1)].join("|");

// Checks that compare printed numbers with each other (the families above); the Figure 7 reconstruction, the
// copied-sequence and the textual-claim checks are pinned in test/unit/audit-*.test.ts.
const NUMERIC = new Set(["arithmetic", "abstract-vs-body", "same-quantity", "figure-vs-figure", "cross-version", "subset-sum", "weighted-accuracy", "percent-sum", "table-vs-figure", "count-granularity"]);

test("real data: the number-against-number checks find exactly the hand-derived disagreements", () => {
  const {findings} = auditPaper(tidyTables(readSourceTables()), {added: readAddedTables()});
  assert.equal(EXPECTED_REAL.length, 50);
  assert.deepEqual(findings.filter((f) => NUMERIC.has(f.check)).map(describe).sort(), [...EXPECTED_REAL].sort());
});

test("real data: gaps and tolerances of three findings, worked out by hand", () => {
  const {findings} = auditPaper(tidyTables(readSourceTables()), {added: readAddedTables()});
  const byId = new Map(findings.map((f) => [f.id, f]));
  // Table 1 (A and B): 0.650 × 60.9 + 0.350 × 35.0 = 39.585 + 12.25 = 51.835 vs Figure 1's 49.4 → gap 2.435;
  // tolerance 0.05 × 0.65 + 0.05 × 0.35 (accuracies) + 0.05 (49.4) + (60.9 − 35.0) × 0.05 / 100 (share) = 0.11295
  const t1 = byId.get("weighted-accuracy-ab-table-1-qwen2-5-math-7b");
  assert.ok(t1);
  assert.deepEqual([t1.gap, t1.tolerance, t1.unit], [2.435, 0.113, "%"]);
  // Figure 7 random, step 150: (268×57.8 + 24×71.2 + 129×69.0 + 56×93.9) / 477 = 31358.6 / 477 = 65.7413 vs 65.0
  const w = byId.get("weighted-accuracy-ab-figure-7-random-after");
  assert.ok(w);
  assert.deepEqual([w.gap, w.tolerance], [0.741, 0.1]);
  // setup.csv: Figure 1 after 150 steps (preprint) and 300 (v1); the setup rows name no model and no unit
  const steps = byId.get("cross-version-a-b-figure-1-training-steps-figure-1-value");
  assert.ok(steps);
  assert.deepEqual([steps.gap, steps.tolerance, steps.unit], [150, 1, "steps"]);
  assert.equal(steps.title, "Figure 1: training steps (Figure 1) changed between May 2025 preprint and arXiv v1");
});

test("real data: no finding repeats another, and every title names its versions", () => {
  const {findings, confirmations} = auditPaper(tidyTables(readSourceTables()), {added: readAddedTables()});
  const label: Record<string, string> = {[A]: "May 2025 preprint", [B]: "arXiv v1", "C_arXiv_v2_2026-02-25_ICML2026": "arXiv v2"};
  const seen = new Map<string, string>();
  for (const f of [...findings, ...confirmations]) {
    for (const v of f.versions) assert.ok(f.title.includes(label[v]), `${f.id}: "${f.title}" does not name ${label[v]}`);
    // the title without its version suffix, with both shown values: a repeat would be the same disagreement twice
    const k = [f.title.replace(/ \([^()]*\)$/, ""), f.a.shown, f.b.shown].join(" | ");
    assert.ok(!seen.has(k), `${f.id} repeats ${seen.get(k)}: ${k}`);
    seen.set(k, f.id);
  }
  assert.equal(new Set([...findings, ...confirmations].map((f) => f.title)).size, findings.length + confirmations.length);
});

test("real data: every finding names two places with locators", () => {
  const {findings, checks: summary} = auditPaper(tidyTables(readSourceTables()), {added: readAddedTables()});
  for (const f of findings) {
    assert.ok(f.a.locator && f.b.locator, `${f.id} lacks a locator`);
    // a textual claim's side a is the sentence (linked when the claim is also a transcribed cell)
    assert.ok(f.a.ids.length > 0 || f.check === "textual-claim", `${f.id} side a is not linked to numbers`);
    assert.ok(f.title && f.explanation, f.id);
  }
  // Figure 1 (300 steps) vs Figure 7 (step 150) is not compared in v1, and that is said
  const fvf = summary.find((c) => c.check === "figure-vs-figure")!;
  assert.equal(fvf.compared, 5);
  assert.match(fvf.not_compared.join(" "), /arXiv v1: Figure 1 is after 300 steps/);
  assert.deepEqual(checks(findings).filter((c, i, a) => a.indexOf(c) === i), [
    "abstract-vs-body", "arithmetic", "copied-sequence", "count-granularity", "cross-version", "figure-7-reconstruction", "figure-vs-figure",
    "percent-sum", "same-quantity", "subset-sum", "table-vs-figure", "textual-claim", "weighted-accuracy",
  ]);
});
