// Pure parts of the query page: the CREATE TABLE statement fed to DuckDB and the CSV export of results.
import {test} from "node:test";
import assert from "node:assert/strict";
import {createTableSql} from "../../src/lib/sql/create-table.js";
import {EXAMPLE_QUERIES, resultToCsv} from "../../src/components/paper-query.js";

test("tables are read as text, then only the named columns are cast (DECIMAL never reaches the page)", () => {
  const sql = createTableSql({name: "numbers", csv: "", types: {value: "DOUBLE", derived: "BOOLEAN"}}, "numbers.csv");
  assert.equal(
    sql,
    `CREATE OR REPLACE TABLE "numbers" AS SELECT * REPLACE (TRY_CAST("value" AS DOUBLE) AS "value", (lower("derived") = 'true') AS "derived") FROM read_csv('numbers.csv', header = true, all_varchar = true, auto_detect = true)`,
  );
  assert.match(createTableSql({name: "setup", csv: ""}, "setup.csv"), /^CREATE OR REPLACE TABLE "setup" AS SELECT \* FROM read_csv/);
});

test("unsafe table names and types are refused", () => {
  assert.throws(() => createTableSql({name: "x; DROP TABLE y", csv: ""}, "x.csv"), /invalid table or column name/);
  assert.throws(() => createTableSql({name: "t", csv: "", types: {v: "DOUBLE); --"}}, "t.csv"), /invalid SQL type/);
});

test("results export as RFC 4180 CSV, printed text untouched", () => {
  const csv = resultToCsv({
    columns: [{name: "reward", type: "Utf8", numeric: false}, {name: "printed", type: "Utf8", numeric: false}, {name: "value", type: "Float64", numeric: true}],
    rows: [{reward: "random", printed: "+21.4", value: 21.4}, {reward: 'say "hi", twice', printed: null, value: null}],
  });
  assert.equal(csv, 'reward,printed,value\nrandom,+21.4,21.4\n"say ""hi"", twice",,\n');
});

test("the example list includes the spurious-share query the issue asks for", () => {
  assert.ok(EXAMPLE_QUERIES.some((q) => /share of the ground-truth gain/.test(q.label)));
});
