// The tidy transform and the printed-number parser. Expected values are read by hand from
// data/paper/source/*.csv (the verbatim copies), not produced by the code under test.
import {test} from "node:test";
import assert from "node:assert/strict";
import {halfUnit, isNumericText, parsePrinted, printedDecimals} from "../../loaders/paper-printed.js";
import {parseSourceCsv, readSourceTables} from "../../loaders/paper-source.js";
import {flatRow, placeOf, tidyTable, tidyTables} from "../../loaders/paper-tidy.js";

test("printed numbers keep sign and precision apart from their value", () => {
  assert.deepEqual(parsePrinted("+21.4"), {kind: "number", value: 21.4, values: [21.4], decimals: 1});
  assert.deepEqual(parsePrinted("21.40"), {kind: "number", value: 21.4, values: [21.4], decimals: 2});
  assert.deepEqual(parsePrinted("-6.4"), {kind: "number", value: -6.4, values: [-6.4], decimals: 1});
  assert.equal(parsePrinted("~18 (approx., each)").kind, "approx");
  assert.deepEqual(parsePrinted(">90"), {kind: "bound", value: null, values: [90], decimals: 0});
  assert.deepEqual(parsePrinted("-0.4 to +4.5 (range)").values, [-0.4, 4.5]);
  assert.equal(parsePrinted("-0.4 to +4.5 (range)").kind, "range");
  assert.deepEqual(parsePrinted("15-20").values, [15, 20]);
  assert.deepEqual(parsePrinted("325/175/500"), {kind: "list", value: null, values: [325, 175, 500], decimals: null});
  // the annotation's own number is not one of the printed values
  assert.deepEqual(parsePrinted("60.9 vs 28.0 (Tab.1 prints 35.0)").values, [60.9, 28]);
  assert.equal(parsePrinted("moved to App. H, Tab. 3 (numbers not found)").kind, "text");
  assert.equal(isNumericText("12.x"), false);
  assert.equal(halfUnit(1), 0.05);
  assert.equal(halfUnit(0), 0.5);
});

test("a Unicode minus and an exponent are read as printed", () => {
  // "−" (U+2212) anywhere in a number, not only its first occurrence
  assert.deepEqual(parsePrinted("−6.4"), {kind: "number", value: -6.4, values: [-6.4], decimals: 1});
  assert.deepEqual(parsePrinted("−1.5e−3").values, [-0.0015]);
  // setup.csv: learning rate "5e-7 (constant)": one number whose last printed digit is in the 7th decimal place
  assert.deepEqual(parsePrinted("5e-7 (constant)"), {kind: "number", value: 5e-7, values: [5e-7], decimals: 7});
  assert.deepEqual(printedDecimals("5e-7 (constant)"), [7]);
  assert.deepEqual(printedDecimals("1.5e3"), [-2]); // 1500 printed to the hundreds
  assert.deepEqual(printedDecimals("60.9 vs 28.0 (Tab.1 prints 35.0)"), [1, 1]);
  assert.deepEqual(printedDecimals("98 ; 21 vs 40"), [0, 0, 0]);
});

test("places are normalised from locators", () => {
  assert.equal(placeOf('Figure 7 (p.8) Sankey "All" labels'), "Figure 7");
  assert.equal(placeOf("Sec.2.3 p.4 (refers to App.C / Fig.13)"), "Sec.2.3");
  assert.equal(placeOf('summary: "Fig. 1 labels gains of +13.8"'), "Figure 1");
  assert.equal(placeOf("App.B.1.3"), "App.B.1.3");
  assert.equal(placeOf(""), "");
});

test("one tidy number per non-empty cell, text kept verbatim, derived cells flagged", () => {
  const csv = `version,model,reward,benchmark,metric,before,after,delta,source,locator,derived_fields,notes
B_arXiv_v1_2025-06-12,Qwen2.5-Math-7B,random,MATH-500,pass@1 accuracy (%),49.4,70.8,+21.4,arXiv v1,Figure 1 (p.1),after,n
`;
  const rows = tidyTable(parseSourceCsv("main_results", csv));
  assert.deepEqual(rows.map((r) => [r.quantity, r.text, r.value, r.status, r.derived]), [
    ["before", "49.4", 49.4, "printed", false],
    ["after", "70.8", 70.8, "derived", true],
    ["delta", "+21.4", 21.4, "printed", false],
  ]);
  assert.equal(rows[2].version_label, "arXiv v1");
  assert.equal(rows[2].reward_group, "spurious");
  assert.equal(rows[2].unit, "points");
  assert.equal(rows[0].unit, "%");
  assert.equal(new Set(rows.map((r) => r.id)).size, 3);
  assert.equal(flatRow(rows[2]).text, "+21.4");
});

test("ids depend on the row's key, not its position or value", () => {
  const head = "version,model,reward,benchmark,metric,before,after,delta,source,locator,derived_fields,notes\n";
  const a = "B_arXiv_v1_2025-06-12,Qwen2.5-Math-7B,random,MATH-500,m,49.4,,+21.4,s,Figure 1,,\n";
  const b = "B_arXiv_v1_2025-06-12,Qwen2.5-Math-7B,format,MATH-500,m,49.4,,+13.8,s,Figure 1,,\n";
  const one = tidyTable(parseSourceCsv("main_results", head + a + b));
  const two = tidyTable(parseSourceCsv("main_results", head + b + a.replace("+21.4", "+21.5")));
  const id = (rows: typeof one, reward: string) => rows.find((r) => r.reward === reward && r.quantity === "delta")!.id;
  assert.equal(id(one, "random"), id(two, "random"));
  assert.notEqual(id(one, "random"), id(one, "format"));
});

test("real data: Figure 1 v1 statuses as the source README describes", () => {
  const n = tidyTables(readSourceTables());
  const fig1v1 = n.filter((r) => r.version === "B_arXiv_v1_2025-06-12" && r.place === "Figure 1" && r.quantity === "delta");
  // 6 Qwen2.5-Math-7B (read) + 6 Qwen2.5-7B + 6 OLMo2-7B + 2 Llama (inferred) + 4 Llama unresolved
  assert.equal(fig1v1.length, 24);
  const by = (s: string) => fig1v1.filter((r) => r.status === s).map((r) => `${r.model} ${r.reward} ${r.text}`);
  assert.deepEqual(by("unresolved").sort(), [
    "Llama3.1-8B-Instruct unresolved -1.3", "Llama3.1-8B-Instruct unresolved -11.5",
    "Llama3.1-8B-Instruct unresolved -2.2", "Llama3.1-8B-Instruct unresolved -6.3",
  ]);
  assert.equal(by("inferred").length, 14);
  assert.deepEqual(
    fig1v1.filter((r) => r.model === "Qwen2.5-Math-7B").map((r) => [r.reward, r.text, r.status]),
    [["ground_truth", "+29.1", "printed"], ["majority_vote", "+27.1", "printed"], ["one_shot_rl", "+26.0", "printed"],
      ["format", "+13.8", "printed"], ["incorrect", "+24.1", "printed"], ["random", "+21.4", "printed"]],
  );
  // the abstract's spelling maps to the canonical model; the printed spelling is kept
  const abs = n.find((r) => r.file === "code_reasoning" && r.model_raw === "Qwen2.5-Math (7B)" && r.version.startsWith("A") && r.quantity === "before")!;
  assert.equal(abs.model, "Qwen2.5-Math-7B");
  assert.equal(abs.text, "66.7");
  // secondary rows are labelled as such
  assert.ok(n.filter((r) => r.version.startsWith("C") && r.place === "Figure 1").every((r) => r.source_kind === "secondary"));
  assert.equal(new Set(n.map((r) => r.id)).size, n.length);
});

test("the vendored sources are byte-identical to the copies recorded in PROVENANCE.md", async () => {
  const {readFileSync} = await import("node:fs");
  const {createHash} = await import("node:crypto");
  const provenance = readFileSync("data/paper/PROVENANCE.md", "utf8");
  const rows = [...provenance.matchAll(/\| `source\/([a-z_]+\.csv)` \| (\d+) \| `([0-9a-f]{64})` \|/g)];
  assert.equal(rows.length, 4);
  for (const [, file, , sha] of rows) {
    assert.equal(createHash("sha256").update(readFileSync(`data/paper/source/${file}`)).digest("hex"), sha, file);
  }
});
