// Copied sequences: crafted inputs (a copy across models, the same quantity printed twice, too few or
// repeated numbers) and the two copies in the real data.
import {test} from "node:test";
import assert from "node:assert/strict";
import {findCopiedSequences, sequencesOf} from "../../loaders/audit/copied-sequences.js";
import {parseSourceCsv, readSourceTables} from "../../loaders/paper-source.js";
import {tidyTable, tidyTables} from "../../loaders/paper-tidy.js";

const A = "A_preprint_2025-05-27";
const HEAD = "version,model,reward,benchmark,metric,before,after,delta,source,locator,derived_fields,notes";
const row = (model: string, reward: string, bench: string, delta: string, loc = "Figure 1 (p.1)") => `${A},${model},${reward},${bench},pass@1 accuracy (%),,,${delta},src,${loc},,`;
const copies = (...rows: string[]) => findCopiedSequences(sequencesOf(tidyTable(parseSourceCsv("main_results", [HEAD, ...rows].join("\n") + "\n"))))
  .map((c) => [c.a.what, c.b.what, c.texts.join(" ")]);

test("three numbers repeated key by key for another model are a copy", () => {
  assert.deepEqual(copies(
    row("Qwen2.5-Math-7B", "format", "MATH-500", "+13.8"), row("Qwen2.5-Math-7B", "incorrect", "MATH-500", "+24.1"), row("Qwen2.5-Math-7B", "random", "MATH-500", "+21.4"),
    row("Qwen2.5-7B", "format", "MATH-500", "+13.8"), row("Qwen2.5-7B", "incorrect", "MATH-500", "+24.1"), row("Qwen2.5-7B", "random", "MATH-500", "+21.4"),
  ), [["Figure 1, Qwen2.5-7B, MATH-500 delta", "Figure 1, Qwen2.5-Math-7B, MATH-500 delta", "13.8 24.1 21.4"]]);
});

test("the same quantity printed in two places is not a copy; two shared numbers or one repeated number are not either", () => {
  const abstract = ["format", "incorrect", "random"].map((r, i) => row("Qwen2.5-Math-7B", r, "MATH-500", ["+13.8", "+24.1", "+21.4"][i], "Abstract"));
  const figure = ["format", "incorrect", "random"].map((r, i) => row("Qwen2.5-Math-7B", r, "MATH-500", ["+13.8", "+24.1", "+21.4"][i]));
  assert.deepEqual(copies(...abstract, ...figure), []);
  assert.deepEqual(copies(
    row("Qwen2.5-Math-7B", "format", "MATH-500", "+13.8"), row("Qwen2.5-Math-7B", "incorrect", "MATH-500", "+24.1"), row("Qwen2.5-Math-7B", "random", "MATH-500", "+2.0"),
    row("Qwen2.5-7B", "format", "MATH-500", "+13.8"), row("Qwen2.5-7B", "incorrect", "MATH-500", "+24.1"), row("Qwen2.5-7B", "random", "MATH-500", "+21.4"),
  ), []);
  assert.deepEqual(copies(
    ...["format", "incorrect", "random"].map((r) => row("Qwen2.5-Math-7B", r, "MATH-500", "+0.0")),
    ...["format", "incorrect", "random"].map((r) => row("Qwen2.5-7B", r, "MATH-500", "+0.0")),
  ), []);
});

test("real data: v1's AMC gains are Figure 1's MATH-500 gains, and the random Figure 7 panel has the incorrect panel's sizes", () => {
  const found = findCopiedSequences(sequencesOf(tidyTables(readSourceTables()))).map((c) => [c.a.version[0], c.a.what, c.b.what, c.texts.join(" ")]);
  assert.deepEqual(found, [
    ["A", "Figure 7 incorrect panel, subset sizes", "Figure 7 random panel, subset sizes", "24 129 56"],
    ["B", "Figure 1, Qwen2.5-Math-7B, MATH-500 delta", "Sec.2.3, Qwen2.5-Math-7B, AMC delta", "13.8 24.1 21.4"],
    ["B", "Figure 7 incorrect panel, subset sizes", "Figure 7 random panel, subset sizes", "24 129 56"],
  ]);
});
