// Pure transform: the four source tables (verbatim) -> one tidy row per reported number.
// Nothing is retyped: every value comes from a source cell, kept as printed text beside the parsed
// number, so "+21.4" and "21.40" stay distinguishable.
import {sha256} from "@noble/hashes/sha2.js";
import {bytesToHex, utf8ToBytes} from "@noble/hashes/utils.js";
import {parsePrinted, type PrintedKind} from "./paper-printed.js";
import {SOURCE_SPECS, type SourceFileName, type SourceTable} from "./paper-source.js";
import {canonicalModel, canonicalReward, rewardInfo, versionLabel} from "../src/lib/paper-vocabulary.js";

export type Quantity = "before" | "after" | "delta" | "value";
export type Status = "printed" | "derived" | "inferred" | "unresolved";
export type SourceKind = "paper" | "secondary" | "repo";

export interface PaperNumber {
  /** Stable id: hash of the row's key columns and the quantity (not of its position or value). */
  id: string;
  file: SourceFileName;
  /** 1-based data row in data/paper/source/<file>.csv. */
  row: number;
  version: string;
  version_label: string;
  /** Canonical model name when the row names one model, else the text as printed. */
  model: string;
  model_raw: string;
  /** Canonical reward key ("" when the row is not about one reward). */
  reward: string;
  reward_raw: string;
  reward_label: string;
  reward_group: string;
  benchmark: string;
  /** What is measured: the metric / item / parameter column as printed. */
  metric: string;
  /** Further context: code_reasoning condition, clipping experiment and condition. */
  condition: string;
  quantity: Quantity;
  /** The cell exactly as printed. */
  text: string;
  /** The number, when the text is one exact or approximate number; null otherwise. */
  value: number | null;
  /** Every number in the text, in order. */
  values: number[];
  kind: PrintedKind;
  /** Digits after the decimal point as printed (null unless a single number). */
  decimals: number | null;
  unit: string;
  status: Status;
  /** True when this cell was computed by the transcriber (named in derived_fields), not printed. */
  derived: boolean;
  source_kind: SourceKind;
  source: string;
  locator: string;
  /** The paper place the locator points at, normalised: "Figure 1", "Table 3", "Abstract", "Sec.2.3", ... */
  place: string;
  notes: string;
}

const QUANTITIES: readonly Quantity[] = ["before", "after", "delta", "value"];

/** Normalise a locator to the paper place it names first ("Figure 7 (p.8) Sankey" -> "Figure 7"). */
export function placeOf(locator: string): string {
  const patterns: [RegExp, (m: RegExpExecArray) => string][] = [
    [/\b(?:Figure|Fig\.)\s?(\d+)/, (m) => `Figure ${m[1]}`],
    [/\b(?:Table|Tab\.)\s?(\d+)/, (m) => `Table ${m[1]}`],
    [/\bAbstract\b/i, () => "Abstract"],
    [/\bSec\.\s?(\d+(?:\.\d+)*)/, (m) => `Sec.${m[1]}`],
    [/\bApp\.\s?([A-Z](?:\.\d+)*)/, (m) => `App.${m[1]}`],
  ];
  let best: {index: number; place: string} | null = null;
  for (const [re, f] of patterns) {
    const m = re.exec(locator);
    if (m && (best === null || m.index < best.index)) best = {index: m.index, place: f(m)};
  }
  return best?.place ?? "";
}

function sourceKind(source: string): SourceKind {
  if (source.startsWith("SECONDARY")) return "secondary";
  if (source.startsWith("REPO CODE")) return "repo";
  return "paper";
}

export function numberId(file: SourceFileName, keyValues: string[], quantity: Quantity): string {
  const h = bytesToHex(sha256(utf8ToBytes([file, ...keyValues, quantity].join("\u241f"))));
  return `n-${h.slice(0, 10)}`;
}

function unitFor(file: SourceFileName, r: Record<string, string>, q: Quantity): string {
  if (q === "delta") return "points";
  if (file === "main_results") return /%|accuracy/.test(r.metric) ? "%" : "";
  return r.unit ?? "";
}

function benchmarkFor(file: SourceFileName, r: Record<string, string>): string {
  if (file === "main_results") return r.benchmark;
  if (file === "code_reasoning") {
    // Figure 7 is MATH-500 ("All: 500"); Tables 1 and 3 say MATH-500 in condition/item
    if (r.item.startsWith("Fig.7") || /MATH-500/.test(`${r.item} ${r.condition} ${r.unit}`)) return "MATH-500";
  }
  return "";
}

/** Transform one source table into tidy numbers (one per non-empty before/after/delta/value cell). */
export function tidyTable(table: SourceTable): PaperNumber[] {
  const spec = SOURCE_SPECS[table.name];
  const file = table.name;
  const out: PaperNumber[] = [];
  table.rows.forEach((r, i) => {
    const modelRaw = r.model ?? "";
    const model = canonicalModel(modelRaw) ?? modelRaw;
    const rewardRaw = file === "main_results" ? r.reward : file === "code_reasoning" ? r.condition : "";
    const reward = (rewardRaw && canonicalReward(rewardRaw)) || "";
    const info = reward ? rewardInfo(reward) : undefined;
    const derivedFields = new Set((r.derived_fields ?? "").split(";").map((s) => s.trim()).filter(Boolean));
    const keyCols = [...spec.key];
    if (reward === "unresolved") keyCols.push("delta");
    const keyValues = keyCols.map((c) => r[c]);
    const metric = file === "main_results" ? r.metric : file === "setup" ? r.parameter : r.item;
    const condition = file === "code_reasoning" ? r.condition : file === "clipping" ? `${r.experiment}: ${r.condition}` : "";
    for (const q of QUANTITIES) {
      const text = r[q];
      if (text === undefined || text.trim() === "") continue;
      const p = parsePrinted(text);
      const derived = derivedFields.has(q);
      const status: Status =
        reward === "unresolved" || derivedFields.has("reward_unresolved") ? "unresolved"
        : derivedFields.has("reward_assignment_inferred") ? "inferred"
        : derived ? "derived"
        : "printed";
      out.push({
        id: numberId(file, keyValues, q),
        file,
        row: i + 1,
        version: r.version,
        version_label: versionLabel(r.version),
        model,
        model_raw: modelRaw,
        reward,
        reward_raw: rewardRaw,
        reward_label: info?.label ?? "",
        reward_group: info?.group ?? "",
        benchmark: benchmarkFor(file, r),
        metric,
        condition,
        quantity: q,
        text,
        value: p.value,
        values: p.values,
        kind: p.kind,
        decimals: p.decimals,
        unit: unitFor(file, r, q),
        status,
        derived,
        source_kind: sourceKind(r.source),
        source: r.source,
        locator: r.locator,
        place: placeOf(r.locator),
        notes: r.notes ?? "",
      });
    }
  });
  return out;
}

export function tidyTables(tables: SourceTable[]): PaperNumber[] {
  return tables.flatMap(tidyTable);
}

/** Column order of the tidy CSV download (arrays joined with "|"). */
export const TIDY_COLUMNS: readonly (keyof PaperNumber)[] = [
  "id", "file", "row", "version", "version_label", "model", "model_raw", "reward", "reward_raw", "reward_label",
  "reward_group", "benchmark", "metric", "condition", "quantity", "text", "value", "values", "kind", "decimals",
  "unit", "status", "derived", "source_kind", "source", "locator", "place", "notes",
];

/** Flatten for CSV: arrays joined with "|", null as empty. */
export function flatRow(n: PaperNumber): Record<string, string | number | boolean | null> {
  const o: Record<string, string | number | boolean | null> = {};
  for (const c of TIDY_COLUMNS) {
    const v = n[c];
    o[c] = Array.isArray(v) ? v.join("|") : (v as string | number | boolean | null);
  }
  return o;
}
