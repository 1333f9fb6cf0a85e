// Work budgets: settings are costed before they run, too-costly ones are refused naming the setting to
// lower, and the main-thread preview is skipped (with a reason) above its budget.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BUDGETS, checkWorkBudget, estimateCost, oracleWithinBudget, previewBudget, resolveConfig } from "../../src/lib/toy/index.js";

test("the defaults and the slider maxima of the common controls run; the paper setting is far under budget", () => {
  assert.deepEqual(checkWorkBudget(resolveConfig({}), 64), []);
  assert.ok(estimateCost(resolveConfig({}), 64).ensembleMs < BUDGETS.ensembleMs / 20);
  assert.deepEqual(checkWorkBudget(resolveConfig({ steps: 1000 }), 512), []);
  assert.equal(previewBudget(resolveConfig({})).ok, true);
});

test("many prompts × G: refused, naming prompts per step and the group size", () => {
  const problems = checkWorkBudget(resolveConfig({ promptsPerStep: 4096, G: 64 }), 64);
  assert.equal(problems.length, 1);
  assert.match(problems[0], /lower prompts per step \(B = 4096\) or the group size \(G = 64\)/);
  assert.match(problems[0], /fewer seeds \(S = 64\) or RL steps \(T = 200\)/);
});

test("many mini-batches: refused naming N_mb, and the traced preview is skipped naming N_mb", () => {
  const cfg = resolveConfig({ promptsPerStep: 4096, G: 16, miniBatches: 50000 });
  assert.match(checkWorkBudget(cfg, 64)[0], /lower mini-batches \(N_mb = 50000\)/);
  const p = previewBudget(cfg);
  assert.equal(p.ok, false);
  assert.match(p.reason!, /50,000 mini-batch updates to trace .* lower mini-batches \(N_mb = 50000\)/);
});

test("a huge prompt population: the preview is skipped naming P, while a one-seed one-step ensemble may run", () => {
  const cfg = resolveConfig({ numPrompts: 100000, prefSd: 1, steps: 1 });
  const p = previewBudget(cfg);
  assert.equal(p.ok, false);
  assert.match(p.reason!, /prompts in the population \(P = 100000\)/);
  assert.deepEqual(checkWorkBudget(cfg, 1), []);
});

test("the estimate grows with what the simulator loops over: seeds, steps, the pair, samples per step", () => {
  // (calibration against real timings lives in the bench, not in a timed test)
  const base = resolveConfig({});
  const e = (cfg = base, seeds = 64, paired = true) => estimateCost(cfg, seeds, paired).ensembleMs;
  assert.ok(Math.abs(e(base, 128) / e() - 2) < 1e-9);
  assert.ok(Math.abs(e(base, 64, false) / e() - 0.5) < 1e-9);
  assert.ok(e(resolveConfig({ steps: 400 })) > 1.9 * e());
  assert.ok(e(resolveConfig({ promptsPerStep: 128 })) > 1.8 * e());
  assert.ok(e(resolveConfig({ prefSd: 1 })) > e(), "per-prompt policies cost more");
});

test("the exact-expectation panel: G = 32 over 8 epochs is fine, 64 epochs is not", () => {
  assert.equal(oracleWithinBudget(32, 8), true);
  assert.equal(oracleWithinBudget(32, 64), false);
});
