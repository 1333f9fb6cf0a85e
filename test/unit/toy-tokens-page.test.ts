// Pure pieces behind the token-toy page: URL state, the paper statements it quotes (selected from the
// vendored transcription), and the streaming runner the worker uses (same numbers as the one-shot run; cancel).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readSourceTables } from "../../loaders/paper-source.js";
import {
  resolveTokenConfig, runTokenEnsemble, streamSignMap, streamTokenEnsemble, tokenPaperStatements, tokenStateFromSearch, tokenStateToSearch,
} from "../../src/lib/toy/tokens/index.js";

test("URL state round-trips and reports bad links", () => {
  const { state } = tokenStateFromSearch("");
  assert.equal(tokenStateToSearch(state), "");
  state.config = resolveTokenConfig({ lr: 16, clip: { scope: "content" } });
  state.seeds = 32; state.atpKind = "sampled";
  const s = tokenStateToSearch(state);
  const back = tokenStateFromSearch(s);
  assert.deepEqual(back.problems, []);
  assert.deepEqual(back.state, state);
  const bad = tokenStateFromSearch("?cfg=%7B%22V%22%3A1%7D&seeds=-3&atp=x&kind=y");
  assert.equal(bad.problems.length, 4, bad.problems.join(" | "));
  assert.match(bad.problems[0], /V \(content vocabulary\)/);
  assert.equal(bad.state.config.V, 16);
  assert.match(tokenStateFromSearch("?cfg={oops").problems[0], /not valid JSON/);
});

test("paper statements come from the transcription's arXiv v1 rows (App. B.1.3, Fig. 12(a)); a missing row fails", () => {
  const rows = readSourceTables().find((t) => t.name === "clipping")!.rows;
  const st = Object.fromEntries(tokenPaperStatements(rows).map((s) => [s.id, s]));
  // printed text hand-copied from data/paper/source/clipping.csv (arXiv v1, App. B.1.3)
  assert.equal(st.eps.value, "0.2");
  assert.equal(st.ceiling.value, "1.02 (never reached -> non-negative bias)");
  assert.equal(st.band.value, "0.024 / 0.016");
  assert.equal(st.fig12.locator, "App.B.1.3 Figure 12(a)");
  for (const s of Object.values(st)) assert.equal(s.href, "https://arxiv.org/abs/2506.10947v1");
  assert.throws(() => tokenPaperStatements(rows.filter((r) => r.item !== "average token probability")), /found 0/);
});

test("the streaming runner gives the one-shot ensemble's numbers, reports progress and histograms, and cancels", async () => {
  const a = resolveTokenConfig({ steps: 6 }), b = resolveTokenConfig({ steps: 6, clip: { enabled: false } });
  const progress: number[] = [];
  const r = await streamTokenEnsemble(a, 3, b, { partialMs: 0, onPartial: (p) => progress.push(p.progress) });
  const lib = runTokenEnsemble(a, 3, b);
  assert.deepEqual(r.result.a.stats.atp, lib.a.stats.atp);
  assert.deepEqual(r.result.diff!.final, lib.diff!.final);
  assert.equal(progress[progress.length - 1], 3);
  for (let i = 1; i < progress.length; i++) assert.ok(progress[i] >= progress[i - 1]);
  const mass = (h: number[]) => h.reduce((x, y) => x + y, 0);
  assert.ok(Math.abs(mass(r.extras.hist0) - 1) < 1e-12 && Math.abs(mass(r.extras.histA) - 1) < 1e-12);
  assert.ok(r.extras.clipBinsA.reduce((x, y) => x + y, 0) > 0);
  const ac = new AbortController();
  const p = streamTokenEnsemble(resolveTokenConfig({ steps: 400 }), 10, undefined, { signal: ac.signal });
  setTimeout(() => ac.abort(), 30);
  await assert.rejects(p, (e: Error) => e.name === "AbortError");
});

test("the sign-rule map's cells are the paired one-step differences of the ensemble runner", async () => {
  const base = resolveTokenConfig({ lr: 16 });
  const cells = await streamSignMap(base, [0.2], [0.2, 0.4], 5, 100000);
  const one = (epsHigh: number) => runTokenEnsemble(resolveTokenConfig({ lr: 16, steps: 1, seed: 100000, clip: { epsHigh } }), 5, resolveTokenConfig({ lr: 16, steps: 1, seed: 100000, clip: { enabled: false } }));
  for (const c of cells) {
    const r = one(c.epsHigh);
    assert.ok(Math.abs(c.dzeta.mean - r.diff!.final.zeta.mean) < 1e-15, `Δζ at ε_high ${c.epsHigh}`);
    assert.ok(Math.abs(c.dzeta.se - r.diff!.final.zeta.se) < 1e-12);
    assert.ok(Math.abs(c.du.mean - r.diff!.final.du.mean) < 1e-15);
  }
});
