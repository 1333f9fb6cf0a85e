// Audit: behaviour on crafted tables, and the findings on the real data pinned by hand.
// The expected real-data findings below were worked out by reading data/paper/source/*.csv and doing
// the arithmetic separately (python3 / by hand), before the audit was run; they are not its output.
import {test} from "node:test";
import assert from "node:assert/strict";
import {auditPaper, type Finding} from "../../loaders/paper-audit.js";
import {parseSourceCsv, readSourceTables} from "../../loaders/paper-source.js";
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
  const {findings} = auditPaper(code(t3(A, "Qwen2.5-7B", "42.8", "22.2", "-20.6"), t3(B, "Qwen2.5-7B", "41.6", "22.2", "-19.4")));
  assert.deepEqual(findings.map((f) => [f.check, f.severity, f.b.shown, f.a.shown]).sort(), [
    ["cross-version", "change", "-20.6", "-19.4"],
    ["cross-version", "change", "42.8", "41.6"],
  ]);
  assert.ok(findings.every((f) => f.a.version === B && f.b.version === A));
});

test("finding ids are stable and unique", () => {
  const n = tidyTables(readSourceTables());
  const one = auditPaper(n).findings.map((f) => f.id);
  const two = auditPaper([...n].reverse()).findings.map((f) => f.id);
  assert.deepEqual([...one].sort(), [...two].sort());
  assert.equal(new Set(one).size, one.length);
  assert.ok(one.every((id) => /^[a-z0-9-]+$/.test(id)));
});

// -------------------------------------------------------------------------------------------
// Real data. Each line: check | version of side a | place a | place b | model | reward | value a | value b
// (values to one decimal). Derived by hand from the CSVs; see the comments for the arithmetic.
const EXPECTED_REAL = `
arithmetic|A|Figure 7|Figure 7|Qwen2.5-Math-7B|random|71.9|71.2
arithmetic|B|Figure 7|Figure 7|Qwen2.5-Math-7B|random|71.9|71.2
abstract-vs-body|A|Abstract|Table 1|Qwen2.5-Math-7B||66.7|65.0
same-quantity|A|Table 3|Figure 1|Qwen2.5-Math-7B||52.6|49.4
same-quantity|A|Table 3|Figure 1|Qwen2.5-7B||42.8|41.6
same-quantity|A|Table 3|Figure 1|Llama3.1-8B-Instruct||38.4|36.8
same-quantity|A|Table 3|Figure 1|OLMo2-7B||10.2|9.0
same-quantity|A|Sec.1|Table 1|Qwen2.5-Math-7B||64.0|60.9
same-quantity|A|Sec.1|Table 1|Qwen2.5-Math-7B||29.0|35.0
same-quantity|A|App.B.1.3|Table 1|Qwen2.5-Math-7B||64.0|60.9
same-quantity|A|App.B.1.3|Table 1|Qwen2.5-Math-7B||29.0|35.0
same-quantity|B|Sec.1|Table 1|Qwen2.5-Math-7B||28.0|35.0
same-quantity|B|App.B.1.3|Table 1|Qwen2.5-Math-7B||64.0|60.9
same-quantity|B|App.B.1.3|Table 1|Qwen2.5-Math-7B||29.0|35.0
figure-vs-figure|A|Figure 1|Figure 7|Qwen2.5-Math-7B|majority_vote|26.5|27.0
figure-vs-figure|A|Figure 1|Figure 7|Qwen2.5-Math-7B|format|16.4|22.0
figure-vs-figure|A|Figure 1|Figure 7|Qwen2.5-Math-7B|incorrect|24.6|24.2
figure-vs-figure|A|Figure 1|Figure 7|Qwen2.5-Math-7B|random|21.4|15.6
cross-version|B|Abstract|Abstract|Qwen2.5-Math-7B||65.0|66.7
cross-version|B|Sec.1|Sec.1|Qwen2.5-Math-7B||60.9|64.0
cross-version|B|Sec.1|Sec.1|Qwen2.5-Math-7B||28.0|29.0
cross-version|B|Table 2|Table 2|Qwen2.5-7B||0.2|5.0
cross-version|B|Table 3|Table 3|Qwen2.5-Math-1.5B||36.2|34.8
cross-version|B|Table 3|Table 3|Qwen2.5-Math-7B||49.4|52.6
cross-version|B|Table 3|Table 3|Qwen2.5-1.5B||3.0|2.8
cross-version|B|Table 3|Table 3|Qwen2.5-7B||41.6|42.8
cross-version|B|Table 3|Table 3|Llama3.2-3B-Instruct||36.8|36.6
cross-version|B|Table 3|Table 3|Llama3.1-8B-Instruct||36.8|38.4
cross-version|B|Table 3|Table 3|OLMo2-7B||9.0|10.2
cross-version|B|Table 3|Table 3|OLMo2-7B-SFT||21.4|20.4
cross-version|B|Table 3|Table 3|Qwen2.5-Math-1.5B||24.2|25.6
cross-version|B|Table 3|Table 3|Qwen2.5-Math-7B||15.0|11.8
cross-version|B|Table 3|Table 3|Qwen2.5-1.5B||10.0|10.2
cross-version|B|Table 3|Table 3|Qwen2.5-7B||-19.4|-20.6
cross-version|B|Table 3|Table 3|Llama3.2-3B-Instruct||-28.6|-28.4
cross-version|B|Table 3|Table 3|Llama3.1-8B-Instruct||-21.6|-23.2
cross-version|B|Table 3|Table 3|OLMo2-7B||-1.2|-2.4
cross-version|B|Table 3|Table 3|OLMo2-7B-SFT||-2.8|-1.8
cross-version|B|Figure 1|Figure 1|||300.0|150.0
subset-sum|A|Figure 7|Figure 7|Qwen2.5-Math-7B|incorrect|185.0|175.0
subset-sum|A|Figure 7|Figure 7|Qwen2.5-Math-7B|incorrect|80.0|70.0
subset-sum|A|Figure 7|Figure 7|Qwen2.5-Math-7B|random|292.0|325.0
subset-sum|A|Figure 7|Figure 7|Qwen2.5-Math-7B|random|185.0|175.0
subset-sum|A|Figure 7|Figure 7|Qwen2.5-Math-7B|random|397.0|410.0
subset-sum|A|Figure 7|Figure 7|Qwen2.5-Math-7B|random|80.0|90.0
subset-sum|B|Figure 7|Figure 7|Qwen2.5-Math-7B|incorrect|185.0|175.0
subset-sum|B|Figure 7|Figure 7|Qwen2.5-Math-7B|incorrect|80.0|70.0
subset-sum|B|Figure 7|Figure 7|Qwen2.5-Math-7B|random|292.0|325.0
subset-sum|B|Figure 7|Figure 7|Qwen2.5-Math-7B|random|185.0|175.0
subset-sum|B|Figure 7|Figure 7|Qwen2.5-Math-7B|random|397.0|410.0
subset-sum|B|Figure 7|Figure 7|Qwen2.5-Math-7B|random|80.0|90.0
weighted-accuracy|A|Figure 7|Figure 7|Qwen2.5-Math-7B|incorrect|73.8|73.6
weighted-accuracy|A|Figure 7|Figure 7|Qwen2.5-Math-7B|random|49.2|49.4
weighted-accuracy|A|Figure 7|Figure 7|Qwen2.5-Math-7B|random|65.7|65.0
weighted-accuracy|B|Figure 7|Figure 7|Qwen2.5-Math-7B|incorrect|73.8|73.6
weighted-accuracy|B|Figure 7|Figure 7|Qwen2.5-Math-7B|random|49.2|49.4
weighted-accuracy|B|Figure 7|Figure 7|Qwen2.5-Math-7B|random|65.7|65.0
weighted-accuracy|A|Table 1|Figure 1|Qwen2.5-Math-7B||51.8|49.4
weighted-accuracy|A|Table 1|Table 3|Qwen2.5-Math-1.5B||36.2|34.8
weighted-accuracy|A|Table 1|Table 3|OLMo2-7B-SFT||21.4|20.4
weighted-accuracy|B|Table 1|Figure 1|Qwen2.5-Math-7B||51.8|49.4
count-granularity|A|Figure 7|Figure 7|Qwen2.5-Math-7B|incorrect|43.5|42.9
count-granularity|A|Figure 7|Figure 7|Qwen2.5-Math-7B|incorrect|82.6|82.1
count-granularity|A|Figure 7|Figure 7|Qwen2.5-Math-7B|random|59.6|58.3
count-granularity|A|Figure 7|Figure 7|Qwen2.5-Math-7B|random|71.2|70.8
count-granularity|A|Figure 7|Figure 7|Qwen2.5-Math-7B|random|23.9|24.0
count-granularity|A|Figure 7|Figure 7|Qwen2.5-Math-7B|random|45.5|44.6
count-granularity|A|Figure 7|Figure 7|Qwen2.5-Math-7B|random|93.9|94.6
count-granularity|B|Figure 7|Figure 7|Qwen2.5-Math-7B|incorrect|43.5|42.9
count-granularity|B|Figure 7|Figure 7|Qwen2.5-Math-7B|incorrect|82.6|82.1
count-granularity|B|Figure 7|Figure 7|Qwen2.5-Math-7B|random|59.6|58.3
count-granularity|B|Figure 7|Figure 7|Qwen2.5-Math-7B|random|71.2|70.8
count-granularity|B|Figure 7|Figure 7|Qwen2.5-Math-7B|random|23.9|24.0
count-granularity|B|Figure 7|Figure 7|Qwen2.5-Math-7B|random|45.5|44.6
count-granularity|B|Figure 7|Figure 7|Qwen2.5-Math-7B|random|93.9|94.6
percent-sum|A|Table 2|Table 2|Qwen2.5-7B||104.8|100.0
table-vs-figure|A|Table 2|Figure 7|Qwen2.5-Math-7B||8.6|7.5
table-vs-figure|A|Table 2|Figure 7|Qwen2.5-Math-7B||58.3|56.3
table-vs-figure|A|Table 2|Figure 7|Qwen2.5-Math-7B||21.4|24.7
table-vs-figure|B|Table 2|Figure 7|Qwen2.5-Math-7B||8.6|7.5
table-vs-figure|B|Table 2|Figure 7|Qwen2.5-Math-7B||58.3|56.3
table-vs-figure|B|Table 2|Figure 7|Qwen2.5-Math-7B||21.4|24.7
table-vs-figure|A|Table 1|Figure 7|Qwen2.5-Math-7B||35.0|28.0
table-vs-figure|B|Table 1|Figure 7|Qwen2.5-Math-7B||35.0|28.0
`.trim().split("\n");

const LETTER: Record<string, string> = {[A]: "A", [B]: "B", "C_arXiv_v2_2026-02-25_ICML2026": "C"};
const describe = (f: Finding) =>
  [f.check, LETTER[f.a.version], f.a.place, f.b.place, f.model, f.reward, f.a.value.toFixed(1), f.b.value.toFixed(1)].join("|");

test("real data: the audit finds exactly the hand-derived disagreements", () => {
  const {findings} = auditPaper(tidyTables(readSourceTables()));
  assert.equal(EXPECTED_REAL.length, 84);
  assert.deepEqual(findings.map(describe).sort(), [...EXPECTED_REAL].sort());
});

test("real data: every finding names two places with locators, and a gap beyond its tolerance", () => {
  const {findings, checks: summary} = auditPaper(tidyTables(readSourceTables()));
  for (const f of findings) {
    assert.ok(f.a.locator && f.b.locator, `${f.id} lacks a locator`);
    assert.ok(f.a.ids.length > 0, `${f.id} side a is not linked to numbers`);
    assert.ok(f.gap > f.tolerance, f.id);
    assert.ok(f.title && f.explanation, f.id);
  }
  // Figure 1 (300 steps) vs Figure 7 (step 150) is not compared in v1, and that is said
  const fvf = summary.find((c) => c.check === "figure-vs-figure")!;
  assert.equal(fvf.compared, 5);
  assert.match(fvf.not_compared.join(" "), /arXiv v1: Figure 1 is after 300 steps/);
  assert.deepEqual(checks(findings).filter((c, i, a) => a.indexOf(c) === i), [
    "abstract-vs-body", "arithmetic", "count-granularity", "cross-version", "figure-vs-figure",
    "percent-sum", "same-quantity", "subset-sum", "table-vs-figure", "weighted-accuracy",
  ]);
});
