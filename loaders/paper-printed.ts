// Parsing of numbers exactly as the paper prints them ("+28.8", "~18 (approx., each)", ">90",
// "-0.4 to +4.5 (range)", "325/175/500", "64 vs 29"). The printed text is never altered; this only
// reads numbers out of it and says what kind of statement it is.

export type PrintedKind =
  | "number" // one exact number: "+28.8", "65.0", "0 (never)"
  | "approx" // one approximate number: "~18", "~90 or higher"
  | "bound" // a one-sided bound: ">90", "over 90", ">99%"
  | "range" // "a to b", "a-b"
  | "list" // several numbers: "325/175/500", "64 vs 29", "98 ; 21 vs 40"
  | "text"; // no number grammar (prose)

export interface Printed {
  kind: PrintedKind;
  /** The number for kinds "number" and "approx"; null otherwise (a bound or a range is not a value). */
  value: number | null;
  /** Every number read, in order (for lists, ranges and bounds too). */
  values: number[];
  /** Decimal places of the single number's last printed digit (print precision; "5e-7" → 7), null when not single. */
  decimals: number | null;
}

const QUAL = String.raw`(?:~|≈|>=|<=|>|<|over\s+)`;
const NUM = String.raw`[+\-−]?\d+(?:\.\d+)?(?:e[+\-−]?\d+)?`;
const ATOM = String.raw`${QUAL}?\s*${NUM}\s*%?`;
const SEP = String.raw`\s*(?:/|;|vs\.?|to|-|–)\s*`;
const TAIL = String.raw`(?:\s*\([^)]*\))?(?:\s+or\s+higher)?`;
const NUMERIC_TEXT = new RegExp(String.raw`^\s*${ATOM}(?:${SEP}${ATOM})*${TAIL}\s*$`, "i");
const ATOM_GLOBAL = new RegExp(String.raw`(${QUAL})?\s*(${NUM})`, "gi");

/** True when the text follows the number grammar above (empty text is not numeric). */
export function isNumericText(text: string): boolean {
  return NUMERIC_TEXT.test(text);
}

function toNumber(s: string): number {
  return Number(s.replaceAll("−", "-"));
}

/** Decimal places of the last printed digit: "21.40" → 2, "5e-7" → 7, "1.5e3" → -2 (print precision). */
function decimalsOf(num: string): number {
  const m = /^[+\-−]?\d+(?:\.(\d+))?(?:e([+\-−]?\d+))?$/i.exec(num);
  if (!m) return 0;
  return (m[1]?.length ?? 0) - (m[2] ? toNumber(m[2]) : 0);
}

/** Read the numbers of a printed text. Never throws; prose gives kind "text". */
export function parsePrinted(text: string): Printed {
  const t = text.trim();
  if (!t || !isNumericText(t)) return {kind: "text", value: null, values: [], decimals: null};
  // strip the parenthesised annotation before reading numbers (it may contain numbers: "(Tab.1 prints 35.0)")
  const body = t.replace(/\s*\([^)]*\)\s*$/, "").replace(/\s+or\s+higher\s*$/i, "");
  const atoms: {qual: string; num: string}[] = [];
  const values: number[] = [];
  let prevEnd = -1;
  for (const m of body.matchAll(ATOM_GLOBAL)) {
    let num = m[2];
    const start = (m.index ?? 0) + m[0].lastIndexOf(num);
    // "15-20": a "-" glued to the previous number is a range separator, not a sign
    if (num.startsWith("-") && start === prevEnd) num = num.slice(1);
    atoms.push({qual: (m[1] ?? "").trim(), num});
    values.push(toNumber(num));
    prevEnd = start + m[2].length;
  }
  if (atoms.length === 1) {
    const {qual, num} = atoms[0];
    const decimals = decimalsOf(num);
    const approx = qual === "~" || qual === "≈" || /or\s+higher/i.test(t);
    if (/^(>|<|>=|<=|over)/i.test(qual)) return {kind: "bound", value: null, values, decimals};
    return {kind: approx ? "approx" : "number", value: values[0], values, decimals};
  }
  const isRange = /\d\s*(?:to|-|–)\s*[+\-−]?\d/.test(body) && atoms.length === 2 && !/[/;]|vs/.test(body);
  return {kind: isRange ? "range" : "list", value: null, values, decimals: null};
}

/** Half a unit in the last printed place: the largest rounding error of a printed number. */
export function halfUnit(decimals: number | null): number {
  return 0.5 * 10 ** -(decimals ?? 0);
}

/** Print precision (decimal places of the last printed digit) of each number in a printed text, in order
 * (annotation excluded). An exponent belongs to its number: "5e-7" is one number with precision 7. */
export function printedDecimals(text: string): number[] {
  const body = text.trim().replace(/\s*\([^)]*\)\s*$/, "");
  return [...body.matchAll(/\d+(?:\.\d+)?(?:e[+\-−]?\d+)?/gi)].map((m) => decimalsOf(m[0]));
}
