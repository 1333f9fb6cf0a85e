// Validator: one crafted bad row per kind of problem, plus the real data being valid.
import {test} from "node:test";
import assert from "node:assert/strict";
import {parseSourceCsv, readSourceTables} from "../../loaders/paper-source.js";
import {assertValid, formatIssue, validateTable, validateTables} from "../../loaders/paper-validate.js";

const MAIN_HEADER = "version,model,reward,benchmark,metric,before,after,delta,source,locator,derived_fields,notes";
const GOOD_MAIN = "B_arXiv_v1_2025-06-12,Qwen2.5-Math-7B,random,MATH-500,pass@1 accuracy (%),49.4,70.8,+21.4,arXiv v1,Figure 1 (p.1),after,";

function main(...rows: string[]) {
  return validateTable(parseSourceCsv("main_results", [MAIN_HEADER, ...rows].join("\n") + "\n"));
}

test("a well-formed row passes", () => {
  assert.deepEqual(main(GOOD_MAIN), []);
});

test("unknown version: names file, row, line and column", () => {
  const issues = main(GOOD_MAIN, GOOD_MAIN.replace("B_arXiv_v1_2025-06-12", "arXiv_v3").replace("random", "format"));
  assert.equal(issues.length, 1);
  assert.equal(issues[0].kind, "unknown-version");
  assert.equal(issues[0].row, 2);
  assert.equal(issues[0].line, 3);
  assert.equal(issues[0].column, "version");
  assert.match(formatIssue(issues[0]), /^main_results\.csv row 2 \(line 3\), column "version": unknown version "arXiv_v3"/);
});

test("unknown model", () => {
  const issues = main(GOOD_MAIN.replace("Qwen2.5-Math-7B", "Qwen3-8B"));
  assert.deepEqual(issues.map((i) => [i.kind, i.row, i.column]), [["unknown-model", 1, "model"]]);
  assert.match(issues[0].message, /"Qwen3-8B"/);
});

test("unknown reward (a typo of a known one)", () => {
  const issues = main(GOOD_MAIN.replace(",random,", ",randm,"));
  assert.deepEqual(issues.map((i) => [i.kind, i.row, i.column]), [["unknown-reward", 1, "reward"]]);
});

test("unknown reward in a Figure 7 row of code_reasoning", () => {
  const header = "version,model,condition,item,before,after,delta,value,unit,source,locator,derived_fields,notes";
  const row = "A_preprint_2025-05-27,Qwen2.5-Math-7B,grond_truth,Fig.7 subset C->C: count (as printed),,,,165,problems,preprint,Figure 7 (p.8),,";
  const issues = validateTable(parseSourceCsv("code_reasoning", `${header}\n${row}\n`));
  assert.deepEqual(issues.map((i) => [i.kind, i.row, i.column]), [["unknown-reward", 1, "condition"]]);
});

test("non-numeric value in a numeric column", () => {
  const issues = main(GOOD_MAIN.replace("+21.4", "+21.4x"));
  assert.deepEqual(issues.map((i) => [i.kind, i.row, i.column]), [["non-numeric", 1, "delta"]]);
  assert.match(formatIssue(issues[0]), /column "delta": "\+21\.4x" is not a printed number/);
});

test("printed approximations, ranges and lists are numbers, not errors", () => {
  const rows = ["~18 (approx., each)", "+1 to +3.5 (range)", "+13.8 / +24.1 / +21.4 (as printed)"].map((d, i) =>
    `A_preprint_2025-05-27,Qwen2.5-Math-7B,format,AMC,avg@8 (%) ${i},,,"${d}",preprint,Sec.2.3 p.4,,`);
  assert.deepEqual(main(...rows), []);
});

test("missing locator on a row that reports a number", () => {
  const issues = main(GOOD_MAIN.replace("Figure 1 (p.1)", ""));
  assert.deepEqual(issues.map((i) => [i.kind, i.row, i.column]), [["missing-locator", 1, "locator"]]);
});

test("duplicated key names the first row", () => {
  const issues = main(GOOD_MAIN, GOOD_MAIN.replace("+21.4", "+21.5"));
  assert.deepEqual(issues.map((i) => [i.kind, i.row]), [["duplicate-key", 2]]);
  assert.match(issues[0].message, /duplicates row 1/);
});

test("unresolved bars with different printed values are not duplicates; identical ones are", () => {
  const u = (d: string) => `B_arXiv_v1_2025-06-12,Llama3.1-8B-Instruct,"UNRESOLVED: one of {one_shot_rl, format, incorrect, random}",MATH-500,pass@1 accuracy (%),36.8,,${d},arXiv v1,Figure 1 (p.1),reward_unresolved,`;
  assert.deepEqual(main(u("-11.5"), u("-2.2")), []);
  assert.deepEqual(main(u("-11.5"), u("-11.5")).map((i) => i.kind), ["duplicate-key"]);
});

test("missing column is reported once, for the header", () => {
  const issues = validateTable(parseSourceCsv("main_results", MAIN_HEADER.replace(",locator", "") + "\n"));
  assert.deepEqual(issues.map((i) => [i.kind, i.row, i.column]), [["missing-column", 0, "locator"]]);
});

test("assertValid throws one error listing every problem", () => {
  const t = parseSourceCsv("main_results", [MAIN_HEADER, GOOD_MAIN.replace("random", "rnd"), GOOD_MAIN.replace("49.4", "n/a")].join("\n"));
  assert.throws(() => assertValid([t]), (e: Error) => /2 problem\(s\)/.test(e.message) && /row 1/.test(e.message) && /row 2/.test(e.message));
});

test("the vendored data is valid", () => {
  const tables = readSourceTables();
  assert.deepEqual(tables.map((t) => t.rows.length), [83, 210, 48, 83]); // wc -l minus header
  assert.deepEqual(validateTables(tables).map(formatIssue), []);
});

test("a setup count must be a printed whole number: a word or a fraction fails naming row and column", () => {
  const header = "version,parameter,value,source,locator,notes";
  const table = parseSourceCsv("setup", [header,
    "B_arXiv_v1_2025-06-12,rollouts per prompt (group size G),sixteen,src,App.A.3,",
    "B_arXiv_v1_2025-06-12,mini batch size (rollouts per gradient update),128.5,src,App.A.3,",
    "B_arXiv_v1_2025-06-12,clip ratio epsilon_c,0.2,src,App.B,",
    "B_arXiv_v1_2025-06-12,training data,DeepScaleR,src,Sec.2.1,",
  ].join("\n") + "\n");
  assert.deepEqual(validateTable(table).map(formatIssue), [
    'setup.csv row 1 (line 2), column "value": "sixteen" is not a printed number, and parameter "rollouts per prompt (group size G)" needs one',
    'setup.csv row 2 (line 3), column "value": "128.5" is not a whole number, and parameter "mini batch size (rollouts per gradient update)" is a count',
  ]);
});
