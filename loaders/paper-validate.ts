// Validator for the paper's source tables. Any error fails the build (the data loaders call
// assertValid); each message names the file, the row, the column and what is wrong.
import {isNumericText, parsePrinted} from "./paper-printed.js";
import {SOURCE_SPECS, type SourceTable} from "./paper-source.js";
import {ADDED_SPECS, CLAIM_KINDS, parseCellRef, parseTargets, type AddedTable} from "./paper-added.js";
import {canonicalModel, canonicalReward, FIGURE1_REWARDS, VERSIONS} from "../src/lib/paper-vocabulary.js";

export type IssueKind =
  | "missing-column"
  | "unknown-version"
  | "unknown-model"
  | "unknown-reward"
  | "non-numeric"
  | "missing-locator"
  | "duplicate-key"
  | "unknown-derived-field"
  | "unresolved-mismatch"
  | "unknown-kind"
  | "bad-reference"
  | "missing-text";

export interface ValidationIssue {
  kind: IssueKind;
  file: string;
  /** 1-based data row (the header is not counted); 0 for a whole-file problem. */
  row: number;
  /** 1-based line in the file (header = line 1); valid because no source cell spans lines. */
  line: number;
  column: string;
  message: string;
}

const KNOWN_DERIVED = new Set(["before", "after", "delta", "reward_assignment_inferred", "reward_unresolved"]);
const FIG1_KEYS = new Set(FIGURE1_REWARDS.map((r) => r.key));

export function formatIssue(i: ValidationIssue): string {
  const where = i.row > 0 ? `row ${i.row} (line ${i.line})` : "header";
  return `${i.file}.csv ${where}, column "${i.column}": ${i.message}`;
}

function modelParts(raw: string): string[] {
  // a few rows name several models at once ("Qwen2.5-1.5B; OLMo2-7B; ...")
  return raw.split(";").map((s) => s.trim()).filter(Boolean);
}

/** Check one source table; returns every problem found (empty = valid). */
export function validateTable(table: SourceTable): ValidationIssue[] {
  const spec = SOURCE_SPECS[table.name];
  const issues: ValidationIssue[] = [];
  const file = table.name;
  const add = (kind: IssueKind, row: number, column: string, message: string) =>
    issues.push({kind, file, row, line: row === 0 ? 1 : row + 1, column, message});

  const missing = spec.columns.filter((c) => !table.columns.includes(c));
  for (const c of missing) add("missing-column", 0, c, `expected column "${c}" is missing (expected: ${spec.columns.join(",")})`);
  if (missing.length) return issues;

  const seen = new Map<string, number>();
  table.rows.forEach((r, i) => {
    const row = i + 1;
    if (!VERSIONS.some((v) => v.key === r.version)) {
      add("unknown-version", row, "version", `unknown version "${r.version}" (known: ${VERSIONS.map((v) => v.key).join(", ")})`);
    }
    if ("model" in r) {
      const parts = modelParts(r.model);
      if (!parts.length) add("unknown-model", row, "model", "model is empty");
      for (const p of parts) if (!canonicalModel(p)) add("unknown-model", row, "model", `unknown model "${p}"`);
    }
    if (table.name === "main_results") {
      if (!canonicalReward(r.reward)) add("unknown-reward", row, "reward", `unknown reward "${r.reward}"`);
    }
    if (table.name === "code_reasoning" && r.item.startsWith("Fig.7") && !FIG1_KEYS.has(r.condition)) {
      add("unknown-reward", row, "condition", `Figure 7 row with unknown reward "${r.condition}" (known: ${[...FIG1_KEYS].join(", ")})`);
    }
    const numericCols = [...spec.numeric];
    // code_reasoning.value carries a number whenever a unit is given
    if (table.name === "code_reasoning" && r.unit.trim()) numericCols.push("value");
    for (const c of numericCols) {
      const v = r[c].trim();
      if (v && !isNumericText(v)) add("non-numeric", row, c, `"${r[c]}" is not a printed number`);
    }
    for (const rule of spec.numericRows ?? []) {
      if (!rule.values.includes(r[rule.column])) continue;
      for (const c of rule.numeric) {
        const v = r[c].trim();
        const printed = parsePrinted(v);
        if (printed.kind !== "number" || printed.value == null) {
          add("non-numeric", row, c, `"${r[c]}" is not a printed number, and ${rule.column} "${r[rule.column]}" needs one`);
        } else if (rule.integer && !Number.isInteger(printed.value)) {
          add("non-numeric", row, c, `"${r[c]}" is not a whole number, and ${rule.column} "${r[rule.column]}" is a count`);
        }
      }
    }
    const reportsNumber = Object.keys(r).some((c) => ["before", "after", "delta", "value"].includes(c) && /\d/.test(r[c]));
    if (!r.locator.trim() && reportsNumber) add("missing-locator", row, "locator", "a row that reports a number needs a locator");
    if ("derived_fields" in r && r.derived_fields.trim()) {
      for (const f of r.derived_fields.split(";").map((s) => s.trim())) {
        if (!KNOWN_DERIVED.has(f)) add("unknown-derived-field", row, "derived_fields", `unknown derived field "${f}"`);
        else if (["before", "after", "delta"].includes(f) && !r[f]?.trim()) {
          add("unknown-derived-field", row, "derived_fields", `names "${f}" as derived but "${f}" is empty`);
        }
      }
    }
    if (table.name === "main_results") {
      const unresolvedReward = canonicalReward(r.reward) === "unresolved";
      const unresolvedFlag = r.derived_fields.split(";").includes("reward_unresolved");
      if (unresolvedReward !== unresolvedFlag) {
        add("unresolved-mismatch", row, unresolvedReward ? "derived_fields" : "reward",
          unresolvedReward ? "reward is UNRESOLVED but derived_fields lacks reward_unresolved" : "derived_fields says reward_unresolved but the reward is named");
      }
    }
    const keyCols = [...spec.key];
    // rows of an unresolved bar differ only by their printed value
    if (table.name === "main_results" && canonicalReward(r.reward) === "unresolved") keyCols.push("delta");
    const key = keyCols.map((c) => r[c]).join("\u241f");
    const first = seen.get(key);
    if (first !== undefined) {
      add("duplicate-key", row, keyCols.join("+"), `duplicates row ${first} (same ${keyCols.join(", ")})`);
    } else seen.set(key, row);
  });
  return issues;
}

export function validateTables(tables: SourceTable[]): ValidationIssue[] {
  return tables.flatMap(validateTable);
}

/** Throw one error listing every problem; used by the data loaders so a bad row fails the build. */
export function assertValid(tables: SourceTable[]): void {
  const issues = validateTables(tables);
  if (issues.length) {
    throw new Error(`paper data: ${issues.length} problem(s) in data/paper/source:\n` + issues.map(formatIssue).join("\n"));
  }
}

/**
 * Check the added rows (data/paper/added/) against the vendored sources: every row has its version, locator and
 * printed text; a claim's kind is known and its stated number reads as that kind; every reference names a
 * transcribed cell that holds a printed number, or a figure panel transcribed in figure-panels.csv.
 */
export function validateAddedTables(added: AddedTable[], sources: SourceTable[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const panels = added.find((t) => t.name === "figure-panels");
  for (const table of added) {
    const spec = ADDED_SPECS[table.name];
    const file = `added/${table.name}`;
    const add = (kind: IssueKind, row: number, column: string, message: string) => issues.push({kind, file, row, line: row === 0 ? 1 : row + 1, column, message});
    const missing = spec.columns.filter((c) => !table.columns.includes(c));
    for (const c of missing) add("missing-column", 0, c, `expected column "${c}" is missing (expected: ${spec.columns.join(",")})`);
    if (missing.length) continue;
    const seen = new Map<string, number>();
    table.rows.forEach((r, i) => {
      const row = i + 1;
      if (!VERSIONS.some((v) => v.key === r.version)) add("unknown-version", row, "version", `unknown version "${r.version}"`);
      if (!r.locator.trim()) add("missing-locator", row, "locator", "every added row needs a locator");
      const textCol = table.name === "textual-claims" ? "printed_text" : "printed_caption";
      if (!r[textCol].trim()) add("missing-text", row, textCol, "every added row keeps the text as printed");
      const key = spec.key.map((c) => r[c]).join("\u241f");
      if (seen.has(key)) add("duplicate-key", row, spec.key.join("+"), `duplicates row ${seen.get(key)}`);
      else seen.set(key, row);
      if (table.name !== "textual-claims") return;
      if (!(CLAIM_KINDS as readonly string[]).includes(r.kind)) add("unknown-kind", row, "kind", `unknown claim kind "${r.kind}" (known: ${CLAIM_KINDS.join(", ")})`);
      if (!["contradiction", "judgement call"].includes(r.on_mismatch)) add("unknown-kind", row, "on_mismatch", `on_mismatch must be "contradiction" or "judgement call", not "${r.on_mismatch}"`);
      if (r.kind !== "panel-ref" && !/\d/.test(r.stated)) add("non-numeric", row, "stated", `"${r.stated}" states no number`);
      const cellOk = (ref: string, column: string) => {
        const c = parseCellRef(ref);
        const src = c ? sources.find((t) => t.name === c.file) : undefined;
        const cell = c ? src?.rows[c.row - 1]?.[c.quantity] : undefined;
        if (!c || !src || cell === undefined) add("bad-reference", row, column, `"${ref}" names no transcribed cell (form: main_results#6.delta)`);
        else if (!/\d/.test(cell)) add("bad-reference", row, column, `"${ref}" is "${cell}", not a printed number`);
      };
      for (const ref of r.transcribed_as.split(";").map((x) => x.trim()).filter(Boolean)) cellOk(ref, "transcribed_as");
      const targets = parseTargets(r.compare_with);
      if (!targets.length) add("bad-reference", row, "compare_with", "a claim must name what it is compared with");
      for (const t of targets) {
        if (t.kind === "invalid") add("bad-reference", row, "compare_with", `"${t.raw}" is not a cell (file#row.column), figure:Figure N or panel:Figure Nx`);
        else if (t.kind === "cell") cellOk(t.raw, "compare_with");
        else if (t.kind === "panel" && !panels?.rows.some((p) => p.version === r.version && p.figure === t.figure && p.panel === t.panel)) {
          add("bad-reference", row, "compare_with", `"${t.raw}": no such panel in added/figure-panels.csv for ${r.version}`);
        }
      }
      if (r.kind === "panel-ref" && r.expects.split(";").filter(Boolean).length !== targets.length) {
        add("bad-reference", row, "expects", "a panel reference names one expected subject per panel");
      }
    });
  }
  return issues;
}

/** Throw one error listing every problem in the added rows (the audit loaders call it). */
export function assertAddedValid(added: AddedTable[], sources: SourceTable[]): void {
  const issues = validateAddedTables(added, sources);
  if (issues.length) throw new Error(`paper data: ${issues.length} problem(s) in data/paper/added:\n` + issues.map(formatIssue).join("\n"));
}
