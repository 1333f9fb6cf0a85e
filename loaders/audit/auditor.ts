// Accumulates comparisons: a comparison beyond its tolerance is a finding; one within it counts as compared
// (and is kept as a confirmation when the check asks for it). Identical disagreements printed in several
// versions are merged into one finding that lists them all.
import type {PaperNumber} from "../paper-tidy.js";
import {PAPER_VERSION_KEYS, versionInfo, versionLabel} from "../../src/lib/paper-vocabulary.js";
import type {CheckKind, CheckSummary, Finding, FindingSide, Severity, Status} from "./types.js";

export const CHECK_DESCRIPTIONS: Readonly<Record<CheckKind, string>> = {
  "arithmetic": "before + printed change = after, within print rounding (rows where all three are printed)",
  "abstract-vs-body": "numbers in the abstract against the table or figure that reports the same quantity",
  "same-quantity": "one quantity printed in two places of the same version (baselines, accuracy with and without code)",
  "figure-vs-figure": "Figure 1 gains against the Figure 7 'All' gains of the same version and training length",
  "cross-version": "the same printed quantity in consecutive paper versions",
  "subset-sum": "Figure 7 strategy-switch subset sizes against the Code / Lang totals they should add up to",
  "weighted-accuracy": "subset accuracies weighted by their sizes against the overall accuracy",
  "percent-sum": "percentage shares that should add up to 100 (Table 2 partial contributions)",
  "table-vs-figure": "a table's column against the figure it summarises (Table 1 against Figure 7)",
  "count-granularity": "an accuracy over n problems must be a whole number of problems out of n (k/n)",
  "figure-7-reconstruction": "the integer counts k/n each Figure 7 panel implies: subset sizes from the panel's totals, correct answers from its accuracies",
  "table-2-reproduction": "Table 2 recomputed from Figure 7's consistent reading: the five-reward mean of each subset's partial contribution",
  "textual-claim": "what the text says about numbers (values it repeats, ranges, ~approximations, bounds, panel references) against the numbers and figures it describes",
  "copied-sequence": "three or more printed numbers repeated, in the same order, where different quantities are reported (copy errors)",
};

export const EPS = 1e-9;
export const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

export function slug(...parts: string[]): string {
  return parts.join("-").toLowerCase().replace(/->/g, "-").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}

export const letter = (version: string) => versionInfo(version)?.letter ?? "X";

export function side(n: PaperNumber, label: string, opts: {value?: number; shown?: string; place?: string} = {}): FindingSide {
  return {
    version: n.version,
    version_label: n.version_label,
    place: opts.place ?? n.place,
    locator: n.locator,
    label,
    shown: opts.shown ?? n.text,
    computed: false,
    value: opts.value ?? (n.value as number),
    ids: [n.id],
  };
}

export function computedSide(version: string, place: string, locator: string, label: string, shown: string, value: number, ids: string[]): FindingSide {
  return {version, version_label: versionLabel(version), place, locator, label, shown, computed: true, value: round(value, 4), ids};
}

/** What a check records; versions, reach and cause are filled in afterwards. */
export type Comparison = Omit<Finding, "gap" | "versions" | "version_labels" | "same_in" | "aliases" | "status" | "severity" | "cause" | "places" | "touches_headline" | "pages" | "pdf"> & {
  /** Status when the comparison fails (default: contradiction). */
  status?: Status;
  severity?: Severity;
  /** Keep the comparison as a confirmation when it passes. */
  confirm?: boolean;
};

type Recorded = Comparison & {gap: number; status: Status};

export class Auditor {
  findings: Recorded[] = [];
  confirmations: Recorded[] = [];
  compared = new Map<CheckKind, number>();
  notCompared = new Map<CheckKind, string[]>();

  compare(f: Comparison): boolean {
    this.compared.set(f.check, (this.compared.get(f.check) ?? 0) + 1);
    const gap = Math.abs(f.a.value - f.b.value);
    const rec = {...f, gap: round(gap), tolerance: round(f.tolerance)};
    if (gap > f.tolerance + EPS) {
      this.findings.push({...rec, status: f.status ?? "contradiction"});
      return false;
    }
    if (f.confirm) this.confirmations.push({...rec, status: "confirmed"});
    return true;
  }

  /** Record a finding whose status is decided by the check itself (notes, panel references, copies). */
  record(f: Comparison & {status: Status; gap?: number}): void {
    this.compared.set(f.check, (this.compared.get(f.check) ?? 0) + 1);
    const rec = {...f, gap: f.gap ?? round(Math.abs(f.a.value - f.b.value)), tolerance: round(f.tolerance)};
    (f.status === "confirmed" ? this.confirmations : this.findings).push(rec);
  }

  skip(check: CheckKind, why: string): void {
    this.notCompared.set(check, [...(this.notCompared.get(check) ?? []), why]);
  }

  result(): {findings: Finding[]; confirmations: Finding[]; checks: CheckSummary[]} {
    for (const list of [this.findings, this.confirmations]) {
      const ids = new Set<string>();
      for (const f of list) {
        if (ids.has(f.id)) throw new Error(`paper audit: duplicate finding id ${f.id}`);
        ids.add(f.id);
      }
    }
    const findings = mergeAcrossVersions(this.findings);
    const confirmations = mergeAcrossVersions(this.confirmations);
    const checks = (Object.keys(CHECK_DESCRIPTIONS) as CheckKind[]).map((check) => ({
      check,
      description: CHECK_DESCRIPTIONS[check],
      compared: this.compared.get(check) ?? 0,
      findings: findings.filter((f) => f.check === check).length,
      not_compared: this.notCompared.get(check) ?? [],
    }));
    return {findings, confirmations, checks};
  }
}

const PAPER_VERSIONS: readonly string[] = PAPER_VERSION_KEYS;
export const versionOrder = (v: string) => (PAPER_VERSIONS.indexOf(v) < 0 ? PAPER_VERSIONS.length : PAPER_VERSIONS.indexOf(v));

/**
 * Figure 7 and several tables are printed identically in the preprint and v1, so a within-version check finds the
 * same disagreement in both. One finding per (check, places, labels, printed values) then lists every version it
 * holds in; the later versions' locators and number ids stay in `same_in`. Cross-version findings span two
 * versions by nature and are never merged. Every title ends with its version(s) unless it names them already.
 */
function mergeAcrossVersions(raw: Recorded[]): Finding[] {
  // the id without its version letter names the comparison; two comparisons of one version never merge
  const rest = (f: Comparison) => f.id.replace(new RegExp(`^${f.check}-${letter(f.a.version).toLowerCase()}-`), "");
  const key = (f: Comparison) => [f.check, rest(f), f.model, f.reward, f.a.place, f.a.label, f.a.shown, f.b.place, f.b.label, f.b.shown].join("\u241f");
  const groups = new Map<string, Recorded[]>();
  for (const f of raw) {
    const k = f.check === "cross-version" ? `${f.id}` : key(f);
    groups.set(k, [...(groups.get(k) ?? []), f]);
  }
  return [...groups.values()].map((group) => {
    const sorted = [...group].sort((x, y) => versionOrder(x.a.version) - versionOrder(y.a.version));
    const first = sorted[0];
    const versions = [...new Set(sorted.flatMap((f) => [f.b.version, f.a.version]))].sort((x, y) => versionOrder(x) - versionOrder(y));
    const labels = versions.map(versionLabel);
    const letters = versions.map((v) => letter(v).toLowerCase()).join("");
    // per-version ids read "<check>-<letter>-…": the merged one reads "<check>-<letters>-…"
    const prefix = `${first.check}-${letter(first.a.version).toLowerCase()}-`;
    const id = sorted.length > 1 && first.id.startsWith(prefix) ? `${first.check}-${letters}-${first.id.slice(prefix.length)}` : first.id;
    const named = labels.every((l) => first.title.includes(l));
    const {confirm: _confirm, ...rest} = first;
    return {
      ...rest,
      id,
      title: named ? first.title : `${first.title} (${labels.join(" and ")})`,
      status: first.status,
      severity: first.severity ?? "low",
      versions,
      version_labels: labels,
      same_in: sorted.slice(1).map((f) => ({a: f.a, b: f.b})),
      aliases: sorted.length > 1 ? sorted.map((f) => f.id) : [],
      cause: null,
      places: [],
      touches_headline: false,
      pages: [],
      pdf: [],
    };
  });
}
