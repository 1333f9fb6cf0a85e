/**
 * Pith record verification (recipes in data/pith/PROVENANCE.md, from pith.science's public pages):
 *   canonical hash = sha256 hex of the canonical JSON bytes (src/lib/canonical-json.ts)
 *   Pith number    = RFC 4648 base32 of the full 32-byte digest, first 26 characters
 *                    short form "pith:" + 8, long form "pith:<year of metadata.submitted_at>:" + 26
 *   title/abstract = sha256 hex of Python's " ".join(text.split()).lower()
 *   signature      = Ed25519 over the 32 raw digest bytes (not the hex string), in ./pith-signature.ts
 * Pure module (no DOM): the record page, the build-time loader and the tests share this one implementation.
 * Ed25519 lives in its own module so pages that only hash (the landing's badge: no signature is published for
 * our record) do not download it; verifyRecordLazily loads it only when a signature is there to check.
 */
import {sha256} from "@noble/hashes/sha2.js";
import {bytesToHex, hexToBytes} from "@noble/hashes/utils.js";
import {base32Encode} from "./base32.js";
import {CanonicalJsonError, getMember, parseJson, serializeNode, type JsonNode} from "./canonical-json.js";

export const PITH_NUMBER_LENGTH = 26;
export const PITH_SHORT_LENGTH = 8;

export function utf8Bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

/** Pith number of a 32-byte canonical digest: base32 of the full digest, first 26 characters. */
export function pithNumberFromDigest(digest: Uint8Array): string {
  if (digest.length !== 32) throw new Error(`A Pith number needs the 32-byte SHA-256 digest, got ${digest.length} bytes`);
  return base32Encode(digest, {pad: false}).slice(0, PITH_NUMBER_LENGTH);
}

export function pithNumberFromHex(hex: string): string {
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`Not a SHA-256 hex digest (64 lowercase hex characters): ${JSON.stringify(hex)}`);
  return pithNumberFromDigest(hexToBytes(hex));
}

export function pithShort(pithNumber: string): string {
  return `pith:${pithNumber.slice(0, PITH_SHORT_LENGTH)}`;
}

/** Long form "pith:<year>:<number>"; the year is that of metadata.submitted_at (e.g. "2025-06-12T17:49:55Z"). */
export function pithLong(pithNumber: string, submittedAt: string): string {
  const m = /^(\d{4})-\d{2}-\d{2}/.exec(submittedAt);
  if (!m) throw new Error(`metadata.submitted_at is not an ISO date: ${JSON.stringify(submittedAt)}`);
  return `pith:${m[1]}:${pithNumber}`;
}

// Exactly the characters for which Python's str.isspace() is true, i.e. what str.split() splits on.
// JS's \s differs: it includes U+FEFF and excludes U+001C-U+001F and U+0085.
const PYTHON_WHITESPACE_RUN = /[\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

/**
 * Python's " ".join(text.split()).lower(): whitespace runs collapsed, trimmed, lower-cased; nothing else
 * (LaTeX and " -- " stay). Whether Pith also normalises Unicode or uses casefold() is unconfirmed: we don't.
 */
export function canonText(text: string): string {
  return text.replace(PYTHON_WHITESPACE_RUN, " ").replace(/^ | $/g, "").toLowerCase();
}

/** title_canon_sha256 / abstract_canon_sha256 of a raw title or abstract. */
export function textCanonSha256(text: string): string {
  return sha256Hex(utf8Bytes(canonText(text)));
}

/** Strict standard base64 (RFC 4648 §4, padded) to bytes; `what` names the value in errors. */
export function decodeBase64(b64: string, what: string): Uint8Array {
  const clean = b64.trim();
  if (clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) {
    throw new Error(`${what} is not valid base64: ${JSON.stringify(b64.length > 100 ? b64.slice(0, 100) + "…" : b64)}`);
  }
  const binary = atob(clean);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export interface SigningKey {
  key_id: string;
  algorithm: string;
  public_key_b64: string;
  public_key_hex: string;
  fingerprint_sha256_hex_first128bits: string;
  fingerprint_sha256_b32_first128bits: string;
  [other: string]: unknown;
}

/** The published values of a record (data/pith/expected.json). */
export interface PublishedValues {
  pith_number: string;
  pith_short: string;
  pith_long: string;
  canonical_sha256: string;
  signature_key_id: string;
  signature_b64: string | null;
  paper: {arxiv: string; version: number; [other: string]: unknown};
  [other: string]: unknown;
}

/** Checks an Ed25519 signature over a digest (./pith-signature.ts's verifyDigestSignature); never throws. */
export type DigestSignatureVerifier = (digestHex: string, signatureB64: string, publicKeyB64: string) => {valid: boolean; reason: string};

/** One verification step, shown on the record page with both values. pass: null = not checkable (e.g. no signature published). */
export interface Check {
  id: string;
  label: string;
  pass: boolean | null;
  expected: string;
  actual: string;
  detail: string;
}

function compare(id: string, label: string, expected: string, actual: string, what: string, source: string): Check {
  const pass = expected === actual;
  return {
    id, label, pass, expected, actual,
    detail: pass ? `${what} matches ${source}.` : `${what} does not match ${source}: computed ${actual}, published ${expected}.`,
  };
}

function stringMember(node: JsonNode | undefined, key: string): string | undefined {
  const m = node && getMember(node, key);
  return m?.type === "string" ? m.value : undefined;
}

/** Checks of the signing key itself: its hex and base64 forms agree and its fingerprints match the published ones. */
export function checkSigningKey(key: SigningKey): Check {
  const label = "Signing key matches its published fingerprint";
  const expected = key.fingerprint_sha256_hex_first128bits;
  let bytes: Uint8Array;
  try {
    bytes = decodeBase64(key.public_key_b64, "The public key");
  } catch (e) {
    return {id: "signing-key", label, pass: false, expected, actual: "(undecodable)", detail: (e as Error).message};
  }
  const digest = sha256(bytes);
  const actual = bytesToHex(digest).slice(0, 32);
  const problems: string[] = [];
  if (key.algorithm !== "ed25519") problems.push(`algorithm is ${JSON.stringify(key.algorithm)}, not ed25519`);
  if (bytes.length !== 32) problems.push(`the public key is ${bytes.length} bytes, not 32`);
  if (bytesToHex(bytes) !== key.public_key_hex) problems.push("public_key_b64 and public_key_hex are different keys");
  if (actual !== expected) problems.push(`sha256 of the key starts ${actual}, the published fingerprint is ${expected}`);
  const b32 = base32Encode(digest, {pad: false}).slice(0, 26);
  if (b32 !== key.fingerprint_sha256_b32_first128bits) problems.push(`base32 fingerprint ${b32} differs from the published ${key.fingerprint_sha256_b32_first128bits}`);
  return {
    id: "signing-key", label, pass: problems.length === 0, expected, actual,
    detail: problems.length === 0
      ? `Key ${key.key_id}: hex and base64 forms agree; its SHA-256 fingerprint (hex ${actual}, base32 ${b32}) is the published one.`
      : `Signing key ${key.key_id} failed: ${problems.join("; ")}.`,
  };
}

export interface RecordInput {
  /** The record's JSON text as served (any formatting; it is canonicalized here). */
  recordText: string;
  published: PublishedValues;
  title: string;
  abstract: string;
  signingKey: SigningKey;
  /** A signature from a live response; defaults to published.signature_b64 (null for our record). */
  signatureB64?: string | null;
}

export interface RecordVerification {
  checks: Check[];
  /** undefined when the record text is not canonicalizable JSON (see the "record-json" check). */
  canonicalJson?: string;
  canonicalBytes?: Uint8Array;
  canonicalSha256?: string;
  pithNumber?: string;
  record?: JsonNode;
  ok: boolean;
}

/** The signature to check: the input's own, else the published one; null when there is none. */
function signatureOf(input: RecordInput): string | null {
  const signature = input.signatureB64 === undefined ? input.published.signature_b64 : input.signatureB64;
  return signature === null || signature === "" ? null : signature;
}

/**
 * Every check of a record against its published values, in display order. Never throws on bad input:
 * a failing check says what failed (so the page can show it and the loader can refuse to build).
 * `verifySignature` is required when the record has a signature (it throws otherwise: a caller's mistake,
 * which must not pass as "not checkable"); verifyRecordLazily supplies it on demand.
 */
export function verifyRecord(input: RecordInput, verifySignature?: DigestSignatureVerifier): RecordVerification {
  const {published, signingKey} = input;
  const signature = signatureOf(input);
  if (signature !== null && !verifySignature) {
    throw new Error("verifyRecord: this record has a signature; pass verifyDigestSignature from ./pith-signature.js (or use verifyRecordLazily)");
  }
  const checks: Check[] = [];
  let record: JsonNode;
  try {
    record = parseJson(input.recordText);
    if (record.type !== "object") throw new Error(`the record must be a JSON object, got ${record.type === "array" ? "an array" : `a ${record.type}`}`);
  } catch (e) {
    const message = e instanceof CanonicalJsonError || e instanceof Error ? e.message : String(e);
    checks.push({id: "record-json", label: "Record is strict JSON", pass: false, expected: "a JSON object", actual: "unreadable", detail: message});
    checks.push({id: "canonical-hash", label: "Canonical hash equals the published hash", pass: false, expected: published.canonical_sha256, actual: "(not computed)", detail: `No hash: ${message}`});
    return {checks, ok: false};
  }
  checks.push({id: "record-json", label: "Record is strict JSON", pass: true, expected: "a JSON object", actual: "a JSON object", detail: "The record parses as strict JSON (no NaN/Infinity, no lone surrogates)."});

  const canonicalJson = serializeNode(record);
  const canonicalBytes = utf8Bytes(canonicalJson);
  const digest = sha256(canonicalBytes);
  const canonicalSha256 = bytesToHex(digest);
  const pithNumber = pithNumberFromDigest(digest);
  checks.push(compare("canonical-hash", "Canonical hash equals the published hash", published.canonical_sha256, canonicalSha256,
    `SHA-256 of the ${canonicalBytes.length} canonical bytes`, "the published canonical_sha256"));
  checks.push(compare("pith-number", "Pith number derived from the hash", published.pith_number, pithNumber,
    "The base32 Pith number of the computed digest", "the published Pith number"));
  checks.push(compare("pith-short", "Short Pith number", published.pith_short, pithShort(pithNumber), "The short form", "the published short form"));

  const metadata = getMember(record, "metadata");
  const submittedAt = stringMember(metadata, "submitted_at");
  let long: string;
  try {
    long = pithLong(pithNumber, submittedAt ?? "");
  } catch (e) {
    long = `(no year: ${(e as Error).message})`;
  }
  checks.push(compare("pith-long", "Long Pith number (year of submitted_at)", published.pith_long, long, "The long form", "the published long form"));

  const source = getMember(record, "source");
  const version = source && getMember(source, "version");
  const identity = `${stringMember(source, "kind") ?? "?"} ${stringMember(source, "id") ?? "?"} v${version?.type === "int" ? version.digits : "?"}`;
  checks.push(compare("paper-identity", "Record is about this paper", `arxiv ${published.paper.arxiv} v${published.paper.version}`, identity,
    "The record's source (kind, id, version)", "the paper this site explains"));

  for (const [id, label, text, field] of [
    ["title-hash", "Title hash recomputed from the title text", input.title, "title_canon_sha256"],
    ["abstract-hash", "v2 abstract hash recomputed from the abstract text", input.abstract, "abstract_canon_sha256"],
  ] as const) {
    const inRecord = stringMember(metadata, field) ?? "(missing from the record)";
    checks.push(compare(id, label, inRecord, textCanonSha256(text), `SHA-256 of the canonical ${id === "title-hash" ? "title" : "abstract"} text`, `the record's metadata.${field}`));
  }

  checks.push(checkSigningKey(signingKey));

  if (signature === null) {
    checks.push({
      id: "signature", label: "Ed25519 receipt signature", pass: null, expected: `a signature by ${published.signature_key_id}`, actual: "not published",
      detail: "No signature value is available for this record in the public copies, so it cannot be checked here (the verifier is shown working on a published vector).",
    });
  } else if (published.signature_key_id !== signingKey.key_id) {
    checks.push({id: "signature", label: "Ed25519 receipt signature", pass: false, expected: published.signature_key_id, actual: signingKey.key_id,
      detail: `The record names signing key ${published.signature_key_id} but the key supplied is ${signingKey.key_id}.`});
  } else {
    const result = verifySignature!(canonicalSha256, signature, signingKey.public_key_b64);
    checks.push({id: "signature", label: "Ed25519 receipt signature", pass: result.valid, expected: `valid under ${signingKey.key_id}`,
      actual: result.valid ? "valid" : "invalid", detail: `Signature: ${result.reason}.`});
  }
  return {checks, canonicalJson, canonicalBytes, canonicalSha256, pithNumber, record, ok: checks.every((c) => c.pass !== false)};
}

/**
 * verifyRecord for the browser: downloads the Ed25519 verifier (./pith-signature.ts, @noble/curves) only when
 * the record carries a signature, so a record without one costs no signature code.
 */
export async function verifyRecordLazily(input: RecordInput): Promise<RecordVerification> {
  if (signatureOf(input) === null) return verifyRecord(input);
  const {verifyDigestSignature} = await import("./pith-signature.js");
  return verifyRecord(input, verifyDigestSignature);
}

/** The python3 one-liner of Pith's "verify it yourself" command: canonical JSON of stdin, then its SHA-256 hex. */
export const PYTHON_HASH_ONE_LINER =
  `python3 -c "import sys,json,hashlib; b=json.dumps(json.loads(sys.stdin.read()), sort_keys=True, separators=(',',':'), ensure_ascii=False).encode(); print(hashlib.sha256(b).hexdigest())"`;

/** The full command (Agent API curl | jq, from expected.json's agent_api, then the python3 hash), one stage a line. */
export function verifyCommandText(agentApi: string): string {
  return `${agentApi.replace(/ \| /g, " \\\n| ")} \\\n| ${PYTHON_HASH_ONE_LINER}`;
}

/** One line per failing check, for error messages. */
export function describeFailures(checks: Check[]): string {
  return checks.filter((c) => c.pass === false).map((c) => `- ${c.label} [${c.id}]: ${c.detail}`).join("\n");
}
