// The paper checked against itself. Reads the tidy numbers (and the added textual claims), never changes a
// printed value: each finding names both places, both values, the gap and the tolerance print rounding
// allows, and belongs to the root cause that explains it. Findings are data: they never fail the build.
import type {PaperNumber} from "../paper-tidy.js";
import type {AddedTable} from "../paper-added.js";
import {Auditor} from "./auditor.js";
import {assignCauses, causeSpecs, type CauseSpec} from "./causes.js";
import {checkAbstract} from "./checks/abstract-vs-body.js";
import {checkArithmetic} from "./checks/arithmetic.js";
import {checkCrossVersion} from "./checks/cross-version.js";
import {checkFigure7} from "./checks/figure-7-sums.js";
import {checkFigure7Reconstruction} from "./checks/figure-7-reconstruction.js";
import {checkFigureVsFigure} from "./checks/figure-vs-figure.js";
import {checkSameQuantity} from "./checks/same-quantity.js";
import {checkTable1VsFigure7, checkTable1Weighted, checkTable2} from "./checks/tables.js";
import {checkCopiedSequences} from "./copied-sequences.js";
import {headlineIds, withReach} from "./reach.js";
import {checkTable2Reproduction} from "./table2-reproduction.js";
import {checkTextualClaims} from "./textual-claims.js";
import type {AuditResult, Cause, Finding, Severity, Status} from "./types.js";

export interface AuditInputs {
  /** data/paper/added tables (textual claims, figure panels). */
  added?: AddedTable[];
  /** Findings from other loaders (e.g. claims checked against the training curves), appended as they are. */
  extraFindings?: (Finding & {supersedes?: string[]})[];
  /** Causes from other loaders; their `explains` rules see every finding. */
  extraCauses?: CauseSpec[];
}

/** The checks whose findings a correction can remove (everything computed from the printed numbers). */
export function runNumericChecks(au: Auditor, numbers: PaperNumber[]): void {
  checkArithmetic(au, numbers);
  checkAbstract(au, numbers);
  checkSameQuantity(au, numbers);
  checkFigureVsFigure(au, numbers);
  checkCrossVersion(au, numbers);
  checkFigure7(au, numbers);
  checkFigure7Reconstruction(au, numbers);
  checkTable1Weighted(au, numbers);
  checkTable2(au, numbers);
  checkTable2Reproduction(au, numbers);
  checkTable1VsFigure7(au, numbers);
  checkCopiedSequences(au, numbers);
}

const DEFAULT_SEVERITY: Record<Status, Severity> = {contradiction: "medium", judgement: "low", change: "low", note: "low", confirmed: "low"};

/** Run every check. Pure: same numbers and inputs in, same result out. */
export function auditPaper(numbers: PaperNumber[], inputs: AuditInputs = {}): AuditResult {
  const au = new Auditor();
  runNumericChecks(au, numbers);
  const numericFindings = au.result().findings;
  const claims = inputs.added?.find((t) => t.name === "textual-claims");
  checkTextualClaims(au, numbers, {claims, panels: inputs.added?.find((t) => t.name === "figure-panels")});
  const raw = au.result();
  const byId = new Map(numbers.map((n) => [n.id, n]));
  const headline = headlineIds(numbers);
  const reach = (f: Finding) => withReach({...f, severity: f.severity ?? DEFAULT_SEVERITY[f.status]}, byId, headline);
  const superseded = new Set((inputs.extraFindings ?? []).flatMap((f) => f.supersedes ?? []));
  const found = [...raw.findings, ...(inputs.extraFindings ?? []).filter((f) => f.status !== "confirmed")]
    .filter((f) => !superseded.has(f.id)).map((f) => reach({...f, severity: DEFAULT_SEVERITY[f.status]}));
  const confirmations = [...raw.confirmations, ...(inputs.extraFindings ?? []).filter((f) => f.status === "confirmed")].map(reach);
  const rerun = (n: PaperNumber[]) => { const x = new Auditor(); runNumericChecks(x, n); return x.result().findings; };
  const specs = [...causeSpecs(numbers), ...(inputs.extraCauses ?? [])];
  const {causes, findings, introduced} = assignCauses(numbers, found, specs, rerun, numericFindings);
  const claimFindings = [...findings, ...confirmations].filter((f) => f.check === "textual-claim");
  const byStatus: Partial<Record<Status, number>> = {};
  for (const f of claimFindings) byStatus[f.status] = (byStatus[f.status] ?? 0) + 1 + f.same_in.length;
  const checks = raw.checks.map((c) => ({...c, findings: findings.filter((f) => f.check === c.check).length}));
  return {
    causes: causes as Cause[],
    findings: orderFindings(findings, causes),
    confirmations,
    checks,
    textual_claims: {checked: claims?.rows.length ?? 0, by_status: byStatus},
    corrections_introduce: introduced,
  };
}

/** Findings in cause order (then those without a cause), keeping check order inside each. */
function orderFindings(findings: Finding[], causes: Cause[]): Finding[] {
  const rank = new Map(causes.map((c, i) => [c.id, i]));
  return [...findings].sort((a, b) => (rank.get(a.cause ?? "") ?? causes.length) - (rank.get(b.cause ?? "") ?? causes.length));
}

/** One flat record per finding or confirmation (CSV download, DuckDB). */
export function flatFinding(f: Finding): Record<string, string | number | boolean> {
  const s = (x: Finding["a"], p: string) => ({
    [`${p}_version`]: x.version, [`${p}_place`]: x.place, [`${p}_label`]: x.label, [`${p}_shown`]: x.shown,
    [`${p}_value`]: x.value, [`${p}_locator`]: x.locator, [`${p}_ids`]: x.ids.join("|"),
  });
  return {
    id: f.id, check: f.check, status: f.status, severity: f.severity, cause: f.cause ?? "", title: f.title, model: f.model, reward: f.reward,
    versions: f.version_labels.join("|"),
    ...s(f.a, "a"), ...s(f.b, "b"), gap: f.gap, tolerance: f.tolerance, unit: f.unit, explanation: f.explanation,
    touches_headline: f.touches_headline, places: f.places.join("|"),
    same_in_locators: f.same_in.map((x) => `${x.a.version_label}: ${x.a.locator}`).join("|"),
  };
}

export type {AuditResult, Cause, Finding} from "./types.js";
