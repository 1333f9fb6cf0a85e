// "Try it yourself": edit a record (or a title/abstract) and watch its canonical form, hash and Pith number
// update as you type. Malformed input shows an inline error (role="alert"); nothing here can throw.
// Guards: text over MAX_INPUT_CHARS is not hashed (a message says so: a 5 MB paste used to block the tab for
// seconds on every keystroke), text over DEBOUNCE_ABOVE_CHARS is hashed once typing pauses, and duplicate
// keys (which JSON keeps silently, last one wins) are named in a warning.
import {canonicalizeText} from "../lib/canonical-json.js";
import {canonText, pithLong, pithNumberFromDigest, pithShort, textCanonSha256, utf8Bytes} from "../lib/pith.js";
import {sha256} from "@noble/hashes/sha2.js";
import {bytesToHex} from "@noble/hashes/utils.js";
import {formatMs, h, replaceChildren} from "./record-dom.js";
import {duplicateKeys} from "../lib/json-duplicate-keys.js";

/** Largest text hashed here, in characters (the published record is about 9 kB). */
export const MAX_INPUT_CHARS = 262_144;
/** Above this size, work waits until typing pauses (DEBOUNCE_MS) instead of running every frame. */
export const DEBOUNCE_ABOVE_CHARS = 32_768;
const DEBOUNCE_MS = 300;

const kB = (chars: number) => `${(chars / 1024).toFixed(chars < 10_240 ? 1 : 0)} kB`;

export interface PlaygroundInput {
  recordText: string;
  title: string;
  abstract: string;
  /** Published values to compare against. */
  publishedSha256: string;
  publishedPithNumber: string;
  titleSha256: string;
  abstractSha256: string;
}

let idCounter = 0;

function result(check: string, label: string, actual: string, expected: string, pass: boolean, note = ""): HTMLElement {
  return h("div", {class: `record-try__result ${pass ? "pass" : "fail"}`, "data-check": check, "data-pass": String(pass)},
    h("span", {class: `record-check__status ${pass ? "pass" : "fail"}`}, pass ? "✓ Match" : "✗ Mismatch"),
    " ", h("span", {}, label),
    h("dl", {class: "record-check__values"},
      h("dt", {}, "Published"), h("dd", {}, h("code", {class: "hash", "data-role": "expected"}, expected)),
      h("dt", {}, "Computed from your text"), h("dd", {}, h("code", {class: "hash", "data-role": "actual"}, actual))),
    note ? h("p", {class: "record-check__detail"}, note) : null);
}

export function recordPlayground(input: PlaygroundInput): HTMLElement {
  const id = `try-${++idCounter}`;
  const recordArea = h("textarea", {id: `${id}-record`, rows: 14, spellcheck: "false", autocapitalize: "off", autocomplete: "off", "aria-describedby": `${id}-record-help ${id}-error ${id}-warning`, "data-role": "try-record"});
  recordArea.value = input.recordText;
  const titleArea = h("textarea", {id: `${id}-title`, rows: 2, "data-role": "try-title"});
  titleArea.value = input.title;
  const abstractArea = h("textarea", {id: `${id}-abstract`, rows: 8, "data-role": "try-abstract"});
  abstractArea.value = input.abstract;

  const error = h("p", {id: `${id}-error`, class: "record-try__error fail", role: "alert", "data-role": "try-error", hidden: true});
  const warning = h("p", {id: `${id}-warning`, class: "record-try__warning", role: "status", "data-role": "try-warning", hidden: true});
  const canonicalOut = h("pre", {class: "record-pre", "data-role": "try-canonical", tabindex: 0, "aria-label": "Canonical form of your record"});
  const recordResults = h("div", {"aria-live": "polite", "data-role": "try-record-results"});
  const textResults = h("div", {"aria-live": "polite", "data-role": "try-text-results"});
  const timing = h("p", {class: "record-try__timing", "data-role": "try-timing"});

  const refuseTooLarge = (what: string, chars: number): string =>
    `Not hashed: your ${what} is ${kB(chars)}, and this panel hashes at most ${kB(MAX_INPUT_CHARS)} so that typing stays responsive (the published record is ${kB(input.recordText.length)}). To hash a larger file, use the command given on this page.`;

  const updateRecord = (): void => {
    const started = performance.now();
    warning.hidden = true;
    warning.textContent = "";
    if (recordArea.value.length > MAX_INPUT_CHARS) {
      error.hidden = false;
      error.textContent = refuseTooLarge("record", recordArea.value.length);
      recordArea.setAttribute("aria-invalid", "true");
      replaceChildren(canonicalOut, "(no canonical form: the text is too large for this panel)");
      replaceChildren(recordResults, result("try-hash", "Canonical hash", "(not computed: the text is too large)", input.publishedSha256, false));
      timing.textContent = "";
      return;
    }
    let canonical: string;
    try {
      canonical = canonicalizeText(recordArea.value);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      error.hidden = false;
      error.textContent = `Cannot hash this record: ${message}`;
      recordArea.setAttribute("aria-invalid", "true");
      replaceChildren(canonicalOut, "(no canonical form: fix the error above)");
      replaceChildren(recordResults, result("try-hash", "Canonical hash", "(not computed: the JSON does not parse)", input.publishedSha256, false));
      timing.textContent = "";
      return;
    }
    error.hidden = true;
    error.textContent = "";
    recordArea.removeAttribute("aria-invalid");
    const duplicates = duplicateKeys(recordArea.value);
    if (duplicates.length) {
      warning.hidden = false;
      warning.textContent = `Warning: ${duplicates.length === 20 ? "20 or more keys appear" : duplicates.length === 1 ? "a key appears" : `${duplicates.length} keys appear`} twice in one object (${duplicates.slice(0, 3).map((d) => `"${d.key}" in ${d.path} at line ${d.line}, column ${d.column}`).join("; ")}${duplicates.length > 3 ? "; …" : ""}). JSON keeps only the last value of a repeated key, so the earlier ones are not hashed.`;
    }
    const bytes = utf8Bytes(canonical);
    const digest = sha256(bytes);
    const hex = bytesToHex(digest);
    const number = pithNumberFromDigest(digest);
    const elapsed = performance.now() - started;
    replaceChildren(canonicalOut, canonical);
    let long = "(no metadata.submitted_at date in your record)";
    try {
      const submitted = (JSON.parse(canonical) as {metadata?: {submitted_at?: unknown}})?.metadata?.submitted_at;
      if (typeof submitted === "string") long = pithLong(number, submitted);
    } catch {
      /* the canonical text is valid JSON; only the date may be missing */
    }
    const same = hex === input.publishedSha256;
    replaceChildren(recordResults,
      result("try-hash", "Canonical hash (SHA-256 of the bytes above)", hex, input.publishedSha256, same,
        same ? "Your record is byte-for-byte the published one once canonicalized." : "Your record differs from the published one: any change to a key or value changes the hash (formatting and key order do not)."),
      result("try-pith-number", "Pith number", `${number}  (${pithShort(number)}, ${long})`, input.publishedPithNumber, number === input.publishedPithNumber));
    timing.textContent = `${bytes.length} canonical bytes hashed in ${formatMs(elapsed)} in your browser.`;
  };

  const updateText = (): void => {
    const tooLarge = [["title", titleArea.value.length], ["abstract", abstractArea.value.length]].find(([, n]) => (n as number) > MAX_INPUT_CHARS);
    if (tooLarge) {
      replaceChildren(textResults, h("p", {class: "record-try__error fail", role: "alert", "data-role": "try-text-error"}, refuseTooLarge(tooLarge[0] as string, tooLarge[1] as number)));
      return;
    }
    const title = textCanonSha256(titleArea.value);
    const abstract = textCanonSha256(abstractArea.value);
    replaceChildren(textResults,
      result("try-title-hash", "Title hash", title, input.titleSha256, title === input.titleSha256, `Canonical title: “${canonText(titleArea.value)}”`),
      result("try-abstract-hash", "Abstract hash", abstract, input.abstractSha256, abstract === input.abstractSha256,
        "Whitespace runs collapse to one space and letters are lower-cased, so only changes to the words change the hash."));
  };

  // Coalesce bursts of typing into one update per frame; large texts wait until typing pauses.
  const schedule = (fn: () => void, size: () => number) => {
    let pending = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    return () => {
      clearTimeout(timer);
      if (size() > DEBOUNCE_ABOVE_CHARS) {
        timer = setTimeout(fn, DEBOUNCE_MS);
        return;
      }
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        fn();
      });
    };
  };
  recordArea.addEventListener("input", schedule(updateRecord, () => recordArea.value.length));
  titleArea.addEventListener("input", schedule(updateText, () => Math.max(titleArea.value.length, abstractArea.value.length)));
  abstractArea.addEventListener("input", schedule(updateText, () => Math.max(titleArea.value.length, abstractArea.value.length)));

  const reset = h("button", {type: "button", "data-role": "try-reset", onclick: () => {
    recordArea.value = input.recordText;
    titleArea.value = input.title;
    abstractArea.value = input.abstract;
    updateRecord();
    updateText();
  }}, "Reset to the published record");

  updateRecord();
  updateText();

  return h("section", {class: "record-try", "aria-label": "Try it yourself"},
    h("div", {class: "record-try__field"},
      h("label", {for: recordArea.id}, "Record JSON (edit or paste any record)"),
      h("p", {id: `${id}-record-help`, class: "record-try__help"}, "Any formatting and key order: the canonical form below is what gets hashed. Try changing one character."),
      recordArea, error, warning),
    h("p", {}, reset),
    h("h3", {}, "Canonical form"),
    canonicalOut,
    timing,
    recordResults,
    h("div", {class: "record-try__field"}, h("label", {for: titleArea.id}, "Title"), titleArea),
    h("div", {class: "record-try__field"}, h("label", {for: abstractArea.id}, "Abstract (v2)"), abstractArea),
    textResults);
}
