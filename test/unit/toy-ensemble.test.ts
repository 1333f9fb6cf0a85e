// Ensemble aggregation (mean, SE, quantiles), paired differences on common seeds, and the streaming
// runner's partial results and cancellation.
import { test } from "node:test";
import assert from "node:assert/strict";
import { EnsembleRunner, quantileSorted, resolveConfig, runEnsemble, runEnsembleStreaming, runSeedRows, runSingle, stepQuantiles } from "../../src/lib/toy/index.js";

test("type-7 quantiles match numpy's default (linear) on hand-checked arrays", () => {
  const a = Float64Array.from([1, 2, 3, 4]);
  assert.equal(quantileSorted(a, 4, 0.25), 1.75); // numpy.quantile([1,2,3,4], 0.25) = 1.75
  assert.equal(quantileSorted(a, 4, 0.5), 2.5);
  assert.ok(Math.abs(quantileSorted(a, 4, 0.95) - 3.85) < 1e-12);
  assert.equal(quantileSorted(Float64Array.from([7]), 1, 0.05), 7);
});

test("ensemble mean / SE / median and the paired difference agree with per-seed runs", () => {
  const cfg = resolveConfig({ steps: 15, seed: 10 });
  const cfgB = resolveConfig({ steps: 15, seed: 10, clip: { enabled: false } });
  const S = 5;
  const r = runEnsemble(cfg, S, cfgB);
  assert.deepEqual(r.a.seeds, [10, 11, 12, 13, 14]);
  const names = r.a.metricNames, M = names.length, m = names.indexOf("du"), T = 15;
  const a = [10, 11, 12, 13, 14].map((s) => runSingle(cfg, s).rows[T * M + m]);
  const b = [10, 11, 12, 13, 14].map((s) => runSingle(cfgB, s).rows[T * M + m]);
  const mean = a.reduce((x, y) => x + y) / S;
  const sd = Math.sqrt(a.reduce((x, y) => x + (y - mean) ** 2, 0) / (S - 1));
  assert.ok(Math.abs(r.a.final.du.mean - mean) < 1e-15);
  assert.ok(Math.abs(r.a.final.du.se - sd / Math.sqrt(S)) < 1e-15);
  assert.equal(r.a.final.du.q50, [...a].sort((x, y) => x - y)[2]);
  const d = a.map((v, i) => v - b[i]);
  const dm = d.reduce((x, y) => x + y) / S;
  assert.ok(Math.abs(r.diff!.final.du.mean - dm) < 1e-15);
  // same seeds, so the step-1 rollouts are shared and the runs start identical
  assert.equal(r.diff!.series.du.mean[0], 0);
});

test("streaming runner: partial summaries grow, the final equals the one-shot run, cancel rejects", async () => {
  const cfg = resolveConfig({ steps: 50 });
  const partials: number[] = [];
  const res = await runEnsembleStreaming(cfg, 24, undefined, { partialMs: 0, onPartial: (_r, done) => partials.push(done) });
  assert.ok(partials.length >= 2 && partials[partials.length - 1] === 24, `partials ${partials}`);
  for (let i = 1; i < partials.length; i++) assert.ok(partials[i] >= partials[i - 1]);
  assert.deepEqual(res.a.final, runEnsemble(cfg, 24).a.final);
  const ac = new AbortController();
  const p = runEnsembleStreaming(resolveConfig({ steps: 2000 }), 200, undefined, { signal: ac.signal });
  setTimeout(() => ac.abort(), 30);
  await assert.rejects(p, (e: Error) => e.name === "AbortError");
});

test("ensemble size limits give a clear message", () => {
  assert.throws(() => new EnsembleRunner(resolveConfig({ steps: 5000 }), 1000), /memory cap/);
  assert.throws(() => new EnsembleRunner(resolveConfig({}), 0), /seeds must be a whole number/);
  assert.throws(() => new EnsembleRunner(resolveConfig({}), 4, resolveConfig({ steps: 10 })), /same number of steps/);
});

test("seeds run elsewhere and ingested in any order give the sequential ensemble bit for bit", () => {
  const a = resolveConfig({ steps: 12, promptsPerStep: 8 });
  const b = resolveConfig({ steps: 12, promptsPerStep: 8, clip: { enabled: false } });
  const seeds = 9;
  const sequential = runEnsemble(a, seeds, b);
  const pooled = new EnsembleRunner(a, seeds, b);
  const order = [4, 0, 8, 2, 7, 1, 6, 3, 5];
  for (const i of order.slice(0, 4)) { const r = runSeedRows(a, i, b); pooled.ingest(i, r.a, r.b); }
  const partial = pooled.result();
  assert.equal(partial.done, false);
  assert.deepEqual(partial.a.seeds, [0, 2, 4, 8].map((i) => a.seed + i), "a partial result names the seeds it summarises, in seed order");
  for (const i of order.slice(4)) { const r = runSeedRows(a, i, b); pooled.ingest(i, r.a, r.b); }
  const merged = pooled.result();
  assert.equal(merged.done, true);
  assert.deepStrictEqual(merged, sequential);
  const again = runSeedRows(a, 0, b);
  assert.throws(() => pooled.ingest(0, again.a, again.b), /already ingested/);
  assert.throws(() => new EnsembleRunner(a, seeds, b).ingest(0, again.a), /paired/);
  assert.throws(() => new EnsembleRunner(a, seeds).ingest(9, again.a), /outside/);
});

test("a partial summary has every metric's mean and SE, and per-step quantiles of p0 only (the fan chart's)", () => {
  const cfg = resolveConfig({ steps: 12 }), cfgB = resolveConfig({ steps: 12, clip: { enabled: false } });
  const r = new EnsembleRunner(cfg, 6, cfgB);
  r.runNext(4);
  const full = r.result(), partial = r.partialResult();
  for (const s of ["a", "b"] as const) {
    for (const m of full[s]!.metricNames) {
      assert.deepEqual(partial[s]!.stats[m].mean, full[s]!.stats[m].mean, m);
      assert.deepEqual(partial[s]!.stats[m].se, full[s]!.stats[m].se, m);
      assert.deepEqual(partial[s]!.final[m], full[s]!.final[m], m);
      assert.equal("q50" in partial[s]!.stats[m], m === "p0", `${m} has per-step quantiles only when it is p0`);
    }
    assert.deepEqual(stepQuantiles(partial[s]!, "p0"), stepQuantiles(full[s]!, "p0"));
    assert.throws(() => stepQuantiles(partial[s]!, "du"), /no per-step quantiles of du/);
  }
  assert.deepEqual(partial.diff, full.diff);
  assert.equal(partial.done, false);
});
