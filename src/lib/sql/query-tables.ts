// The query page's tables: the SQL type of each typed column (every other column is VARCHAR, the text exactly as
// transcribed), and how the start-up tables travel from the build to the page: as Arrow IPC streams, base64 in
// one JSON object (loaders/query/arrow-tables.ts writes it), because DuckDB reads Arrow in a fraction of the
// time its CSV reader takes on a cold start.

export const QUERY_TABLE_TYPES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  numbers: {row: "INTEGER", value: "DOUBLE", decimals: "INTEGER", derived: "BOOLEAN"},
  findings: {gap: "DOUBLE", tolerance: "DOUBLE", a_value: "DOUBLE", b_value: "DOUBLE"},
  curves: {figure: "INTEGER", page: "INTEGER", step: "INTEGER", value: "DOUBLE"},
  curve_axes: {figure: "INTEGER", page: "INTEGER", slope: "DOUBLE", intercept: "DOUBLE", max_residual: "DOUBLE", tick_count: "INTEGER", on_grid: "INTEGER", tolerance: "DOUBLE"},
};

/** A table shipped ready-typed: an Arrow IPC stream DuckDB reads as it is. */
export interface ArrowTable {
  name: string;
  arrow: Uint8Array;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let text = "";
  // in slices: String.fromCharCode takes its bytes as arguments, and a call has a bounded number of them
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

export function base64ToBytes(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** The page's side of the shipped JSON ({table: base64 Arrow stream}); throws on anything else. */
export function decodeArrowTables(json: unknown): ArrowTable[] {
  if (json === null || typeof json !== "object" || Array.isArray(json)) throw new Error("the tables file is not a JSON object");
  return Object.entries(json as Record<string, unknown>).map(([name, value]) => {
    if (typeof value !== "string") throw new Error(`the table ${name} is not base64 text`);
    return {name, arrow: base64ToBytes(value)};
  });
}
