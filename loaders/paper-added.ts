// Rows added to the transcription for the audit (data/paper/added/, see data/paper/PROVENANCE.md): the text's
// claims about numbers, and figure panel captions that text refers to. Kept apart from data/paper/source/,
// which stays a byte-for-byte copy; every row keeps its version, locator and printed text.
import {readFileSync} from "node:fs";
import {fromCSV} from "arquero";

export type AddedFileName = "textual-claims" | "figure-panels";

export const ADDED_SPECS: Readonly<Record<AddedFileName, {columns: readonly string[]; key: readonly string[]}>> = {
  "textual-claims": {
    columns: ["version", "claim", "locator", "printed_text", "kind", "stated", "unit", "transcribed_as", "compare_with", "expects", "on_mismatch", "notes"],
    key: ["version", "claim"],
  },
  "figure-panels": {
    columns: ["version", "figure", "panel", "printed_caption", "locator"],
    key: ["version", "figure", "panel"],
  },
};

export const CLAIM_KINDS = ["value", "approx", "range", "bound", "list", "within-steps", "panel-ref"] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export interface AddedTable {
  name: AddedFileName;
  columns: string[];
  rows: Record<string, string>[];
}

export const ADDED_DIR = "data/paper/added";

export function parseAddedCsv(name: AddedFileName, text: string): AddedTable {
  const table = fromCSV(text, {autoType: false});
  const columns = table.columnNames();
  const rows = (table.objects() as Record<string, unknown>[]).map((o) => Object.fromEntries(columns.map((c) => [c, o[c] == null ? "" : String(o[c])])));
  return {name, columns, rows};
}

export function readAddedTables(dir = ADDED_DIR): AddedTable[] {
  return (Object.keys(ADDED_SPECS) as AddedFileName[]).map((name) => parseAddedCsv(name, readFileSync(`${dir}/${name}.csv`, "utf8")));
}

/** A reference to one transcribed cell: "main_results#6.delta" (file, 1-based data row, column). */
export interface CellRef {
  file: string;
  row: number;
  quantity: string;
}

export function parseCellRef(ref: string): CellRef | null {
  const m = /^(main_results|code_reasoning|clipping|setup)#(\d+)\.(before|after|delta|value)$/.exec(ref.trim());
  return m ? {file: m[1], row: Number(m[2]), quantity: m[3]} : null;
}

/** compare_with entries: cells, "figure:Figure 2" (needs the curves) or "panel:Figure 9c". */
export type Target = {kind: "cell"; ref: CellRef; raw: string} | {kind: "figure"; figure: string; raw: string} | {kind: "panel"; figure: string; panel: string; raw: string};

export function parseTargets(text: string): (Target | {kind: "invalid"; raw: string})[] {
  return text.split(";").map((s) => s.trim()).filter(Boolean).map((raw) => {
    const cell = parseCellRef(raw);
    if (cell) return {kind: "cell", ref: cell, raw};
    const fig = /^figure:(Figure \d+)$/.exec(raw);
    if (fig) return {kind: "figure", figure: fig[1], raw};
    const panel = /^panel:(Figure \d+)([a-z])$/.exec(raw);
    if (panel) return {kind: "panel", figure: panel[1], panel: panel[2], raw};
    return {kind: "invalid", raw};
  });
}
