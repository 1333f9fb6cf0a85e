// "Where does this number come from?": a panel that shows a number's paper version, status, source and
// locator, plus the audit findings that concern it. Chart marks link to it (SVG <a href="#number-…">),
// table cells are buttons that open it; both are keyboard-operable.
import {html} from "./paper-html.js";
import {STATUS_STYLE} from "../lib/palette.js";

export interface NumberLike {
  id: string;
  version_label: string;
  text: string;
  quantity: string;
  status: string;
  derived: boolean;
  source: string;
  source_kind: string;
  locator: string;
  notes: string;
  metric: string;
  model: string;
  reward_label?: string;
  unit: string;
  value: number | null;
}

export interface FindingRef {
  id: string;
  title: string;
  severity: string;
}

/** Number id -> the audit findings that read it (built from the audit JSON). */
// a finding merged across versions reads the numbers of every version it holds in (same_in)
export function findingsByNumber(audit: {findings: {id: string; title: string; severity: string; a: {ids: string[]}; b: {ids: string[]}; same_in?: {a: {ids: string[]}; b: {ids: string[]}}[]}[]}): Map<string, FindingRef[]> {
  const m = new Map<string, FindingRef[]>();
  for (const f of audit.findings) {
    const ids = [f, ...(f.same_in ?? [])].flatMap((x) => [...x.a.ids, ...x.b.ids]);
    for (const id of new Set(ids)) m.set(id, [...(m.get(id) ?? []), {id: f.id, title: f.title, severity: f.severity}]);
  }
  return m;
}

export const STATUS_TEXT: Record<string, string> = {
  printed: "read from the paper",
  derived: "computed by the transcriber from printed numbers (not printed itself)",
  inferred: STATUS_STYLE.inferred.label,
  unresolved: STATUS_STYLE.unresolved.label,
};

/** One-line provenance, used for hover titles. */
export function provenanceText(n: NumberLike): string {
  const status = n.derived && n.status !== "derived" ? `${STATUS_TEXT[n.status] ?? n.status}; value computed` : STATUS_TEXT[n.status] ?? n.status;
  return `${n.text} (${n.version_label}) — ${status}. ${n.locator}. Source: ${n.source}`;
}

export interface ProvenancePanel {
  element: HTMLElement;
  show(numbers: NumberLike[], heading: string): void;
}

/** The panel; `findings` maps number ids to audit findings (links to /audit#finding-<id>). */
export function provenancePanel(findings: Map<string, FindingRef[]>): ProvenancePanel {
  const element = html`<aside class="paper-provenance" data-testid="provenance" aria-live="polite" tabindex="-1">
    <p class="muted">Select a bar, a dot or a value in a table to see where the paper prints it.</p>
  </aside>`;
  return {
    element,
    show(numbers, heading) {
      const refs = [...new Map(numbers.flatMap((n) => findings.get(n.id) ?? []).map((f) => [f.id, f])).values()];
      element.replaceChildren(html`<div>
        <h3 data-testid="provenance-heading">${heading}</h3>
        <dl>
          ${numbers.map((n) => html`<dt>${n.quantity === "value" ? n.metric : n.quantity}: <strong data-testid="provenance-text">${n.text}</strong> ${n.unit} <span class="paper-version-tag">${n.version_label}</span></dt>
          <dd>${STATUS_TEXT[n.status] ?? n.status}${n.derived && n.status !== "derived" ? "; this value is computed, not printed" : ""}</dd>`)}
          <dt>Where</dt><dd data-testid="provenance-locator">${numbers[0]?.locator ?? ""}</dd>
          <dt>Source</dt><dd>${numbers[0]?.source ?? ""}${numbers[0]?.source_kind === "secondary" ? html` <strong>(secondary source, not the paper itself)</strong>` : ""}</dd>
          ${numbers[0]?.notes ? html`<dt>Transcriber's note</dt><dd>${numbers[0].notes}</dd>` : ""}
          <dt>Audit</dt><dd data-testid="provenance-findings">${refs.length
            ? html`<ul>${refs.map((f) => html`<li><a href=${`./audit#finding-${f.id}`}>${f.title}</a> (${f.severity})</li>`)}</ul>`
            : "no audit finding concerns this number"}</dd>
        </dl>
      </div>`);
    },
  };
}

/** A table cell button that opens the panel for these numbers. */
export function provenanceButton(label: string, numbers: NumberLike[], heading: string, panel: ProvenancePanel, findings: Map<string, FindingRef[]>): HTMLElement {
  const flagged = numbers.some((n) => (findings.get(n.id) ?? []).length > 0);
  const b = html`<button type="button" class="paper-cell-button" data-number-id=${numbers[0]?.id ?? ""}
    title=${numbers.map(provenanceText).join("\n")}
    aria-label=${`${label}: show where the paper prints it${flagged ? " (the audit flags it)" : ""}`}>${label}${flagged ? html`<span aria-hidden="true" class="paper-flag"> ⚠</span>` : ""}</button>`;
  b.addEventListener("click", () => {
    panel.show(numbers, heading);
    panel.element.focus({preventScroll: true});
  });
  return b;
}

/** Make SVG links "#number-<id>" inside `root` open the panel instead of navigating. */
export function wireMarkLinks(root: Element, lookup: (id: string) => {numbers: NumberLike[]; heading: string} | undefined, panel: ProvenancePanel): void {
  root.addEventListener("click", (e) => {
    const a = (e.target as Element).closest("a");
    const href = a?.getAttribute("href") ?? "";
    if (!href.startsWith("#number-")) return;
    e.preventDefault();
    const found = lookup(href.slice("#number-".length));
    if (found) {
      panel.show(found.numbers, found.heading);
      panel.element.focus({preventScroll: true});
    }
  });
}
