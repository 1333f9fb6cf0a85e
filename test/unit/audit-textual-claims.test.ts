// Textual claims on crafted inputs (a range that holds and one that does not, an approximation within and
// outside its precision, bounds, panel references, claims about curves), and the real claims' statuses.
import {test} from "node:test";
import assert from "node:assert/strict";
import {allowedInterval, approxPrecision, fits} from "../../loaders/audit/textual-claims.js";
import {auditPaper} from "../../loaders/paper-audit.js";
import {parseAddedCsv, readAddedTables} from "../../loaders/paper-added.js";
import {parseSourceCsv, readSourceTables} from "../../loaders/paper-source.js";
import {tidyTable, tidyTables} from "../../loaders/paper-tidy.js";

const A = "A_preprint_2025-05-27";
const MAIN = "version,model,reward,benchmark,metric,before,after,delta,source,locator,derived_fields,notes";
const main = tidyTable(parseSourceCsv("main_results", [MAIN,
  `${A},Qwen2.5-Math-7B,random,MATH-500,pass@1 accuracy (%),49.4,70.8,+21.4,src,Figure 1 (p.1),,`,
  `${A},Qwen2.5-Math-7B,format,MATH-500,pass@1 accuracy (%),49.4,65.8,+16.4,src,Figure 1 (p.1),,`,
  `${A},Qwen2.5-Math-7B,incorrect,MATH-500,pass@1 accuracy (%),49.4,74.0,+24.6,src,Figure 1 (p.1),,`,
].join("\n") + "\n"));
const CLAIMS = "version,claim,locator,printed_text,kind,stated,unit,transcribed_as,compare_with,expects,on_mismatch,notes";
const PANELS = `version,figure,panel,printed_caption,locator\n${A},Figure 9,a,(a) Format w/o Python,Figure 9 (p.10)\n${A},Figure 9,c,(c) Ground Truth w/o Python,Figure 9 (p.10)\n`;
function run(...rows: string[]) {
  const added = [parseAddedCsv("textual-claims", [CLAIMS, ...rows].join("\n") + "\n"), parseAddedCsv("figure-panels", PANELS)];
  const r = auditPaper(main, {added});
  return [...r.findings, ...r.confirmations].filter((f) => f.check === "textual-claim").map((f) => [f.id.replace("textual-claim-a-", ""), f.status]);
}
const claim = (id: string, kind: string, stated: string, compare: string, extra = "", onMismatch = "contradiction") =>
  `${A},${id},Sec.9 (p.9),"text with ${stated}",${kind},${stated},points,,${compare},${extra},${onMismatch},`;

test("a range that contains its values is confirmed; one that does not is a contradiction (or a judgement call when the row says so)", () => {
  assert.deepEqual(run(
    claim("in", "range", "15-25", "main_results#1.delta;main_results#2.delta"), // 21.4 and 16.4 in [14.5, 25.5]
    claim("out", "range", "15-20", "main_results#1.delta"), // 21.4 > 20.5
    claim("open", "range", "15-20", "main_results#1.delta", "", "judgement call"),
  ).sort(), [["in", "confirmed"], ["open", "judgement"], ["out", "contradiction"]]);
});

test("an approximation holds within half a unit of its last significant digit, not beyond", () => {
  assert.equal(approxPrecision("21"), 0.5);
  assert.equal(approxPrecision("90"), 5);
  assert.equal(approxPrecision("2.5"), 0.05);
  assert.deepEqual(run(
    claim("close", "approx", "~21", "main_results#1.delta"), // 21.4 ± 0.05 within 21 ± 0.5
    claim("far", "approx", "~18", "main_results#2.delta"), // 16.4: more than 0.5 from 18
    claim("round", "approx", "~20", "main_results#2.delta"), // ~20 means 15 to 25
  ).sort(), [["close", "confirmed"], ["far", "contradiction"], ["round", "confirmed"]]);
});

test("a value the text repeats must be the printed value; bounds must be exceeded", () => {
  assert.deepEqual(run(
    claim("same", "value", "24.6", "main_results#3.delta"),
    claim("typo", "value", "24.1", "main_results#3.delta"),
    claim("over", "bound", "over 20", "main_results#1.delta"),
    claim("at-bound", "bound", "over 24.6", "main_results#3.delta"), // a printed 24.6 may be 24.64: not a contradiction
    claim("not-over", "bound", "over 25", "main_results#3.delta"), // 24.6 (at most 24.65) is not over 25
  ).sort(), [["at-bound", "confirmed"], ["not-over", "contradiction"], ["over", "confirmed"], ["same", "confirmed"], ["typo", "contradiction"]]);
});

test("a panel reference must name the panel that shows what the text describes; curves are notes until read", () => {
  assert.deepEqual(run(
    `${A},right-panel,Sec.4.3 (p.10),"format rewards cease to improve (Figure 9a)",panel-ref,9a,,,panel:Figure 9a,Format,contradiction,`,
    `${A},wrong-panel,Sec.4.3 (p.10),"format rewards cease to improve (Figure 9c)",panel-ref,9c,,,panel:Figure 9c,Format,contradiction,`,
    claim("curve", "approx", "~90", "figure:Figure 6"),
  ).sort(), [["curve", "note"], ["right-panel", "confirmed"], ["wrong-panel", "contradiction"]]);
});

test("interval reading of printed claims", () => {
  assert.deepEqual(allowedInterval("range", "-0.4 to 4.5"), {lo: -0.45, hi: 4.55});
  assert.deepEqual(allowedInterval("range", "~27–29"), {lo: 26.5, hi: 29.5});
  assert.deepEqual(allowedInterval("bound", "~90 or higher"), {lo: 85, hi: Infinity});
  assert.equal(fits(95.6, 0.05, allowedInterval("bound", "over 90")!), true);
});

test("real data: every claim row is checked; statuses counted by hand from data/paper/added/textual-claims.csv", () => {
  const audit = auditPaper(tidyTables(readSourceTables()), {added: readAddedTables()});
  // 78 rows: 18 point at curves only (8 preprint, 9 v1, 1 v2) → notes; Figure 9c for format (preprint, v1) →
  // contradictions; 15-20 points vs the γ = 0.5 run's +21.4 (preprint, v1) → judgement calls; the other 56 hold
  assert.equal(audit.textual_claims.checked, 78);
  assert.deepEqual(audit.textual_claims.by_status, {confirmed: 56, note: 18, contradiction: 2, judgement: 2});
});

test("real data: a note about curves says whether the recovered curves check it, and links the preprint's figure", () => {
  const audit = auditPaper(tidyTables(readSourceTables()), {added: readAddedTables()});
  const notes = [...audit.findings, ...audit.confirmations].filter((f) => f.check === "textual-claim" && f.status === "note");
  assert.equal(notes.length, 18);
  // the 8 preprint notes are each read by a check of the recovered curves (loaders/figures/claim-checks.ts)
  const preprint = notes.filter((f) => f.id.startsWith("textual-claim-a-"));
  assert.equal(preprint.length, 8);
  for (const f of preprint) {
    assert.match(f.title, /is checked against the recovered curves of Figure (2|6|8|13)\b/, f.id);
    assert.ok(f.pages.some((p) => /^\/figures\?figure=(2|6|8|13)#/.test(p.path)), `${f.id} links the Figures page`);
  }
  // arXiv v1/v2 figures are not recovered: said so, and no link to the preprint's figure of the same number
  for (const f of notes.filter((x) => !x.id.startsWith("textual-claim-a-"))) {
    assert.match(f.title, /is about arXiv v[12]'s Figure \d+, whose curves cannot be read here/, f.id);
    assert.ok(!f.pages.some((p) => p.path.startsWith("/figures")), f.id);
  }
  assert.equal(notes.filter((f) => /awaits the curves/.test(f.title)).length, 0);
});

test("real data: every approximate, bounded or range cell of the transcription is covered by a claim row", () => {
  const claims = readAddedTables().find((t) => t.name === "textual-claims")!.rows;
  const covered = new Set(claims.flatMap((c) => c.transcribed_as.split(";").map((s) => s.trim())));
  const loose = tidyTables(readSourceTables()).filter((n) => ["approx", "bound", "range"].includes(n.kind) && !n.version.startsWith("repo"));
  assert.equal(loose.length, 21);
  assert.deepEqual(loose.map((n) => `${n.file}#${n.row}.${n.quantity}`).filter((ref) => !covered.has(ref)), []);
});
