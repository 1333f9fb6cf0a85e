// The token model on the CLI's worker pool and sweep (scripts/sim/tokens-model.ts): seeds run on worker
// threads and are merged by seed index, so --workers 2 prints byte for byte what --workers 1 prints, both
// equal the library's sequential ensemble, and a grid naming the model sweeps the token model.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../scripts/sim.js";
import { WorkerPool } from "../../scripts/sim/workers.js";
import { tokensModel } from "../../scripts/sim/tokens-model.js";
import { resolveTokenConfig, runTokenEnsemble } from "../../src/lib/toy/tokens/index.js";

async function sim(...argv: string[]): Promise<string> {
  const r = await runCli(argv);
  assert.equal(r.code, 0, r.stderr);
  return r.stdout;
}

test("--model tokens --workers 2 prints exactly what --workers 1 prints (paired run), and the library's numbers", async () => {
  const argv = ["--model", "tokens", '{"seed":7,"lr":16}', "--seeds", "5", "--steps", "4", "--paired", '{"clip":{"enabled":false}}'];
  const one = await sim(...argv, "--workers", "1");
  const two = await sim(...argv, "--workers", "2");
  assert.equal(two, one);
  const out = JSON.parse(one);
  assert.equal(out.model, "tokens");
  assert.equal(out.seeds.count, 5);
  const lib = runTokenEnsemble(resolveTokenConfig({ seed: 7, lr: 16, steps: 4 }), 5, resolveTokenConfig({ seed: 7, lr: 16, steps: 4, clip: { enabled: false } }));
  assert.deepEqual(out.perStep.atpContent.mean, lib.a.stats.atpContent.mean);
  assert.deepEqual(out.paired.zeta.perStep.se, lib.diff!.series.zeta.se);
  assert.equal(out.final.clipRateTokens.q95, lib.a.final.clipRateTokens.q95);
});

test("the pool hands every token-model seed index to the collector exactly once", async () => {
  const pool = new WorkerPool(2);
  try {
    const cfg = resolveTokenConfig({ steps: 2 });
    const seen: number[] = [];
    await pool.run(tokensModel, cfg, null, 6, (index) => seen.push(index));
    assert.deepEqual(seen.sort((x, y) => x - y), [0, 1, 2, 3, 4, 5]);
  } finally {
    await pool.close();
  }
});

test("a grid that names the token model sweeps it: each line is that point's single token run, whatever the workers", async () => {
  const dir = mkdtempSync(join(tmpdir(), "sim-tokens-sweep-"));
  const gridFile = join(dir, "grid.json");
  writeFileSync(gridFile, JSON.stringify({ model: "tokens", base: { lr: 16 }, axes: { "clip.scope": ["all", "content"] }, seeds: 3, steps: 3, paired: { clip: { enabled: false } } }));
  const full = await sim("sweep", gridFile);
  const lines = full.trimEnd().split("\n").map((l) => JSON.parse(l));
  assert.equal(lines.length, 2);
  assert.deepEqual(lines[1].settings, { "clip.scope": "content" });
  const { grid: _g, point: _p, points: _n, settings: _s, ...summary } = lines[1];
  assert.deepEqual(summary, JSON.parse(await sim("--model", "tokens", '{"lr":16,"clip":{"scope":"content"}}', "--seeds", "3", "--steps", "3", "--paired", '{"clip":{"enabled":false}}')));
  assert.equal(await sim("sweep", gridFile, "--workers", "2"), full);
  // shards of the token grid merge back into the unsharded bytes
  const s1 = join(dir, "s1.jsonl"), s2 = join(dir, "s2.jsonl");
  writeFileSync(s1, await sim("sweep", gridFile, "--shard", "1/2"));
  writeFileSync(s2, await sim("sweep", gridFile, "--shard", "2/2", "--workers", "2"));
  assert.equal(await sim("merge", s2, s1), full);
  // the grid's presets and default seeds are the named model's
  writeFileSync(gridFile, JSON.stringify({ model: "tokens", preset: "dapo-clip-higher" }));
  let r = await runCli(["sweep", gridFile]);
  assert.equal(r.code, 2); assert.match(r.stderr, /'preset' must be one of paper-like, diffusion, adam/);
  // a --model that contradicts the grid's is refused, not silently ignored
  writeFileSync(gridFile, JSON.stringify({ model: "tokens", steps: 1, seeds: 1 }));
  r = await runCli(["sweep", gridFile, "--model", "toy"]);
  assert.equal(r.code, 2); assert.equal(r.stdout, ""); assert.match(r.stderr, /names the model 'tokens' but --model says 'toy'/);
  writeFileSync(gridFile, JSON.stringify({ model: "bandit" }));
  r = await runCli(["sweep", gridFile]);
  assert.equal(r.code, 2); assert.match(r.stderr, /'model' must be one of toy, tokens/);
});
