// The list of verification checks: each a clear pass/fail with both values visible, and stable
// data-check / data-pass attributes for the end-to-end tests.
import type {Check} from "../lib/pith.js";
import {h} from "./record-dom.js";

export function statusText(pass: boolean | null): string {
  return pass === true ? "✓ Pass" : pass === false ? "✗ Fail" : "— Not available";
}

/** Where a published value was published: a link shown next to "Published". */
export interface ValueSource {
  href: string;
  label: string;
}

/** One check as a card: label, status, published vs computed (with the published value's source), explanation. */
export function checkItem(check: Check, {prefix = "", source}: {prefix?: string; source?: ValueSource} = {}): HTMLLIElement {
  const status = check.pass === true ? "pass" : check.pass === false ? "fail" : "na";
  return h("li", {class: `record-check record-check--${status}`, "data-check": prefix + check.id, "data-pass": String(check.pass)},
    h("div", {class: "record-check__head"},
      h("span", {class: `record-check__status ${status}`}, statusText(check.pass)),
      h("span", {class: "record-check__label"}, check.label)),
    h("dl", {class: "record-check__values"},
      h("dt", {}, "Published"),
      h("dd", {}, h("code", {class: "hash", "data-role": "expected"}, check.expected),
        source ? [" ", h("small", {class: "record-check__source"}, "(", h("a", {href: source.href}, source.label), ")")] : null),
      h("dt", {}, "Computed here"), h("dd", {}, h("code", {class: "hash", "data-role": "actual"}, check.actual))),
    h("p", {class: "record-check__detail"}, check.detail));
}

export function checksList(checks: Check[], {label, prefix = "", sources = {}}: {label: string; prefix?: string; sources?: Record<string, ValueSource | undefined>}): HTMLElement {
  const failed = checks.filter((c) => c.pass === false).length;
  const passed = checks.filter((c) => c.pass === true).length;
  const na = checks.length - failed - passed;
  return h("section", {class: "record-checks", "aria-label": label},
    h("p", {class: `record-summary ${failed ? "fail" : "pass"}`, "data-summary": failed ? "fail" : "pass", role: "status"},
      failed
        ? `${failed} of ${checks.length} checks failed.`
        : `All ${passed} checks pass${na ? ` (${na} not available: see below)` : ""}.`),
    h("ul", {class: "record-check-list"}, checks.map((c) => checkItem(c, {prefix, source: c.id in sources ? sources[c.id] : sources["*"]}))));
}
