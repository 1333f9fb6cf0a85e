// The checks made against the training curves recovered from the preprint's vector figures (loaders/figures/
// checks.ts, shown in full on /figures): listed on /audit too, so a reviewer sees every finding in one place.
import {h, toElement} from "./markup.js";

export interface CurveFinding {
  id: string;
  title: string;
  status: "contradiction" | "confirmed" | "undecidable" | "note";
  versions: string[];
  locators: string[];
  detail: string;
}

const LABEL: Record<CurveFinding["status"], string> = {contradiction: "Contradiction", confirmed: "Confirmed", undecidable: "Not decidable", note: "Note"};
// undecidable: the curves lack what the statement needs (a vertex, the quantity, the step it means)
const ORDER: CurveFinding["status"][] = ["contradiction", "undecidable", "note", "confirmed"];

/** Problems first, then notes, then confirmations; each links to its full entry on /figures. */
export function curveFindings(findings: CurveFinding[]): HTMLElement {
  const sorted = [...findings].sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status));
  const PLURAL: Record<CurveFinding["status"], string> = {contradiction: "contradictions", confirmed: "confirmed", undecidable: "not decidable", note: "notes"};
  const counts = ORDER.map((s) => `${sorted.filter((f) => f.status === s).length} ${PLURAL[s]}`).join(", ");
  return toElement(h`<div data-testid="curve-findings">
    <p>${sorted.length} checks against the curves: ${counts}. Version: May 2025 preprint (the only version whose figures can be read).</p>
    ${sorted.map((f) => h`<article class="finding status-${f.status}" id="curve-${f.id}" data-testid="curve-finding" data-status="${f.status}">
      <h3><span class="paper-version-tag">${LABEL[f.status]}</span> ${f.title}</h3>
      <p>${f.detail}</p>
      <p class="muted">Where: ${f.locators.join("; ")}. <a href="./figures#finding-${f.id}">The check on the Figures page, with its data</a>.</p>
    </article>`)}
  </div>`);
}
