// The token model's CLI (`npm run sim -- --model tokens …`, scripts/sim/tokens-model.ts): argument parsing, the
// bandit CLI's error contract (exit 2, message on stderr, nothing on stdout), and numbers equal to the library's.
import { test } from "node:test";
import assert from "node:assert/strict";
import { runCli } from "../../scripts/sim.js";
import { parseSimArgs, UsageError } from "../../scripts/sim/args.js";
import { resolveTokenConfig, runTokenEnsemble, TOKEN_PRESETS } from "../../src/lib/toy/tokens/index.js";

test("--model tokens selects the token model; other values are refused", async () => {
  assert.equal(parseSimArgs(["--model", "tokens", "{}", "--seeds", "2"]).model, "tokens");
  assert.equal(parseSimArgs(["--model=toy"]).model, "toy");
  const r = await runCli(["--model", "token"]);
  assert.equal(r.code, 2); assert.equal(r.stdout, ""); assert.match(r.stderr, /--model must be one of .*got "token"/);
});

test("parses overrides, --seeds, --steps, --paired and the token model's presets; rejects bad arguments with a reason", async () => {
  // --preset before --model: presets are checked against the model named anywhere on the line
  const a = parseSimArgs(['{"lr":16}', "--preset", "adam", "--seeds=3", "--steps", "4", "--paired", '{"clip":{"enabled":false}}', "--model", "tokens"]);
  assert.deepEqual(a.overrides, { lr: 16 }); assert.equal(a.seeds, 3); assert.equal(a.steps, 4); assert.equal(a.preset, "adam");
  assert.deepEqual(a.paired, { clip: { enabled: false } });
  // the token model's default is 48 seeds (README), the strategy toy's 64
  assert.equal(parseSimArgs(["--model", "tokens"]).seeds, 48);
  assert.equal(parseSimArgs([]).seeds, 64);
  // a strategy-toy preset is not a token-model preset, and the other way round
  assert.throws(() => parseSimArgs(["--model", "tokens", "--preset", "dapo-clip-higher"]), /unknown preset 'dapo-clip-higher' of the tokens model \(known: paper-like, diffusion, adam\)/);
  assert.throws(() => parseSimArgs(["--preset", "diffusion"]), /unknown preset 'diffusion' \(known: qwen-math-random, /);
  for (const bad of [["--seeds", "0"], ["--steps", "x"], ["{not json"], ["[1]"], ["--preset", "nope"], ["--frobnicate"], ["{}", "{}"]])
    assert.throws(() => parseSimArgs(["--model", "tokens", ...bad]), UsageError, bad.join(" "));
});

test("--list-presets with --model tokens prints the token model's presets", async () => {
  const r = await runCli(["--model", "tokens", "--list-presets"]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).map((p: { id: string }) => p.id), ["paper-like", "diffusion", "adam"]);
  assert.deepEqual(JSON.parse(r.stdout), JSON.parse(JSON.stringify(TOKEN_PRESETS)));
});

test("runs above the work budget are refused before they start, naming what to lower", async () => {
  const r = await runCli(["--model", "tokens", '{"steps":1000}', "--seeds", "100", "--max-minutes", "1"]);
  assert.equal(r.code, 2); assert.equal(r.stdout, "");
  assert.match(r.stderr, /above the budget of .*lower --seeds \(now 100\), steps \(now 1000\)/);
});

test("invalid configurations exit 2 with the validation message on stderr and nothing on stdout", async () => {
  for (const [args, msg] of [[['{"V":1}'], /V \(content vocabulary\)/], [['{"clip":{"scope":"x"}}'], /clip.scope/], [["{}", "--paired", '{"L":0}'], /paired config B: L/], [['{"lengths":[3]}'], /one length per mode/], [["{}", "--paired", '{"seed":5}'], /paired overrides cannot set 'seed'/]] as const) {
    const r = await runCli(["--model", "tokens", ...args, "--seeds", "1", "--steps", "1"]);
    assert.equal(r.code, 2, r.stderr); assert.equal(r.stdout, ""); assert.match(r.stderr, msg);
  }
});

test("the CLI's JSON has the bandit's layout and the library's numbers for the same seeds (paired)", async () => {
  const r = await runCli(["--model", "tokens", '{"lr":16}', "--seeds", "3", "--steps", "4", "--paired", '{"clip":{"enabled":false}}']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  const lib = runTokenEnsemble(resolveTokenConfig({ lr: 16, steps: 4 }), 3, resolveTokenConfig({ lr: 16, steps: 4, clip: { enabled: false } }));
  assert.equal(out.model, "tokens");
  assert.deepEqual(out.seeds.first, 1); assert.equal(out.seeds.count, 3); assert.equal(out.steps, 4);
  assert.deepEqual(out.configOverridesFromDefaults, { lr: 16, steps: 4 });
  for (const m of ["atp", "atpContent", "zeta", "clipRateTokens", "clipRateContent", "clipRateMode", "entropyContent", "clipHigh_c0"]) {
    assert.equal(out.perStep[m].mean.length, 5, m);
    assert.deepEqual(out.perStep[m].mean, lib.a.stats[m].mean, m);
    assert.deepEqual(out.perStep[m].se, lib.a.stats[m].se, m);
    assert.equal(out.paired.finalDifferences[m].mean, lib.diff!.final[m].mean, m);
    assert.equal(out.paired.finalDifferences[m].se, lib.diff!.final[m].se, m);
  }
  assert.equal(out.final.atp.q50, lib.a.final.atp.q50);
  assert.deepEqual(out.paired.zeta.final, out.paired.finalDifferences.zeta);
  assert.equal(out.metrics.length, Object.keys(out.perStep).length);
});
