// Statistical acceptance tests S1–S6 of the token-level toy (token note §6), with the note's bands.
// One-step estimators use seeds 100000.. (common random numbers between paired configurations, note
// §9.6); trajectories use seeds 1..24. Reference values (fixture) are the note's, for the messages only.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolveTokenConfig, runTokenEnsemble, type TokenEnsembleResult } from "../../src/lib/toy/tokens/index.js";

const golden = JSON.parse(readFileSync(new URL("../fixtures/toy-tokens-golden.json", import.meta.url), "utf8"));
const ONE_STEP = { steps: 1, seed: 100000 };
const NOCLIP = { clip: { enabled: false } };

const oneStep = (over: Record<string, unknown>, seeds: number, paired?: Record<string, unknown>): TokenEnsembleResult => {
  const a = resolveTokenConfig({ ...ONE_STEP, ...over });
  const b = paired ? resolveTokenConfig({ ...ONE_STEP, ...over, ...paired }) : undefined;
  return runTokenEnsemble(a, seeds, b);
};
const fmt = (x: { mean: number; se: number }) => `${x.mean.toExponential(3)} ± ${x.se.toExponential(2)} (z = ${(x.mean / x.se).toFixed(1)})`;

// S1 and S4 share one run: 1000 paired one-step seeds at lr 16, clip (0.2, 0.2) vs no clip
const s1 = oneStep({ lr: 16 }, 1000, NOCLIP);

test("S1 streaming bias: paired one-step Δζ > 0 with z > 8 and Δatp_content > 0 with z > 5 (lr 16, 1000 seeds)", () => {
  const dz = s1.diff!.final.zeta, da = s1.diff!.final.atpContent;
  console.log(`S1: Δζ ${fmt(dz)}; Δatp_content ${fmt(da)}`);
  assert.ok(dz.mean / dz.se > 8, `Δζ ${fmt(dz)}`);
  assert.ok(da.mean / da.se > 5, `Δatp_content ${fmt(da)}`);
});

test("S2 first-order magnitude: paired Δζ within ±25% of the leading-order prediction 6.902e-3 (lr 16)", () => {
  const pred = golden.S.S2_leading_order_prediction_dzeta_lr16;
  const dz = s1.diff!.final.zeta.mean;
  assert.ok(Math.abs(dz - pred) <= 0.25 * pred, `Δζ ${dz} vs prediction ${pred}`);
});

test("S3 martingale: no clip, shuffle 'groups', lr 16: Δζ, Δu and Δλ of every class within 3.5 SE of 0 (1000 seeds)", () => {
  const r = oneStep({ lr: 16, shuffle: "groups", ...NOCLIP }, 1000);
  const names = ["zeta", "du", ...r.a.metricNames.filter((n) => n.startsWith("dlambda_"))];
  const zs: string[] = [];
  for (const n of names) {
    const f = r.a.final[n];
    zs.push(`${n} z=${(f.mean / f.se).toFixed(2)}`);
    assert.ok(f.se > 0, `${n} has spread`);
    assert.ok(Math.abs(f.mean) <= 3.5 * f.se, `${n}: ${fmt(f)}`);
  }
  console.log(`S3: ${zs.join(", ")}`);
});

test("S4 tail asymmetry: clip-high / clip-low events for π_old < 0.1 exceed 1.3 (same run as S1)", () => {
  let hi = 0, lo = 0;
  for (const c of ["c0", "c1", "c2"]) { hi += s1.a.final[`clipHigh_${c}`].mean; lo += s1.a.final[`clipLow_${c}`].mean; }
  console.log(`S4: clip-high/clip-low for π_old < 0.1 = ${(hi / lo).toFixed(3)} (${hi.toFixed(2)} / ${lo.toFixed(2)} per step)`);
  assert.ok(lo > 0 && hi / lo > 1.3, `ratio ${hi / lo}`);
});

test("S5 token-level sign rule at lr 24 (1000 paired seeds vs no clip): (0.2,0.1) and (0.2,0.25) sharpen, (0.1,0.2) and (0.2,0.4) flatten", () => {
  const cases: [number, number, 1 | -1][] = [[0.2, 0.1, 1], [0.1, 0.2, -1], [0.2, 0.25, 1], [0.2, 0.4, -1]];
  const out: string[] = [];
  for (const [epsLow, epsHigh, sign] of cases) {
    const r = oneStep({ lr: 24, clip: { epsLow, epsHigh } }, 1000, NOCLIP);
    const f = r.diff!.final.zeta;
    out.push(`(${epsLow}, ${epsHigh}): ${fmt(f)}`);
    assert.ok(sign * f.mean > 4 * f.se, `Δζ(${epsLow}, ${epsHigh}) = ${fmt(f)}, expected sign ${sign}`);
  }
  console.log(`S5: ${out.join("; ")}`);
});

test("S6 trajectories (24 seeds × 100 steps, lr 16): paired Δatp_content(100) > 0.06; unclipped |Δatp_content(50)| < 0.05", () => {
  const a = resolveTokenConfig({ lr: 16, steps: 100 }), b = resolveTokenConfig({ lr: 16, steps: 100, ...NOCLIP });
  const r = runTokenEnsemble(a, 24, b, ["atpContent"]);
  const paired = r.diff!.final.atpContent;
  const noclip = r.b!.stats.atpContent;
  const drift50 = noclip.mean[50] - noclip.mean[0];
  console.log(`S6: paired Δatp_content(100) = ${fmt(paired)}; unclipped Δatp_content(50) = ${drift50.toFixed(4)} ± ${noclip.se[50].toFixed(4)}`);
  assert.ok(paired.mean > 0.06, `paired ${fmt(paired)}`);
  assert.ok(Math.abs(drift50) < 0.05, `unclipped drift ${drift50}`);
});
