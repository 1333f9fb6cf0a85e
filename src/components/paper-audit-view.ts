// The audit page's content (see src/components/audit/): counts, contents, causes, confirmations, every result
// with filters, and the per-check summary. The page only passes the audit JSON in.
import {html} from "./paper-html.js";
import type {AuditResult, Cause, CheckSummary, Finding} from "../../loaders/audit/types.js";
import {STATUS_LABELS} from "../lib/audit-vocabulary.js";
import {causeMarkup} from "./audit/cause-card.js";
import {h, toElement} from "./audit/markup.js";
import {triage} from "./audit/triage.js";

export {findingMarkup} from "./audit/finding-article.js";
export {triage} from "./audit/triage.js";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const statusPlural = (s: string, n: number) => {
  const label = STATUS_LABELS[s as keyof typeof STATUS_LABELS];
  return `${n} ${n === 1 || s === "confirmed" ? label : `${label}s`}`;
};

export function auditCounts(audit: AuditResult): HTMLElement {
  const by = (s: string) => audit.findings.filter((f) => f.status === s).length;
  const claims = audit.textual_claims;
  return html`<p data-testid="audit-count"><strong>${plural(audit.causes.length, "cause")}</strong> explain <strong>${plural(audit.findings.length, "finding")}</strong>
    (${["contradiction", "judgement", "change", "note"].filter((s) => by(s)).map((s) => statusPlural(s, by(s))).join(", ")});
    <strong>${audit.confirmations.length}</strong> reproductions and checks are <strong>confirmed</strong>;
    <strong>${claims.checked}</strong> textual claims checked (${Object.entries(claims.by_status).map(([s, n]) => statusPlural(s, n ?? 0)).join(", ")}).</p>`;
}

/** Summary by cause: one row per cause, linking to its card. */
export function causeTable(causes: Cause[]): HTMLElement {
  return html`<div class="paper-table-wrap" role="region" tabindex="0" aria-label="Summary by cause">
    <table data-testid="cause-table">
      <caption>Root causes, most serious first: status, severity, whether a headline number is touched, and how many findings each explains</caption>
      <thead><tr><th scope="col">Cause</th><th scope="col">Status, severity</th><th scope="col">Headline</th><th scope="col">Findings</th></tr></thead>
      <tbody>${causes.map((c) => html`<tr data-status=${c.status}>
        <th scope="row" class="cause-cell"><a href=${`#cause-${c.id}`}>${c.title}</a></th>
        <td>${STATUS_LABELS[c.status]}, ${c.severity}</td><td>${c.headline.touches ? "yes" : "no"}</td>
        <td class="num">${c.findings.length}</td>
      </tr>`)}</tbody>
    </table>
  </div>`;
}

export function contents(audit: AuditResult): HTMLElement {
  const problems = audit.causes.filter((c) => c.status === "contradiction" || c.status === "judgement");
  return html`<nav class="audit-contents" aria-label="Contents of the audit" data-testid="audit-contents"><ol>
    <li><a href="#problems">Problems, by cause</a> (${problems.length})</li>
    <li><a href="#confirmed">What reproduces</a> (${audit.confirmations.length})</li>
    <li><a href="#changes">Changes between versions, and notes</a> (${audit.causes.length - problems.length})</li>
    <li><a href="#every-result">Every result, with filters</a> (${audit.findings.length + audit.confirmations.length})</li>
    <li><a href="#checks">What was checked</a></li>
  </ol></nav>`;
}

export function causeCards(causes: Cause[], findings: Finding[], which: "problems" | "changes"): HTMLElement {
  const byId = new Map(findings.map((f) => [f.id, f]));
  const mine = causes.filter((c) => (which === "problems") === (c.status === "contradiction" || c.status === "judgement"));
  return toElement(h`<div data-testid="causes-${which}">${mine.map((c) => causeMarkup(c, byId))}</div>`);
}

/** The confirmations, grouped by check, each linking to its entry in the list below. */
export function confirmedList(confirmations: Finding[], checks: CheckSummary[]): HTMLElement {
  return toElement(h`<div data-testid="audit-confirmed">${checks.filter((c) => confirmations.some((f) => f.check === c.check)).map((c) => {
    const mine = confirmations.filter((f) => f.check === c.check);
    const open = c.check === "table-2-reproduction" || c.check === "figure-7-reconstruction";
    return h`<details class="audit-confirmed-group"${open ? h` open` : ""}>
      <summary><strong>${c.check}</strong> — ${mine.length} confirmed</summary>
      <ul>${mine.map((f) => h`<li><a href="#finding-${f.id}">${f.title}</a>: <span class="muted">${f.a.shown} ↔ ${f.b.shown}</span></li>`)}</ul>
    </details>`;
  })}</div>`);
}

export function everyResult(audit: AuditResult, search: string): HTMLElement {
  return triage([...audit.findings, ...audit.confirmations], audit.checks, audit.causes, search);
}

export function auditSummary(checks: CheckSummary[], results: Finding[] = []): HTMLElement {
  const shown = new Set(results.map((f) => f.check));
  return html`<div class="paper-table-wrap" role="region" tabindex="0" aria-label="Audit checks">
    <table data-testid="audit-checks">
      <caption>What was checked, how many comparisons were made and how many disagree beyond print rounding</caption>
      <thead><tr><th scope="col">Check</th><th scope="col">What it compares</th><th scope="col">Compared</th><th scope="col">Findings</th><th scope="col">Not compared</th></tr></thead>
      <tbody>${checks.map((c) => html`<tr>
        <th scope="row">${shown.has(c.check) ? html`<a href=${`#check-${c.check}`}>${c.check}</a>` : c.check}</th>
        <td>${c.description}</td><td class="num">${c.compared}</td><td class="num">${c.findings}</td>
        <td>${c.not_compared.join("; ")}</td>
      </tr>`)}</tbody>
    </table>
  </div>`;
}
