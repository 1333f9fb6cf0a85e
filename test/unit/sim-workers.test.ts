// `npm run sim -- --workers N`: seeds run on worker threads and are merged by seed index, so the printed
// summary is byte for byte the single-thread one, and both equal the library's ensemble.
import { test } from "node:test";
import assert from "node:assert/strict";
import { runCli } from "../../scripts/sim.js";
import { resolveConfig, runEnsemble } from "../../src/lib/toy/index.js";
import { WorkerPool } from "../../scripts/sim/workers.js";
import { toyModel } from "../../scripts/sim/toy-model.js";

test("--workers 2 and 3 print exactly what --workers 1 prints (paired run)", async () => {
  const argv = ['{"seed":11,"lr":1.5}', "--seeds", "7", "--steps", "15", "--paired", '{"clip":{"epsHigh":0.28}}'];
  const one = await runCli([...argv, "--workers", "1"]);
  assert.equal(one.code, 0, one.stderr);
  for (const n of ["2", "3"]) {
    const many = await runCli([...argv, "--workers", n]);
    assert.equal(many.code, 0, many.stderr);
    assert.equal(many.stdout, one.stdout, `--workers ${n}`);
  }
  // and the numbers are the library's sequential ensemble
  const lib = runEnsemble(resolveConfig({ seed: 11, lr: 1.5, steps: 15 }), 7, resolveConfig({ seed: 11, lr: 1.5, steps: 15, clip: { epsHigh: 0.28 } }));
  const out = JSON.parse(one.stdout);
  assert.deepEqual(out.perStep.du.mean, lib.a.stats.du.mean);
  assert.deepEqual(out.paired.logitGap.perStep.se, lib.diff!.series.du.se);
});

test("more workers than seeds still runs every seed once", async () => {
  const one = await runCli(['{"steps":5}', "--seeds", "2"]);
  const many = await runCli(['{"steps":5}', "--seeds", "2", "--workers", "5"]);
  assert.equal(many.code, 0, many.stderr);
  assert.equal(many.stdout, one.stdout);
  assert.equal(JSON.parse(many.stdout).seeds.count, 2);
});

test("the pool hands every seed index to the collector exactly once and can run again", async () => {
  const pool = new WorkerPool(2);
  try {
    const cfg = resolveConfig({ steps: 3 });
    for (const seeds of [9, 4]) {
      const seen: number[] = [];
      await pool.run(toyModel, cfg, null, seeds, (index) => seen.push(index));
      assert.deepEqual(seen.sort((x, y) => x - y), Array.from({ length: seeds }, (_, i) => i));
    }
  } finally {
    await pool.close();
  }
});

test("a failing seed rejects the run with the worker's message instead of hanging", async () => {
  const pool = new WorkerPool(2);
  try {
    // a config that passed nothing through validation: the worker's simulator throws on it
    const broken = { ...resolveConfig({ steps: 3 }), strategies: null } as never;
    await assert.rejects(pool.run(toyModel, broken, null, 4, () => {}), /TypeError|null/);
  } finally {
    await pool.close();
  }
});

test("--workers takes plain digits or 'auto' and refuses the rest", async () => {
  for (const bad of ["0", "1.5", "1e1", "65", "many"]) {
    const r = await runCli(["--workers", bad]);
    assert.equal(r.code, 2, bad);
    assert.match(r.stderr, /--workers must be/, bad);
  }
});
