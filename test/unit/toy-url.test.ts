// The toy's URL state: a preset without cfg runs the preset; unusable links are reported, never silently
// replaced; tour steps; changes are described against the preset the settings started from.
import { test } from "node:test";
import assert from "node:assert/strict";
import { changedSettings, describeChanges, MAX_SEARCH_LENGTH, presetConfig, resolveConfig, stateFromSearch, stateToSearch, TOUR } from "../../src/lib/toy/index.js";

test("?preset=X without cfg runs preset X's settings", () => {
  const { state, problems } = stateFromSearch("?preset=ablation-minibatch-eq-rollout");
  assert.deepEqual(problems, []);
  assert.equal(state.preset, "ablation-minibatch-eq-rollout");
  assert.equal(state.config.miniBatches, 1);
  const dapo = stateFromSearch("?preset=dapo-clip-higher").state.config;
  assert.equal(dapo.clip.epsHigh, 0.28);
});

test("cfg that is not a JSON object (array, number, null) is reported, and the preset's settings are used", () => {
  for (const raw of ["[]", "5", "null", '"x"']) {
    const { state, problems } = stateFromSearch(`?cfg=${encodeURIComponent(raw)}&preset=ablation-no-clip`);
    assert.equal(problems.length, 1, raw);
    assert.match(problems[0], /must be a JSON object of settings/, raw);
    assert.equal(state.config.clip.enabled, false, raw);
  }
  assert.match(stateFromSearch("?cfg=%7B").problems[0], /not valid JSON/);
});

test("a duplicate parameter is reported and the first value used", () => {
  const { state, problems } = stateFromSearch(`?cfg=${encodeURIComponent('{"lr":2}')}&cfg=${encodeURIComponent('{"lr":3}')}`);
  assert.deepEqual(problems, ["the link has 2 'cfg' parameters; only the first is used"]);
  assert.equal(state.config.lr, 2);
});

test("seeds must be digits (1e3 and 0x10 are refused), tour steps must exist, over-long links are refused", () => {
  assert.match(stateFromSearch("?seeds=1e3").problems[0], /whole number written in digits/);
  assert.match(stateFromSearch("?seeds=0x10").problems[0], /whole number written in digits/);
  assert.equal(stateFromSearch("?seeds=12").state.seeds, 12);
  assert.equal(stateFromSearch("?preset=dapo-clip-higher&tour=4").state.tour, 4);
  assert.match(stateFromSearch(`?tour=${TOUR.length + 1}`).problems[0], /does not exist/);
  const long = `?cfg=${"x".repeat(MAX_SEARCH_LENGTH)}`;
  const r = stateFromSearch(long);
  assert.match(r.problems[0], /characters long/);
  assert.equal(r.state.preset, "qwen-math-random");
});

test("state → search → state round-trips, with the tour step and the preset the settings started from", () => {
  const config = resolveConfig({ clip: { epsHigh: 0.28 }, lr: 2 });
  const search = stateToSearch({ config, seeds: 8, preset: "dapo-clip-higher", tour: 4 });
  const back = stateFromSearch(search);
  assert.deepEqual(back.problems, []);
  assert.deepEqual(back.state.config, config);
  assert.equal(back.state.seeds, 8);
  assert.equal(back.state.preset, "dapo-clip-higher");
  assert.equal(back.state.tour, 4);
});

test("changes are described against the preset: started from DAPO, changed lr", () => {
  const cfg = resolveConfig({ clip: { epsHigh: 0.28 }, lr: 2 });
  assert.equal(describeChanges(changedSettings(cfg, presetConfig("dapo-clip-higher")!)), "lr 1 → 2");
  const off = resolveConfig({ clip: { enabled: false } });
  assert.equal(describeChanges(changedSettings(off, presetConfig("qwen-math-random")!)), "clip on → off");
  assert.equal(describeChanges(changedSettings(cfg, cfg)), "");
});

test("every tour step is a preset", () => {
  assert.ok(TOUR.length >= 4 && TOUR.length <= 6);
  for (const s of TOUR) assert.ok(presetConfig(s.preset), s.preset);
});

test("a bare ?tour=N opens that step's preset; a tour step with another preset is reported and not shown", () => {
  const bare = stateFromSearch("?tour=3");
  assert.deepEqual(bare.problems, []);
  assert.equal(bare.state.preset, TOUR[2].preset);
  assert.equal(bare.state.config.miniBatches, 1);
  const other = stateFromSearch("?preset=adam&tour=2");
  assert.equal(other.state.tour, null);
  assert.match(other.problems[0], /tour step 2 is preset 'ablation-no-clip', not 'adam'/);
});
