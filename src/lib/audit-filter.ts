// Triage filters of the audit page, DOM-free so Node tests them: which findings a reader's choices keep,
// and the choices as a URL query (?status=contradiction&place=Figure+7) so a filtered view has a permalink.

export interface FilterableFinding {
  id: string;
  status: string;
  severity: string;
  title: string;
  explanation: string;
  versions: string[];
  places: string[];
  touches_headline: boolean;
  cause: string | null;
  a: {shown: string; locator: string; label: string};
  b: {shown: string; locator: string; label: string};
}

export interface AuditFilter {
  status: string; // "" = any
  severity: string;
  version: string;
  place: string;
  headline: boolean; // only findings that touch a headline number
  query: string; // words that must all appear (case-insensitive)
}

export const NO_FILTER: AuditFilter = {status: "", severity: "", version: "", place: "", headline: false, query: ""};

const haystack = (f: FilterableFinding) =>
  [f.id, f.title, f.explanation, f.cause ?? "", f.places.join(" "), f.a.shown, f.a.locator, f.a.label, f.b.shown, f.b.locator, f.b.label].join(" ").toLowerCase();

export function matches(f: FilterableFinding, c: AuditFilter): boolean {
  if (c.status && f.status !== c.status) return false;
  if (c.severity && f.severity !== c.severity) return false;
  if (c.version && !f.versions.includes(c.version)) return false;
  if (c.place && !f.places.includes(c.place)) return false;
  if (c.headline && !f.touches_headline) return false;
  const words = c.query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length) {
    const h = haystack(f);
    if (!words.every((w) => h.includes(w))) return false;
  }
  return true;
}

export function filterFindings<T extends FilterableFinding>(findings: T[], c: AuditFilter): T[] {
  return findings.filter((f) => matches(f, c));
}

const KEYS = ["status", "severity", "version", "place", "headline", "query"] as const;

export function filterToQuery(c: AuditFilter): string {
  const p = new URLSearchParams();
  for (const k of KEYS) {
    const v = c[k];
    if (k === "headline" ? v === true : v) p.set(k === "query" ? "q" : k, k === "headline" ? "1" : String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** Read a filter from a URL query; unknown values fall back to "any" (allowed lists the options the page offers). */
export function filterFromQuery(search: string, allowed: {status: string[]; severity: string[]; version: string[]; place: string[]}): AuditFilter {
  const p = new URLSearchParams(search);
  const pick = (k: keyof typeof allowed) => { const v = p.get(k) ?? ""; return allowed[k].includes(v) ? v : ""; };
  return {status: pick("status"), severity: pick("severity"), version: pick("version"), place: pick("place"), headline: p.get("headline") === "1", query: (p.get("q") ?? "").slice(0, 200)};
}
