// The work estimate behind the CLI's budget (src/lib/toy/cost.ts): proportional to what the simulator
// loops over, and it names the setting that drives the cost.
import { test } from "node:test";
import assert from "node:assert/strict";
import { budgetProblem, describeSeconds, estimateCost } from "../../src/lib/toy/cost.js";
import { resolveConfig } from "../../src/lib/toy/index.js";

test("cost scales with seeds, steps and paired runs", () => {
  const cfg = resolveConfig({});
  const base = estimateCost(cfg, 64).units;
  assert.equal(estimateCost(cfg, 128).units, 2 * base);
  assert.equal(estimateCost(cfg, 64, cfg).units, 2 * base);
  const longer = estimateCost(resolveConfig({ steps: 400 }), 64).units;
  assert.ok(longer > 1.9 * base && longer < 2 * base, "set-up is paid once per seed, steps twice");
  assert.ok(estimateCost(resolveConfig({ epochs: 8 }), 64).units > 3 * base);
  assert.ok(estimateCost(resolveConfig({ prefSd: 0.5 }), 64).units > 2 * base, "per-prompt offsets take the slow path");
});

test("the setting to lower is the one furthest above its default among those the main cost grows with", () => {
  assert.equal(estimateCost(resolveConfig({ epochs: 32 }), 64).lower, "epochs");
  assert.equal(estimateCost(resolveConfig({ steps: 5000 }), 64).lower, "steps");
  assert.equal(estimateCost(resolveConfig({}), 5000).lower, "seeds");
  assert.equal(estimateCost(resolveConfig({ promptsPerStep: 4096 }), 64).lower, "promptsPerStep");
  // lr does not change the cost, so it is never the suggestion
  assert.equal(estimateCost(resolveConfig({ lr: 500 }), 64).units, estimateCost(resolveConfig({}), 64).units);
});

test("budgetProblem: null within budget, else a sentence with the estimate, the budget and the setting", () => {
  const cfg = resolveConfig({ G: 1024 });
  const est = estimateCost(cfg, 64);
  assert.equal(budgetProblem(est, est.units, cfg, 64), null);
  assert.match(budgetProblem(est, est.units / 2, cfg, 64)!, /lower G \(now 1024\)/);
  assert.equal(describeSeconds(30), "about 30 s");
  assert.equal(describeSeconds(600), "about 10 min");
  assert.equal(describeSeconds(9000), "about 2.5 h");
  assert.equal(describeSeconds(86400 * 3), "about 3 days");
});
