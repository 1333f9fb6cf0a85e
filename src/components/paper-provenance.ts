// "Where does this number come from?": a popover next to the selected number that shows its paper version,
// status, source, locator, PDF page and the audit findings that concern it. Chart marks are SVG links
// (<a href="#n-…">), table cells are buttons; both open it, from the keyboard too. The URL's hash names the
// number shown (#n-…), so every number has a permalink that opens the page with its source shown.
import {html} from "./paper-html.js";
import {STATUS_STYLE} from "../lib/palette.js";
import {pdfPageOf, type PdfPageRule} from "../lib/paper-pages.js";
import type {CurveSource} from "./figures/curve-links.js";

export interface NumberLike {
  id: string;
  version?: string;
  version_label: string;
  place?: string;
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
  /** Shows these numbers' source next to `anchor` (the clicked cell or mark) and names the first in the URL. */
  show(numbers: NumberLike[], heading: string, anchor?: Element): void;
  hide(): void;
}

export interface PanelOptions {
  /** data/paper-pdf-pages.json: lets the popover link to the PDF page that prints the number. */
  pdfPages?: readonly PdfPageRule[];
  /**
   * When the shown numbers are a point of a recovered training curve: where, and how to fetch it (null otherwise).
   * The curve and its chart module load only when such a popover opens.
   */
  curveOf?: (numbers: NumberLike[]) => CurveSource | null;
}

const HASH = /^#(n-[0-9a-f]+)$/;
const XLINK = "http://www.w3.org/1999/xlink";

/** The number id an (SVG) link points at: Plot writes chart links as xlink:href. */
function linkedNumberId(a: Element | null | undefined): string | undefined {
  return HASH.exec(a?.getAttribute("href") ?? a?.getAttributeNS(XLINK, "href") ?? "")?.[1];
}

/** The number id the URL names (#n-…), or null. */
export function hashedNumberId(): string | null {
  return HASH.exec(location.hash)?.[1] ?? null;
}

function setHash(id: string | null): void {
  const url = new URL(location.href);
  url.hash = id ? `#${id}` : "";
  if (url.href !== location.href) history.replaceState(history.state, "", url.href);
}

/** Places the popover under the anchor (above when there is no room below), inside the page's width. */
function place(element: HTMLElement, anchor: Element | undefined): void {
  const margin = 8;
  const width = Math.min(448, document.documentElement.clientWidth - 2 * margin);
  element.style.width = `${width}px`;
  if (!anchor) {
    element.style.left = `${margin + scrollX}px`;
    element.style.top = `${scrollY + margin}px`;
    return;
  }
  const r = anchor.getBoundingClientRect();
  const left = Math.max(margin, Math.min(r.left, document.documentElement.clientWidth - width - margin));
  element.style.left = `${left + scrollX}px`;
  const height = element.offsetHeight;
  const below = r.bottom + 6;
  const fitsBelow = below + height <= innerHeight - margin;
  const fitsAbove = r.top - 6 - height >= margin;
  element.style.top = `${(fitsBelow || !fitsAbove ? below : r.top - 6 - height) + scrollY}px`;
}

/** The popover; `findings` maps number ids to audit findings (links to /audit#finding-<id>). */
export function provenancePanel(findings: Map<string, FindingRef[]>, options: PanelOptions = {}): ProvenancePanel {
  const element = html`<aside class="paper-provenance" data-testid="provenance" role="dialog" aria-labelledby="provenance-heading" tabindex="-1" hidden></aside>`;
  let returnFocus: HTMLElement | null = null;
  let opened = 0; // which opening a late curve belongs to (a slow fetch must not fill a newer popover)
  const hide = () => {
    if (element.hidden) return;
    element.hidden = true;
    setHash(null);
    returnFocus?.focus({preventScroll: true});
  };
  element.addEventListener("keydown", (e) => {
    if (e.key === "Escape") hide();
  });
  document.addEventListener("click", (e) => {
    const target = e.target as Element;
    if (!element.hidden && !element.contains(target) && !target.closest?.(".paper-cell-button") && !linkedNumberId(target.closest?.("a"))) hide();
  });
  return {
    element,
    hide,
    show(numbers, heading, anchor) {
      if (!element.isConnected) document.body.append(element);
      returnFocus = anchor instanceof HTMLElement || anchor instanceof SVGElement ? (anchor as HTMLElement) : null;
      const refs = [...new Map(numbers.flatMap((n) => findings.get(n.id) ?? []).map((f) => [f.id, f])).values()];
      const first = numbers[0];
      const pdf = first && options.pdfPages && first.version && first.place !== undefined ? pdfPageOf({version: first.version, place: first.place, locator: first.locator, source_kind: first.source_kind}, options.pdfPages) : null;
      const curve = options.curveOf?.(numbers) ?? null;
      const curveDd = curve ? html`<dd class="curve-end-slot" data-testid="provenance-curve" aria-busy="true"><p class="muted" role="status">Loading the preprint's curve…</p></dd>` : null;
      const close = html`<button type="button" class="paper-provenance-close" aria-label="Close the source">×</button>`;
      close.addEventListener("click", hide);
      // each dt/dd pair sits in a <div> (allowed in a <dl>): htl wraps a multi-node template in a <span>, which is not
      element.replaceChildren(html`<div>
        <div class="paper-provenance-top"><h3 id="provenance-heading" data-testid="provenance-heading">${heading}</h3>${close}</div>
        <dl>
          ${numbers.map((n) => html`<div><dt>${n.quantity === "value" ? n.metric : n.quantity}: <strong data-testid="provenance-text">${n.text}</strong> ${n.unit} <span class="paper-version-tag">${n.version_label}</span></dt>
          <dd>${STATUS_TEXT[n.status] ?? n.status}${n.derived && n.status !== "derived" ? "; this value is computed, not printed" : ""}</dd></div>`)}
          <dt>Where</dt><dd data-testid="provenance-locator">${first?.locator ?? ""}</dd>
          <dt>Page</dt><dd data-testid="provenance-page">${pdf
            ? html`<a href=${pdf.url} data-testid="provenance-pdf">${first!.version_label} PDF, page ${pdf.page}</a> <span class="muted">(${pdf.how})</span>`
            : first?.source_kind === "paper" ? "not looked up for this place" : "none: not from the paper's PDF"}</dd>
          ${curveDd ? html`<div><dt>On the training curve</dt>${curveDd}</div>` : ""}
          <dt>Source</dt><dd>${first?.source ?? ""}${first?.source_kind === "secondary" ? html` <strong>(secondary source, not the paper itself)</strong>` : ""}</dd>
          ${first?.notes ? html`<div><dt>Transcriber's note</dt><dd>${first.notes}</dd></div>` : ""}
          <dt>Audit</dt><dd data-testid="provenance-findings">${refs.length
            ? html`<ul>${refs.map((f) => html`<li><a href=${`./audit#finding-${f.id}`}>${f.title}</a> (${f.severity})</li>`)}</ul>`
            : "no audit finding concerns this number"}</dd>
          <dt>Permalink</dt><dd><a data-testid="provenance-permalink" href=${`${location.pathname}${location.search}#${first?.id ?? ""}`}>link to this number</a></dd>
        </dl>
      </div>`);
      element.hidden = false;
      place(element, anchor);
      const opening = ++opened;
      if (curve && curveDd) {
        Promise.all([import("./figures/end-point-chart.js"), curve.load()])
          .then(([view, data]) => {
            if (opening !== opened) return;
            curveDd.replaceChildren(view.endPointView(curve.point, data, {width: Math.max(200, curveDd.clientWidth)}));
          })
          .catch((error: unknown) => {
            if (opening === opened) curveDd.replaceChildren(html`<p role="alert">The curve could not be loaded (${error instanceof Error ? error.message : String(error)}). <a href=${`./figures?figure=${curve.point.figure}#one-figure-panel-by-panel`}>See it on the Figures page</a>.</p>`);
          })
          .finally(() => curveDd.removeAttribute("aria-busy"));
      }
      if (first) setHash(first.id);
      element.focus({preventScroll: true});
      element.scrollIntoView({block: "nearest"});
    },
  };
}

/**
 * A table cell button that opens the popover for these numbers. Built with the DOM API, not htl: pages hold
 * hundreds of them, and htl's template parsing per button was the largest part of their tables' render time.
 */
export function provenanceButton(label: string, numbers: NumberLike[], heading: string, panel: ProvenancePanel, findings: Map<string, FindingRef[]>): HTMLElement {
  const flagged = numbers.some((n) => (findings.get(n.id) ?? []).length > 0);
  const b = document.createElement("button");
  b.type = "button";
  b.className = "paper-cell-button";
  b.dataset.numberId = numbers[0]?.id ?? "";
  b.title = numbers.map(provenanceText).join("\n");
  b.setAttribute("aria-haspopup", "dialog");
  b.setAttribute("aria-label", `${label}: show where the paper prints it${flagged ? " (the audit flags it)" : ""}`);
  b.append(label);
  if (flagged) {
    const flag = document.createElement("span");
    flag.className = "paper-flag";
    flag.setAttribute("aria-hidden", "true");
    flag.textContent = " ⚠";
    b.append(flag);
  }
  b.addEventListener("click", () => panel.show(numbers, heading, b));
  return b;
}

/** Make SVG links "#n-<id>" inside `root` open the popover instead of navigating. */
export function wireMarkLinks(root: Element, lookup: (id: string) => {numbers: NumberLike[]; heading: string} | undefined, panel: ProvenancePanel): void {
  root.addEventListener("click", (e) => {
    const a = (e.target as Element).closest("a");
    const id = linkedNumberId(a);
    if (!a || !id) return;
    e.preventDefault();
    const found = lookup(id);
    if (found) panel.show(found.numbers, found.heading, a);
  });
}

/**
 * Opens the number the URL names (#n-…) once it is on the page: scrolls its cell into view and selects it.
 * Returns whether it was found. Call after the page's tables are displayed.
 */
export function openHashedNumber(root: ParentNode = document): boolean {
  const id = hashedNumberId();
  if (!id) return false;
  const target = root.querySelector<HTMLElement>(`.paper-cell-button[data-number-id="${id}"]`) ?? [...root.querySelectorAll<HTMLElement>("a")].find((a) => linkedNumberId(a) === id);
  if (!target) return false;
  target.scrollIntoView({block: "center"});
  target.dispatchEvent(new MouseEvent("click", {bubbles: true}));
  return true;
}
