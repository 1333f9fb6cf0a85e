// Pure helpers of the toy page's runs table: SQL for DuckDB (quoting) and CSV export.
import { test } from "node:test";
import assert from "node:assert/strict";
import { resolveConfig, runEnsemble, type EnsembleResult } from "../../src/lib/toy/index.js";
import { RUN_COLUMNS, rowsToCsv, runRow, runsTableSql } from "../../src/components/toy/runs.js";

test("runsTableSql quotes strings, keeps numbers and booleans, and declares every column", () => {
  const cfg = resolveConfig({ steps: 3 });
  const r = runEnsemble(cfg, 2, resolveConfig({ steps: 3, clip: { enabled: false } }));
  const row = runRow(1, "it's", cfg, r, "http://x/toy?cfg={'a':1}");
  const sql = runsTableSql([row]);
  assert.match(sql, /'it''s'/);
  assert.match(sql, /'http:\/\/x\/toy\?cfg=\{''a'':1\}'/);
  assert.match(sql, /, TRUE, /);
  assert.ok(sql.endsWith(`AS t(${RUN_COLUMNS.join(", ")})`));
  assert.match(runsTableSql([]), /WHERE FALSE$/);
});

test("runRow: paired difference is always clip on − clip off, and clip fractions average steps 1..T (not step 0)", () => {
  // a hand-made 3-step result: the numbers below are chosen so each expected value is easy to derive by hand
  const series = (mean: number[]) => ({ mean, se: mean.map(() => 0), q05: mean, q25: mean, q50: mean, q75: mean, q95: mean });
  const point = (mean: number, se = 0) => ({ mean, se, q05: mean, q25: mean, q50: mean, q75: mean, q95: mean });
  const a = {
    strategies: ["code", "nl"], metricNames: [], steps: 3, seeds: [7, 8], seedsPlanned: 2, guardHits: 0,
    stats: { p0: series([0.65, 0.66, 0.67, 0.7]), accuracy: series([0.494, 0.5, 0.5, 0.51]), clipFracLow: series([0.9, 0.1, 0.2, 0.3]), clipFracHigh: series([0, 0.03, 0, 0]) },
    final: { p0: point(0.7), du: point(0.25, 0.04), accuracy: point(0.51), entropy: point(0.6) },
  };
  const result = { a, b: a, diff: { series: {}, final: { du: { mean: 0.3, se: 0.05, z: 6 } } }, done: true } as unknown as EnsembleResult;
  // config A has the clip off, so A − B is clip off − clip on: the row must flip its sign
  const off = runRow(2, null, resolveConfig({ steps: 3, clip: { enabled: false } }), result, "l");
  assert.equal(off.paired_du_clip_on_minus_off, -0.3);
  assert.equal(off.paired_du_se, 0.05);
  assert.equal(off.preset, "custom");
  assert.ok(Math.abs(off.clip_frac_low_mean - 0.2) < 1e-12, String(off.clip_frac_low_mean)); // (0.1 + 0.2 + 0.3) / 3; step 0's 0.9 left out
  assert.ok(Math.abs(off.clip_frac_high_mean - 0.01) < 1e-12, String(off.clip_frac_high_mean));
  assert.equal(off.p0_init, 0.65);
  assert.equal(off.accuracy_init, 0.494);
  assert.equal(off.seeds, 2);
  const on = runRow(1, "p", resolveConfig({ steps: 3 }), result, "l");
  assert.equal(on.paired_du_clip_on_minus_off, 0.3);
});

test("rowsToCsv follows RFC 4180 quoting", () => {
  const csv = rowsToCsv(["a", "b"], [{ a: 'say "hi"', b: "x,y" }, { a: 1.5, b: null }]);
  assert.equal(csv, 'a,b\n"say ""hi""","x,y"\n1.5,\n');
});
