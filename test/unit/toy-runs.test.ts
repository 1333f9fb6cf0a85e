// Pure helpers of the toy page's runs table: SQL for DuckDB (quoting) and CSV export.
import { test } from "node:test";
import assert from "node:assert/strict";
import { resolveConfig, runEnsemble } from "../../src/lib/toy/index.js";
import { RUN_COLUMNS, rowsToCsv, runRow, runsTableSql } from "../../src/components/toy-runs.js";

test("runsTableSql quotes strings, keeps numbers and booleans, and declares every column", () => {
  const cfg = resolveConfig({ steps: 3 });
  const r = runEnsemble(cfg, 2, resolveConfig({ steps: 3, clip: { enabled: false } }));
  const row = runRow(1, "it's", cfg, r, "http://x/toy?cfg={'a':1}");
  const sql = runsTableSql([row]);
  assert.match(sql, /'it''s'/);
  assert.match(sql, /'http:\/\/x\/toy\?cfg=\{''a'':1\}'/);
  assert.match(sql, /, TRUE, /);
  assert.ok(sql.endsWith(`AS t(${RUN_COLUMNS.join(", ")})`));
  assert.equal(row.paired_du_clip_on_minus_off, r.diff!.final.du.mean);
  assert.match(runsTableSql([]), /WHERE FALSE$/);
});

test("rowsToCsv follows RFC 4180 quoting", () => {
  const csv = rowsToCsv(["a", "b"], [{ a: 'say "hi"', b: "x,y" }, { a: 1.5, b: null }]);
  assert.equal(csv, 'a,b\n"say ""hi""","x,y"\n1.5,\n');
});
