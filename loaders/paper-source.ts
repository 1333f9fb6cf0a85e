// The four source tables as vendored in data/paper/source/ (verbatim copies, see data/paper/PROVENANCE.md).
// Reading is separated from the checks so the validator and the transform can be tested on crafted text.
import {readFileSync} from "node:fs";
import {fromCSV} from "arquero";

export type SourceFileName = "main_results" | "code_reasoning" | "clipping" | "setup";

export interface SourceSpec {
  name: SourceFileName;
  columns: readonly string[];
  /** Columns that identify a row; two rows with the same values here are duplicates. */
  key: readonly string[];
  /** Columns that must hold a printed number (or be empty). */
  numeric: readonly string[];
}

export const SOURCE_SPECS: Readonly<Record<SourceFileName, SourceSpec>> = {
  main_results: {
    name: "main_results",
    columns: ["version", "model", "reward", "benchmark", "metric", "before", "after", "delta", "source", "locator", "derived_fields", "notes"],
    // unresolved Figure 1 bars share every descriptive column; their printed delta tells them apart
    key: ["version", "model", "reward", "benchmark", "metric", "locator"],
    numeric: ["before", "after", "delta"],
  },
  code_reasoning: {
    name: "code_reasoning",
    columns: ["version", "model", "condition", "item", "before", "after", "delta", "value", "unit", "source", "locator", "derived_fields", "notes"],
    key: ["version", "model", "condition", "item", "locator"],
    numeric: ["before", "after", "delta"],
  },
  clipping: {
    name: "clipping",
    columns: ["version", "experiment", "condition", "item", "value", "unit", "source", "locator", "derived_fields", "notes"],
    key: ["version", "experiment", "condition", "item", "locator"],
    numeric: [],
  },
  setup: {
    name: "setup",
    columns: ["version", "parameter", "value", "source", "locator", "notes"],
    key: ["version", "parameter", "locator"],
    numeric: [],
  },
};

export const SOURCE_FILE_NAMES: readonly SourceFileName[] = ["main_results", "code_reasoning", "clipping", "setup"];

export interface SourceTable {
  name: SourceFileName;
  columns: string[];
  /** Cells as printed; an empty cell is "". */
  rows: Record<string, string>[];
}

/** Parse one CSV text (no type inference: every cell stays the printed text). */
export function parseSourceCsv(name: SourceFileName, text: string): SourceTable {
  const table = fromCSV(text, {autoType: false});
  const columns = table.columnNames();
  const rows = (table.objects() as Record<string, unknown>[]).map((o) => {
    const r: Record<string, string> = {};
    for (const c of columns) r[c] = o[c] == null ? "" : String(o[c]);
    return r;
  });
  return {name, columns, rows};
}

export const SOURCE_DIR = "data/paper/source";

/** Read the vendored CSVs (path relative to the project root, the cwd of loaders). */
export function readSourceTables(dir = SOURCE_DIR): SourceTable[] {
  return SOURCE_FILE_NAMES.map((name) => parseSourceCsv(name, readFileSync(`${dir}/${name}.csv`, "utf8")));
}

export function readSourceText(name: SourceFileName, dir = SOURCE_DIR): string {
  return readFileSync(`${dir}/${name}.csv`, "utf8");
}
