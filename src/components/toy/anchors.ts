// A quoted paper number on the toy page: the text as printed, its version and place, linked to that version.
import type { ToyAnchor } from "../../lib/toy/anchors.js";

/** "65.0%" (the printed text and a unit: "%", " points" or "") linked to the version's arXiv page, followed by "(arXiv v1, Table 1)"; the full locator is the tooltip. */
export function paperNumber(a: ToyAnchor, unit = "%"): HTMLElement {
  const span = document.createElement("span");
  span.className = "toy-paper-number";
  span.dataset.testid = "toy-paper-number";
  span.dataset.numberId = a.id;
  const link = document.createElement("a");
  link.href = a.href;
  link.title = `${a.label}: ${a.text}${unit} — ${a.version_label}, ${a.locator}`;
  link.textContent = `${a.text}${unit}`;
  span.append(link, document.createTextNode(` (${a.version_label}, ${a.place || a.locator})`));
  return span;
}

/** One preset's paper numbers as a sentence: "From the paper: answers that use code 92.2% (arXiv v1, Table 1); …". */
export function presetPaperNumbers(anchors: readonly ToyAnchor[]): HTMLElement {
  const p = document.createElement("span");
  p.dataset.testid = "toy-preset-paper-numbers";
  const strong = document.createElement("strong");
  strong.textContent = "Paper numbers: ";
  p.append(strong);
  anchors.forEach((a, i) => {
    if (i) p.append(document.createTextNode("; "));
    // "60.9 vs 28.0" is two numbers: no single unit after it
    p.append(document.createTextNode(`${a.label} `), paperNumber(a, a.values.length === 1 ? "%" : ""));
  });
  p.append(document.createTextNode("."));
  return p;
}

/** Another paper's claim, attributed and linked: "Chen et al. (arXiv 2512.16912, Remark 3.5) report …". */
export function attributedClaim(c: { authors: string; arxiv: string; href: string; locator: string; claim: string }): HTMLElement {
  const span = document.createElement("span");
  span.dataset.testid = "toy-attributed-claim";
  const link = document.createElement("a");
  link.href = c.href;
  link.textContent = `arXiv ${c.arxiv}`;
  span.append(document.createTextNode(`${c.authors} (`), link, document.createTextNode(`, ${c.locator}) report ${c.claim}`));
  return span;
}
