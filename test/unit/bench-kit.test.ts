// The bench table (scripts/bench-kit.ts): ratio against the previous approach points the right way, targets
// are judged by their direction, and old-style {"label": "512 ms"} records become figures.
import {test} from "node:test";
import assert from "node:assert/strict";
import {figuresFromRecord, formatTable, meetsTarget, ratioAgainstPrevious} from "../../scripts/bench-kit.js";

test("ratio > 1 means better than before, for lower-is-better and higher-is-better figures", () => {
  assert.equal(ratioAgainstPrevious({figure: "run", measured: 500, unit: "ms", previous: {value: 2000, source: "old"}}), 4);
  assert.equal(ratioAgainstPrevious({figure: "rate", measured: 300, unit: "/s", better: "higher", previous: {value: 100, source: "old"}}), 3);
  assert.equal(ratioAgainstPrevious({figure: "leak", measured: 0, unit: "files", previous: {value: 1000, source: "old"}}), null);
  assert.equal(ratioAgainstPrevious({figure: "x", measured: 1, unit: "ms"}), null);
});

test("targets: ≤ and ≥ judged as written; no target, no verdict", () => {
  assert.equal(meetsTarget({figure: "a", measured: 250, unit: "kB", target: {op: "≤", value: 250}}), true);
  assert.equal(meetsTarget({figure: "a", measured: 251, unit: "kB", target: {op: "≤", value: 250}}), false);
  assert.equal(meetsTarget({figure: "a", measured: 1.6, unit: "×", target: {op: "≥", value: 1.7}}), false);
  assert.equal(meetsTarget({figure: "a", measured: NaN, unit: "ms", target: {op: "≤", value: 1}}), null);
  assert.equal(meetsTarget({figure: "a", measured: 3, unit: "ms"}), null);
});

test("the table has one row per figure with measured, target verdict, previous and ratio", () => {
  const table = formatTable([
    {module: "duckdb", figure: {figure: "cold start", measured: 1200, unit: "ms", target: {op: "≤", value: 1500}, previous: {value: 2400, source: "issue 10"}}},
    {module: "pages", figure: {figure: "/ bytes", measured: 260.4, unit: "kB", target: {op: "≤", value: 250}}},
  ]).split("\n");
  assert.equal(table.length, 4);
  assert.match(table[0]!, /^figure\s+measured\s+target\s+previous\s+ratio/);
  assert.match(table[2]!, /^duckdb: cold start\s+1,200 ms\s+≤ 1,500 ms ✓ met\s+2,400 ms \(issue 10\)\s+×2\.00$/);
  assert.match(table[3]!, /^pages: \/ bytes\s+260 kB\s+≤ 250 kB ✗ MISSED\s+—\s+—$/);
});

test("records of strings become figures with number and unit", () => {
  const [a, b] = figuresFromRecord({"run": "512 ms", "page": "12.5 kB"}, {"run": {target: {op: "≤", value: 600}}});
  assert.deepEqual(a, {figure: "run", measured: 512, unit: "ms", target: {op: "≤", value: 600}});
  assert.deepEqual(b, {figure: "page", measured: 12.5, unit: "kB"});
});
