// What the text says about numbers, checked against the numbers it describes (data/paper/added/textual-claims.csv).
// A value it repeats must be that value to print precision; "~N" must be within N's precision (half a unit of
// its last significant digit: ~21 → ±0.5, ~90 → ±5); a range "a-b" must contain every value it summarises;
// "over N" / ">N" must be exceeded; a panel reference must name the panel showing what the text says. A claim
// about a figure's curves stays a note until the curves are read (another loader can then append findings).
import {halfUnit} from "../paper-printed.js";
import type {PaperNumber} from "../paper-tidy.js";
import {placeOf} from "../paper-tidy.js";
import {parseTargets, type AddedTable, type Target} from "../paper-added.js";
import {PREPRINT, versionLabel} from "../../src/lib/paper-vocabulary.js";
import {PREPRINT_CLAIM_CHECKS} from "../figures/claim-checks.js";
import {Auditor, computedSide, letter, round, slug} from "./auditor.js";
import type {FindingSide, Status} from "./types.js";

export interface ClaimRow {
  version: string;
  claim: string;
  locator: string;
  printed_text: string;
  kind: string;
  stated: string;
  unit: string;
  transcribed_as: string;
  compare_with: string;
  expects: string;
  on_mismatch: string;
  notes: string;
}

const NUM = /[+\-−]?\d+(?:\.\d+)?/g;
const toNum = (s: string) => Number(s.replaceAll("−", "-"));
const decimals = (s: string) => (s.split(".")[1]?.length ?? 0);

/** Precision of an approximate number: half a unit of its last significant digit ("~21" → 0.5, "~90" → 5, "~2.5" → 0.05). */
export function approxPrecision(num: string): number {
  const t = num.replace(/^[+\-−]/, "");
  if (t.includes(".")) return halfUnit(decimals(t));
  const zeros = /0+$/.exec(t)?.[0].length ?? 0;
  return 0.5 * 10 ** Math.min(zeros, t.length - 1);
}

export interface Interval { lo: number; hi: number }

/** The set of values a stated claim allows ("21.4", "~21", "15-20", "over 90", "~90 or higher", "-0.4 to 4.5", "~27–29"). */
export function allowedInterval(kind: string, stated: string): Interval | null {
  const nums = stated.match(NUM) ?? [];
  if (!nums.length) return null;
  const approx = /~|∼|≈/.test(stated);
  const tol = (s: string) => (approx ? approxPrecision(s) : halfUnit(decimals(s.replace(/^[+\-−]/, ""))));
  const v = (s: string) => toNum(s);
  if (kind === "bound") {
    const n = nums[0]!;
    if (/or higher|>=|≥/.test(stated)) return {lo: v(n) - tol(n), hi: Infinity};
    if (/^\s*(>|over)/i.test(stated)) return {lo: v(n), hi: Infinity};
    if (/^\s*(<|under|below)/i.test(stated)) return {lo: -Infinity, hi: v(n)};
    return null;
  }
  if (kind === "range") {
    // "15-20": the "-" glued between two numbers is the range dash, not a sign
    const parts = stated.split(/\s*(?:–|—|\bto\b|(?<=\d)\s*-\s*(?=[~∼]?\d))\s*/).map((p) => p.match(NUM)?.[0]).filter((x): x is string => !!x);
    if (parts.length !== 2) return null;
    const [lo, hi] = parts as [string, string];
    return {lo: v(lo) - tol(lo), hi: v(hi) + tol(hi)};
  }
  if (kind === "value" || kind === "approx") {
    const n = nums[0]!;
    return {lo: v(n) - tol(n), hi: v(n) + tol(n)};
  }
  return null;
}

/** Whether a printed value (± its own print rounding) can lie in the allowed interval. */
export function fits(value: number, valueTol: number, allowed: Interval): boolean {
  const eps = 1e-9;
  return value + valueTol >= allowed.lo - eps && value - valueTol <= allowed.hi + eps;
}

/** Strict bound "over N": the value must exceed N once its print rounding is allowed for. */
function exceeds(stated: string, value: number, valueTol: number, allowed: Interval): boolean {
  if (/^\s*(>|over)/i.test(stated)) return value + valueTol > allowed.lo + 1e-9;
  if (/^\s*(<|under|below)/i.test(stated)) return value - valueTol < allowed.hi - 1e-9;
  return fits(value, valueTol, allowed);
}

export interface ClaimInputs {
  claims: AddedTable | undefined;
  panels: AddedTable | undefined;
}

function cellOf(numbers: PaperNumber[], t: Extract<Target, {kind: "cell"}>): PaperNumber | undefined {
  return numbers.find((n) => n.file === t.ref.file && n.row === t.ref.row && n.quantity === t.ref.quantity);
}

const cellTol = (n: PaperNumber) => (n.kind === "approx" ? approxPrecision(String(n.text.match(NUM)?.[0] ?? "0")) : halfUnit(n.decimals));

export function checkTextualClaims(au: Auditor, numbers: PaperNumber[], inputs: ClaimInputs): void {
  if (!inputs.claims) return;
  for (const raw of inputs.claims.rows) {
    const c = raw as unknown as ClaimRow;
    const targets = parseTargets(c.compare_with);
    const cells = targets.filter((t): t is Extract<Target, {kind: "cell"}> => t.kind === "cell").map((t) => cellOf(numbers, t)).filter((n): n is PaperNumber => !!n);
    const figures = targets.filter((t): t is Extract<Target, {kind: "figure"}> => t.kind === "figure").map((t) => t.figure);
    const panelRefs = targets.filter((t): t is Extract<Target, {kind: "panel"}> => t.kind === "panel");
    const transcribed = c.transcribed_as.split(";").map((r) => r.trim()).filter(Boolean)
      .flatMap((r) => parseTargets(r)).filter((t): t is Extract<Target, {kind: "cell"}> => t.kind === "cell").map((t) => cellOf(numbers, t)).filter((n): n is PaperNumber => !!n);
    // a claim whose compared cells are not in these numbers (crafted inputs) is skipped, and said so
    if (targets.some((t) => t.kind === "cell") && cells.length !== targets.filter((t) => t.kind === "cell").length) {
      au.skip("textual-claim", `${versionLabel(c.version)} ${c.claim}: a compared cell is not in the numbers`);
      continue;
    }
    const place = placeOf(c.locator) || c.locator;
    const statedNum = Number((c.stated.match(NUM)?.[0] ?? "0").replaceAll("−", "-"));
    const a: FindingSide = {
      version: c.version, version_label: versionLabel(c.version), place, locator: c.locator,
      label: `text (${c.kind === "panel-ref" ? "panel reference" : c.kind === "within-steps" ? "within N steps" : c.kind})`,
      shown: `“${c.printed_text}”`, computed: false, value: statedNum, ids: transcribed.map((n) => n.id),
    };
    const id = slug("textual-claim", letter(c.version), c.claim);
    const base = {id, check: "textual-claim" as const, model: "", reward: "", tolerance: 0, unit: c.unit || ""};
    const mismatch: Status = c.on_mismatch === "judgement call" ? "judgement" : "contradiction";
    if (c.kind === "panel-ref") {
      const expects = c.expects.split(";").map((s) => s.trim());
      const captions = panelRefs.map((t) => inputs.panels?.rows.find((p) => p.version === c.version && p.figure === t.figure && p.panel === t.panel));
      const ok = captions.every((p, i) => !!p && p.printed_caption.toLowerCase().includes(expects[i].toLowerCase()));
      au.record({
        ...base, status: ok ? "confirmed" : mismatch,
        title: ok ? `${place}: “${c.stated}” shows what the text says (${expects.join(", ")})` : `${place}: “${c.stated}” is cited for ${expects.join(", ")}, but the panel shows something else`,
        a, b: computedSide(c.version, panelRefs[0]?.figure ?? "", captions.map((p) => p?.locator ?? "").join("; "), "panel caption as printed",
          captions.map((p) => p?.printed_caption ?? "(missing)").join("; "), ok ? statedNum : statedNum + 1, []),
        explanation: ok ? "The cited panel is the one whose caption names what the sentence describes." : `The sentence describes ${expects.join(", ")}; the panel it cites is captioned ${captions.map((p) => `“${p?.printed_caption}”`).join(", ")}.${c.notes ? ` ${c.notes}` : ""}`,
      });
      continue;
    }
    const allowed = allowedInterval(c.kind, c.stated);
    if (!cells.length || !allowed) {
      // a statement about curves: the preprint's curves are recovered (loaders/figures/), and a check of them
      // reads the preprint's statements; arXiv v1/v2 figures cannot be read here
      const curveCheck = c.version === PREPRINT ? PREPRINT_CLAIM_CHECKS[c.claim] : undefined;
      const onCurves = figures.length
        ? curveCheck
          ? {title: `is checked against the recovered curves of ${figures.join(", ")}`, label: "training curves, recovered from the preprint PDF", explanation: `it is checked against the curves recovered from the preprint's vector figures: its finding is listed under “Checked against the training curves” (on the audit page; with its data on the Figures page, check “${curveCheck}”).`}
          : c.version === PREPRINT
            ? {title: `is about the curves of ${figures.join(", ")}; no check of the recovered curves reads it`, label: "training curves, recovered (not checked for this statement)", explanation: "the preprint's curves are recovered, but no check of them reads this statement."}
            : {title: `is about ${versionLabel(c.version)}'s ${figures.join(", ")}, whose curves cannot be read here`, label: `${versionLabel(c.version)} training curves (not available)`, explanation: `only the May 2025 preprint's figures are recovered (its vector paths); ${versionLabel(c.version)} numbers and words its figures differently, so its statement is not checked against them.`}
        : null;
      au.record({
        ...base, status: "note",
        title: `${place}: “${c.stated}” ${onCurves ? onCurves.title : "has nothing printed to compare with"}`,
        a, b: computedSide(c.version, figures[0] ?? place, figures.join("; ") || c.locator, onCurves ? onCurves.label : "no printed value", figures.length ? `${figures.join(", ")}: curves only` : "—", statedNum, []),
        explanation: `The text states ${c.stated}${c.unit ? ` ${c.unit}` : ""} about ${figures.length ? "curves that no printed number reports" : "something printed nowhere else"}; ${onCurves ? onCurves.explanation : "there is nothing to check it against."}${c.notes ? ` ${c.notes}` : ""}`,
      });
      continue;
    }
    const results = cells.map((n) => ({n, ok: c.kind === "bound" ? exceeds(c.stated, n.value as number, cellTol(n), allowed) : fits(n.value as number, cellTol(n), allowed)}));
    const bad = results.filter((r) => !r.ok);
    const worst = bad[0]?.n ?? cells[0];
    const gapTo = (v: number) => (v < allowed.lo ? allowed.lo - v : v > allowed.hi ? v - allowed.hi : 0);
    const rule = c.kind === "value" ? "repeats the printed value" : c.kind === "approx" ? `is within ${c.stated}'s precision (±${round(approxPrecision(c.stated.match(NUM)![0]), 3)})` : c.kind === "range" ? `lies in ${c.stated}` : `is ${c.stated}`;
    au.record({
      ...base, status: bad.length ? mismatch : "confirmed",
      title: bad.length ? `${place}: “${c.stated}” does not match ${bad.map((r) => `${r.n.place} ${r.n.text}`).join(", ")}` : `${place}: “${c.stated}” matches ${cells.map((n) => `${n.place} ${n.text}`).join(", ")}`,
      a, b: {version: worst.version, version_label: worst.version_label, place: worst.place, locator: cells.map((n) => n.locator).filter((l, i, all) => all.indexOf(l) === i).join("; "),
        label: cells.length > 1 ? "the values it describes" : "the value it describes", shown: cells.map((n) => n.text).join("; "), computed: false, value: worst.value as number, ids: cells.map((n) => n.id)},
      gap: bad.length ? round(gapTo(worst.value as number), 3) : 0,
      explanation: `${bad.length ? "Not every value it describes" : "Every value it describes"} ${rule}${c.kind === "range" ? " (endpoints ± their print rounding)" : ""}.${c.notes ? ` ${c.notes}` : ""}`,
    });
  }
}
