// "Every finding": filters (status, severity, version, table/figure, headline, words), counts that update, and
// the findings grouped by check family (#check-<check> anchors, which other pages link to). The filter state
// is kept in the URL query, so a filtered view is a permalink.
import {html} from "../paper-html.js";
import {filterFromQuery, filterToQuery, matches, type AuditFilter} from "../../lib/audit-filter.js";
import {versionLabel} from "../../lib/paper-vocabulary.js";
import type {Cause, CheckSummary, Finding, Status} from "../../../loaders/audit/types.js";
import {STATUS_LABELS} from "../../lib/audit-vocabulary.js";
import {findingMarkup} from "./finding-article.js";
import {h, toElement} from "./markup.js";

const STATUS_ORDER: Status[] = ["contradiction", "judgement", "change", "note", "confirmed"];
const PLACE_ORDER = (p: string) => [/^Abstract/, /^Figure/, /^Table/, /^Sec/, /^App/].findIndex((r) => r.test(p)) * 100 + (Number(/\d+/.exec(p)?.[0] ?? 0));

function select(id: string, label: string, options: [string, string][], value: string): HTMLElement {
  return html`<label class="audit-control" for=${id}>${label}
    <select id=${id} name=${id}>${options.map(([v, text]) => html`<option value=${v} selected=${v === value}>${text}</option>`)}</select></label>`;
}

export function triage(results: Finding[], checks: CheckSummary[], causes: Cause[], search = ""): HTMLElement {
  const causeById = new Map(causes.map((c) => [c.id, c]));
  const count = (pred: (f: Finding) => boolean) => results.filter(pred).length;
  const statuses = STATUS_ORDER.filter((s) => results.some((f) => f.status === s));
  const severities = ["high", "medium", "low"].filter((s) => results.some((f) => f.severity === s));
  const versions = [...new Set(results.flatMap((f) => f.versions))];
  const places = [...new Set(results.flatMap((f) => f.places))].sort((a, b) => PLACE_ORDER(a) - PLACE_ORDER(b) || (a < b ? -1 : a > b ? 1 : 0));
  const initial = filterFromQuery(search, {status: statuses, severity: severities, version: versions, place: places});
  const families = checks.filter((c) => results.some((f) => f.check === c.check));
  // The section headings go in at once; the findings are parsed in small batches, one task each (markup.ts), so
  // no task blocks the page for long. Counts come from the data, so they are right before the last batch is in.
  const list = toElement(h`<div class="audit-results">${families.map((c) => {
    const mine = results.filter((f) => f.check === c.check);
    return h`<section data-check="${c.check}">
      <h3 class="audit-family" id="check-${c.check}">${c.check} <span class="muted" data-testid="check-count">(${mine.length})</span></h3>
      <p class="muted">${c.description}.</p>
      <div class="audit-family-list"></div>
    </section>`;
  })}</div>`);
  const articles = new Map<string, HTMLElement>();
  const sections = families.map((c) => {
    const section = list.querySelector(`section[data-check="${c.check}"]`) as HTMLElement;
    return {check: c.check, section, counter: section.querySelector('[data-testid="check-count"]') as HTMLElement, body: section.querySelector(".audit-family-list") as HTMLElement, mine: results.filter((f) => f.check === c.check)};
  });
  const queue = sections.flatMap((s) => s.mine.map((f) => ({s, f})));
  const BATCH = 12;
  const renderBatch = () => {
    const batch = queue.splice(0, BATCH);
    for (const {s, f} of batch) {
      const el = toElement(findingMarkup(f, causeById));
      el.hidden = !matches(f, read());
      s.body.append(el);
      articles.set(f.id, el);
    }
    if (queue.length) setTimeout(renderBatch, 0);
    else {
      list.dataset.complete = "true";
      // a link to a finding rendered in a later batch: scroll once it exists
      const target = /^#(finding|check)-/.test(location.hash) ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
      if (target && list.contains(target)) target.scrollIntoView();
    }
  };
  const shown = html`<p data-testid="audit-shown" role="status" aria-live="polite"></p>`;
  const query = html`<input type="search" id="audit-q" name="q" value=${initial.query} placeholder="e.g. Figure 7 random, 35.0, Table 2" autocomplete="off">`;
  const headline = html`<input type="checkbox" id="audit-headline" name="headline" checked=${initial.headline}>`;
  const clear = html`<button type="button" data-testid="audit-clear">Clear filters</button>`;
  const form = html`<form class="audit-filters" data-testid="audit-filters" role="search" aria-label="Filter the findings">
    ${select("audit-status", "Status", [["", `any (${results.length})`], ...statuses.map((s): [string, string] => [s, `${STATUS_LABELS[s]} (${count((f) => f.status === s)})`])], initial.status)}
    ${select("audit-severity", "Severity", [["", "any"], ...severities.map((s): [string, string] => [s, `${s} (${count((f) => f.severity === s)})`])], initial.severity)}
    ${select("audit-version", "Version", [["", "any"], ...versions.map((v): [string, string] => [v, `${versionLabel(v)} (${count((f) => f.versions.includes(v))})`])], initial.version)}
    ${select("audit-place", "Table / figure", [["", "any"], ...places.map((p): [string, string] => [p, `${p} (${count((f) => f.places.includes(p))})`])], initial.place)}
    <label class="audit-control audit-check" for="audit-headline">${headline} touches a headline number (${count((f) => f.touches_headline)})</label>
    <label class="audit-control audit-search" for="audit-q">Search ${query}</label>
    ${clear}
  </form>`;
  // a listener, not htl's on…=${fn}: htl writes that as an inline handler attribute first, which a CSP that
  // lists inline scripts by hash refuses (README "Security headers")
  form.addEventListener("submit", (e: Event) => e.preventDefault());
  const read = (): AuditFilter => ({
    status: (form.querySelector("#audit-status") as HTMLSelectElement).value,
    severity: (form.querySelector("#audit-severity") as HTMLSelectElement).value,
    version: (form.querySelector("#audit-version") as HTMLSelectElement).value,
    place: (form.querySelector("#audit-place") as HTMLSelectElement).value,
    headline: (headline as HTMLInputElement).checked,
    query: (query as HTMLInputElement).value,
  });
  const apply = (writeUrl: boolean) => {
    const c = read();
    let visible = 0;
    for (const s of sections) {
      let n = 0;
      for (const f of s.mine) {
        const ok = matches(f, c);
        const el = articles.get(f.id);
        if (el) el.hidden = !ok;
        if (ok) n++;
      }
      s.section.hidden = n === 0;
      s.counter.textContent = n === s.mine.length ? `(${n})` : `(${n} of ${s.mine.length})`;
      visible += n;
    }
    shown.textContent = visible === results.length ? `Showing all ${results.length} results.` : `Showing ${visible} of ${results.length} results.${visible === 0 ? " No result matches these filters." : ""}`;
    if (writeUrl) history.replaceState(null, "", `${location.pathname}${filterToQuery(c)}${location.hash}`);
  };
  form.addEventListener("input", () => apply(true));
  form.addEventListener("change", () => apply(true));
  clear.addEventListener("click", () => {
    form.querySelectorAll("select").forEach((s) => ((s as HTMLSelectElement).value = ""));
    (headline as HTMLInputElement).checked = false;
    (query as HTMLInputElement).value = "";
    apply(true);
  });
  apply(false);
  renderBatch();
  return html`<div data-testid="audit-findings" data-count=${String(results.length)}>${form}${shown}${list}</div>`;
}
