import { test } from "node:test";
import assert from "node:assert/strict";
import { consecutiveRanges, extent, minMaxIndices } from "../../src/lib/toy/index.js";

test("minMaxIndices keeps everything when it fits, and every column's extremes when it does not", () => {
  assert.deepEqual(minMaxIndices(5, 10, [[1, 2, 3, 4, 5]]), [0, 1, 2, 3, 4]);
  const n = 5001;
  const s = Array.from({ length: n }, (_, i) => Math.sin(i / 7) + (i === 1234 ? 50 : 0) + (i === 4321 ? -50 : 0));
  const keep = minMaxIndices(n, 200, [s]);
  assert.ok(keep.length <= 200 * 4, `${keep.length} points`);
  assert.ok(keep.includes(1234) && keep.includes(4321), "the spike and the dip survive");
  assert.equal(keep[0], 0);
  assert.equal(keep[keep.length - 1], n - 1);
  assert.deepEqual([...keep].sort((a, b) => a - b), keep);
});

test("consecutiveRanges covers 0..n−1 once, in order", () => {
  const r = consecutiveRanges(10, 3);
  assert.deepEqual(r, [[0, 3], [3, 6], [6, 10]]);
  assert.deepEqual(consecutiveRanges(2, 8), [[0, 1], [1, 2]]);
});

test("extent handles a million values (no argument spread) and ignores non-finite ones", () => {
  const big = new Float64Array(1_000_000).map((_, i) => i % 1000);
  assert.deepEqual(extent(big), [0, 999]);
  assert.deepEqual(extent([NaN, 3, Infinity, -2]), [-2, 3]);
  assert.equal(extent([]), null);
});
