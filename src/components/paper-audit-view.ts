// The audit page's content: a summary per check and every finding, each with an anchor #finding-<id>.
import {html} from "./paper-html.js";
// The audit's own types: a type-only import, erased before the browser sees it.
import type {CheckSummary, Finding, FindingSide} from "../../loaders/paper-audit.js";

const fmt = (x: number) => String(Math.round(x * 100) / 100);

export function auditSummary(checks: CheckSummary[]): HTMLElement {
  return html`<div class="paper-table-wrap" role="region" tabindex="0" aria-label="Audit checks">
    <table data-testid="audit-checks">
      <caption>What was checked, how many comparisons were made and how many disagree beyond print rounding</caption>
      <thead><tr><th scope="col">Check</th><th scope="col">What it compares</th><th scope="col">Compared</th><th scope="col">Findings</th><th scope="col">Not compared</th></tr></thead>
      <tbody>${checks.map((c) => html`<tr>
        <th scope="row">${c.findings ? html`<a href=${`#check-${c.check}`}>${c.check}</a>` : c.check}</th>
        <td>${c.description}</td><td class="num">${c.compared}</td><td class="num">${c.findings}</td>
        <td>${c.not_compared.join("; ")}</td>
      </tr>`)}</tbody>
    </table>
  </div>`;
}

function side(s: FindingSide): HTMLElement {
  return html`<span><span class="paper-version-tag">${s.version_label}</span> ${s.place} · ${s.label}: <strong>${s.shown}</strong>${s.computed ? html` = ${fmt(s.value)} <em>(computed here from printed numbers)</em>` : ""}<br><span class="muted">${s.locator}</span></span>`;
}

export function findingArticle(f: Finding): HTMLElement {
  return html`<article class="finding" id=${`finding-${f.id}`} data-testid="finding" data-check=${f.check} data-severity=${f.severity}>
    ${f.aliases.filter((x) => x !== f.id).map((x) => html`<span id=${`finding-${x}`} class="finding-alias"></span>`)}
    <h3>${f.title}</h3>
    <dl>
      <dt>Version</dt><dd data-testid="finding-versions">${f.version_labels.join(", ")}${f.same_in.length ? " (printed identically in each; one finding)" : ""}</dd>
      <dt>Kind</dt><dd>${f.severity === "change" ? "changed between versions" : f.severity === "note" ? "note (not reproducible; not proof of an error)" : "the paper disagrees with itself"}</dd>
      <dt>Here</dt><dd>${side(f.a)}</dd>
      <dt>There</dt><dd>${side(f.b)}</dd>
      ${f.same_in.length ? html`<dt>Same in</dt>` : ""}${f.same_in.length ? html`<dd data-testid="finding-same-in">${f.same_in.map((x) => html`<span><span class="paper-version-tag">${x.a.version_label}</span> ${x.a.locator}${x.b.locator !== x.a.locator ? `; ${x.b.locator}` : ""}<br></span>`)}</dd>` : ""}
      <dt>Gap</dt><dd data-testid="finding-gap"><strong>${fmt(f.gap)}</strong> ${f.unit === "%" || f.unit === "points" ? "percentage points" : f.unit} (print rounding explains at most ${fmt(f.tolerance)})</dd>
      <dt>Why</dt><dd>${f.explanation}</dd>
      <dt>Link</dt><dd><a href=${`#finding-${f.id}`}>#finding-${f.id}</a></dd>
    </dl>
  </article>`;
}

/** All findings, grouped by check in the summary's order. */
export function auditFindings(checks: CheckSummary[], findings: Finding[]): HTMLElement {
  return html`<div data-testid="audit-findings" data-count=${String(findings.length)}>
    ${checks.filter((c) => c.findings > 0).map((c) => html`<section>
      <h2 id=${`check-${c.check}`}>${c.check} <span class="muted">(${c.findings})</span></h2>
      <p>${c.description}.</p>
      ${findings.filter((f) => f.check === c.check).map(findingArticle)}
    </section>`)}
  </div>`;
}
