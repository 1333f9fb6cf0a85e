// Statistical tests of the toy-model note's §3 predictions and the acceptance test T6. Seeds are fixed,
// so the results are deterministic; seed counts are chosen so that a correct implementation clears each
// threshold by a wide margin (measured z noted beside each) while a sign error flips or erases the effect.
import { test } from "node:test";
import assert from "node:assert/strict";
import { resolveConfig, runEnsemble, type ToyOverrides } from "../../src/lib/toy/index.js";

/** final-step Δu of config A (and the paired difference A − B on the same seeds) */
function drift(seeds: number, steps: number, a: ToyOverrides, b?: ToyOverrides) {
  const r = runEnsemble(resolveConfig({ ...a, steps }), seeds, b ? resolveConfig({ ...b, steps }) : undefined);
  const f = r.a.final.du;
  return { mean: f.mean, se: f.se, z: f.mean / f.se, diff: r.diff?.final, result: r };
}
const CLIP_OFF = { clip: { enabled: false } };

test("T6 streaming bias: 1500 paired one-step seeds at the defaults", () => {
  const r = runEnsemble(resolveConfig({ steps: 1 }), 1500, resolveConfig({ steps: 1, ...CLIP_OFF }));
  const d = r.diff!.final.du;
  assert.ok(d.mean > 0 && d.z > 4, `clip − no clip: ${d.mean} (z = ${d.z}); reference 1.65e-2, z = 6.1`); // measured z ≈ 7.0
  const noclip = r.b!.final.du;
  assert.ok(Math.abs(noclip.mean) < 3.5 * noclip.se, `no-clip mean Δu ${noclip.mean} ± ${noclip.se}`);
});

test("§3.1 (Z3) no drift without clipping: streaming updates are a martingale", () => {
  // shuffle 'groups': exact martingale; one step, 2000 seeds
  const one = drift(2000, 1, { ...CLIP_OFF, shuffle: "groups" });
  assert.ok(Math.abs(one.z) < 3.5, `one step, groups: z = ${one.z}`); // measured z ≈ −1.4
  // the paper's 'samples' shuffle over 20 steps at lr 2 (400 seeds)
  const many = drift(400, 20, { ...CLIP_OFF, lr: 2 });
  assert.ok(Math.abs(many.z) < 3.5, `20 steps, samples: z = ${many.z}`); // measured z ≈ −1.5
  assert.equal(many.result.a.final.clipFracLow.mean + many.result.a.final.clipFracHigh.mean, 0);
});

test("§3.1 (Z2) no drift with one update per rollout batch, even with the clip on", () => {
  const r = drift(400, 20, { miniBatches: 1, lr: 2 });
  assert.ok(Math.abs(r.z) < 3.5, `z = ${r.z}`); // measured z ≈ −0.9
  for (const k of ["clipFracLow", "clipFracHigh"] as const) assert.ok(r.result.a.stats[k].mean.every((v) => v === 0), k);
});

test("§3.2 with clipping and 8 mini-batches the logit gap drifts toward the majority strategy", () => {
  const code = drift(400, 20, { lr: 2 }, { lr: 2, ...CLIP_OFF });
  assert.ok(code.z > 6, `p0 = 0.65: z = ${code.z}`); // measured z ≈ 11.9
  assert.ok(code.diff!.du.z > 5, `paired clip − no clip: z = ${code.diff!.du.z}`); // measured ≈ 8.7
  assert.ok(code.diff!.accuracy.z > 5, "code is the more accurate strategy, so expected accuracy rises"); // ≈ 9.1
  const nl = drift(400, 20, { lr: 2, initProbs: [0.35, 0.65] });
  assert.ok(nl.z < -6, `p0 = 0.35: z = ${nl.z}`); // measured z ≈ −11.6
});

test("§3.1 (Z4) antisymmetry in p0 about ½", () => {
  const hi = drift(400, 20, { lr: 2 });
  const lo = drift(400, 20, { lr: 2, initProbs: [0.35, 0.65] });
  const zSum = (hi.mean + lo.mean) / Math.hypot(hi.se, lo.se);
  assert.ok(Math.abs(zSum) < 3.5, `Δu(0.65) + Δu(0.35) = ${hi.mean + lo.mean}, z = ${zSum}`); // measured 0.26
  const half = drift(400, 20, { lr: 2, initProbs: [0.5, 0.5] });
  assert.ok(Math.abs(half.z) < 3.5, `p0 = 0.5: z = ${half.z}`); // measured 0.47
});

test("§3.1 (Z4) γ ↔ 1 − γ gives the same drift toward the majority", () => {
  const a = drift(400, 20, { lr: 2, reward: { gamma: 0.3 } });
  const b = drift(400, 20, { lr: 2, reward: { gamma: 0.7 } });
  assert.ok(a.z > 6 && b.z > 6, `γ 0.3: z = ${a.z}; γ 0.7: z = ${b.z}`); // measured 11.6, 12.9
  const zDiff = (a.mean - b.mean) / Math.hypot(a.se, b.se);
  assert.ok(Math.abs(zDiff) < 3.5, `difference z = ${zDiff}`); // measured −0.9
});

test("§3.3 sign rule: the one-step clip bias follows (1 − ε_low)(1 + ε_high) vs 1", () => {
  const oneStep = (epsLow: number, epsHigh: number) => drift(4000, 1, { clip: { epsLow, epsHigh } }, CLIP_OFF).diff!.du;
  const below = oneStep(0.2, 0.1); // product 0.88 → toward the majority
  assert.ok(below.z > 8, `ε 0.2/0.1: z = ${below.z}`); // measured at 2000 seeds: 14.7
  const neutral = oneStep(0.2, 0.25); // product 1 → no first-order drift
  assert.ok(Math.abs(neutral.z) < 3.5, `ε 0.2/0.25: z = ${neutral.z}`); // measured at 2000 seeds: 1.2
  const above = oneStep(0.2, 0.4); // product 1.12 → toward the minority
  assert.ok(above.z < -6, `ε 0.2/0.4: z = ${above.z}`); // measured at 2000 seeds: −7.3
  const tightLow = oneStep(0.1, 0.2); // product 1.08 → toward the minority (clip-low raises entropy)
  assert.ok(tightLow.z < -4, `ε 0.1/0.2: z = ${tightLow.z}`); // measured at 2000 seeds: −4.1
  assert.ok(below.mean > neutral.mean && neutral.mean > above.mean);
});

test("§3.3 sign rule over 100 steps: tight clip-high pulls to the majority, tight clip-low to the minority", () => {
  const high = drift(128, 100, { clip: { epsLow: 0.2, epsHigh: 0.1 } });
  assert.ok(high.z > 20, `ε 0.2/0.1: z = ${high.z}`); // measured 78.7
  const low = drift(128, 100, { clip: { epsLow: 0.1, epsHigh: 0.2 } });
  assert.ok(low.z < -8, `ε 0.1/0.2: z = ${low.z}`); // measured −15.1
});

test("ground-truth reward moves probability toward the more accurate strategy", () => {
  const codeBetter = drift(16, 20, { reward: { type: "ground_truth" } });
  assert.ok(codeBetter.z > 20, `code more accurate: z = ${codeBetter.z}`); // measured 205
  const nlBetter = drift(16, 20, { reward: { type: "ground_truth" }, acc: [0.28, 0.609] });
  assert.ok(nlBetter.z < -20, `language more accurate (code still the majority): z = ${nlBetter.z}`); // measured −166
});

test("bad-code model (Qwen2.5-7B numbers): the clip still favours code, so expected accuracy falls", () => {
  const bad = { initProbs: [0.922, 0.078], acc: [0.399, 0.615], lr: 2 };
  const r = drift(400, 20, bad, { ...bad, ...CLIP_OFF });
  assert.ok(r.diff!.du.z > 5, `Δu clip − no clip z = ${r.diff!.du.z}`); // measured 12.7
  assert.ok(r.diff!.accuracy.z < -5, `accuracy clip − no clip z = ${r.diff!.accuracy.z}`); // measured −9.9
});
