// The figure checks as findings and tables: Figure 1 label rule, arXiv v1 corroboration, smoothing, redraw.
import {html} from "../paper-html.js";

interface Finding { id: string; title: string; status: string; versions: string[]; locators: string[]; values: Record<string, unknown>; detail: string }
interface Checks {
  findings: Finding[];
  figure1: {rules: {id: string; label: string; matches: number; compared: number}[]; best: {id: string; label: string}; bars: {model: string; reward: string; printed: string; curve: string | null; gaps: Record<string, number | null>}[]};
  v1: {model: string; reward: string; printed: string; assignment: string; verdict: string; evidence: {reward: string; text: string}[]}[];
}
const STATUS: Record<string, string> = {contradiction: "Contradiction", confirmed: "Confirmed", undecidable: "Not decidable", note: "Note"};
const gapText = (g: number | null) => (g === null ? "—" : `${g > 0 ? "+" : ""}${g.toFixed(1)}`);

export function checksView(c: Checks): HTMLElement {
  const root = document.createElement("div");
  root.className = "figure-checks";
  root.dataset.testid = "figure-checks";
  const list = html`<div>${c.findings.map((f) => html`<article class="finding" id="finding-${f.id}" data-status="${f.status}">
    <h3><span class="paper-version-tag">${STATUS[f.status] ?? f.status}</span> ${f.title}</h3>
    <p>${f.detail}</p>
    <p class="muted">Version: May 2025 preprint. Where: ${f.locators.join("; ")}.</p>
  </article>`)}</div>`;
  const rules = c.figure1.rules;
  const fig1 = html`<div class="paper-table-wrap" role="region" aria-label="Figure 1 labels against the curves" tabindex="0"><table>
    <caption>Preprint Figure 1 (after 150 steps): printed change vs each candidate rule, gap = curve − label in points (— where the curve has no vertex the rule needs)</caption>
    <thead><tr><th scope="col">model</th><th scope="col">reward</th><th scope="col">printed</th><th scope="col">curve</th>${rules.map((r) => html`<th scope="col">${r.label} (${r.matches}/${r.compared})</th>`)}</tr></thead>
    <tbody>${c.figure1.bars.map((b) => html`<tr><th scope="row">${b.model}</th><td>${b.reward}</td><td class="num">${b.printed}</td><td>${b.curve ?? "no curve"}</td>${rules.map((r) => html`<td class="num">${gapText(b.gaps[r.id])}</td>`)}</tr>`)}</tbody>
  </table></div>`;
  const v1 = html`<div class="paper-table-wrap" role="region" aria-label="arXiv v1 Figure 1 labels against the preprint curves" tabindex="0"><table>
    <caption>arXiv v1 Figure 1 (after 300 steps): each printed label (as printed) against the longest preprint curve for that model and reward. Evidence, not a reading: the v1 figure itself is not available.</caption>
    <thead><tr><th scope="col">model</th><th scope="col">reward (v1 assignment)</th><th scope="col">printed</th><th scope="col">what the preprint curves say</th><th scope="col">verdict</th></tr></thead>
    <tbody>${c.v1.map((v) => html`<tr class="status-${v.assignment}"><th scope="row">${v.model}</th><td>${v.reward} (${v.assignment})</td><td class="num">${v.printed}</td><td>${v.evidence.map((e) => html`<div>${e.reward}: ${e.text}</div>`)}</td><td>${v.verdict}</td></tr>`)}</tbody>
  </table></div>`;
  root.append(list, html`<h3>Figure 1's labels against the curves</h3>`, fig1, html`<h3>arXiv v1's Figure 1 against the preprint curves</h3>`, v1);
  return root;
}
