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
  /**
   * Rows picked by one column's value whose other cells must hold a printed number (never empty), as a whole
   * number when `integer` is set: a word where a count belongs would otherwise be well-formed and wrong.
   */
  numericRows?: readonly NumericRowRule[];
}

export interface NumericRowRule {
  column: string;
  values: readonly string[];
  numeric: readonly string[];
  integer?: boolean;
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
    numericRows: [
      // counts the site computes with (the toy page's batch arithmetic, the training length per version)
      {
        column: "parameter",
        values: [
          "training steps (Figure 1)", "rollout batch size (prompts rolled out at once)", "rollouts per prompt (group size G)",
          "mini batch size (rollouts per gradient update)", "GPUs per run", "[repo] n_samples_per_prompt", "[repo] rollout_batch_size",
          "[repo] train_batch_size", "[repo] num_episodes", "[repo] n_votes_per_prompt (majority vote)", "[repo] prompt_max_len",
          "[repo] generate_max_len (max response tokens)", "[repo] eval max_tokens", "[repo] seed default",
        ],
        numeric: ["value"],
        integer: true,
      },
      // settings printed as one number
      {
        column: "parameter",
        values: [
          "clip ratio epsilon_c", "clip epsilon", "sampling temperature (training)", "[repo] eps_clip default", "[repo] actor learning rate",
          "[repo] max grad norm default", "[repo] training temperature", "[repo] eval temperature (pass@1)", "[repo] eval temperature for @8 metrics",
          "[repo] KL coefficient",
        ],
        numeric: ["value"],
      },
    ],
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
