// The sim CLI: argument parsing, error exits, and that its numbers are the library's for the same seeds.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { configsFromArgs, parseSimArgs, runCli, UsageError } from "../../scripts/sim.js";
import { presetById, resolveConfig, runEnsemble } from "../../src/lib/toy/index.js";

test("parses overrides, --seeds, --steps (both spellings), --paired and --preset", async () => {
  const a = parseSimArgs(['{"lr":2}', "--seeds", "8", "--steps=30", "--paired", '{"clip":{"enabled":false}}', "--preset", "dapo-clip-higher"]);
  assert.deepEqual(a.overrides, { lr: 2 });
  assert.equal(a.seeds, 8);
  assert.equal(a.steps, 30);
  assert.deepEqual(a.paired, { clip: { enabled: false } });
  assert.equal(a.preset, "dapo-clip-higher");
  const { a: cfgA, b: cfgB } = configsFromArgs(a);
  // preset first, then overrides, then --steps
  assert.equal(cfgA.clip.epsHigh, 0.28);
  assert.equal(cfgA.lr, 2);
  assert.equal(cfgA.steps, 30);
  assert.equal(cfgB!.clip.enabled, false);
  assert.equal(cfgB!.clip.epsHigh, 0.28, "B inherits A's settings");
  const d = parseSimArgs([]);
  assert.equal(d.seeds, 64);
  assert.equal(d.steps, null);
});

test("bad arguments raise usage errors with a reason", async () => {
  const bad: [string[], RegExp][] = [
    [["--seeds", "0"], /--seeds must be a whole number/],
    [["--seeds"], /--seeds needs a value/],
    [["--steps", "2.5"], /--steps must be a whole number/],
    [["{lr:2}"], /not valid JSON/],
    [["[1,2]"], /must be a JSON object/],
    [["--preset", "nope"], /unknown preset 'nope'/],
    [["--frobnicate"], /unknown option --frobnicate/],
    [["{}", "{}"], /only one JSON overrides argument/],
  ];
  for (const [argv, re] of bad) assert.throws(() => parseSimArgs(argv), (e: unknown) => e instanceof UsageError && re.test(e.message), argv.join(" "));
});

test("invalid configurations exit 2 with the validation message on stderr and nothing on stdout", async () => {
  const r = await runCli(['{"initProbs":[0.5,0.4]}']);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, "");
  assert.match(r.stderr, /initProbs must sum to 1/);
  const p = await runCli(["--paired", '{"G":1}']);
  assert.equal(p.code, 2);
  assert.match(p.stderr, /paired config B: G \(group size\) must be at least 2/);
  const big = await runCli(["--seeds", "5000", "--steps", "5000"]);
  assert.equal(big.code, 2);
  assert.match(big.stderr, /memory cap/);
});

test("CLI numbers equal the library's for the same seeds (paired)", async () => {
  const r = await runCli(['{"lr":2,"seed":7}', "--seeds", "6", "--steps", "12", "--paired", '{"clip":{"enabled":false}}']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  const a = resolveConfig({ lr: 2, seed: 7, steps: 12 });
  const b = resolveConfig({ lr: 2, seed: 7, steps: 12, clip: { enabled: false } });
  const lib = runEnsemble(a, 6, b);
  assert.deepEqual(out.seeds, { first: 7, count: 6, list: "seed, seed+1, …" });
  assert.equal(out.perStep.du.mean.length, 13);
  assert.deepEqual(out.perStep.du.mean, lib.a.stats.du.mean);
  assert.deepEqual(out.perStep.accuracy.se, lib.a.stats.accuracy.se);
  assert.deepEqual(out.final, JSON.parse(JSON.stringify(lib.a.final)));
  assert.deepEqual(out.paired.logitGap.perStep.mean, lib.diff!.series.du.mean);
  assert.equal(out.paired.logitGap.final.mean, lib.diff!.final.du.mean);
  assert.deepEqual(out.config, a);
});

test("a preset run equals the library run of the preset's overrides", async () => {
  const r = await runCli(["--preset", "park-tight-clip-high", "--seeds", "3", "--steps", "5"]);
  const out = JSON.parse(r.stdout);
  const lib = runEnsemble(resolveConfig({ ...presetById("park-tight-clip-high")!.overrides, steps: 5 }), 3);
  assert.deepEqual(out.perStep.p0.mean, lib.a.stats.p0.mean);
});

test("the real process: JSON on stdout and exit 0; exit 2 and stderr on error", async () => {
  const ok = spawnSync(process.execPath, ["--import", "tsx", "scripts/sim.ts", '{"steps":3}', "--seeds", "2"], { encoding: "utf8" });
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(JSON.parse(ok.stdout).steps, 3);
  const bad = spawnSync(process.execPath, ["--import", "tsx", "scripts/sim.ts", '{"lr":-1}'], { encoding: "utf8" });
  assert.equal(bad.status, 2);
  assert.equal(bad.stdout, "");
  assert.match(bad.stderr, /lr must not be negative/);
});

test("inherited object keys are not settings: __proto__, toString, constructor are unknown settings, not crashes", async () => {
  for (const json of ['{"__proto__":{"lr":5}}', '{"toString":1}', '{"constructor":{}}', '{"__proto__":{"__proto__":{}}}', '{"clip":{"hasOwnProperty":true}}']) {
    const r = await runCli([json, "--seeds", "1", "--steps", "1"]);
    assert.equal(r.code, 2, json);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /unknown setting '(clip\.)?(__proto__|toString|constructor|hasOwnProperty)'/, json);
    assert.doesNotMatch(r.stderr, /not valid JSON|unexpected error|    at /, json);
  }
  assert.equal(({} as Record<string, unknown>).lr, undefined, "nothing leaked into Object.prototype");
});

test("counts are plain digits: 1e3, 0x10, 1.0, +8 and ' 8' are refused, not read as numbers", async () => {
  for (const text of ["1e3", "0x10", "1.0", "+8", " 8", "0b11", ""]) {
    assert.throws(() => parseSimArgs(["--seeds", text]), /--seeds must be a whole number ≥ 1 written in plain digits/, JSON.stringify(text));
    assert.throws(() => parseSimArgs(["--steps", text]), /--steps must be a whole number/, JSON.stringify(text));
  }
  assert.equal(parseSimArgs(["--seeds", "0012"]).seeds, 12);
});

test("seeds never wrap around 2^32: the last seed must fit in 32 bits", async () => {
  const r = await runCli(['{"seed":4294967295}', "--seeds", "2", "--steps", "1"]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /seeds 4294967295 … 4294967296 pass the largest seed 4294967295/);
  const ok = await runCli(['{"seed":4294967295}', "--seeds", "1", "--steps", "1"]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal(JSON.parse(ok.stdout).seeds.first, 4294967295);
});

test("--paired cannot set the seed (B runs on A's seeds): refused with the reason, not echoed and ignored", async () => {
  const r = await runCli(["--paired", '{"seed":5}', "--seeds", "2", "--steps", "1"]);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, "");
  assert.match(r.stderr, /paired overrides cannot set 'seed': B always runs on A's seeds/);
});

test("settings each within their caps but too costly together are refused, naming the setting to lower", async () => {
  const r = await runCli(['{"epochs":64,"promptsPerStep":4096,"G":64}', "--seeds", "100", "--steps", "500"]);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, "");
  assert.match(r.stderr, /would take about [\d.]+ (h|days) of compute .* above the budget of about 5 min; lower epochs \(now 64\)/);
  const seeds = await runCli(['{"G":256}', "--seeds", "9000", "--steps", "50", "--max-minutes", "1"]);
  assert.match(seeds.stderr, /lower --seeds \(now 9000\)/);
});

test("piped into head: the closed pipe ends the CLI quietly (no EPIPE stack trace)", () => {
  // a few MB of output so the pipe is closed while the CLI is still writing
  const r = spawnSync("sh", ["-c", `"${process.execPath}" --import tsx scripts/sim.ts '{"steps":3000}' --seeds 1 --paired '{"lr":2}' | head -c 20`], { encoding: "utf8" });
  assert.equal(r.stdout, '{"tool":"spurious-re');
  assert.equal(r.stderr, "");
});

test("the config merge behind links says the same: inherited keys in ?cfg= are unknown settings, not 'invalid JSON'", async () => {
  const { stateFromSearch } = await import("../../src/lib/toy/index.js");
  for (const cfg of ['{"__proto__":{"lr":5}}', '{"toString":1}', '{"constructor":{"x":1}}']) {
    const { problems } = stateFromSearch(`?cfg=${encodeURIComponent(cfg)}`);
    assert.equal(problems.length, 1, cfg);
    assert.match(problems[0]!, /unknown setting '(__proto__|toString|constructor)'/, cfg);
  }
});
