// Figure 7's consistent reading on the real data, pinned by hand, and the reconstruction on crafted panels.
// Hand arithmetic (python3, before the module existed): the incorrect panel's totals 325/175 and 430/70 force
// Lang→Lang = 175 − 129 = 70 − 24 = 46, and 43.5% = 20/46, 82.6% = 38/46 (of 56 they are 24.4 and 46.3 problems).
// The random panel's totals 325/175 and 410/90 leave Code→Lang = x free (Code→Code 325 − x, Lang→Code 85 + x,
// Lang→Lang 90 − x); only x = 57 makes 59.6% (34/57), 23.9% (34/142), 69.0% (98/142), 45.5% (15/33) and
// 93.9% (31/33) whole counts. 71.2% of 57 is 40.6: the All count 325 (65.0% of 500) − 155 − 98 − 31 = 41 → 71.9%,
// which is also 59.6 + the printed +12.3.
import {test} from "node:test";
import assert from "node:assert/strict";
import {reconstructFigure7, sumK} from "../../loaders/audit/figure7-reconstruction.js";
import {parseSourceCsv, readSourceTables} from "../../loaders/paper-source.js";
import {tidyTable, tidyTables} from "../../loaders/paper-tidy.js";

const A = "A_preprint_2025-05-27";
const B = "B_arXiv_v1_2025-06-12";
const numbers = tidyTables(readSourceTables());
const sizes = (r: ReturnType<typeof reconstructFigure7>[number]) => r.subsets.map((s) => s.size);
const counts = (r: ReturnType<typeof reconstructFigure7>[number], when: "before" | "after") => r.subsets.map((s) => s[when].k);

test("real data: each panel's integer counts, in both versions", () => {
  for (const v of [A, B]) {
    const byReward = new Map(reconstructFigure7(numbers, v).map((r) => [r.reward, r]));
    assert.deepEqual([...byReward.keys()], ["ground_truth", "majority_vote", "format", "incorrect", "random"]);
    // ground truth: 105/165, 93/160, 20/72, 29/103 → 119, 125, 56, 91 (247 → 391 of 500 = 49.4 → 78.2)
    const gt = byReward.get("ground_truth")!;
    assert.deepEqual([sizes(gt), counts(gt, "before"), counts(gt, "after")], [[165, 160, 72, 103], [105, 93, 20, 29], [119, 125, 56, 91]]);
    assert.equal(gt.sums_as_printed, true);
    const inc = byReward.get("incorrect")!;
    assert.deepEqual(sizes(inc), [301, 24, 129, 46]);
    assert.deepEqual(inc.relabelled_sizes, ["L->L"]);
    assert.deepEqual([counts(inc, "before"), counts(inc, "after")], [[182, 16, 29, 20], [210, 20, 100, 38]]);
    assert.equal(inc.copied_from, null);
    const rnd = byReward.get("random")!;
    assert.deepEqual(sizes(rnd), [268, 57, 142, 33]);
    assert.deepEqual(rnd.relabelled_sizes, ["C->L", "L->C", "L->L"]);
    assert.deepEqual(rnd.copied_from, {reward: "incorrect", subsets: ["C->L", "L->C", "L->L"]});
    assert.deepEqual(rnd.relabelled_accuracies, [{subset: "C->L", when: "after"}]);
    assert.equal(rnd.subsets[1].after.k, 41);
    assert.equal((Math.round(rnd.subsets[1].after.accuracy * 10) / 10).toFixed(1), "71.9");
    assert.deepEqual(rnd.alternatives, []);
    // every panel's counts add up to its All accuracy: 247/500 = 49.4 at step 0; 391, 382, 357, 368, 325 at step 150
    for (const r of byReward.values()) assert.equal(sumK(r, "before"), 247);
    assert.deepEqual([...byReward.values()].map((r) => sumK(r, "after")), [391, 382, 357, 368, 325]);
  }
});

const HEAD = "version,model,condition,item,before,after,delta,value,unit,source,locator,derived_fields,notes";
function panel(reward: string, counts: number[], acc: [string, string][], all: [string, string], totals0: string, totals150: string) {
  const loc = "Figure 7 (p.8)";
  const rows = [
    `${A},Qwen2.5-Math-7B,${reward},"Fig.7 totals: Code, Lang, All at Step 0",,,,${totals0},problems,src,${loc},,`,
    `${A},Qwen2.5-Math-7B,${reward},Fig.7 All accuracy Step0 -> Step150,${all[0]},${all[1]},,,%,src,${loc},delta,`,
    `${A},Qwen2.5-Math-7B,${reward},Fig.7 Step150 totals Code/Lang,,,,${totals150},problems,src,${loc},,`,
  ];
  ["C->C", "C->L", "L->C", "L->L"].forEach((s, i) => {
    rows.push(`${A},Qwen2.5-Math-7B,${reward},Fig.7 subset ${s}: count (as printed),,,,${counts[i]},problems,src,${loc},,`);
    rows.push(`${A},Qwen2.5-Math-7B,${reward},Fig.7 subset ${s}: accuracy Step0 -> Step150,${acc[i][0]},${acc[i][1]},,,%,src,${loc},,`);
  });
  return rows;
}
const crafted = (...rows: string[]) => tidyTable(parseSourceCsv("code_reasoning", [HEAD, ...rows].join("\n") + "\n"));

// 20 problems: sizes 6, 4, 3, 7 (code 10 → 9 at the end); accuracies 3/6, 1/4, 2/3, 5/7 → 4/6, 2/4, 3/3, 6/7
const ACC: [string, string][] = [["50.0", "66.7"], ["25.0", "50.0"], ["66.7", "100.0"], ["71.4", "85.7"]];

test("crafted: a consistent panel is read as printed", () => {
  const [r] = reconstructFigure7(crafted(...panel("random", [6, 4, 3, 7], ACC, ["55.0", "75.0"], "10/10/20", "9/11")), A);
  assert.equal(r.sums_as_printed, true);
  assert.deepEqual(counts(r, "before"), [3, 1, 2, 5]);
  assert.deepEqual(counts(r, "after"), [4, 2, 3, 6]);
});

test("crafted: one wrong size is recovered from the totals and the k/n labels", () => {
  // Lang→Lang printed 9 instead of 7: Lang at step 0 would be 12 ≠ 10
  const [r] = reconstructFigure7(crafted(...panel("random", [6, 4, 3, 9], ACC, ["55.0", "75.0"], "10/10/20", "9/11")), A);
  assert.deepEqual(sizes(r), [6, 4, 3, 7]);
  assert.deepEqual(r.relabelled_sizes, ["L->L"]);
  assert.deepEqual(r.relabelled_accuracies, []);
});

test("crafted: an accuracy label that is not k/n takes the count the All total leaves", () => {
  // Code→Lang after printed 40.0 (1.6 of 4): the All count 15 (75.0% of 20) − 4 − 3 − 6 = 2 → 2/4 = 50.0
  const acc: [string, string][] = [ACC[0], ["25.0", "40.0"], ACC[2], ACC[3]];
  const [r] = reconstructFigure7(crafted(...panel("random", [6, 4, 3, 7], acc, ["55.0", "75.0"], "10/10/20", "9/11")), A);
  assert.deepEqual(r.relabelled_accuracies, [{subset: "C->L", when: "after"}]);
  assert.equal(r.subsets[1].after.k, 2);
});
