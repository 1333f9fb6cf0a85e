// Which PDF page of which paper version prints a number, and the link that opens that page. Pure: no DOM,
// shared by the build (loaders/paper-pages.ts) and the browser (the source popover), unit-tested in Node.
// The page table is data/paper/pdf-pages.csv (how each page was found is in its how_found column).
import {ARXIV_V1, ARXIV_V2, PREPRINT} from "./paper-vocabulary.js";

export interface PdfPageRule {
  version: string;
  /** The number's normalised place ("Figure 1", "Sec.2.3", "App.B.1.3"). */
  place: string;
  /** Empty: the page where the place starts. Otherwise the rule applies only to locators containing this text. */
  locator_contains: string;
  page: number;
  how_found: string;
}

export interface PdfPage {
  page: number;
  /** Why this page: the transcriber's locator, a quote found on the page, or where the place starts. */
  how: string;
  url: string;
}

/** Where each version's PDF lives; #page=N opens it at a page in every common PDF viewer. */
const PDF_BASE: Readonly<Record<string, string>> = {
  [PREPRINT]: "https://github.com/ruixin31/Rethink_RLVR/raw/9e9c462/paper/rethink-rlvr.pdf",
  [ARXIV_V1]: "https://arxiv.org/pdf/2506.10947v1",
  [ARXIV_V2]: "https://arxiv.org/pdf/2506.10947v2",
};

export function pdfUrl(version: string, page: number): string | null {
  const base = PDF_BASE[version];
  return base && Number.isInteger(page) && page > 0 ? `${base}#page=${page}` : null;
}

/** The first page a locator names itself ("Figure 7 (p.8)", "Sec.2.3 p.3-4" → 3), or null. */
export function locatorPage(locator: string): number | null {
  const m = /\bp\.\s?(\d+)/.exec(locator);
  return m ? Number(m[1]) : null;
}

export interface LocatedNumber {
  version: string;
  place: string;
  locator: string;
  source_kind: string;
}

/**
 * The PDF page of a number: the page its locator names, else a quote-specific rule of the page table, else
 * the page where its place starts. Null for numbers not from the paper itself (secondary summaries, code)
 * or from a place whose page was not looked up.
 */
export function pdfPageOf(n: LocatedNumber, rules: readonly PdfPageRule[]): PdfPage | null {
  if (n.source_kind !== "paper" || !PDF_BASE[n.version]) return null;
  const make = (page: number, how: string) => ({page, how, url: pdfUrl(n.version, page)!});
  const named = locatorPage(n.locator);
  if (named !== null) return make(named, `the locator names p.${named}`);
  const mine = rules.filter((r) => r.version === n.version && r.place === n.place);
  const specific = mine.find((r) => r.locator_contains && n.locator.includes(r.locator_contains));
  if (specific) return make(specific.page, specific.how_found);
  const start = mine.find((r) => !r.locator_contains);
  return start ? make(start.page, `${n.place} starts on this page (${start.how_found})`) : null;
}

/** Validates parsed CSV rows of data/paper/pdf-pages.csv; throws naming the row on a bad one. */
export function pdfPageRules(rows: readonly Record<string, string>[]): PdfPageRule[] {
  return rows.map((r, i) => {
    const page = Number(r.page);
    if (!PDF_BASE[r.version ?? ""]) throw new Error(`pdf-pages.csv row ${i + 1}: unknown version ${JSON.stringify(r.version)}`);
    if (!r.place) throw new Error(`pdf-pages.csv row ${i + 1}: empty place`);
    if (!Number.isInteger(page) || page < 1) throw new Error(`pdf-pages.csv row ${i + 1}: page ${JSON.stringify(r.page)} is not a page number`);
    return {version: r.version!, place: r.place, locator_contains: r.locator_contains ?? "", page, how_found: r.how_found ?? ""};
  });
}
