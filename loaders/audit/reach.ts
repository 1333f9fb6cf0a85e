// Where a finding's numbers are shown: the site's pages (with the chart or table anchor) and the PDF pages
// of the paper version that prints them. And whether a finding touches one of the abstract's headline numbers.
import type {PaperNumber} from "../paper-tidy.js";
import {ARXIV_V1, ARXIV_V2, PREPRINT} from "../../src/lib/paper-vocabulary.js";
import type {Finding, FindingSide, PageLink} from "./types.js";

// Anchors are the ids Framework gives the pages' section headings.
const REWARDS_FIGURE_1: PageLink = {path: "/rewards#math-500-change-per-reward-and-model", label: "Rewards: Figure 1 chart"};
const REWARDS_VERSIONS: PageLink = {path: "/rewards#what-changed-between-versions", label: "Rewards: version comparison"};
const REWARDS_OTHER: PageLink = {path: "/rewards#other-numbers-about-rewards", label: "Rewards: other numbers"};
const CODE = (anchor: string, label: string): PageLink => ({path: `/code-reasoning#${anchor}`, label: `Code reasoning: ${label}`});
const CODE_TABLE_1 = CODE("table-1-code-frequency-and-accuracy-before-rlvr", "Table 1");
const CODE_FIGURE_7 = CODE("figure-7-strategy-switches-of-qwen2-5-math-7-b", "Figure 7");
const CODE_TABLE_2 = CODE("table-2-partial-contributions", "Table 2");
const CODE_TABLE_3 = CODE("table-3-forcing-code-with-a-prompt", "Table 3");
const CODE_TOP: PageLink = {path: "/code-reasoning", label: "Code reasoning"};
const OVERVIEW: PageLink = {path: "/", label: "Overview (headline numbers)"};

/** Pages that show numbers of a paper place. */
export function pagesForPlace(place: string, file = ""): PageLink[] {
  if (place === "Abstract") return [OVERVIEW, REWARDS_VERSIONS];
  if (place === "Figure 1") return [REWARDS_FIGURE_1, OVERVIEW];
  if (place === "Table 1") return [CODE_TABLE_1];
  if (place === "Figure 7") return [CODE_FIGURE_7];
  if (place === "Table 2") return [CODE_TABLE_2];
  if (place === "Table 3") return [CODE_TABLE_3, REWARDS_OTHER];
  if (file === "main_results" || place === "Sec.2.3") return [REWARDS_OTHER];
  if (file === "code_reasoning" || /^(Sec\.1|Sec\.4\.[123]|App\.B\.1\.3)/.test(place)) return [CODE_TOP];
  if (/^Sec\.4\.4/.test(place) || file === "clipping") return [OVERVIEW];
  return [];
}

const PREPRINT_PDF = "https://github.com/ruixin31/Rethink_RLVR/blob/9e9c462748901501bd48f268fad19203dc186eac/paper/rethink-rlvr.pdf";

/** The page a locator names ("Figure 7 (p.9)", "Sec.2.3 p.3-4" → 9, 3); the abstract is on page 1. */
export function pageOf(locator: string, place = ""): number | null {
  const m = /\bp\.\s?(\d+)/.exec(locator);
  if (m) return Number(m[1]);
  return place === "Abstract" || /^Abstract\b/.test(locator) ? 1 : null;
}

/** A link to the PDF page of one version (arXiv v1: #page=N; the preprint's PDF on GitHub has no page anchor). */
export function pdfLink(version: string, locator: string, place = ""): PageLink | null {
  const page = pageOf(locator, place);
  if (version === ARXIV_V1) return {path: `https://arxiv.org/pdf/2506.10947v1${page ? `#page=${page}` : ""}`, label: `arXiv v1 PDF${page ? `, p. ${page}` : ""}`};
  if (version === PREPRINT) return {path: PREPRINT_PDF, label: `preprint PDF${page ? `, p. ${page}` : ""}`};
  if (version === ARXIV_V2) return {path: "https://arxiv.org/abs/2506.10947v2", label: "arXiv v2 abstract page"};
  return null;
}

const uniq = (links: PageLink[]) => links.filter((l, i) => links.findIndex((x) => x.path === l.path && x.label === l.label) === i);

/** PDF links without a page are dropped when the same version has a link with one. */
export function tidyPdfLinks(links: PageLink[]): PageLink[] {
  const u = uniq(links);
  const version = (l: PageLink) => l.label.split(" PDF")[0];
  return u.filter((l) => /p\. \d/.test(l.label) || !u.some((x) => x !== l && version(x) === version(l) && /p\. \d/.test(x.label)));
}

export function sidesOf(f: Pick<Finding, "a" | "b" | "same_in">): FindingSide[] {
  return [f.a, f.b, ...f.same_in.flatMap((x) => [x.a, x.b])];
}

/**
 * Headline numbers: everything the abstract prints (the +21.4 random and +29.1 ground-truth gains, the 65% and
 * >90% code frequencies) and the Figure 1 bars the gains are read from (Qwen2.5-Math-7B, random and ground truth).
 */
export function headlineIds(numbers: PaperNumber[]): Set<string> {
  return new Set(numbers.filter((n) =>
    n.place === "Abstract" ||
    (n.place === "Figure 1" && n.model === "Qwen2.5-Math-7B" && n.benchmark === "MATH-500" && (n.reward === "random" || n.reward === "ground_truth") && n.quantity === "delta"),
  ).map((n) => n.id));
}

/**
 * A side about one of the preprint's training-curve figures: the Figures page draws its recovered curves. Only
 * the preprint's: arXiv v1 numbers its figures differently (its Figure 14 is the preprint's Figure 13).
 */
function preprintFigurePage(s: FindingSide): PageLink[] {
  const figure = s.version === PREPRINT ? /^Figure (\d+)$/.exec(s.place) : null;
  return figure && !["1", "7"].includes(figure[1]!) ? [{path: `/figures?figure=${figure[1]}#one-figure-panel-by-panel`, label: `Figures: Figure ${figure[1]}`}] : [];
}

/** Fill a finding's places, pages, PDF links and headline flag from its sides. */
export function withReach(f: Finding, byId: Map<string, PaperNumber>, headline: Set<string>): Finding {
  const sides = sidesOf(f);
  const files = (s: FindingSide) => s.ids.map((id) => byId.get(id)?.file ?? "");
  const places = [...new Set(sides.map((s) => s.place).filter(Boolean))];
  const pages = uniq(sides.flatMap((s) => [pagesForPlace(s.place, files(s)[0] ?? ""), ...s.ids.map((id) => byId.get(id)).filter((n): n is PaperNumber => !!n).map((n) => pagesForPlace(n.place, n.file)), preprintFigurePage(s)].flat()));
  const pdf = tidyPdfLinks(sides.map((s) => pdfLink(s.version, s.locator, s.place)).filter((l): l is PageLink => !!l));
  return {...f, places, pages, pdf, touches_headline: sides.some((s) => s.ids.some((id) => headline.has(id)))};
}
