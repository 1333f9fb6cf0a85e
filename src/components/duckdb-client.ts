// A small DuckDB-wasm (1.32.0) client, loaded on demand only: nothing of DuckDB is fetched until
// openDuckDB() is called. Assets are self-hosted from node_modules via import.meta.resolve, the worker is
// a module worker, logging is off, and only CSV text is fed in (the json/parquet extensions would be
// downloaded from another host). DECIMAL and BIGINT results come back as JS numbers.
// Reusable: the query page loads the paper tables; the toy page can load its runs table the same way.

export interface CsvTable {
  /** SQL table name (letters, digits, underscore). */
  name: string;
  /** CSV text with a header row. */
  csv: string;
  /** Column -> SQL type to cast to after reading every column as text (others stay VARCHAR). */
  types?: Record<string, string>;
}

export interface QueryColumn {
  name: string;
  type: string;
  numeric: boolean;
}

export interface QueryResult {
  columns: QueryColumn[];
  rows: Record<string, unknown>[];
  elapsedMs: number;
}

export interface DuckClient {
  query(sql: string): Promise<QueryResult>;
  tables(): Promise<string[]>;
  close(): Promise<void>;
}

export type LoadStage = "downloading" | "starting" | "loading tables" | "ready";

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function quoteIdent(name: string): string {
  if (!NAME.test(name)) throw new Error(`invalid table or column name: ${JSON.stringify(name)}`);
  return `"${name}"`;
}

/** The CREATE TABLE statement for one CSV table (pure; exported for tests). */
export function createTableSql(t: CsvTable, fileName: string): string {
  const table = quoteIdent(t.name);
  const casts = Object.entries(t.types ?? {}).map(([col, type]) => {
    if (!/^[A-Z]+$/.test(type)) throw new Error(`invalid SQL type for ${t.name}.${col}: ${type}`);
    // DuckDB reads empty cells as NULL; TRY_CAST keeps a malformed cell NULL instead of failing the load
    return type === "BOOLEAN"
      ? `(lower(${quoteIdent(col)}) = 'true') AS ${quoteIdent(col)}`
      : `TRY_CAST(${quoteIdent(col)} AS ${type}) AS ${quoteIdent(col)}`;
  });
  const select = casts.length ? `SELECT * REPLACE (${casts.join(", ")})` : "SELECT *";
  return `CREATE OR REPLACE TABLE ${table} AS ${select} FROM read_csv('${fileName}', header = true, all_varchar = true, auto_detect = true)`;
}

const NUMERIC_TYPE = /^(Int|Uint|Float|Decimal)/i;

/**
 * Start DuckDB in a module worker and load the given CSV tables.
 * onStage reports progress so the page can show a loading state.
 */
export async function openDuckDB(tables: CsvTable[], onStage: (stage: LoadStage) => void = () => {}): Promise<DuckClient> {
  onStage("downloading");
  const duckdb = await import("@duckdb/duckdb-wasm");
  const bundles = {
    mvp: {
      mainModule: import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm"),
      mainWorker: import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js"),
    },
    eh: {
      mainModule: import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm"),
      mainWorker: import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js"),
    },
  };
  const bundle = await duckdb.selectBundle(bundles);
  // a classic worker fails: Framework serves the worker file as an ES module
  const worker = new Worker(bundle.mainWorker!, {type: "module"});
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  onStage("starting");
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  await db.open({query: {castDecimalToDouble: true, castBigIntToDouble: true, castTimestampToDate: true}});
  const conn = await db.connect();
  onStage("loading tables");
  for (const t of tables) {
    const file = `${t.name}.csv`;
    await db.registerFileText(file, t.csv);
    await conn.query(createTableSql(t, file));
  }
  // Once the tables are in, DuckDB may touch nothing outside this page: no extension downloads (they come
  // from another host) and no reads of URLs or files, whatever SQL a reader types.
  await conn.query("SET autoinstall_known_extensions = false");
  await conn.query("SET autoload_known_extensions = false");
  await conn.query("SET enable_external_access = false");
  onStage("ready");

  return {
    async query(sql: string): Promise<QueryResult> {
      const started = performance.now();
      const result = await conn.query(sql);
      const columns = result.schema.fields.map((f) => {
        const type = String(f.type);
        return {name: f.name, type, numeric: NUMERIC_TYPE.test(type)};
      });
      const rows = result.toArray().map((r) => {
        const o = r.toJSON() as Record<string, unknown>;
        for (const k of Object.keys(o)) if (typeof o[k] === "bigint") o[k] = Number(o[k]);
        return o;
      });
      return {columns, rows, elapsedMs: performance.now() - started};
    },
    async tables(): Promise<string[]> {
      const r = await conn.query("SELECT table_name FROM information_schema.tables ORDER BY table_name");
      return r.toArray().map((x) => String(x.toJSON().table_name));
    },
    async close(): Promise<void> {
      await conn.close();
      await db.terminate();
      worker.terminate();
    },
  };
}
