// How a reader's SQL is run so that a result of any size cannot hurt the page: the query is wrapped so that
// DuckDB itself stops after the displayed rows (LIMIT), cuts long cells, and prints every value as text
// (CAST AS VARCHAR: BIGINT, HUGEINT and DECIMAL exactly, dates as dates, INTERVAL and BLOB as DuckDB writes
// them, DOUBLE as the shortest decimal that reads back as the same stored double). Only that text crosses
// from DuckDB's worker into the page. Statements that are not a single query (PRAGMA, CREATE, several
// statements) cannot be wrapped; they run as typed and are cut after the same number of rows while streaming.
import {groupThousands} from "../count-format.js";

export interface DisplayLimits {
  /** Rows shown; DuckDB is asked for one more, only to learn whether the result is longer. */
  maxRows: number;
  /** Characters of one cell shown; longer cells are cut inside DuckDB and their full length reported. */
  maxCellChars: number;
}

export const DEFAULT_LIMITS: DisplayLimits = {maxRows: 500, maxCellChars: 2000};

/**
 * The reader's text without trailing semicolons, whitespace and comment lines, so that it can stand inside
 * parentheses. Null when nothing is left (an empty query).
 */
export function queryBody(sql: string): string | null {
  let s = sql;
  for (;;) {
    const before = s;
    s = s.replace(/\s+$/, "").replace(/;$/, "");
    // a last line that is only a "-- comment" (a comment after code on the same line is left alone: the
    // wrapped query then fails to parse and the text runs unwrapped, which is still safe)
    s = s.replace(/(^|\n)[ \t]*--[^\n]*$/, "");
    if (s === before) break;
  }
  return s.trim() ? s : null;
}

const quoteLiteral = (n: number) => String(Math.max(0, Math.floor(n)));

/** DESCRIBE of the wrapped query: names and DuckDB types of the result's columns, without running it. */
export function describeSql(body: string): string {
  return `DESCRIBE SELECT * FROM (\n${body}\n) AS reader_query`;
}

/**
 * The wrapped query: for each of the reader's columns, first its text (cut at maxCellChars), then, after all
 * texts, each cell's full length in characters. At most maxRows + 1 rows come back.
 */
export function displaySql(body: string, limits: DisplayLimits = DEFAULT_LIMITS): string {
  const n = quoteLiteral(limits.maxCellChars);
  return `SELECT left(CAST(COLUMNS(*) AS VARCHAR), ${n}), length(CAST(COLUMNS(*) AS VARCHAR)) FROM (\n${body}\n) AS reader_query LIMIT ${quoteLiteral(limits.maxRows + 1)}`;
}

/** A cell as shown: DuckDB's text, and when it was cut, how long it really is. */
export function cellText(text: string | null, fullLength: number | null, maxCellChars: number): string | null {
  if (text == null) return null;
  if (fullLength != null && fullLength > maxCellChars) return `${text}… (${groupThousands(fullLength)} characters in all)`;
  return text;
}

const NUMERIC_SQL_TYPE = /^(TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|REAL|DOUBLE|DECIMAL|NUMERIC)\b/i;

/** True for DuckDB's numeric column types (right-aligned, chartable). */
export function isNumericSqlType(type: string): boolean {
  return NUMERIC_SQL_TYPE.test(type.trim());
}

/** "6 rows", or, when DuckDB stopped early, how many are shown and why. */
export function rowCountText(shown: number, truncated: null | "rows" | "bytes", limits: Pick<DisplayLimits, "maxRows"> = DEFAULT_LIMITS): string {
  const rows = (n: number) => `${groupThousands(n)} row${n === 1 ? "" : "s"}`;
  if (truncated === "rows") return `more than ${rows(limits.maxRows)}: the first ${rows(shown)} are shown (add LIMIT/OFFSET or an aggregate to see others)`;
  if (truncated === "bytes") return `the first ${rows(shown)} are shown: the result was cut there because it passed the size guard`;
  return rows(shown);
}
