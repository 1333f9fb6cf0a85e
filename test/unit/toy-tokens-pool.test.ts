// The token toy on the worker pool: seeds run by separate "workers" (each seed result crossing a structured
// clone with its buffers transferred, as between Web Workers) and merged in arrival order give the
// single-worker streamed run bit for bit, extras (histograms, per-bin clip counts) included; the merger
// refuses a seed twice or a missing B trace; partial summaries count only the seeds that are in.
import { test } from "node:test";
import assert from "node:assert/strict";
import { resolveTokenConfig, runTokenEnsemble, streamTokenEnsemble, TokenRunMerger, type TokenRunSummary, type TokenSeedResult } from "../../src/lib/toy/tokens/index.js";
import { tokenPoolModel } from "../../src/lib/toy/tokens/pool-model.js";

const METRICS = ["atpContent", "zeta", "clipRateContent", "p0"];

/** Seeds dealt round-robin to `workers` queues, then merged in an interleaved arrival order. */
function pooled(a: ReturnType<typeof resolveTokenConfig>, seeds: number, b: ReturnType<typeof resolveTokenConfig> | undefined, workers: number, metrics?: string[]): TokenRunSummary {
  const merger = tokenPoolModel.merger(a, seeds, b, { metrics });
  const queues: number[][] = Array.from({ length: workers }, () => []);
  for (let i = 0; i < seeds; i++) queues[i % workers].push(i);
  // the last worker's seeds arrive first, then the others in turn: an order no single runner uses
  const arrival: number[] = [];
  while (queues.some((q) => q.length)) for (let w = workers - 1; w >= 0; w--) { const i = queues[w].shift(); if (i !== undefined) arrival.push(i); }
  for (const index of arrival) {
    const r = tokenPoolModel.runSeed(a, index, b);
    const moved = structuredClone(r, { transfer: tokenPoolModel.transferables(r) }) as TokenSeedResult;
    assert.equal(r.a.rows.byteLength, 0, "the rows buffer was moved, not copied");
    merger.ingest(index, moved);
  }
  assert.ok(merger.done);
  return merger.result();
}

test("pooled token ensemble (3 workers, out-of-order arrival) equals the single-worker streamed run bit for bit", async () => {
  const a = resolveTokenConfig({ steps: 12, lr: 16 }), b = resolveTokenConfig({ steps: 12, lr: 16, clip: { enabled: false } });
  const single = await streamTokenEnsemble(a, 7, b, { metrics: METRICS });
  const pool = pooled(a, 7, b, 3, METRICS);
  // deepStrictEqual compares numbers with Object.is: every mean, SE, quantile and histogram bin is identical
  assert.deepStrictEqual(pool.result, single.result);
  assert.deepStrictEqual(pool.extras, single.extras);
  assert.equal(JSON.stringify(pool), JSON.stringify({ result: single.result, extras: single.extras }));
  // and both are the plain ensemble runner's numbers
  assert.deepStrictEqual(pool.result.diff, runTokenEnsemble(a, 7, b, METRICS).diff);
  // the extras are the seed-order sums a sequential runner accumulates (floating-point sums depend on order:
  // summing these same histograms in the pool's arrival order gives different bits)
  const perSeed = Array.from({ length: 7 }, (_, i) => tokenPoolModel.runSeed(a, i, b));
  const seqSum = new Float64Array(40);
  for (const r of perSeed) r.a.hist.forEach((v, i) => { seqSum[i] += v; });
  assert.deepStrictEqual(pool.extras.histA, Array.from(seqSum, (v) => v / 7));
  // the run is not trivial: the clip acted, so A and B differ
  assert.notEqual(pool.result.diff!.final.zeta.mean, 0);
  assert.ok(pool.extras.clipBinsA.some((v, i) => i % 3 !== 0 && v > 0), "some content token was clipped");
});

test("an unpaired run with every metric, on 2 workers, equals the streamed one", async () => {
  const a = resolveTokenConfig({ steps: 6, seed: 99 });
  const single = await streamTokenEnsemble(a, 5, undefined, { partialMs: 0 });
  const pool = pooled(a, 5, undefined, 2);
  assert.deepStrictEqual(pool.result, single.result);
  assert.deepStrictEqual(pool.extras, single.extras);
  assert.equal(pool.extras.histB, null);
});

test("the merger refuses a seed twice, a missing B trace, and summarises only the seeds that are in", () => {
  const a = resolveTokenConfig({ steps: 4 }), b = resolveTokenConfig({ steps: 4, clip: { enabled: false } });
  const m = new TokenRunMerger(a, 4, b);
  const r2 = tokenPoolModel.runSeed(a, 2, b);
  m.ingest(2, r2);
  assert.throws(() => m.ingest(2, tokenPoolModel.runSeed(a, 2, b)), /already in/);
  assert.throws(() => m.ingest(1, tokenPoolModel.runSeed(a, 1, undefined)), /paired/);
  const part = m.result();
  assert.equal(part.result.completed, 1);
  assert.deepEqual(part.result.a.seeds, [a.seed + 2]);
  assert.deepStrictEqual(part.extras.histA, Array.from(r2.a.hist));
  assert.equal(m.done, false);
});
