// The query page's start-up tables, made at build time by the DuckDB the page runs (the same duckdb-wasm
// release, in Node) with the same statement the page would run on the CSV text (src/lib/sql/create-table.ts),
// and shipped as Arrow IPC streams: the page's DuckDB then reads them as they are, typed, without its CSV reader,
// whose first use costs about half a second of a cold start. DuckDB writes Arrow files; apache-arrow (the
// release duckdb-wasm itself uses) rewrites them as the stream its insertArrowFromIPCStream reads.
import {createRequire} from "node:module";
import * as duckdb from "@duckdb/duckdb-wasm/blocking";
import {tableFromIPC, tableToIPC} from "apache-arrow";
import {createTableSql, csvFileName, quoteIdent, type CsvTable} from "../../src/lib/sql/create-table.js";
import type {ArrowTable} from "../../src/lib/sql/query-tables.js";

const require = createRequire(import.meta.url);

/** A DuckDB in this process (the "eh" build, as Chromium's page uses). */
export async function nodeDuckDB(): Promise<{db: duckdb.DuckDBBindings; conn: duckdb.DuckDBConnection}> {
  const wasm = (file: string) => require.resolve(`@duckdb/duckdb-wasm/dist/${file}`);
  const db = await duckdb.createDuckDB(
    {mvp: {mainModule: wasm("duckdb-mvp.wasm"), mainWorker: ""}, eh: {mainModule: wasm("duckdb-eh.wasm"), mainWorker: ""}},
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await db.instantiate();
  db.open({query: {castDecimalToDouble: false, castBigIntToDouble: false, castTimestampToDate: false}});
  return {db, conn: db.connect()};
}

/** Reads each CSV table into DuckDB exactly as the page would, and returns it as an Arrow IPC stream. */
export async function arrowTables(tables: readonly CsvTable[]): Promise<ArrowTable[]> {
  const {db, conn} = await nodeDuckDB();
  try {
    return tables.map((t) => {
      db.registerFileText(csvFileName(t.name), t.csv);
      conn.query(createTableSql(t, csvFileName(t.name)));
      const file = conn.useUnsafe((bindings, id) => bindings.runQuery(id, `SELECT * FROM ${quoteIdent(t.name)}`));
      return {name: t.name, arrow: tableToIPC(tableFromIPC(file), "stream")};
    });
  } finally {
    conn.close();
    db.reset();
  }
}
