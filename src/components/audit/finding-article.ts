// One finding or confirmation: both places, both values, the gap, its status, the cause it belongs to, the pages
// showing its numbers and the PDF pages printing them. Anchor #finding-<id>; older per-version ids stay as anchors.
import type {Cause, Finding, FindingSide} from "../../../loaders/audit/types.js";
import {badges} from "./badges.js";
import {pageLinks, pdfLinks} from "./links.js";
import {h, type Markup} from "./markup.js";

const fmt = (x: number) => String(Math.round(x * 100) / 100);

function side(s: FindingSide): Markup {
  const computed = s.computed && /\d/.test(s.shown) && !/labels|numbers/.test(s.label);
  return h`<span><span class="paper-version-tag">${s.version_label}</span> ${s.place} · ${s.label}: <strong>${s.shown}</strong>${computed ? h` = ${fmt(s.value)} <em>(computed here from printed numbers)</em>` : ""}<br><span class="muted">${s.locator}</span></span>`;
}

const gapUnit = (u: string) => (u === "%" || u === "points" ? "percentage points" : u);

export function findingMarkup(f: Finding, causes: Map<string, Cause>): Markup {
  const cause = f.cause ? causes.get(f.cause) : undefined;
  const gap = f.status !== "confirmed" && f.status !== "note";
  return h`<article class="finding status-${f.status}" id="finding-${f.id}" data-testid="finding" data-check="${f.check}" data-status="${f.status}" data-severity="${f.severity}">
    ${f.aliases.filter((x) => x !== f.id).map((x) => h`<span id="finding-${x}" class="finding-alias"></span>`)}
    <h4 class="finding-title">${f.title}</h4>
    ${badges(f.status, f.severity, f.touches_headline)}
    <dl>
      <dt>Version</dt><dd data-testid="finding-versions">${f.version_labels.join(", ")}${f.same_in.length ? " (printed identically in each; one finding)" : ""}</dd>
      ${cause ? h`<dt>Cause</dt><dd data-testid="finding-cause"><a href="#cause-${cause.id}">${cause.title}</a></dd>` : ""}
      <dt>Here</dt><dd>${side(f.a)}</dd>
      <dt>There</dt><dd>${side(f.b)}</dd>
      ${f.same_in.length ? h`<dt>Same in</dt><dd data-testid="finding-same-in">${f.same_in.map((x) => h`<span><span class="paper-version-tag">${x.a.version_label}</span> ${x.a.locator}${x.b.locator !== x.a.locator ? `; ${x.b.locator}` : ""}<br></span>`)}</dd>` : ""}
      ${gap ? h`<dt>Gap</dt><dd data-testid="finding-gap"><strong>${fmt(f.gap)}</strong> ${gapUnit(f.unit)} (print rounding explains at most ${fmt(f.tolerance)})</dd>` : ""}
      <dt>Why</dt><dd>${f.explanation}</dd>
      <dt>Shown on</dt><dd data-testid="finding-pages">${pageLinks(f.pages)}</dd>
      <dt>In the paper</dt><dd>${pdfLinks(f.pdf)}</dd>
      <dt>Link</dt><dd><a href="#finding-${f.id}" data-testid="permalink">#finding-${f.id}</a></dd>
    </dl>
  </article>`;
}
