// How a table of the query page is read into DuckDB from CSV text: every column read as text (so DuckDB guesses
// nothing), then the typed columns cast. Shared by the browser (tables loaded on first use) and the build, which
// runs the same statement in DuckDB to ship the start-up tables ready-typed (loaders/query/arrow-tables.ts).

export interface CsvTable {
  /** SQL table name (letters, digits, underscore). */
  name: string;
  /** CSV text with a header row. */
  csv: string;
  /** Column -> SQL type to cast to after reading every column as text (others stay VARCHAR). */
  types?: Record<string, string>;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function quoteIdent(name: string): string {
  if (!NAME.test(name)) throw new Error(`invalid table or column name: ${JSON.stringify(name)}`);
  return `"${name}"`;
}

/** The in-memory file name a table's CSV text is registered under. */
export const csvFileName = (table: string) => `${quoteIdent(table).slice(1, -1)}.csv`;

/** The CREATE TABLE statement for one CSV table. */
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
