// Links of the audit page: site pages are written root-relative in the data ("/rewards#…") and made
// relative here so the site also works under a sub-path; PDF links open the paper in a new tab.
import type {PageLink} from "../../../loaders/audit/types.js";
import {h, type Markup} from "./markup.js";

export const sitePath = (path: string) => (path === "/" ? "./" : `.${path}`);

export function pageLinks(links: PageLink[]): Markup | string {
  if (!links.length) return "—";
  return h`<span>${links.map((l, i) => h`${i ? " · " : ""}<a href="${sitePath(l.path)}">${l.label}</a>`)}</span>`;
}

export function pdfLinks(links: PageLink[]): Markup | string {
  if (!links.length) return "—";
  return h`<span>${links.map((l, i) => h`${i ? " · " : ""}<a href="${l.path}" target="_blank" rel="noopener" data-testid="pdf-link">${l.label}<span class="visually-hidden"> (opens in a new tab)</span></a>`)}</span>`;
}
