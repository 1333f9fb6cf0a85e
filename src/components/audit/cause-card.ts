// One root cause: what is wrong, the evidence (computed from printed numbers), severity and reach, and the
// findings it explains. Anchor #cause-<id>.
import type {Cause, Finding} from "../../../loaders/audit/types.js";
import {badges} from "./badges.js";
import {pageLinks, pdfLinks} from "./links.js";
import {h, type Markup} from "./markup.js";

export function causeMarkup(c: Cause, findings: Map<string, Finding>): Markup {
  const openEvidence = c.status === "contradiction" && c.severity !== "low";
  return h`<article class="cause status-${c.status}" id="cause-${c.id}" data-testid="cause" data-status="${c.status}" data-severity="${c.severity}" data-headline="${String(c.headline.touches)}">
    <h3>${c.title}</h3>
    ${badges(c.status, c.severity, c.headline.touches)}
    <p>${c.summary}</p>
    ${c.evidence.length ? h`<details class="cause-evidence"${openEvidence ? h` open` : ""}><summary>Evidence (${c.evidence.length})</summary><ul data-testid="cause-evidence">${c.evidence.map((e) => h`<li>${e.text}</li>`)}</ul></details>` : ""}
    <dl>
      <dt>Versions</dt><dd>${c.version_labels.join(", ")}</dd>
      <dt>Headline</dt><dd data-testid="cause-headline">${c.headline.touches ? "touches a headline number" : "no headline number"}: ${c.headline.why}</dd>
      <dt>Shown on</dt><dd data-testid="cause-pages">${pageLinks(c.pages)}</dd>
      <dt>In the paper</dt><dd>${pdfLinks(c.pdf)}</dd>
      <dt>Explains</dt><dd><details><summary data-testid="cause-count">${c.findings.length} finding${c.findings.length === 1 ? "" : "s"}</summary><ul>${c.findings.map((id) => h`<li><a href="#finding-${id}">${findings.get(id)?.title ?? id}</a></li>`)}</ul></details></dd>
      <dt>Link</dt><dd><a href="#cause-${c.id}">#cause-${c.id}</a></dd>
    </dl>
  </article>`;
}
