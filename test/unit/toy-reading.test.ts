// The plain-language reading of a run: rounding to the SE, exact zeros, which test and statistic each
// sentence names, and that the sentences never contradict each other (the old summary said "paired z = 5.6"
// and "within noise" about different runs without saying which).
import { test } from "node:test";
import assert from "node:assert/strict";
import { digitsForSe, estimate, plural, readRun, signed, zTest, zText, type EnsembleResult } from "../../src/lib/toy/index.js";

test("plural: 1 seed, 2 seeds, 1,000 seeds", () => {
  assert.equal(plural(1, "seed"), "1 seed");
  assert.equal(plural(2, "seed"), "2 seeds");
  assert.equal(plural(1000, "step"), "1,000 steps");
});

test("numbers are rounded to two significant figures of 2 SE; exact zeros are called exact", () => {
  assert.equal(digitsForSe(0.0155), 3); // 2 SE = 0.031
  assert.equal(digitsForSe(0.26), 2); // 2 SE = 0.52
  assert.equal(digitsForSe(6), 0); // 2 SE = 12
  assert.equal(estimate(0.29836, 0.0155), "+0.298 ± 0.031");
  assert.equal(estimate(-1.5649, 0.265), "−1.56 ± 0.53");
  assert.equal(estimate(0, 0), "exactly 0");
  assert.equal(estimate(0.25, 0), "+0.25 in every seed");
  assert.equal(signed(-0.0004, 3), "0.000"); // rounds to zero: no sign
  assert.equal(signed(2, 1), "+2.0");
});

test("a z just under the threshold is not shown as 2.0 next to '|z| < 2'", () => {
  assert.equal(zText(zTest(1.97, 1)), "z = +1.97");
  assert.equal(zText(zTest(-1.9996, 1)), "z = −1.9996");
  assert.equal(zText(zTest(2.04, 1)), "z = +2.0");
  assert.equal(zText(zTest(5.63, 1)), "z = +5.6");
});

test("zTest: |z| ≥ 2 is distinguishable; SE 0 with mean 0 is an exact zero", () => {
  assert.deepEqual(zTest(0.3, 0.1), { z: 0.3 / 0.1, distinguishable: true, exactZero: false });
  assert.equal(zTest(0.1, 0.1).distinguishable, false);
  assert.deepEqual(zTest(0, 0), { z: 0, distinguishable: false, exactZero: true });
});

// A hand-made result: only the fields the reading uses, with values chosen so each sentence is easy to check.
function result(o: { S: number; a: [number, number]; b?: [number, number]; diff?: [number, number]; p0: { a: [number, number]; b?: [number, number] } }): EnsembleResult {
  const point = (mean: number, se: number, q50 = mean) => ({ mean, se, q05: mean, q25: mean, q50, q75: mean, q95: mean });
  const seeds = Array.from({ length: o.S }, (_, i) => i + 1);
  const summary = (du: [number, number], p0: [number, number]) => ({
    strategies: ["code", "nl"], metricNames: [], steps: 200, seeds, seedsPlanned: o.S, guardHits: 0,
    stats: { p0: { mean: [0.65], se: [0], q05: [0.65], q25: [0.65], q50: [0.65], q75: [0.65], q95: [0.65] } },
    final: { du: point(du[0], du[1]), p0: point(p0[0], 0.01, p0[1]) },
  });
  return {
    a: summary(o.a, o.p0.a), b: o.b ? summary(o.b, o.p0.b!) : undefined,
    diff: o.diff ? { series: {}, final: { du: { mean: o.diff[0], se: o.diff[1], z: o.diff[1] ? o.diff[0] / o.diff[1] : 0 } } } : undefined,
    done: true,
  } as unknown as EnsembleResult;
}

test("clip off as set (ablation i): the headline is about the clip-off run, the paired sentence about clip on − clip off", () => {
  // A = clip off: Δu 0.01 ± 0.3 (z ≈ 0.03); B = clip on drifts; A − B = clip off − clip on = −1.5 (z = −5.6)
  const r = result({ S: 64, a: [0.01, 0.3], b: [1.51, 0.27], diff: [-1.5, 0.268], p0: { a: [0.598, 0.77], b: [0.826, 0.942] } });
  const reading = readRun({ result: r, clipEnabled: false, strategies: ["code", "nl"] });
  assert.equal(reading.verdict, "within-noise");
  assert.equal(reading.pairedVerdict, "clip-raises");
  assert.match(reading.headline, /^The clip-off run \(as set\) shows no drift distinguishable from zero: mean Δu \+0\.01 ± 0\.60 \(± 2 SE\) after 200 steps over 64 seeds, by a z-test on the seeds' final Δu \(z = 0\.0, \|z\| < 2\)\.$/);
  // the paired difference is reported as clip on − clip off, so its sign is flipped here
  assert.match(reading.details[0], /the clip-on run has mean Δu \+1\.51 ± 0\.54 \(z = \+5\.6: distinguishable from zero\)/);
  assert.match(reading.details[0], /clip on − clip off is \+1\.50 ± 0\.54 \(paired z-test on the same seeds, z = \+5\.6: the clip raises Δu\)/);
  // mean and median are both named
  assert.match(reading.details[1], /the median over seeds is 0\.770 and the mean 0\.598 in the clip-off run, 0\.942 and 0\.826 in the clip-on run/);
});

test("one update per rollout: identical runs give an exactly-zero paired difference, not a tiny float", () => {
  const r = result({ S: 8, a: [0.05, 0.2], b: [0.05, 0.2], diff: [0, 0], p0: { a: [0.66, 0.65], b: [0.66, 0.65] } });
  const reading = readRun({ result: r, clipEnabled: true, strategies: ["code", "nl"] });
  assert.equal(reading.pairedVerdict, "identical");
  assert.match(reading.details[0], /paired difference clip on − clip off is exactly 0/);
  assert.match(reading.headline, /With fewer than 20 seeds this z-test is only approximate\./);
  assert.doesNotMatch(reading.details.join(" "), /e-\d/);
});

test("one seed: no test is claimed, and it says 1 seed", () => {
  const r = result({ S: 1, a: [0.4, 0], p0: { a: [0.7, 0.7] } });
  const reading = readRun({ result: r, clipEnabled: true, strategies: ["code", "nl"] });
  assert.equal(reading.verdict, "untestable");
  assert.match(reading.headline, /for 1 seed;/);
  assert.doesNotMatch(reading.headline + reading.details.join(" "), /1 seeds/);
});

test("a drift away from code is named as toward the other strategy", () => {
  const r = result({ S: 100, a: [-0.4, 0.1], p0: { a: [0.6, 0.6] } });
  const reading = readRun({ result: r, clipEnabled: true, strategies: ["code", "nl"] });
  assert.equal(reading.verdict, "away");
  assert.match(reading.headline, /drifts toward nl: mean Δu −0\.40 ± 0\.20/);
});
