// The ensemble statistics over seeds (src/lib/toy/seed-store.ts) against a naive per-cell computation written
// here: for every step and metric, the values of the filled seeds in seed-list order, summed left to right,
// the two-pass standard error, and type-7 quantiles of the sorted values. Bit for bit, whatever the order in
// which the seeds arrived, with unfilled seeds in between.
import { test } from "node:test";
import assert from "node:assert/strict";
import { PairedSeeds, pairedDiff, QUANTILES, QUANTILE_KEYS, SeedStore, summariseSeeds } from "../../src/lib/toy/seed-store.js";

const M = 3, T = 4, CAP = 7;
const names = ["x", "y", "z"];
// deterministic, irregular values (no generator shared with the code under test)
const value = (seed: number, t: number, m: number, shift: number) => Math.sin(seed * 12.9898 + t * 78.233 + m * 37.719 + shift) * 43758.5453 % 1;
function store(filledInOrder: number[], shift: number): SeedStore {
  const st = new SeedStore(M, T, CAP);
  for (const s of filledInOrder) {
    const rows = new Float64Array((T + 1) * M);
    for (let t = 0; t <= T; t++) for (let m = 0; m < M; m++) rows[t * M + m] = value(s, t, m, shift);
    st.ingest(s, rows, 0);
  }
  return st;
}
const filled = [5, 0, 3, 6, 2]; // arrival order; seeds 1 and 4 never arrive
const inSeedOrder = [...filled].sort((a, b) => a - b);

function naive(values: number[]) {
  const S = values.length;
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / S;
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  const sorted = [...values].sort((a, b) => a - b);
  const q = QUANTILES.map((p) => { const h = (S - 1) * p, lo = Math.floor(h), hi = Math.min(lo + 1, S - 1); return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]); });
  return { mean, se: Math.sqrt(ss / (S - 1) / S), q };
}

test("summaries over seeds equal a naive per-cell computation, seeds arriving in any order", () => {
  const st = store(filled, 0);
  const { stats, final } = summariseSeeds(st, names, { quantilesPerStep: true });
  names.forEach((name, m) => {
    for (let t = 0; t <= T; t++) {
      const want = naive(inSeedOrder.map((s) => value(s, t, m, 0)));
      const got = stats[name] as Record<string, number[]>;
      assert.equal(got.mean[t], want.mean, `${name} mean at ${t}`);
      assert.equal(got.se[t], want.se, `${name} se at ${t}`);
      QUANTILE_KEYS.forEach((k, i) => assert.equal(got[k][t], want.q[i], `${name} ${k} at ${t}`));
    }
    const last = naive(inSeedOrder.map((s) => value(s, T, m, 0)));
    assert.deepEqual(final[name], { mean: last.mean, se: last.se, q05: last.q[0], q25: last.q[1], q50: last.q[2], q75: last.q[3], q95: last.q[4] });
  });
});

test("final-step quantiles only: the same final statistics, no per-step quantiles", () => {
  const st = store(filled, 0);
  const full = summariseSeeds(st, names, { quantilesPerStep: true });
  const light = summariseSeeds(st, names, { quantilesPerStep: false, only: new Set(["y"]) });
  assert.deepEqual(Object.keys(light.stats), ["y"]);
  assert.deepEqual(light.final.y, full.final.y);
  assert.deepEqual(light.stats.y, { mean: full.stats.y.mean, se: full.stats.y.se });
});

test("paired differences are per seed A − B, then mean and SE over the seeds filled in both", () => {
  const a = store(filled, 0), b = store([2, 6, 0, 5, 1], 0.5); // seed 3 only in A, seed 1 only in B
  const both = [0, 2, 5, 6];
  const d = pairedDiff(a, b, names);
  names.forEach((name, m) => {
    for (let t = 0; t <= T; t++) {
      const want = naive(both.map((s) => value(s, t, m, 0) - value(s, t, m, 0.5)));
      assert.equal(d.series[name].mean[t], want.mean);
      assert.equal(d.series[name].se[t], want.se);
    }
    assert.equal(d.final[name].z, d.final[name].mean / d.final[name].se);
  });
});

test("paired seeds: a seed run elsewhere is refused whole when either half is wrong, and never taken twice", () => {
  const rowsOf = (v: number) => ({ rows: new Float64Array((T + 1) * M).fill(v), guardHits: 0 });
  const runOne = (_cfg: string, seed: number, out: Float64Array) => { out.fill(seed); return { guardHits: 1 }; };
  const p = new PairedSeeds("A", "B", 100, 3, T, M, runOne);
  assert.deepEqual(p.seeds, [100, 101, 102]);
  assert.throws(() => p.ingest(1, rowsOf(1)), /paired: give the B rows too/);
  assert.throws(() => p.ingest(1, rowsOf(1), { rows: new Float64Array(2), guardHits: 0 }), /seed rows have length 2, expected 15/);
  assert.equal(p.a.filled[1], 0, "A did not take the seed whose B half was refused");
  p.ingest(1, rowsOf(1), rowsOf(-1));
  assert.throws(() => p.ingest(1, rowsOf(1), rowsOf(-1)), /already ingested/);
  // the rest run here, in seed order, skipping the one that arrived
  assert.equal(p.runNext(5), 2);
  assert.ok(p.done);
  assert.deepEqual([0, 1, 2].map((i) => p.a.value(i, 0, 0)), [100, 1, 102]);
  assert.deepEqual([0, 1, 2].map((i) => p.b!.value(i, T, M - 1)), [100, -1, 102]);
  assert.equal(p.a.guardHits, 2);
  const single = new PairedSeeds("A", undefined, 0, 1, T, M, runOne);
  assert.throws(() => single.ingest(0, rowsOf(0), rowsOf(0)), /not paired/);
});
