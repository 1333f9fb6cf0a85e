// The paper checked against itself. Reads the tidy numbers, never changes one; each finding names
// both places (version, place, locator, printed text or the computation), both values, the gap and
// the tolerance allowed by print rounding. Findings are data: they never fail the build.
import {halfUnit, printedDecimals} from "./paper-printed.js";
import type {PaperNumber} from "./paper-tidy.js";
import {FIGURE1_REWARDS, PAPER_VERSION_KEYS, versionInfo, versionLabel} from "../src/lib/paper-vocabulary.js";

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
  | "count-granularity";

export type Severity = "contradiction" | "change" | "note";

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

export interface Finding {
  id: string;
  check: CheckKind;
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
}

/** What a check records; the version fields are filled in when per-version findings are merged. */
type Comparison = Omit<Finding, "gap" | "versions" | "version_labels" | "same_in" | "aliases">;

export interface CheckSummary {
  check: CheckKind;
  description: string;
  compared: number;
  findings: number;
  not_compared: string[];
}

export interface AuditResult {
  findings: Finding[];
  checks: CheckSummary[];
}

export const CHECK_DESCRIPTIONS: Readonly<Record<CheckKind, string>> = {
  "arithmetic": "before + printed change = after, within print rounding (rows where all three are printed)",
  "abstract-vs-body": "numbers in the abstract against the table or figure that reports the same quantity",
  "same-quantity": "one quantity printed in two places of the same version (baselines, accuracy with and without code)",
  "figure-vs-figure": "Figure 1 gains against the Figure 7 'All' gains of the same version and training length",
  "cross-version": "the same printed quantity in consecutive paper versions",
  "subset-sum": "Figure 7 strategy-switch subset sizes against the Code / Lang totals they should add up to",
  "weighted-accuracy": "subset accuracies weighted by their sizes against the overall accuracy",
  "percent-sum": "percentage shares that should add up to 100 (Table 2 partial contributions)",
  "table-vs-figure": "a table's column against the figure it summarises (Table 1 and Table 2 against Figure 7)",
  "count-granularity": "an accuracy over n problems must be a whole number of problems out of n (k/n)",
};

const EPS = 1e-9;
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

export function slug(...parts: string[]): string {
  return parts.join("-").toLowerCase().replace(/->/g, "-").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}

const letter = (version: string) => versionInfo(version)?.letter ?? "X";

function side(n: PaperNumber, label: string, opts: {value?: number; shown?: string; place?: string} = {}): FindingSide {
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

function computedSide(version: string, place: string, locator: string, label: string, shown: string, value: number, ids: string[]): FindingSide {
  return {version, version_label: versionLabel(version), place, locator, label, shown, computed: true, value: round(value, 4), ids};
}

/** Accumulates comparisons per check; a comparison beyond tolerance becomes a finding. */
class Auditor {
  findings: (Comparison & {gap: number})[] = [];
  compared = new Map<CheckKind, number>();
  notCompared = new Map<CheckKind, string[]>();

  compare(f: Comparison): void {
    this.compared.set(f.check, (this.compared.get(f.check) ?? 0) + 1);
    const gap = Math.abs(f.a.value - f.b.value);
    if (gap > f.tolerance + EPS) this.findings.push({...f, gap: round(gap), tolerance: round(f.tolerance)});
  }

  skip(check: CheckKind, why: string): void {
    this.notCompared.set(check, [...(this.notCompared.get(check) ?? []), why]);
  }

  result(): AuditResult {
    const ids = new Set<string>();
    for (const f of this.findings) {
      if (ids.has(f.id)) throw new Error(`paper audit: duplicate finding id ${f.id}`);
      ids.add(f.id);
    }
    const findings = mergeAcrossVersions(this.findings);
    const checks = (Object.keys(CHECK_DESCRIPTIONS) as CheckKind[]).map((check) => ({
      check,
      description: CHECK_DESCRIPTIONS[check],
      compared: this.compared.get(check) ?? 0,
      findings: findings.filter((f) => f.check === check).length,
      not_compared: this.notCompared.get(check) ?? [],
    }));
    return {findings, checks};
  }
}

const versionOrder = (v: string) => (PAPER_VERSIONS.indexOf(v) < 0 ? PAPER_VERSIONS.length : PAPER_VERSIONS.indexOf(v));

/**
 * Figure 7 and several tables are printed identically in the preprint and v1, so a within-version check finds the
 * same disagreement in both. One finding per (check, places, labels, printed values) then lists every version it
 * holds in; the later versions' locators and number ids stay in `same_in`. Cross-version findings span two
 * versions by nature and are never merged. Every title ends with its version(s) unless it names them already.
 */
function mergeAcrossVersions(raw: (Comparison & {gap: number})[]): Finding[] {
  const key = (f: Comparison) => [f.check, f.model, f.reward, f.a.place, f.a.label, f.a.shown, f.b.place, f.b.label, f.b.shown].join("\u241f");
  const groups = new Map<string, (Comparison & {gap: number})[]>();
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
    return {
      ...first,
      id,
      title: named ? first.title : `${first.title} (${labels.join(" and ")})`,
      versions,
      version_labels: labels,
      same_in: sorted.slice(1).map((f) => ({a: f.a, b: f.b})),
      aliases: sorted.length > 1 ? sorted.map((f) => f.id) : [],
    };
  });
}

const PAPER_VERSIONS: readonly string[] = PAPER_VERSION_KEYS;
const SUBSETS = ["C->C", "C->L", "L->C", "L->L"] as const;
type Subset = (typeof SUBSETS)[number];
const SUBSET_LABEL: Record<Subset, string> = {"C->C": "Code→Code", "C->L": "Code→Lang", "L->C": "Lang→Code", "L->L": "Lang→Lang"};

interface Fig7Panel {
  version: string;
  reward: string;
  totals0?: PaperNumber; // "325/175/500"
  totals150?: PaperNumber; // "237/263"
  allBefore?: PaperNumber;
  allAfter?: PaperNumber;
  count: Partial<Record<Subset, PaperNumber>>;
  before: Partial<Record<Subset, PaperNumber>>;
  after: Partial<Record<Subset, PaperNumber>>;
}

function fig7Panels(numbers: PaperNumber[], version: string): Fig7Panel[] {
  const rows = numbers.filter((n) => n.file === "code_reasoning" && n.version === version && n.metric.startsWith("Fig.7"));
  return FIGURE1_REWARDS.map((r) => r.key)
    .filter((reward) => rows.some((n) => n.reward === reward))
    .map((reward) => {
      const mine = rows.filter((n) => n.reward === reward);
      const find = (metricStart: string, q: string) => mine.find((n) => n.metric.startsWith(metricStart) && n.quantity === q);
      const p: Fig7Panel = {
        version, reward,
        totals0: find("Fig.7 totals", "value"),
        totals150: find("Fig.7 Step150 totals", "value"),
        allBefore: find("Fig.7 All accuracy", "before"),
        allAfter: find("Fig.7 All accuracy", "after"),
        count: {}, before: {}, after: {},
      };
      for (const s of SUBSETS) {
        p.count[s] = find(`Fig.7 subset ${s}: count`, "value");
        p.before[s] = find(`Fig.7 subset ${s}: accuracy`, "before");
        p.after[s] = find(`Fig.7 subset ${s}: accuracy`, "after");
      }
      return p;
    });
}

function complete(p: Fig7Panel): boolean {
  return SUBSETS.every((s) => p.count[s]?.value != null && p.before[s]?.value != null && p.after[s]?.value != null);
}

// ---------------------------------------------------------------------------------------------
function checkArithmetic(au: Auditor, numbers: PaperNumber[]): void {
  const byRow = new Map<string, PaperNumber[]>();
  for (const n of numbers) {
    if (n.file !== "main_results" && n.file !== "code_reasoning") continue;
    const k = `${n.file}#${n.row}`;
    byRow.set(k, [...(byRow.get(k) ?? []), n]);
  }
  for (const rowNums of byRow.values()) {
    const get = (q: string) => rowNums.find((n) => n.quantity === q);
    const b = get("before"), a = get("after"), d = get("delta");
    if (!b || !a || !d) continue;
    if ([b, a, d].some((n) => n.derived || n.kind !== "number")) continue; // a derived cell satisfies it by construction
    const subset = /([CL])->([CL])/.exec(b.metric)?.[0] ?? "";
    au.compare({
      id: slug("arithmetic", letter(b.version), b.place, b.model, b.reward, subset),
      check: "arithmetic", severity: "contradiction",
      title: `${b.place}${subset ? ` ${SUBSET_LABEL[subset as Subset]}` : ""}, ${b.model}${b.reward ? `, ${b.reward}` : ""}: before + change ≠ after`,
      model: b.model, reward: b.reward,
      a: computedSide(b.version, b.place, b.locator, "before + printed change", `${b.text} ${/^[-−]/.test(d.text) ? "−" : "+"} ${d.text.replace(/^[+\-−]/, "")}`, (b.value as number) + (d.value as number), [b.id, d.id]),
      b: side(a, "after, as printed"),
      tolerance: halfUnit(b.decimals) + halfUnit(a.decimals) + halfUnit(d.decimals),
      unit: "points",
      explanation: "The printed before, change and after cannot all be roundings of one before/after pair.",
    });
  }
}

// ---------------------------------------------------------------------------------------------
function table1(numbers: PaperNumber[], version: string, model: string, what: "Code Frequency" | "Acc. w/ Code" | "Acc. w/ Lang") {
  return numbers.find((n) => n.file === "code_reasoning" && n.version === version && n.model === model && n.metric === `Table 1 ${what}` && n.quantity === "value");
}

function checkAbstract(au: Auditor, numbers: PaperNumber[]): void {
  for (const version of PAPER_VERSIONS) {
    const abs = numbers.find((n) => n.version === version && n.file === "code_reasoning" && n.metric === "code reasoning frequency (abstract)" && n.quantity === "before");
    if (!abs) continue;
    const t1 = table1(numbers, version, "Qwen2.5-Math-7B", "Code Frequency");
    if (!t1) { au.skip("abstract-vs-body", `${versionLabel(version)}: abstract code frequency ${abs.text} has no Table 1 in this version to compare with`); continue; }
    au.compare({
      id: slug("abstract-vs-body", letter(version), "code-frequency"),
      check: "abstract-vs-body", severity: "contradiction",
      title: "Code-reasoning frequency of Qwen2.5-Math-7B before RLVR: abstract vs Table 1",
      model: "Qwen2.5-Math-7B", reward: "",
      a: side(abs, "abstract"), b: side(t1, "Table 1, Code Frequency"),
      tolerance: halfUnit(abs.decimals) + halfUnit(t1.decimals), unit: "%",
      explanation: "The abstract and Table 1 state the share of responses with code reasoning before training differently.",
    });
  }
  // v2 abstract gains against the v2 Figure 1 labels (the latter from a secondary source)
  for (const abs of numbers.filter((n) => n.file === "main_results" && n.place === "Abstract" && n.quantity === "delta")) {
    const fig = numbers.find((n) => n.file === "main_results" && n.version === abs.version && n.place === "Figure 1" && n.model === abs.model && n.reward === abs.reward && n.quantity === "delta");
    if (!fig) continue;
    au.compare({
      id: slug("abstract-vs-body", letter(abs.version), "figure-1", abs.model, abs.reward),
      check: "abstract-vs-body", severity: "contradiction",
      title: `${abs.model}, ${abs.reward}: abstract gain vs Figure 1 label`,
      model: abs.model, reward: abs.reward,
      a: side(abs, "abstract"), b: side(fig, fig.source_kind === "secondary" ? "Figure 1 label (secondary source)" : "Figure 1 label"),
      tolerance: halfUnit(abs.decimals) + halfUnit(fig.decimals), unit: "points",
      explanation: "The abstract quotes a Figure 1 gain with a different value.",
    });
  }
}

// ---------------------------------------------------------------------------------------------
function figure1Baseline(numbers: PaperNumber[], version: string, model: string): PaperNumber | undefined {
  return numbers.find((n) => n.file === "main_results" && n.version === version && n.place === "Figure 1" && n.model === model && n.quantity === "before" && n.source_kind === "paper" && n.status !== "unresolved");
}

function table3(numbers: PaperNumber[], version: string, model: string, q: "before" | "after" | "delta") {
  return numbers.find((n) => n.file === "code_reasoning" && n.version === version && n.place === "Table 3" && n.model === model && n.quantity === q);
}

function checkSameQuantity(au: Auditor, numbers: PaperNumber[]): void {
  for (const version of PAPER_VERSIONS) {
    // baseline MATH-500 accuracy: Table 3 "Original" and Figure 7 "All" step 0 against Figure 1's baseline
    const models = [...new Set(numbers.filter((n) => n.version === version && n.place === "Table 3" && n.quantity === "before").map((n) => n.model))];
    for (const model of models) {
      const ref = figure1Baseline(numbers, version, model);
      const t3 = table3(numbers, version, model, "before");
      if (!ref || !t3) continue;
      au.compare({
        id: slug("same-quantity", letter(version), "baseline", model, "table-3"),
        check: "same-quantity", severity: "contradiction",
        title: `${model} MATH-500 accuracy before RLVR: Table 3 "Original" vs Figure 1 baseline`,
        model, reward: "",
        a: side(t3, "Table 3, Original"), b: side(ref, "Figure 1 baseline"),
        tolerance: halfUnit(t3.decimals) + halfUnit(ref.decimals), unit: "%",
        explanation: "The same model's accuracy before any training is printed differently in two places of the same version.",
      });
    }
    for (const p of fig7Panels(numbers, version)) {
      const ref = figure1Baseline(numbers, version, "Qwen2.5-Math-7B");
      if (!ref || !p.allBefore) continue;
      au.compare({
        id: slug("same-quantity", letter(version), "baseline", "qwen2.5-math-7b", "figure-7", p.reward),
        check: "same-quantity", severity: "contradiction",
        title: `Qwen2.5-Math-7B MATH-500 accuracy at step 0: Figure 7 (${p.reward}) vs Figure 1 baseline`,
        model: "Qwen2.5-Math-7B", reward: p.reward,
        a: side(p.allBefore, "Figure 7, All at step 0"), b: side(ref, "Figure 1 baseline"),
        tolerance: halfUnit(p.allBefore.decimals) + halfUnit(ref.decimals), unit: "%",
        explanation: "Figure 7's step-0 accuracy should be the untrained model's accuracy shown in Figure 1.",
      });
    }
    // accuracy with / without code and code share, quoted in the text against Table 1
    const quotes: {model: string; metric: string; parts: ("Code Frequency" | "Acc. w/ Code" | "Acc. w/ Lang")[]; label: string}[] = [
      {model: "Qwen2.5-Math-7B", metric: "Sec.1 accuracy with code vs without code", parts: ["Acc. w/ Code", "Acc. w/ Lang"], label: "Sec. 1"},
      {model: "Qwen2.5-Math-7B", metric: "App.B.1.3 accuracy with code vs without", parts: ["Acc. w/ Code", "Acc. w/ Lang"], label: "App. B.1.3"},
      {model: "Qwen2.5-Math-7B", metric: "code reasoning frequency (Sec.4.1/4.2)", parts: ["Code Frequency"], label: "Sec. 4.1/4.2"},
      {model: "Qwen2.5-Math-7B", metric: 'App.B.1.3 "Why only Qwen-Math" code share', parts: ["Code Frequency"], label: "App. B.1.3"},
      {model: "OLMo2-7B-SFT", metric: "App.B.1.3 code share; acc code vs NL", parts: ["Code Frequency", "Acc. w/ Code", "Acc. w/ Lang"], label: "App. B.1.3"},
      // v2: only a secondary summary, which quotes Sec. 1 and notes what Table 1 prints ("60.9 vs 28.0 (Tab.1 prints 35.0)")
      {model: "Qwen2.5-Math-7B", metric: "accuracy with code vs without code", parts: ["Acc. w/ Code", "Acc. w/ Lang"], label: "Sec. 1 (secondary source)"},
    ];
    for (const qd of quotes) {
      const quote = numbers.find((n) => n.version === version && n.file === "code_reasoning" && n.model === qd.model && n.metric === qd.metric && n.quantity === "value");
      if (!quote) continue;
      const decs = printedDecimals(quote.text);
      // "(Tab.1 prints 35.0)" after the last number: the source's own note of the Table 1 value that number disagrees with
      const noted = /\(Tab(?:le|\.)?\s*1 prints ([+\-−]?\d+(?:\.\d+)?)\)/i.exec(quote.text)?.[1];
      qd.parts.forEach((part, i) => {
        const t1 = table1(numbers, version, qd.model, part);
        const v = quote.values[i];
        if (v === undefined) return;
        const a = side(quote, `${qd.label} (number ${i + 1} of "${quote.text}")`, {value: v, shown: String(quote.text.match(/\d+(?:\.\d+)?/g)?.[i] ?? v)});
        if (t1) {
          au.compare({
            id: slug("same-quantity", letter(version), qd.model, part, qd.label),
            check: "same-quantity", severity: "contradiction",
            title: `${qd.model} before RLVR, ${part}: ${qd.label} vs Table 1`,
            model: qd.model, reward: "",
            a, b: side(t1, `Table 1, ${part}`),
            tolerance: halfUnit(decs[i] ?? 0) + halfUnit(t1.decimals), unit: "%",
            explanation: "The text quotes a Table 1 quantity with a different value.",
          });
        } else if (noted !== undefined && i === quote.values.length - 1) {
          au.compare({
            id: slug("same-quantity", letter(version), qd.model, part, qd.label, "noted-table-1"),
            check: "same-quantity", severity: "contradiction",
            title: `${qd.model} before RLVR, ${part}: ${qd.label} vs Table 1 as that source reports it`,
            model: qd.model, reward: "",
            a: {...a, place: "Sec.1"}, b: side(quote, `Table 1, ${part}, as noted by the same ${quote.source_kind === "secondary" ? "secondary " : ""}source`, {value: Number(noted.replaceAll("−", "-")), shown: noted}),
            tolerance: halfUnit(decs[i] ?? 0) + halfUnit(printedDecimals(noted)[0] ?? 0), unit: "%",
            explanation: quote.source_kind === "secondary"
              ? "A third-party summary of this version (not the paper itself) quotes Sec. 1 and notes that Table 1 prints a different value: the same disagreement as in the earlier versions, as far as that summary shows."
              : "The text quotes a Table 1 quantity with a different value.",
          });
        }
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
function checkFigureVsFigure(au: Auditor, numbers: PaperNumber[]): void {
  // Figure 1 and Figure 7 are both "after 150 steps" only in the May preprint
  const stepsOf = (version: string) => numbers.find((n) => n.file === "setup" && n.version === version && n.metric === "training steps (Figure 1)")?.value;
  for (const version of PAPER_VERSIONS) {
    const panels = fig7Panels(numbers, version);
    if (!panels.length) continue;
    const steps = stepsOf(version);
    if (steps !== 150) {
      au.skip("figure-vs-figure", `${versionLabel(version)}: Figure 1 is after ${steps ?? "?"} steps, Figure 7 at step 150, so their gains are not the same quantity`);
      continue;
    }
    for (const p of panels) {
      const fig1 = numbers.find((n) => n.file === "main_results" && n.version === version && n.place === "Figure 1" && n.model === "Qwen2.5-Math-7B" && n.reward === p.reward && n.quantity === "delta");
      if (!fig1 || !p.allBefore || !p.allAfter) continue;
      const gain = (p.allAfter.value as number) - (p.allBefore.value as number);
      au.compare({
        id: slug("figure-vs-figure", letter(version), p.reward),
        check: "figure-vs-figure", severity: "contradiction",
        title: `Qwen2.5-Math-7B, ${p.reward}: Figure 1 gain vs Figure 7 "All" gain (both 150 steps)`,
        model: "Qwen2.5-Math-7B", reward: p.reward,
        a: side(fig1, "Figure 1 bar label"),
        b: computedSide(version, "Figure 7", p.allAfter.locator, "Figure 7 All: after − before", `${p.allAfter.text} − ${p.allBefore.text}`, gain, [p.allAfter.id, p.allBefore.id]),
        tolerance: halfUnit(fig1.decimals) + halfUnit(p.allAfter.decimals) + halfUnit(p.allBefore.decimals), unit: "points",
        explanation: "Two figures of the same version report the gain of the same run after the same number of steps differently.",
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
const HORIZON_PLACES = new Set(["Figure 1", "Sec.2.3"]);

function checkCrossVersion(au: Auditor, numbers: PaperNumber[]): void {
  const keyOf = (n: PaperNumber) => [n.file, n.model, n.reward_raw, n.benchmark, n.metric, n.condition, n.quantity, n.place].join("\u241f");
  const groups = new Map<string, PaperNumber[]>();
  for (const n of numbers) {
    if (n.version.startsWith("repo") || n.kind === "text" || n.status === "unresolved") continue;
    groups.set(keyOf(n), [...(groups.get(keyOf(n)) ?? []), n]);
  }
  let horizonSkipped = 0, followsFromBefore = 0;
  const sibling = (n: PaperNumber, q: string) => numbers.find((x) => x.file === n.file && x.row === n.row && x.quantity === q);
  const changed = (p?: PaperNumber, c?: PaperNumber) =>
    !!p && !!c && p.value !== null && c.value !== null && Math.abs((p.value as number) - (c.value as number)) > halfUnit(p.decimals) + halfUnit(c.decimals) + EPS;
  const unchanged = (p?: PaperNumber, c?: PaperNumber) =>
    !!p && !!c && p.value !== null && c.value !== null && !changed(p, c);
  for (const g of groups.values()) {
    const byVersion = PAPER_VERSIONS.map((v) => g.find((n) => n.version === v)).filter((n): n is PaperNumber => !!n);
    for (let i = 1; i < byVersion.length; i++) {
      const prev = byVersion[i - 1], cur = byVersion[i];
      // Figure 1 / Sec. 2.3 gains moved from 150 to 300 training steps between the preprint and v1
      if (prev.version.startsWith("A") && cur.file === "main_results" && HORIZON_PLACES.has(cur.place) && cur.quantity !== "before") { horizonSkipped++; continue; }
      if (prev.values.length !== cur.values.length) continue;
      // a printed difference that moved only because "before" moved (and "after" did not) is one change, reported as "before"
      if (cur.quantity === "delta" && changed(sibling(prev, "before"), sibling(cur, "before")) && unchanged(sibling(prev, "after"), sibling(cur, "after"))) { followsFromBefore++; continue; }
      const dp = printedDecimals(prev.text), dc = printedDecimals(cur.text);
      cur.values.forEach((v, j) => {
        const multi = cur.values.length > 1;
        au.compare({
          id: slug("cross-version", letter(prev.version), letter(cur.version), cur.place, cur.model, cur.reward,
            slug(cur.metric.replace(/^(Table|Fig\.?|Figure)\s?\d+\s*/, "")).slice(0, 32), cur.quantity, multi ? `p${j + 1}` : ""),
          check: "cross-version", severity: "change",
          title: `${cur.place}${cur.model ? `, ${cur.model}` : ""}: ${cur.metric}${cur.quantity !== "value" ? ` (${cur.quantity})` : ""}${multi ? `, number ${j + 1}` : ""} changed between ${versionLabel(prev.version)} and ${versionLabel(cur.version)}`,
          model: cur.model, reward: cur.reward,
          a: side(cur, versionLabel(cur.version), {value: v, shown: multi ? String(v) : cur.text}),
          b: side(prev, versionLabel(prev.version), {value: prev.values[j], shown: multi ? String(prev.values[j]) : prev.text}),
          // setup rows carry no unit column; a step count is in steps
          tolerance: halfUnit(dp[j] ?? 0) + halfUnit(dc[j] ?? 0), unit: cur.unit || (cur.file === "setup" && /\bsteps\b/i.test(cur.metric) ? "steps" : ""),
          explanation: "The same quantity, at the same place of the paper, is printed with a different value in a later version.",
        });
      });
    }
  }
  if (followsFromBefore) au.skip("cross-version", `${followsFromBefore} printed differences (after − before) that changed only because "before" changed while "after" did not: each is reported once, as the change of "before"`);
  if (horizonSkipped) au.skip("cross-version", `${horizonSkipped} Figure 1 / Sec. 2.3 gains: the preprint trains 150 steps, v1 300 steps, so they are different quantities (see /rewards for the comparison)`);
}

// ---------------------------------------------------------------------------------------------
function checkFigure7(au: Auditor, numbers: PaperNumber[]): void {
  for (const version of PAPER_VERSIONS) {
    for (const p of fig7Panels(numbers, version)) {
      if (!complete(p)) continue;
      const n = (s: Subset) => p.count[s]!.value as number;
      const L = letter(version);
      const countSide = (subs: Subset[]) => computedSide(version, "Figure 7", p.count[subs[0]]!.locator,
        `sum of subsets ${subs.map((s) => SUBSET_LABEL[s]).join(" + ")}`, subs.map((s) => p.count[s]!.text).join(" + "),
        subs.reduce((t, s) => t + n(s), 0), subs.map((s) => p.count[s]!.id));
      const totals: [string, PaperNumber | undefined, number, Subset[]][] = [
        ["code at step 0", p.totals0, 0, ["C->C", "C->L"]],
        ["lang at step 0", p.totals0, 1, ["L->C", "L->L"]],
        ["code at step 150", p.totals150, 0, ["C->C", "L->C"]],
        ["lang at step 150", p.totals150, 1, ["C->L", "L->L"]],
      ];
      for (const [what, tot, idx, subs] of totals) {
        if (!tot || tot.values[idx] === undefined) continue;
        au.compare({
          id: slug("subset-sum", L, p.reward, what),
          check: "subset-sum", severity: "contradiction",
          title: `Figure 7, ${p.reward}: subsets vs ${what} total`,
          model: "Qwen2.5-Math-7B", reward: p.reward,
          a: countSide(subs),
          b: side(tot, `printed total (${what})`, {value: tot.values[idx], shown: String(tot.values[idx])}),
          tolerance: 0, unit: "problems",
          explanation: "Every problem is in exactly one subset, so the subset sizes must add up to the printed totals.",
        });
      }
      for (const [tot, label] of [[p.totals0, "step 0"], [p.totals150, "step 150"]] as const) {
        if (!tot || !p.totals0 || tot.values.length < 2) continue;
        au.compare({
          id: slug("subset-sum", L, p.reward, "code-plus-lang", label),
          check: "subset-sum", severity: "contradiction",
          title: `Figure 7, ${p.reward}: Code + Lang vs All at ${label}`,
          model: "Qwen2.5-Math-7B", reward: p.reward,
          a: computedSide(version, "Figure 7", tot.locator, `Code + Lang at ${label}`, `${tot.values[0]} + ${tot.values[1]}`, tot.values[0] + tot.values[1], [tot.id]),
          b: side(p.totals0, "All", {value: p.totals0.values[2], shown: String(p.totals0.values[2])}),
          tolerance: 0, unit: "problems",
          explanation: "Each of the 500 problems is answered with code or with language.",
        });
      }
      // weighted accuracy of the subsets vs the panel's "All"
      const N = SUBSETS.reduce((t, s) => t + n(s), 0);
      for (const [q, all] of [["before", p.allBefore], ["after", p.allAfter]] as const) {
        if (!all) continue;
        const acc = q === "before" ? p.before : p.after;
        const w = SUBSETS.reduce((t, s) => t + n(s) * (acc[s]!.value as number), 0) / N;
        au.compare({
          id: slug("weighted-accuracy", L, "figure-7", p.reward, q),
          check: "weighted-accuracy", severity: "contradiction",
          title: `Figure 7, ${p.reward}: size-weighted subset accuracy vs "All" ${q === "before" ? "at step 0" : "at step 150"}`,
          model: "Qwen2.5-Math-7B", reward: p.reward,
          a: computedSide(version, "Figure 7", all.locator, "subset accuracies weighted by printed subset sizes",
            `(${SUBSETS.map((s) => `${p.count[s]!.text}×${acc[s]!.text}`).join(" + ")}) / ${N}`, w,
            SUBSETS.flatMap((s) => [p.count[s]!.id, acc[s]!.id])),
          b: side(all, `All, ${q === "before" ? "step 0" : "step 150"}`),
          tolerance: 0.05 + halfUnit(all.decimals), unit: "%",
          explanation: "The overall accuracy is the size-weighted mean of the four subsets' accuracies.",
        });
      }
      // k/n: each subset accuracy must be achievable with the printed subset size
      for (const s of SUBSETS) {
        for (const [q, accNum] of [["before", p.before[s]!], ["after", p.after[s]!]] as const) {
          const size = n(s);
          const a = accNum.value as number;
          const k = Math.round((a * size) / 100);
          const nearest = [k - 1, k, k + 1].filter((x) => x >= 0 && x <= size).map((x) => (100 * x) / size)
            .reduce((best, x) => (Math.abs(x - a) < Math.abs(best - a) ? x : best));
          const kk = Math.round((nearest * size) / 100);
          au.compare({
            id: slug("count-granularity", L, p.reward, s, q),
            check: "count-granularity", severity: "contradiction",
            title: `Figure 7, ${p.reward}, ${SUBSET_LABEL[s]}: ${accNum.text}% is not k/${size} (${q === "before" ? "step 0" : "step 150"})`,
            model: "Qwen2.5-Math-7B", reward: p.reward,
            a: side(accNum, `accuracy, ${q === "before" ? "step 0" : "step 150"}`),
            b: computedSide(version, "Figure 7", p.count[s]!.locator, `nearest accuracy possible with ${size} problems`, `${kk}/${size}`, nearest, [p.count[s]!.id]),
            tolerance: halfUnit(accNum.decimals), unit: "%",
            explanation: "With n problems in a subset the accuracy can only be a multiple of 100/n; the printed size or accuracy is off.",
          });
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
function checkTable1Weighted(au: Auditor, numbers: PaperNumber[]): void {
  for (const version of PAPER_VERSIONS) {
    const models = [...new Set(numbers.filter((n) => n.version === version && n.metric === "Table 1 Code Frequency").map((n) => n.model))];
    for (const model of models) {
      const f = table1(numbers, version, model, "Code Frequency"), ac = table1(numbers, version, model, "Acc. w/ Code"), al = table1(numbers, version, model, "Acc. w/ Lang");
      if (!f || !ac || !al) continue;
      const fv = f.value as number, acv = ac.value as number, alv = al.value as number;
      const w = (fv / 100) * acv + (1 - fv / 100) * alv;
      const fig = figure1Baseline(numbers, version, model);
      const ref = fig ?? table3(numbers, version, model, "before");
      if (!ref) continue;
      au.compare({
        id: slug("weighted-accuracy", letter(version), "table-1", model),
        check: "weighted-accuracy", severity: "contradiction",
        title: `${model} before RLVR: Table 1 (code share × accuracies) vs ${fig ? "Figure 1 baseline" : "Table 3 Original"}`,
        model, reward: "",
        a: computedSide(version, "Table 1", f.locator, "Table 1: freq × acc w/ code + (1 − freq) × acc w/ lang", `${f.text}% × ${ac.text} + ${round(100 - fv, 1)}% × ${al.text}`, w, [f.id, ac.id, al.id]),
        b: side(ref, fig ? "Figure 1 baseline" : "Table 3, Original"),
        // rounding of each accuracy, weighted by its share, plus rounding of the share itself and of the reference
        tolerance: halfUnit(ac.decimals) * (fv / 100) + halfUnit(al.decimals) * (1 - fv / 100) + halfUnit(ref.decimals) + (Math.abs(acv - alv) * halfUnit(f.decimals)) / 100, unit: "%",
        explanation: "Overall accuracy must be the code-share-weighted mean of the accuracies with and without code.",
      });
    }
  }
}

function checkTable2(au: Auditor, numbers: PaperNumber[]): void {
  const parts = ["C_Code->Code", "C_Code->Lang", "C_Lang->Code", "C_Lang->Lang"];
  for (const version of PAPER_VERSIONS) {
    const t2 = numbers.filter((n) => n.version === version && n.place === "Table 2" && n.metric.startsWith("Table 2") && n.value !== null);
    for (const model of [...new Set(t2.map((n) => n.model))]) {
      const cells = parts.map((p) => t2.find((n) => n.model === model && n.metric === `Table 2 ${p}`));
      if (cells.some((c) => !c)) continue;
      const sum = cells.reduce((t, c) => t + (c!.value as number), 0);
      au.compare({
        id: slug("percent-sum", letter(version), "table-2", model),
        check: "percent-sum", severity: "contradiction",
        title: `Table 2, ${model}: partial contributions should add up to 100%`,
        model, reward: "",
        a: computedSide(version, "Table 2", cells[0]!.locator, "sum of the four partial contributions", cells.map((c) => c!.text).join(" + "), sum, cells.map((c) => c!.id)),
        b: computedSide(version, "Table 2", cells[0]!.locator, "whole", "100", 100, []),
        tolerance: cells.reduce((t, c) => t + halfUnit(c!.decimals), 0), unit: "%",
        explanation: "Shares of one total gain add up to 100%.",
      });
    }
    // Table 2 (Qwen2.5-Math-7B) summarises Figure 7
    const panels = fig7Panels(numbers, version).filter(complete);
    const total = t2.find((n) => n.model === "Qwen2.5-Math-7B" && n.metric === "Table 2 Avg. Total Gain");
    if (!panels.length || !total) continue;
    const gains = panels.map((p) => (p.allAfter!.value as number) - (p.allBefore!.value as number));
    const mean = gains.reduce((a, b) => a + b, 0) / gains.length;
    au.compare({
      id: slug("table-vs-figure", letter(version), "table-2", "total-gain"),
      check: "table-vs-figure", severity: "contradiction",
      title: "Table 2, Qwen2.5-Math-7B: average total gain vs the mean Figure 7 gain",
      model: "Qwen2.5-Math-7B", reward: "",
      a: side(total, "Table 2, Avg. Total Gain"),
      b: computedSide(version, "Figure 7", panels[0].allAfter!.locator, `mean of the ${panels.length} Figure 7 "All" gains`, gains.map((g) => round(g, 1)).join(", "), mean, panels.flatMap((p) => [p.allAfter!.id, p.allBefore!.id])),
      tolerance: halfUnit(total.decimals) + 0.1, unit: "points",
      explanation: "Table 2's total gain averages the Figure 7 runs.",
    });
    parts.forEach((part, i) => {
      const cell = t2.find((n) => n.model === "Qwen2.5-Math-7B" && n.metric === `Table 2 ${part}`);
      if (!cell) return;
      const s = SUBSETS[i];
      const shares = panels.map((p) => {
        const contrib = (x: Subset) => (p.count[x]!.value as number) * ((p.after[x]!.value as number) - (p.before[x]!.value as number));
        return (100 * contrib(s)) / SUBSETS.reduce((t, x) => t + contrib(x), 0);
      });
      const meanShare = shares.reduce((a, b) => a + b, 0) / shares.length;
      au.compare({
        id: slug("table-vs-figure", letter(version), "table-2", part),
        check: "table-vs-figure", severity: "note",
        title: `Table 2, Qwen2.5-Math-7B, ${part}: not reproduced from Figure 7`,
        model: "Qwen2.5-Math-7B", reward: "",
        a: side(cell, `Table 2, ${part}`),
        b: computedSide(version, "Figure 7", panels[0].count[s]!.locator, `mean over ${panels.length} rewards of the ${SUBSET_LABEL[s]} share of the gain (size × accuracy change)`, shares.map((x) => round(x, 1)).join(", "), meanShare, panels.flatMap((p) => [p.count[s]!.id, p.before[s]!.id, p.after[s]!.id])),
        tolerance: 0.5, unit: "%",
        explanation: "Recomputing the share from Figure 7's printed sizes and accuracies (averaged over the same five rewards whose mean gain matches Table 2's total) gives a different share. The paper does not spell out its averaging, and two Figure 7 panels have inconsistent sizes, so this is a note, not a proof of error.",
      });
    });
  }
}

function checkTable1VsFigure7(au: Auditor, numbers: PaperNumber[]): void {
  for (const version of PAPER_VERSIONS) {
    // the ground-truth panel's step-0 subsets (its sizes add up) describe the untrained model Table 1 describes
    const p = fig7Panels(numbers, version).find((x) => x.reward === "ground_truth");
    if (!p || !complete(p)) continue;
    const n = (s: Subset) => p.count[s]!.value as number;
    const b = (s: Subset) => p.before[s]!.value as number;
    const rows: ["Code Frequency" | "Acc. w/ Code" | "Acc. w/ Lang", number, string, Subset[]][] = [
      ["Acc. w/ Code", (n("C->C") * b("C->C") + n("C->L") * b("C->L")) / (n("C->C") + n("C->L")), "Code→Code and Code→Lang at step 0", ["C->C", "C->L"]],
      ["Acc. w/ Lang", (n("L->C") * b("L->C") + n("L->L") * b("L->L")) / (n("L->C") + n("L->L")), "Lang→Code and Lang→Lang at step 0", ["L->C", "L->L"]],
      ["Code Frequency", (100 * (n("C->C") + n("C->L"))) / SUBSETS.reduce((t, s) => t + n(s), 0), "share of Code at step 0", ["C->C", "C->L"]],
    ];
    for (const [what, value, label, subs] of rows) {
      const t1 = table1(numbers, version, "Qwen2.5-Math-7B", what);
      if (!t1) continue;
      au.compare({
        id: slug("table-vs-figure", letter(version), "table-1", what),
        check: "table-vs-figure", severity: "contradiction",
        title: `Qwen2.5-Math-7B before RLVR, ${what}: Table 1 vs Figure 7 (ground-truth panel, step 0)`,
        model: "Qwen2.5-Math-7B", reward: "",
        a: side(t1, `Table 1, ${what}`),
        b: computedSide(version, "Figure 7", p.count["C->C"]!.locator, `Figure 7 ground-truth panel: ${label}`,
          what === "Code Frequency" ? `(${subs.map((s) => p.count[s]!.text).join(" + ")}) / 500` : `(${subs.map((s) => `${p.count[s]!.text}×${p.before[s]!.text}`).join(" + ")}) / (${subs.map((s) => p.count[s]!.text).join(" + ")})`,
          value, subs.flatMap((s) => [p.count[s]!.id, p.before[s]!.id])),
        tolerance: halfUnit(t1.decimals) + 0.05, unit: "%",
        explanation: "Table 1 summarises the untrained model's responses that Figure 7 splits by strategy at step 0.",
      });
    }
  }
}

/** Run every check. Pure: same numbers in, same findings out. */
export function auditPaper(numbers: PaperNumber[]): AuditResult {
  const au = new Auditor();
  checkArithmetic(au, numbers);
  checkAbstract(au, numbers);
  checkSameQuantity(au, numbers);
  checkFigureVsFigure(au, numbers);
  checkCrossVersion(au, numbers);
  checkFigure7(au, numbers);
  checkTable1Weighted(au, numbers);
  checkTable2(au, numbers);
  checkTable1VsFigure7(au, numbers);
  return au.result();
}

/** One flat record per finding (CSV download, DuckDB). */
export function flatFinding(f: Finding): Record<string, string | number> {
  const s = (x: FindingSide, p: string) => ({
    [`${p}_version`]: x.version, [`${p}_place`]: x.place, [`${p}_label`]: x.label, [`${p}_shown`]: x.shown,
    [`${p}_value`]: x.value, [`${p}_locator`]: x.locator, [`${p}_ids`]: x.ids.join("|"),
  });
  return {
    id: f.id, check: f.check, severity: f.severity, title: f.title, model: f.model, reward: f.reward,
    versions: f.version_labels.join("|"),
    ...s(f.a, "a"), ...s(f.b, "b"), gap: f.gap, tolerance: f.tolerance, unit: f.unit, explanation: f.explanation,
    same_in_locators: f.same_in.map((x) => `${x.a.version_label}: ${x.a.locator}`).join("|"),
  };
}
