// The start-up tables the query page gets as Arrow streams hold exactly what DuckDB makes of their CSV text with
// the page's own statement: same rows, same values, same column types.
import {test} from "node:test";
import assert from "node:assert/strict";
import {queryCsvTables} from "../../loaders/query/csv-tables.js";
import {arrowTables, nodeDuckDB} from "../../loaders/query/arrow-tables.js";
import {createTableSql} from "../../src/lib/sql/create-table.js";
import {base64ToBytes, bytesToBase64, decodeArrowTables} from "../../src/lib/sql/query-tables.js";

test("every Arrow start-up table equals the CSV read of the same text, row for row and type for type", async () => {
  const csv = queryCsvTables();
  assert.deepEqual(csv.map((t) => t.name), ["numbers", "findings", "main_results", "code_reasoning", "clipping", "setup"]);
  const arrow = await arrowTables(csv);
  const {db, conn} = await nodeDuckDB();
  const one = (sql: string) => conn.query(sql).toArray().map((r) => r.toJSON());
  try {
    for (const t of csv) {
      db.registerFileText(`${t.name}.csv`, t.csv);
      conn.query(createTableSql({...t, name: `csv_${t.name}`}, `${t.name}.csv`));
      // the page's path: a copy of the stream, shipped as base64
      const shipped = decodeArrowTables({[t.name]: bytesToBase64(arrow.find((a) => a.name === t.name)!.arrow)})[0]!;
      conn.insertArrowFromIPCStream(shipped.arrow, {name: `arrow_${t.name}`, create: true});
      const [diff] = one(`SELECT
        (SELECT count(*) FROM (SELECT * FROM "csv_${t.name}" EXCEPT ALL SELECT * FROM "arrow_${t.name}")) AS only_csv,
        (SELECT count(*) FROM (SELECT * FROM "arrow_${t.name}" EXCEPT ALL SELECT * FROM "csv_${t.name}")) AS only_arrow,
        (SELECT count(*) FROM "arrow_${t.name}") AS arrow_rows`);
      // data rows of the CSV text: lines after the header (no field of these tables spans lines)
      const csvRows = t.csv.split(/\r?\n/).filter((line) => line !== "").length - 1;
      assert.deepEqual(diff, {only_csv: 0n, only_arrow: 0n, arrow_rows: BigInt(csvRows)}, t.name);
      const types = (table: string) => one(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${table}' ORDER BY ordinal_position`);
      assert.deepEqual(types(`arrow_${t.name}`), types(`csv_${t.name}`), t.name);
    }
    // the typed columns really are typed (the page sorts and sums them)
    const numberTypes = one(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'arrow_numbers' AND column_name IN ('row', 'value', 'derived') ORDER BY column_name`);
    assert.deepEqual(numberTypes, [{column_name: "derived", data_type: "BOOLEAN"}, {column_name: "row", data_type: "INTEGER"}, {column_name: "value", data_type: "DOUBLE"}]);
  } finally {
    conn.close();
    db.reset();
  }
});

test("base64 carries every byte value unchanged; a malformed tables file is refused with its reason", () => {
  const bytes = new Uint8Array(70_000).map((_, i) => (i * 7919) % 256);
  assert.deepEqual(base64ToBytes(bytesToBase64(bytes)), bytes);
  assert.throws(() => decodeArrowTables([1, 2]), /not a JSON object/);
  assert.throws(() => decodeArrowTables({numbers: 3}), /numbers is not base64 text/);
});
