// Deterministic acceptance tests T1–T5, T7 of the toy-model note §5, plus validation, finiteness at
// extreme settings, the §3.3 threshold table and the §2.7 advantage constants. Expected numbers are the
// note's (computed independently of this code), or hand-derived as commented.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  advantageMoments, clipThresholds, defaultConfig, makeRng, RandomStream, metricNames, neutralEpsHigh, oracleExpectedDu, PRESETS,
  resolveConfig, runEnsemble, runSingle, stateFromSearch, stateToSearch, surrogateGradient, surrogateObjective,
  ToyConfigError, ToySimulator, type SurrogateBatch, type SurrogateOptions,
} from "../../src/lib/toy/index.js";

const close = (a: number, b: number, tol: number, msg = "") => assert.ok(Math.abs(a - b) <= tol, `${msg} ${a} vs ${b} (tol ${tol})`);

test("T1 PRNG golden values: makeRng(1, 1)", () => {
  const r = makeRng(1, 1);
  close(r(), 0.721990595572, 1e-12);
  close(r(), 0.685715607367, 1e-12);
  close(r(), 0.751470268006, 1e-12);
});

test("RandomStream (the simulator's generator) draws exactly what makeRng(seed, stream) draws", () => {
  for (const [seed, stream] of [[1, 1], [0, 7], [4294967295, 3], [123456, 5]]) {
    const f = makeRng(seed, stream), g = new RandomStream(seed, stream);
    for (let i = 0; i < 1000; i++) assert.equal(g.next(), f(), `seed ${seed} stream ${stream} draw ${i}`);
  }
});

test("T2 γ = 0 and γ = 1: logits bitwise unchanged after 50 steps (lr 4, E 3)", () => {
  for (const gamma of [0, 1]) for (const optimizer of ["sgd", "adam"] as const) {
    const cfg = resolveConfig({ reward: { gamma }, lr: 4, epochs: 3, steps: 50, optimizer });
    const sim = new ToySimulator(cfg);
    const z0 = Array.from(sim.z);
    for (let t = 0; t < 50; t++) sim.advance();
    assert.deepEqual(Array.from(sim.z), z0, `γ=${gamma} ${optimizer}`);
  }
});

test("T3 on-policy (N_mb = E = 1): no clipping on any step", () => {
  for (const overrides of [{}, { clip: { epsLow: 0.01, epsHigh: 0.01 } }, { lr: 20 }]) {
    const cfg = resolveConfig({ ...overrides, miniBatches: 1, epochs: 1, steps: 100 });
    const run = runSingle(cfg);
    const names = run.metricNames, M = names.length;
    const lo = names.indexOf("clipFracLow"), hi = names.indexOf("clipFracHigh");
    for (let t = 0; t <= run.steps; t++) assert.equal(run.rows[t * M + lo] + run.rows[t * M + hi], 0, `step ${t}`);
  }
});

function randomBatch(rng: () => number, K: number, n: number, withOffsets: boolean): SurrogateBatch {
  const actions = new Int32Array(n), adv = new Float64Array(n), logpOld = new Float64Array(n);
  const offsets = withOffsets ? new Float64Array(n * K) : null;
  const logp0 = new Float64Array(n * K);
  for (let i = 0; i < n; i++) {
    actions[i] = Math.floor(rng() * K);
    adv[i] = (rng() - 0.5) * 4;
    logpOld[i] = Math.log(0.05 + 0.9 * rng());
    let s = 0;
    const raw: number[] = [];
    for (let k = 0; k < K; k++) { if (offsets) offsets[i * K + k] = (rng() - 0.5) * 2; raw.push(0.1 + rng()); s += raw[k]; }
    for (let k = 0; k < K; k++) logp0[i * K + k] = Math.log(raw[k] / s);
  }
  return { K, actions, adv, logpOld, offsets, logp0 };
}

test("T4 analytic gradient = central finite differences (h = 1e-6) at 200 off-kink points, K = 3, ε = (0.2, 0.28)", () => {
  const rng = makeRng(42, 99);
  const K = 3, h = 1e-6;
  const variants: SurrogateOptions[] = [
    { clip: { enabled: true, epsLow: 0.2, epsHigh: 0.28, dualClipC: 0 }, lossVariant: "ratio", klBeta: 0 },
    { clip: { enabled: true, epsLow: 0.2, epsHigh: 0.28, dualClipC: 3 }, lossVariant: "ratio", klBeta: 0.1 },
    { clip: { enabled: true, epsLow: 0.2, epsHigh: 0.28, dualClipC: 0 }, lossVariant: "pi", klBeta: 0 },
    { clip: { enabled: false, epsLow: 0.2, epsHigh: 0.28, dualClipC: 0 }, lossVariant: "ratio", klBeta: 0.5 },
  ];
  let maxErr = 0, checked = 0, masked = 0;
  for (const opt of variants) {
    let points = 0;
    while (points < 200) {
      const batch = randomBatch(rng, K, 16, points % 2 === 1);
      const z = Float64Array.from({ length: K }, () => (rng() - 0.5) * 3);
      // skip points within 1e-4 of a kink of any sample (ratio at a band edge or at c)
      const lp = new Float64Array(K);
      let nearKink = false;
      for (let i = 0; i < 16; i++) {
        let mx = -Infinity;
        for (let k = 0; k < K; k++) mx = Math.max(mx, z[k] + (batch.offsets ? batch.offsets[i * K + k] : 0));
        let s = 0;
        for (let k = 0; k < K; k++) s += Math.exp(z[k] + (batch.offsets ? batch.offsets[i * K + k] : 0) - mx);
        for (let k = 0; k < K; k++) lp[k] = z[k] + (batch.offsets ? batch.offsets[i * K + k] : 0) - mx - Math.log(s);
        const rho = Math.exp(lp[batch.actions[i]] - batch.logpOld[i]);
        for (const edge of [1 - opt.clip.epsLow, 1 + opt.clip.epsHigh, opt.clip.dualClipC || -1]) if (Math.abs(rho - edge) < 1e-4) nearKink = true;
        if (opt.clip.enabled && ((batch.adv[i] > 0 && rho > 1 + opt.clip.epsHigh) || (batch.adv[i] < 0 && rho < 1 - opt.clip.epsLow))) masked++;
      }
      if (nearKink) continue;
      const g = surrogateGradient(z, batch, opt);
      for (let j = 0; j < K; j++) {
        const zp = Float64Array.from(z), zm = Float64Array.from(z);
        zp[j] += h; zm[j] -= h;
        const fd = (surrogateObjective(zp, batch, opt) - surrogateObjective(zm, batch, opt)) / (2 * h);
        maxErr = Math.max(maxErr, Math.abs(fd - g[j]));
      }
      points++;
      checked++;
    }
  }
  assert.equal(checked, 800);
  assert.ok(masked > 100, `the random points must exercise the clip (masked samples: ${masked})`);
  assert.ok(maxErr < 1e-6, `max |analytic − FD| = ${maxErr}`);
});

test("the simulator's mini-batch updates equal lr × the reference surrogate gradient (fast path and per-prompt path)", () => {
  const tight = { epsLow: 0.03, epsHigh: 0.02 };
  let sawLow = 0, sawHigh = 0;
  for (const overrides of [{}, { clip: tight, lr: 3 }, { prefSd: 0.7, klBeta: 0.3, clip: tight, lr: 3 }, { clip: { ...tight, dualClipC: 1.05 }, lr: 6 }, { lossVariant: "pi" as const, lr: 3, clip: tight }]) {
    const cfg = resolveConfig({ ...overrides, steps: 3 });
    const sim = new ToySimulator(cfg);
    sim.advance();
    sim.advance();
    const zBefore = Float64Array.from(sim.z);
    const tr = sim.advance(true)!;
    for (const mb of tr.miniBatches) { sawLow += mb.clippedLow.reduce((a, b) => a + b, 0); sawHigh += mb.clippedHigh.reduce((a, b) => a + b, 0); }
    const batches = sim.lastRolloutBatches();
    assert.equal(batches.length, cfg.miniBatches);
    const z = Float64Array.from(zBefore);
    for (const b of batches) {
      const g = surrogateGradient(z, b, cfg);
      for (let k = 0; k < z.length; k++) z[k] += cfg.lr * g[k];
    }
    for (let k = 0; k < z.length; k++) close(sim.z[k], z[k], 1e-12, JSON.stringify(overrides));
  }
  assert.ok(sawLow > 50 && sawHigh > 50, `the replayed steps must exercise both masks (low ${sawLow}, high ${sawHigh})`);
});

test("T5 exact oracle", () => {
  const base = { G: 8, p0: 0.65, gamma: 0.5, epochs: 8, lr: 4, clip: { enabled: true, epsLow: 0.2, epsHigh: 0.2 } };
  for (const G of [4, 8, 16]) assert.ok(Math.abs(oracleExpectedDu({ ...base, G, epochs: 1 })) < 1e-12, `E = 1, G = ${G}`);
  close(oracleExpectedDu(base), 0.170157, 1e-5, "G8/E8/lr4 clip");
  close(oracleExpectedDu({ ...base, clip: { ...base.clip, enabled: false } }), -0.436758, 1e-5, "G8/E8/lr4 no clip");
  assert.ok(Math.abs(oracleExpectedDu({ ...base, p0: 0.35 }) + oracleExpectedDu(base)) < 1e-12, "p0 0.35 ↔ 0.65");
  assert.ok(Math.abs(oracleExpectedDu({ ...base, p0: 0.5 })) < 1e-12, "p0 0.5");
  // further values quoted in note §3.6
  close(oracleExpectedDu({ ...base, lr: 1 }), 0.032, 5e-4, "G8/E8/lr1 clip");
  close(oracleExpectedDu({ ...base, lr: 1, clip: { ...base.clip, enabled: false } }), -0.237, 5e-4, "G8/E8/lr1 no clip");
  close(oracleExpectedDu({ ...base, G: 4, epochs: 2, lr: 1 }), -0.0075, 5e-5, "G4/E2/lr1");
});

test("T7 golden trajectory, seed 1, defaults", () => {
  const sim = new ToySimulator(resolveConfig({}), 1);
  sim.advance();
  close(sim.z[0], -0.425221621621744, 1e-9, "step 1 z0");
  close(sim.z[1], -1.05538341896939, 1e-9, "step 1 z1");
  sim.advance();
  sim.advance();
  close(sim.z[0], -0.438848054961817, 1e-9, "step 3 z0");
  close(sim.z[1], -1.04175698562932, 1e-9, "step 3 z1");
});

test("clip thresholds and sign rule reproduce the note's §3.3 table", () => {
  const want: [number, number, number, (number | null)[]][] = [
    [0.65, 0.2, 0.2, [-0.296, 0.325, 0.647, -0.539]],
    [0.65, 0.2, 0.28, [-0.41, 0.325, 0.981, -0.539]],
    [0.9, 0.2, 0.2, [-0.205, 0.245, null, -1.253]],
  ];
  for (const [p0, lo, hi, deltas] of want) {
    const t = clipThresholds(p0, lo, hi);
    t.rows.forEach((r, i) => {
      if (deltas[i] === null) assert.equal(r.delta, null);
      else close(r.delta!, deltas[i]!, 6e-4, `${p0} ${lo}/${hi} ${r.id}`);
    });
  }
  assert.equal(clipThresholds(0.65, 0.2, 0.2).signRule, "majority");
  assert.equal(clipThresholds(0.65, 0.2, 0.28).signRule, "minority");
  assert.equal(clipThresholds(0.65, 0.2, neutralEpsHigh(0.2)).signRule, "neutral");
  close(neutralEpsHigh(0.2), 0.25, 1e-15);
  assert.equal(clipThresholds(0.85, 0.2, 0.2).ceiling, true); // 0.85 × 1.2 = 1.02 ≥ 1 (paper's example)
  assert.equal(clipThresholds(0.8, 0.2, 0.2).ceiling, false);
  // with symmetric ε and p0 > ½ the toward-majority triggers are the nearer ones
  const t = clipThresholds(0.65, 0.2, 0.2);
  assert.ok(t.nearestToward! < t.nearestAway!);
});

test("advantage constants µ(γ) and E[Â²] for G = 16 match the note's §2.7 table", () => {
  const table: [number, number, number][] = [[0.5, 0.4682, 0.9375], [0.3, 0.4255, 0.9344], [0.7, 0.4255, 0.9344], [0.1, 0.2482, 0.7638], [0.9, 0.2482, 0.7638], [0.001, 0.0037, 0.0149]];
  for (const [g, mu, m2] of table) {
    const r = advantageMoments(16, g);
    close(r.mu, mu, 6e-5, `µ(${g})`);
    close(r.meanSquare, m2, 6e-5, `E[Â²](${g})`);
  }
  close(advantageMoments(16, 0.001).nondegenerateGroups, 0.016, 5e-4); // "only 1.6% of groups"
});

test("validation gives one clear message per problem", () => {
  const cases: [unknown, RegExp][] = [
    [{ initProbs: [0.5, 0.4] }, /initProbs must sum to 1 \(they sum to 0\.9\)/],
    [{ G: 1 }, /G \(group size\) must be at least 2/],
    [{ clip: { epsLow: 1 } }, /epsLow.*\[0, 1\)/],
    [{ clip: { epsHigh: -0.1 } }, /epsHigh.*\[0, 1\)/],
    [{ lr: -0.5 }, /lr must not be negative/],
    [{ steps: 100000 }, /steps must be a whole number from 1 to 5000/],
    [{ seed: -1 }, /seed must be a whole number/],
    [{ epsLow: 0.1 }, /unknown setting 'epsLow'/],
    [{ clip: { epsHi: 0.3 } }, /unknown setting 'clip\.epsHi'/],
    [{ lr: "2" }, /'lr' must be a number/],
    [{ reward: { type: "coin" } }, /reward\.type must be one of/],
    [{ reward: { gamma: 1.5 } }, /gamma.*\[0, 1\]/],
    [{ miniBatches: 2000 }, /miniBatches \(2000\) cannot exceed the 1024 samples/],
    [{ acc: [0.6] }, /acc must have one value per strategy \(2\)/],
    [{ acc: [0.9, 0.5], unextractable: [0.2, 0] }, /acc\[0\] \+ unextractable\[0\] must not exceed 1/],
    [{ strategies: ["a", "a"] }, /distinct/],
    [{ clip: { dualClipC: 0.5 } }, /dualClipC must be 0 \(off\) or a number > 1/],
  ];
  for (const [ov, re] of cases) {
    assert.throws(() => resolveConfig(ov), (e: unknown) => e instanceof ToyConfigError && re.test(e.message), JSON.stringify(ov));
  }
  // several problems are all reported
  assert.throws(() => resolveConfig({ G: 1, lr: -1 }), (e: unknown) => e instanceof ToyConfigError && e.problems.length === 2);
  assert.doesNotThrow(() => resolveConfig({}));
});

test("every preset is a valid configuration with a description and a paper locator", () => {
  const ids = new Set<string>();
  for (const p of PRESETS) {
    assert.doesNotThrow(() => resolveConfig(p.overrides), p.id);
    assert.ok(p.shows.length > 30 && p.mirrors.length > 20, p.id);
    assert.ok(!ids.has(p.id));
    ids.add(p.id);
  }
  assert.ok(PRESETS.length >= 15);
});

test("extreme but legal settings give finite metrics everywhere", () => {
  const extremes = [
    { lr: 100 }, { lr: 1000 }, { lr: 1000, optimizer: "adam" as const }, { initProbs: [0.999, 0.001] },
    { reward: { gamma: 0.001 } }, { reward: { gamma: 0.001 }, adv: { batchWhiten: true } },
    { lr: 1000, clip: { enabled: false }, adv: { stdNorm: false, batchWhiten: true } },
    { lr: 1000, prefSd: 10, klBeta: 1000, difficultySd: 10 },
    { initProbs: [0.999999, 0.000001], lr: 1000, clip: { enabled: false }, epochs: 64, miniBatches: 1024 },
    { acc: [0, 1], reward: { type: "ground_truth" as const }, lr: 1000 },
  ];
  for (const ov of extremes) {
    const cfg = resolveConfig({ ...ov, steps: 40 });
    const r = runEnsemble(cfg, 3);
    for (const [name, st] of Object.entries(r.a.stats))
      for (const [k, arr] of Object.entries(st)) assert.ok((arr as number[]).every(Number.isFinite), `${JSON.stringify(ov)} ${name}.${k}`);
    for (let k = 0; k < cfg.strategies.length; k++) {
      const p = r.a.final[`p${k}`].mean;
      assert.ok(p >= 0 && p <= 1);
    }
  }
});

test("metric rows: step 0 is the initial policy", () => {
  const cfg = resolveConfig({ steps: 2 });
  const run = runSingle(cfg);
  const names = metricNames(2);
  const at = (t: number, n: string) => run.rows[t * names.length + names.indexOf(n)];
  close(at(0, "p0"), 0.65, 1e-15);
  close(at(0, "accuracy"), 0.65 * 0.609 + 0.35 * 0.28, 1e-15); // = 0.494, the paper's base accuracy
  close(at(0, "entropy"), -(0.65 * Math.log(0.65) + 0.35 * Math.log(0.35)), 1e-15);
  assert.equal(at(0, "du"), 0);
  assert.equal(at(0, "kl"), 0);
  assert.ok(at(1, "meanReward") > 0.4 && at(1, "meanReward") < 0.6);
});

test("the URL state round-trips and rejects bad links with a message", () => {
  const config = resolveConfig({ lr: 2, clip: { epsHigh: 0.28 }, reward: { gamma: 0.3 }, strategies: ["a", "b", "c"], initProbs: [0.5, 0.3, 0.2], acc: [0.5, 0.4, 0.3], formatRate: [1, 1, 1], unextractable: [0, 0, 0] });
  const search = stateToSearch({ config, seeds: 32, preset: null });
  const back = stateFromSearch(search);
  assert.deepEqual(back.problems, []);
  assert.deepEqual(back.state.config, config);
  assert.equal(back.state.seeds, 32);
  assert.equal(stateToSearch({ config: defaultConfig(), seeds: 64, preset: null }), "");
  const bad = stateFromSearch("?cfg=" + encodeURIComponent('{"G":1}') + "&seeds=0");
  assert.equal(bad.problems.length, 2);
  assert.deepEqual(bad.state.config, defaultConfig());
});
