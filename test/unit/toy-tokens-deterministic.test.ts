// Deterministic acceptance tests D1–D10 of the token-level toy (token note §6). Golden numbers come
// from test/fixtures/toy-tokens-golden.json (copied from the note, which reports an independent
// reference implementation); brute-force checks recompute quantities here without the simulator's code.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { makeRng, RandomStream, resolveConfig, runSingle, STREAM, ToyConfigError, ToySimulator } from "../../src/lib/toy/index.js";
import {
  logRatioNoiseFactor, resolveTokenConfig, runTokenSingle, tokenMetricNames, tokenSurrogate, TokenSimulator,
  type TokenToyConfig,
} from "../../src/lib/toy/tokens/index.js";

const golden = JSON.parse(readFileSync(new URL("../fixtures/toy-tokens-golden.json", import.meta.url), "utf8"));
const close = (a: number, b: number, tol: number, msg = "") => assert.ok(Math.abs(a - b) <= tol, `${msg} ${a} vs ${b} (tol ${tol})`);

test("D1 PRNG golden: the bandit's stream and the new tokens stream (8)", () => {
  assert.equal(STREAM.tokens, 8);
  const r1 = makeRng(1, 1);
  for (const v of golden.D1.bandit_makeRng_1_1) close(r1(), v, 1e-12, "makeRng(1,1)");
  const r8 = makeRng(1, 8), s8 = new RandomStream(1, STREAM.tokens);
  for (const v of golden.D1.tokens_makeRng_1_8) { close(r8(), v, 1e-12, "makeRng(1,8)"); close(s8.next(), v, 1e-12, "RandomStream(1,8)"); }
});

test("D2 γ ∈ {0, 1}: every logit bitwise unchanged after 50 steps (SGD lr 32, Adam lr 0.1, E 2)", () => {
  for (const gamma of [0, 1]) for (const [optimizer, lr] of [["sgd", 32], ["adam", 0.1]] as const) {
    const cfg = resolveTokenConfig({ reward: { gamma }, optimizer, lr, epochs: 2, steps: 50 });
    const sim = new TokenSimulator(cfg, 3);
    const z0 = Array.from(sim.z);
    for (let t = 0; t < 50; t++) sim.advance();
    assert.deepEqual(Array.from(sim.z), z0, `γ=${gamma} ${optimizer}`);
  }
});

test("D3 on-policy (N_mb = E = 1, lr 64, 30 steps): ratios exactly 1, nothing out of band or clipped, Σ|ln ρ| = 0", () => {
  const cfg = resolveTokenConfig({ miniBatches: 1, epochs: 1, lr: 64, steps: 30 });
  const run = runTokenSingle(cfg, 5);
  const names = run.metricNames, M = names.length;
  const zeroCols = names.filter((n) => /^(below|above|clipLow|clipHigh|absLog)_/.test(n) || /^clipRate|^clipFrac|meanAbsLogRatio/.test(n));
  assert.ok(zeroCols.length >= 8 * 5 + 7);
  for (let t = 1; t <= 30; t++) for (const c of zeroCols) assert.equal(run.rows[t * M + names.indexOf(c)], 0, `${c} at step ${t}`);
  // and the runs did move (so the zeros are not vacuous)
  assert.notEqual(run.rows[30 * M + names.indexOf("zeta")], 0);
  assert.ok(run.rows[M + names.indexOf("n_c0")] + run.rows[M + names.indexOf("n_c6")] > 0);
});

// ---- D4: analytic gradient vs central finite differences of the reference surrogate
const D4_BASE = { promptsPerStep: 4, G: 4, miniBatches: 2, numPrompts: 8, V: 5, L: 4 };
const D4_VARIANTS: [string, Record<string, unknown>][] = [
  ["seq-mean", {}],
  ["token-mean, unequal lengths", { aggregation: "token-mean", lengths: [5, 3] }],
  ["token-sum, unequal lengths", { aggregation: "token-sum", lengths: [5, 3] }],
  ["packed, unequal lengths, micro-batches of 3", { aggregation: "packed", lengths: [5, 3], microBatch: 3 }],
  ["ε (0.2, 0.28), dual clip 1.5", { clip: { epsHigh: 0.28, dualClipC: 1.5 } }],
  ["no clip", { clip: { enabled: false } }],
  ["'pi' loss", { lossVariant: "pi" }],
  ["scope content, prompt offsets", { clip: { scope: "content" }, prefSd: 0.7 }],
  ["shared tables", { tables: "shared" }],
];

test("D4 analytic gradient = central FD (h = 1e-6) of the reference surrogate at off-policy points, 9 variants", () => {
  const h = 1e-6;
  const rng = makeRng(2024, 77);
  let maxErr = 0, points = 0, maxAbsG = 0;
  for (const [name, over] of D4_VARIANTS) {
    const cfg = resolveTokenConfig({ ...D4_BASE, ...over });
    const opt = { clip: cfg.clip, lossVariant: cfg.lossVariant, aggregation: cfg.aggregation, microBatch: cfg.microBatch };
    let got = 0, seed = 10;
    while (got < 12 && seed < 200) {
      const sim = new TokenSimulator(cfg, seed++);
      sim.rolloutStep(); sim.beginStep(); sim.beginEpoch();
      for (let i = 0; i < sim.z.length; i++) sim.z[i] += (rng() - 0.5) * 0.6;
      const m = got % 2;
      const batch = sim.exportBatch(m);
      if (!batch.responses.some((r) => r.adv !== 0)) continue;
      // kink-free: every ratio at least 1e-4 away from the band edges and the dual-clip constant
      const zz = Array.from(sim.z);
      const lsm = (v: number[]) => { const mx = Math.max(...v); const l = mx + Math.log(v.reduce((a, x) => a + Math.exp(x - mx), 0)); return v.map((x) => x - l); };
      const edges = [1 - cfg.clip.epsLow, 1 + cfg.clip.epsHigh, cfg.clip.dualClipC].filter((e) => e > 0);
      let kink = false;
      for (const r of batch.responses) {
        const lpm = lsm(zz.slice(0, sim.K).map((v, k) => v + (r.offsets?.[k] ?? 0)));
        const rhos = [Math.exp(lpm[r.mode] - r.logpOldMode)];
        for (const t of r.tokens) rhos.push(Math.exp(lsm(zz.slice(sim.K + t.table * sim.V, sim.K + (t.table + 1) * sim.V))[t.y] - t.logpOld));
        if (rhos.some((rho) => edges.some((e) => Math.abs(rho - e) < 1e-4))) kink = true;
      }
      if (kink) continue;
      const g = Array.from(sim.miniBatchGradient(m));
      for (let i = 0; i < zz.length; i++) {
        const zp = zz.slice(), zm = zz.slice();
        zp[i] += h; zm[i] -= h;
        const fd = (tokenSurrogate(zp, batch, opt) - tokenSurrogate(zm, batch, opt)) / (2 * h);
        maxErr = Math.max(maxErr, Math.abs(fd - g[i]));
        maxAbsG = Math.max(maxAbsG, Math.abs(g[i]));
      }
      got++; points++;
    }
    assert.equal(got, 12, `${name}: found only ${got} kink-free points`);
  }
  assert.ok(points >= 90, `${points} points`);
  assert.ok(maxAbsG > 1e-3, "gradients are not all zero");
  assert.ok(maxErr < 1e-7, `max |analytic − FD| = ${maxErr}`);
  console.log(`D4: ${points} points, max |analytic − FD| = ${maxErr.toExponential(2)}`);
});

// ---- D5: the mode token reduces to the bandit
const D5: [string, Record<string, unknown>, Record<string, unknown>][] = [
  ["L 1", { L: 1, lr: 1 }, { lr: 1 }],
  ["L 8, lr 8", { lr: 8 }, { lr: 1 }],
  ["L 8, lr 16 (position tables)", { lr: 16 }, { lr: 2 }],
  ["L 8, lr 16 (shared tables)", { lr: 16, tables: "shared" }, { lr: 2 }],
  ["L 4, groups shuffle, E 2", { L: 4, lr: 4, shuffle: "groups", epochs: 2 }, { lr: 1, shuffle: "groups", epochs: 2 }],
  ["prefSd + difficulty + ground truth", { prefSd: 0.6, difficultySd: 1, reward: { type: "ground_truth" } }, { lr: 1, prefSd: 0.6, difficultySd: 1, reward: { type: "ground_truth" } }],
  ["majority labels, L 2", { L: 2, lr: 2, reward: { type: "majority" } }, { lr: 1, reward: { type: "majority" } }],
  ["Adam, L 1", { L: 1, optimizer: "adam", lr: 0.05 }, { optimizer: "adam", lr: 0.05 }],
  ["batch whitening + DAPO ε", { adv: { batchWhiten: true }, clip: { epsHigh: 0.28 } }, { lr: 1, adv: { batchWhiten: true }, clip: { epsHigh: 0.28 } }],
];

test("D5 bandit reduction: mode logits and mode clip fractions bitwise equal to the bandit simulator, 40 steps, 9 configs", () => {
  for (const [name, tok, ban] of D5) {
    const tc = resolveTokenConfig({ ...tok, steps: 40 });
    const bc = resolveConfig({ ...ban, steps: 40 });
    const ts = new TokenSimulator(tc, 7), bs = new ToySimulator(bc, 7);
    const tn = ts.metricNames, bn = ["p0", "p1", "u", "du", "entropy", "accuracy", "kl", "meanReward", "clipFracLow", "clipFracHigh", "clipFracDual", "meanAbsLogRatio"];
    const tr = new Float64Array(tn.length), br = new Float64Array(bn.length);
    let clipped = 0;
    for (let t = 1; t <= 40; t++) {
      ts.advance(); bs.advance();
      assert.deepEqual(Array.from(ts.zMode), Array.from(bs.z), `${name}: mode logits at step ${t}`);
      ts.writeMetrics(tr, 0); bs.writeMetrics(br, 0);
      for (const c of ["clipFracLow", "clipFracHigh", "clipFracDual", "meanReward"]) assert.equal(tr[tn.indexOf(c)], br[bn.indexOf(c)], `${name}: ${c} at step ${t}`);
      clipped += br[bn.indexOf("clipFracHigh")] + br[bn.indexOf("clipFracLow")];
    }
    if (name !== "L 1" && name !== "Adam, L 1") assert.ok(ts.z.slice(2).some((v, i) => v !== ts.z0[2 + i]), `${name}: tables moved`);
    void clipped;
  }
});

test("D6 conservation: Σ_y z_{s,y} of every table is unchanged by 20 SGD steps at lr 32 (< 1e-12)", () => {
  const cfg = resolveTokenConfig({ lr: 32, steps: 20 });
  const sim = new TokenSimulator(cfg, 11);
  const sums = (z: ArrayLike<number>) => Array.from({ length: sim.S }, (_, s) => { let a = 0; for (let j = 0; j < sim.V; j++) a += z[sim.K + s * sim.V + j]; return a; });
  const before = sums(sim.z0);
  for (let t = 0; t < 20; t++) sim.advance();
  const after = sums(sim.z);
  let moved = 0;
  for (let s = 0; s < sim.S; s++) { close(after[s], before[s], 1e-12, `table ${s}`); for (let j = 0; j < sim.V; j++) moved = Math.max(moved, Math.abs(sim.z[sim.K + s * sim.V + j] - sim.z0[sim.K + s * sim.V + j])); }
  assert.ok(moved > 0.05, `logits moved (${moved})`);
});

test("D7 decoupling: scope 'content' ≡ no clip and scope 'mode' ≡ full clip for the mode logits, bitwise (50 steps, lr 24)", () => {
  const run = (over: Record<string, unknown>) => {
    const sim = new TokenSimulator(resolveTokenConfig({ lr: 24, ...over }), 13);
    const traj: number[][] = [];
    for (let t = 0; t < 50; t++) { sim.advance(); traj.push(Array.from(sim.zMode)); }
    return { traj, tables: Array.from(sim.zTab) };
  };
  const content = run({ clip: { scope: "content" } }), none = run({ clip: { enabled: false } });
  const mode = run({ clip: { scope: "mode" } }), all = run({});
  assert.deepEqual(content.traj, none.traj);
  assert.deepEqual(mode.traj, all.traj);
  assert.notDeepEqual(all.traj, none.traj, "the clip does change the mode logits");
  assert.notDeepEqual(content.tables, none.tables, "content clipping does change the tables");
});

test("D8 exact metrics: atp equals brute-force enumeration (lengths [8, 5], prefSd 0.7); the 1000-bin histogram sums to 1 with mean ≈ atp", () => {
  const cfg = resolveTokenConfig({ lengths: [8, 5], V: 3, prefSd: 0.7, numPrompts: 12, lr: 24, pTop: [[0.9, 0.6, 0.8], [0.7, 0.5]] });
  const sim = new TokenSimulator(cfg, 17);
  for (let t = 0; t < 5; t++) sim.advance();
  const names = sim.metricNames, row = new Float64Array(names.length);
  sim.writeMetrics(row, 0);
  // brute force over every full response y_0..y_{L−1}
  const K = sim.K, V = sim.V, z = Array.from(sim.z), b = sim.pop.b!;
  const sm = (v: number[]) => { const mx = Math.max(...v); const e = v.map((x) => Math.exp(x - mx)); const s = e.reduce((a, x) => a + x, 0); return e.map((x) => x / s); };
  const tabs = Array.from({ length: sim.S }, (_, s) => sm(z.slice(K + s * V, K + (s + 1) * V)));
  let atp = 0;
  for (let x = 0; x < cfg.numPrompts; x++) {
    const pm = sm(z.slice(0, K).map((v, k) => v + b[x * K + k]));
    for (let k = 0; k < K; k++) {
      const L = cfg.lengths![k];
      const tables = Array.from({ length: L - 1 }, (_, t) => tabs[sim.tableOf[k * sim.C + t]]);
      const n = V ** (L - 1);
      for (let code = 0; code < n; code++) {
        let prob = pm[k], sum = pm[k], c = code;
        for (let t = 0; t < L - 1; t++) { const y = c % V; c = Math.floor(c / V); prob *= tables[t][y]; sum += tables[t][y]; }
        atp += (prob * sum / L) / cfg.numPrompts;
      }
    }
  }
  close(row[names.indexOf("atp")], atp, 1e-12, "atp");
  // histogram of the default-size model after a few steps
  const big = new TokenSimulator(resolveTokenConfig({ lengths: [8, 5], prefSd: 0.7 }), 17);
  for (let t = 0; t < 3; t++) big.advance();
  const r2 = new Float64Array(big.metricNames.length);
  big.writeMetrics(r2, 0);
  const hist = big.tokenProbHistogram(1000);
  const total = hist.reduce((a, x) => a + x, 0);
  const mean = hist.reduce((a, w, i) => a + w * (i + 0.5) / 1000, 0);
  close(total, 1, 1e-12, "histogram mass");
  close(mean, r2[names.indexOf("atp")], 5e-4, "histogram mean vs atp");
  const histC = big.tokenProbHistogram(1000, true);
  close(histC.reduce((a, w, i) => a + w * (i + 0.5) / 1000, 0), r2[names.indexOf("atpContent")], 5e-4, "content histogram mean vs atpContent");
});

test("D9 golden trajectory: seed 1, defaults, steps 1..3", () => {
  const sim = new TokenSimulator(resolveTokenConfig({}), 1);
  const names = sim.metricNames, row = new Float64Array(names.length);
  const K = sim.K;
  golden.D9.steps.forEach((want: number[], i: number) => {
    sim.advance();
    sim.writeMetrics(row, 0);
    const got = [sim.z[0], sim.z[1], sim.z[K + 5 * 16], sim.z[K + 5 * 16 + 1], sim.z[K + 12 * 16 + 2], row[names.indexOf("atp")]];
    got.forEach((g, j) => close(g, want[j], golden.D9.tolerance, `step ${i + 1} value ${j}`));
  });
  // the mode logits are the bandit's T7 values (bandit lr 1)
  const bandit = runSingle(resolveConfig({ steps: 3 }), 1);
  assert.equal(bandit.finalLogits[0], sim.z[0]);
});

test("D10 noise factor: closed form of v_y equals the brute-force quadratic form (< 1e-14)", () => {
  const rng = makeRng(5, 5);
  let maxErr = 0;
  for (let trial = 0; trial < 50; trial++) {
    const V = 2 + Math.floor(rng() * 20);
    const raw = Array.from({ length: V }, () => rng() ** 3 + 1e-3);
    const s = raw.reduce((a, x) => a + x, 0);
    const pi = raw.map((x) => x / s);
    for (let y = 0; y < V; y++) {
      const d = pi.map((p, j) => (j === y ? 1 : 0) - p);
      let q = 0;
      for (let i = 0; i < V; i++) for (let j = 0; j < V; j++) q += d[i] * ((i === j ? pi[i] : 0) - pi[i] * pi[j]) * d[j];
      maxErr = Math.max(maxErr, Math.abs(q - logRatioNoiseFactor(pi, y)));
    }
  }
  assert.ok(maxErr < 1e-14, `max error ${maxErr}`);
});

test("configuration: unknown keys, bad values and ε ≥ 1 (side off)", () => {
  assert.throws(() => resolveTokenConfig({ Vocab: 3 }), (e: unknown) => e instanceof ToyConfigError && /unknown setting 'Vocab'/.test(e.message));
  assert.throws(() => resolveTokenConfig({ L: 0 }), /L \(tokens per response/);
  assert.throws(() => resolveTokenConfig({ lengths: [8] }), /one length per mode/);
  assert.throws(() => resolveTokenConfig({ clip: { scope: "tokens" } }), /clip.scope/);
  assert.throws(() => resolveTokenConfig({ pTop: [[1.2], [0.5]] }), /pTop\[0\]\[0\]/);
  assert.throws(() => resolveTokenConfig({ clip: { epsLow: -1 } }), /epsLow/);
  const off = resolveTokenConfig({ clip: { epsHigh: 1e9 } });
  assert.equal(off.clip.epsHigh, 1e9);
  const run = runTokenSingle({ ...off, steps: 5 } as TokenToyConfig, 1);
  const names = run.metricNames, M = names.length;
  for (let t = 1; t <= 5; t++) for (let c = 0; c < 8; c++) assert.equal(run.rows[t * M + names.indexOf(`clipHigh_${c === 7 ? "mode" : `c${c}`}`)], 0);
  assert.deepEqual(tokenMetricNames(2, 7).slice(0, 3), ["p0", "p1", "u"]);
});
