// The pure parts of running a reader's SQL safely: how the query is wrapped so DuckDB stops after the shown
// rows and prints the values, how a cut cell reads, the row-count caption, DuckDB error text, and the
// printing of Arrow values for statements that cannot be wrapped. Expected texts are written by hand from
// DuckDB's documented formats (DECIMAL(4,3) 0.826 is "0.826", BLOB bytes are "\xAB").
import {test} from "node:test";
import assert from "node:assert/strict";
import {cellText, describeSql, displaySql, isNumericSqlType, queryBody, rowCountText} from "../../src/lib/sql/reader-query.js";
import {readableDuckDbError} from "../../src/lib/sql/errors.js";
import {arrowCellText, blobText, decimalWordsToBigInt, scaledDecimalText, timestampText} from "../../src/lib/sql/arrow-cells.js";
import {cellBudget} from "../../src/components/duckdb-client.js";
import {resultCaption, resultToCsv} from "../../src/components/paper-query.js";

test("the reader's text is wrapped whole: trailing semicolons and comment lines go, the body stays as typed", () => {
  assert.equal(queryBody("SELECT 1;  \n"), "SELECT 1");
  assert.equal(queryBody("SELECT 1;;\n-- done\n"), "SELECT 1");
  assert.equal(queryBody("SELECT ';' AS s -- keep\n"), "SELECT ';' AS s -- keep");
  assert.equal(queryBody("  ;\n -- nothing\n"), null);
  assert.equal(queryBody(""), null);
  // the body sits on its own lines, so a trailing "-- comment" cannot swallow the closing parenthesis
  assert.equal(displaySql("SELECT 1 -- c", {maxRows: 500, maxCellChars: 2000}),
    "SELECT left(CAST(COLUMNS(*) AS VARCHAR), 2000), length(CAST(COLUMNS(*) AS VARCHAR)) FROM (\nSELECT 1 -- c\n) AS reader_query LIMIT 501");
  assert.equal(describeSql("FROM numbers"), "DESCRIBE SELECT * FROM (\nFROM numbers\n) AS reader_query");
});

test("limits inside the SQL are whole numbers, whatever the caller passes", () => {
  assert.match(displaySql("SELECT 1", {maxRows: 9.7, maxCellChars: -3}), /left\(CAST\(COLUMNS\(\*\) AS VARCHAR\), 0\).* LIMIT 10$/s);
});

test("a cut cell says how long it really is; short cells and NULL are untouched", () => {
  assert.equal(cellText("abc", 3, 2000), "abc");
  assert.equal(cellText("xxxx", 12345, 4), "xxxx… (12,345 characters in all)");
  assert.equal(cellText(null, null, 10), null);
});

test("the size guard shares characters between cells: wide results get shorter cells, within 16..2000", () => {
  assert.equal(cellBudget(1, 500, 4_000_000), 2000);
  assert.equal(cellBudget(100, 500, 4_000_000), 79); // 4e6 / (100 × 501)
  assert.equal(cellBudget(10_000, 500, 4_000_000), 16);
});

test("the caption never shows a count that is not the count: more than the limit says so", () => {
  assert.equal(rowCountText(6, null), "6 rows");
  assert.equal(rowCountText(1, null), "1 row");
  assert.equal(rowCountText(500, "rows"), "more than 500 rows: the first 500 rows are shown (add LIMIT/OFFSET or an aggregate to see others)");
  assert.match(rowCountText(37, "bytes"), /^the first 37 rows are shown: the result was cut there because it passed the size guard$/);
  assert.equal(resultCaption({cells: new Array(500).fill([]), truncated: "rows", maxRows: 500, elapsedMs: 12.4}), "more than 500 rows: the first 500 rows are shown (add LIMIT/OFFSET or an aggregate to see others) · 12 ms");
});

test("DuckDB's numeric types are recognised by name, others are not", () => {
  for (const t of ["BIGINT", "HUGEINT", "DECIMAL(4,3)", "DOUBLE", "FLOAT", "UBIGINT", "INTEGER"]) assert.ok(isNumericSqlType(t), t);
  for (const t of ["VARCHAR", "DATE", "INTERVAL", "BLOB", "VARCHAR[]", "TIMESTAMP"]) assert.ok(!isNumericSqlType(t), t);
});

test("a parser error's excerpt is printed once, and the worker's stack trace is dropped", () => {
  // as DuckDB-wasm 1.32 reports `SELEC 1` (captured from the query page)
  const raw = 'Parser Error: syntax error at or near "SELEC"\nLINE 1: SELEC 1\n        ^\nLINE 1: SELEC 1\n        ^\n    at ha.runQuery (http://127.0.0.1/x.js:40:59535)';
  assert.equal(readableDuckDbError(raw), 'Parser Error: syntax error at or near "SELEC"\nLINE 1: SELEC 1\n        ^');
  // streamed statements report errors as JSON
  const json = '{"exception_type":"Parser","exception_message":"syntax error at or near \\"SELEC\\"\\n\\nLINE 1: SELEC 1\\n        ^","error_subtype":"SYNTAX_ERROR","position":"0"}';
  assert.equal(readableDuckDbError(json), 'Parser Error: syntax error at or near "SELEC"\nLINE 1: SELEC 1\n        ^');
  assert.equal(readableDuckDbError('Binder Error: Referenced column "nope" not found'), 'Binder Error: Referenced column "nope" not found');
});

test("DECIMAL words, timestamps and blobs print exactly", () => {
  // 0.826 as DECIMAL(4,3): unscaled 826
  assert.equal(arrowCellText(new Uint32Array([826, 0, 0, 0]), {kind: "decimal", scale: 3}), "0.826");
  // -1.5 as DECIMAL(38,1): unscaled -15 in two's complement
  assert.equal(arrowCellText(new Uint32Array([0xfffffff1, 0xffffffff, 0xffffffff, 0xffffffff]), {kind: "decimal", scale: 1}), "-1.5");
  // 2^127 - 1, the largest HUGEINT
  assert.equal(decimalWordsToBigInt(new Uint32Array([0xffffffff, 0xffffffff, 0xffffffff, 0x7fffffff])), 170141183460469231731687303715884105727n);
  assert.equal(scaledDecimalText(5n, 3), "0.005");
  assert.equal(scaledDecimalText(-123456n, 2), "-1234.56");
  assert.equal(arrowCellText(9007199254740993n), "9007199254740993");
  assert.equal(arrowCellText(1749686400000, {kind: "date"}), "2025-06-12");
  assert.equal(timestampText(1749723072345, "ms"), "2025-06-12 10:11:12.345");
  assert.equal(timestampText(1749723072000001n, "us"), "2025-06-12 10:11:12.000001");
  assert.equal(timestampText(-1, "ms"), "1969-12-31 23:59:59.999");
  assert.equal(blobText(new Uint8Array([0, 0xab, 0x41, 0x5c])), "\\x00\\xABA\\x5C");
  assert.equal(arrowCellText(new Uint8Array([0, 0xab]), {kind: "binary"}), "\\x00\\xAB");
  assert.equal(arrowCellText(0.1 + 0.2), "0.30000000000000004");
  assert.equal(arrowCellText(null), null);
  assert.equal(arrowCellText({toJSON: () => ({a: 1n, b: [1, 2]})}), '{"a":"1","b":[1,2]}');
});

test("CSV export goes by position when two columns share a name", () => {
  const csv = resultToCsv({columns: [{name: "a", type: "INTEGER", numeric: true}, {name: "a", type: "INTEGER", numeric: true}], rows: [{a: "2"}], cells: [["1", "2"]]});
  assert.equal(csv, "a,a\n1,2\n");
});
