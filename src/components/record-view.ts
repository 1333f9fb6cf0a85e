// Read-only views of the record page: the record's fields, the canonical bytes, the command, the signature demo.
import type {Check, SigningKey} from "../lib/pith.js";
import {verifyCommandText} from "../lib/pith.js";
import {verifySignatureVector, type SignatureVector} from "../lib/pith-signature.js";
import {checkItem} from "./record-checks.js";
import {formatMs, h} from "./record-dom.js";

function flatten(value: unknown, path: string, rows: [string, unknown][]): void {
  if (Array.isArray(value)) {
    if (value.length === 0) rows.push([path, "[] (empty list)"]);
    value.forEach((v, i) => flatten(v, `${path}[${i}]`, rows));
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) flatten(v, path ? `${path}.${k}` : k, rows);
  } else {
    rows.push([path, value]);
  }
}

const FIELD_NOTES: Record<string, string> = {
  "source.kind": "where the paper lives",
  "source.id": "arXiv identifier",
  "source.version": "arXiv version this record describes",
  "metadata.submitted_at": "first submission (its year is in the long Pith number)",
  "metadata.primary_cat": "arXiv primary category",
  "metadata.license": "licence of the paper",
  "metadata.title_canon_sha256": "hash of the canonical title: recomputed below",
  "metadata.abstract_canon_sha256": "hash of the canonical v2 abstract: recomputed below",
  "schema_version": "record schema",
};

/** The record's fields as a table (path, value, what it is), with links where a value is a place. */
export function recordFields(record: unknown): HTMLElement {
  const rows: [string, unknown][] = [];
  flatten(record, "", rows);
  const sourceId = (record as {source?: {id?: string; version?: number}}).source;
  const valueCell = (path: string, value: unknown): Node => {
    const text = typeof value === "string" ? value : JSON.stringify(value);
    if (path === "source.id" && sourceId?.id) {
      return h("a", {href: `https://arxiv.org/abs/${sourceId.id}v${sourceId.version ?? ""}`}, h("code", {}, text));
    }
    if (typeof value === "string" && /^https?:\/\//.test(value)) return h("a", {href: value}, h("code", {class: "hash"}, text));
    return h("code", {class: "hash"}, text);
  };
  return h("div", {class: "record-table-wrap"},
    h("table", {class: "record-fields"},
      h("caption", {class: "visually-hidden"}, "Fields of the canonical record"),
      h("thead", {}, h("tr", {}, h("th", {scope: "col"}, "Field"), h("th", {scope: "col"}, "Value"), h("th", {scope: "col"}, "What it is"))),
      h("tbody", {}, rows.map(([path, value]) =>
        h("tr", {"data-field": path}, h("th", {scope: "row"}, h("code", {}, path)), h("td", {}, valueCell(path, value)), h("td", {}, FIELD_NOTES[path.replace(/\[\d+\]$/, "")] ?? ""))))));
}

/** The exact canonical text whose UTF-8 bytes are hashed, with its size. */
export function canonicalBytesView(canonicalJson: string, bytes: Uint8Array): HTMLElement {
  return h("figure", {class: "record-bytes"},
    h("pre", {class: "record-pre", "data-role": "canonical-json", tabindex: 0, "aria-label": "Canonical JSON bytes"}, canonicalJson),
    h("figcaption", {}, `${bytes.length} bytes of UTF-8, no whitespace, keys sorted by code point: exactly what Python's json.dumps(sort_keys=True, separators=(',', ':'), ensure_ascii=False) writes.`));
}

/** The record page's "verify it yourself" command (Agent API | jq | python3) and its expected output. */
export function verifyCommand(agentApi: string, canonicalSha256: string): HTMLElement {
  const command = verifyCommandText(agentApi);
  const status = h("span", {class: "record-copy-status", role: "status"});
  const copy = h("button", {
    type: "button",
    onclick: async () => {
      try {
        await navigator.clipboard.writeText(command);
        status.textContent = "Copied.";
      } catch {
        status.textContent = "Copying is blocked here: select the command and copy it by hand.";
      }
    },
  }, "Copy the command");
  return h("div", {class: "record-command"},
    h("pre", {class: "record-pre", "data-role": "command", tabindex: 0, "aria-label": "Command to verify the record yourself"}, command),
    h("p", {}, copy, " ", status),
    h("p", {}, "Expected output:"),
    h("pre", {class: "record-pre", "data-role": "command-output"}, canonicalSha256));
}

/** Flip one base64 character, to show the verifier rejecting a changed signature. */
function tamper(b64: string): string {
  const i = 10;
  return b64.slice(0, i) + (b64[i] === "A" ? "B" : "A") + b64.slice(i + 1);
}

/** Signature status of this record, and the verifier run on a published receipt (and on a tampered copy). */
export function signatureSection(recordSignature: Check, vector: SignatureVector, key: SigningKey): HTMLElement {
  const started = performance.now();
  const genuine = verifySignatureVector(vector, key);
  const elapsed = performance.now() - started;
  const tampered = verifySignatureVector({...vector, signature_b64: tamper(vector.signature_b64)}, key);
  return h("div", {class: "record-signature"},
    h("p", {"data-role": "signature-status"},
      recordSignature.pass === null
        ? h("strong", {}, "No signature value is published for this record. ")
        : h("strong", {}, `This record's signature: ${recordSignature.pass ? "valid" : "INVALID"}. `),
      recordSignature.pass === null
        ? "The public copies of Pith's record page show which key signs receipts, but not the signature value for pith:MMV3S43N, so this page cannot check it and does not pretend to. When the build-time loader fetches a live record that carries a signature, it is verified here the same way."
        : recordSignature.detail),
    h("p", {}, "The verifier (Ed25519 over the 32 raw bytes of the SHA-256 digest, key ", h("code", {}, key.key_id),
      ") run now on a receipt Pith published for another record, ", h("code", {}, `pith:${vector.pith_number.slice(0, 8)}`),
      `, took ${formatMs(elapsed)}:`),
    h("ul", {class: "record-check-list"},
      checkItem({...genuine, label: `Published receipt of pith:${vector.pith_number.slice(0, 8)}`}, {prefix: "demo-"}),
      // The demonstration passes when the verifier REJECTS the changed signature.
      checkItem({
        id: "signature-vector-tampered",
        label: "The verifier rejects the same receipt with one signature character changed",
        pass: tampered.pass === false,
        expected: "invalid (rejected)",
        actual: tampered.pass ? "valid (accepted!)" : "invalid (rejected)",
        detail: tampered.detail,
      }, {prefix: "demo-"})),
    h("details", {},
      h("summary", {}, "Signature values used"),
      h("dl", {class: "record-dl"},
        h("dt", {}, "Digest (hex)"), h("dd", {}, h("code", {class: "hash"}, vector.canonical_sha256)),
        h("dt", {}, "Signature (base64)"), h("dd", {}, h("code", {class: "hash"}, vector.signature_b64)),
        h("dt", {}, "Public key (base64)"), h("dd", {}, h("code", {class: "hash"}, key.public_key_b64)))));
}
