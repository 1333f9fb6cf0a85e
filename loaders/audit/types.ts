// The audit's vocabulary: what a check compares (a finding), how sure we are (status), how much it matters
// (severity, reach), and what explains it (a cause). Findings and causes are plain data: the page, the CSV
// download and other loaders (e.g. checks against the training curves) read and append them.

export type CheckKind =
  | "arithmetic"
  | "abstract-vs-body"
  | "same-quantity"
  | "figure-vs-figure"
  | "cross-version"
  | "subset-sum"
  | "weighted-accuracy"
  | "percent-sum"
  | "table-vs-figure"
  | "count-granularity"
  | "figure-7-reconstruction"
  | "table-2-reproduction"
  | "textual-claim"
  | "copied-sequence";

/**
 * - contradiction: two places of one version cannot both be right;
 * - confirmed: a reproduction that succeeds (shown as clearly as the failures);
 * - change: the same place prints another value in a later version;
 * - judgement: a disagreement that depends on a reading the paper leaves open;
 * - note: not checkable yet (needs figure data) or resting on a secondary source.
 */
import type {Status} from "../../src/lib/audit-vocabulary.js";
export type {Status} from "../../src/lib/audit-vocabulary.js";
export {STATUS_LABELS} from "../../src/lib/audit-vocabulary.js";

/** high: a number a reader would quote is affected; medium: a table/figure is wrong, conclusions stand; low: stale or cosmetic. */
export type Severity = "high" | "medium" | "low";

export interface FindingSide {
  version: string;
  version_label: string;
  place: string;
  locator: string;
  /** What this side is ("Table 3, Original", "computed from Figure 7 subsets"). */
  label: string;
  /** Printed text, or the computation when the value is computed from printed numbers. */
  shown: string;
  computed: boolean;
  value: number;
  /** Tidy number ids this side is read from (links to /rewards, /code-reasoning, /query). */
  ids: string[];
}

/** A page of the site that shows a number, with the anchor of the chart or table. */
export interface PageLink {
  path: string;
  label: string;
}

export interface Finding {
  id: string;
  check: CheckKind;
  status: Status;
  severity: Severity;
  /** Says which paper version(s) the finding holds in. */
  title: string;
  model: string;
  reward: string;
  /** Paper versions (keys) the finding concerns, oldest first. */
  versions: string[];
  version_labels: string[];
  a: FindingSide;
  b: FindingSide;
  /** The identical comparison (same check, places and printed values) in later versions: their locators and number ids. */
  same_in: {a: FindingSide; b: FindingSide}[];
  /** Ids of the per-version findings merged into this one (kept as anchors so older links still land). */
  aliases: string[];
  /** |a - b|, in `unit`. */
  gap: number;
  /** Largest gap print rounding can explain. */
  tolerance: number;
  unit: string;
  explanation: string;
  /** The cause that explains this finding (null: none found; it stands on its own). */
  cause: string | null;
  /** Paper places the finding reads ("Figure 7", "Table 2"): the page's table/figure filter. */
  places: string[];
  /** True when a side is one of the abstract's headline numbers (+21.4, +29.1, 65%, >90%). */
  touches_headline: boolean;
  /** Pages showing the numbers, and PDF pages where they are printed. */
  pages: PageLink[];
  pdf: PageLink[];
}

export interface Evidence {
  text: string;
  /** Tidy number ids the line reads. */
  ids: string[];
}

export interface Cause {
  id: string;
  /** What is wrong, in one line. */
  title: string;
  status: Status;
  severity: Severity;
  /** What the paper prints and what the consistent reading is. */
  summary: string;
  /** Computed lines that show it (each a reproduction from printed numbers). */
  evidence: Evidence[];
  /** Findings this cause explains (their symptoms), in page order. */
  findings: string[];
  versions: string[];
  version_labels: string[];
  places: string[];
  headline: {touches: boolean; why: string};
  pages: PageLink[];
  pdf: PageLink[];
}

export interface CheckSummary {
  check: CheckKind;
  description: string;
  compared: number;
  findings: number;
  not_compared: string[];
}

export interface AuditResult {
  /** Root causes, most severe first: each explains one or more findings. */
  causes: Cause[];
  /** Every problem found (contradiction, change, judgement call, note). */
  findings: Finding[];
  /** Reproductions and checks that succeed (status "confirmed"). */
  confirmations: Finding[];
  checks: CheckSummary[];
  /** Textual claims checked (one per claim row), for the counts. */
  textual_claims: {checked: number; by_status: Partial<Record<Status, number>>};
  /** Findings a cause's correction would create (a worse reading); empty on the paper's data (tested). */
  corrections_introduce: {cause: string; id: string}[];
}
