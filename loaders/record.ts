/**
 * Build-time record loader: tries Pith's live Agent API, falls back to the snapshot in data/pith/, and
 * verifies whichever it uses with the same code the record page runs in the browser (src/lib/pith.ts).
 *
 * Fails (throws) when the build must not go on: the snapshot does not verify, a live record hashes
 * differently from the published hash (message: both hashes and the differing field paths), or a live
 * signature does not verify. Any other live failure (network, timeout, HTTP status, malformed JSON,
 * missing field) is not an error: the snapshot is used and `fallbackReason` says why.
 * Only this loader ever contacts pith.science; the built site never does.
 */
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {diffJsonNodes, getMember, parseJson, serializeNode, type JsonNode} from "../src/lib/canonical-json.js";
import {
  describeFailures,
  sha256Hex,
  utf8Bytes,
  verifyRecord,
  type Check,
  type PublishedValues,
  type SigningKey,
} from "../src/lib/pith.js";
import {verifyDigestSignature, verifySignatureVector, type SignatureVector} from "../src/lib/pith-signature.js";

export const PITH_NUMBER = "MMV3S43NX2NZS5FKPHO33KGNPX";
export const LIVE_URL = `https://pith.science/pith/${PITH_NUMBER}`;
export const DEFAULT_TIMEOUT_MS = 3000;

/** The subset of `fetch` the loader uses, so tests can inject one. */
export type FetchLike = (url: string, init: {headers: Record<string, string>; signal: AbortSignal}) => Promise<{
  status: number;
  text(): Promise<string>;
}>;

export interface LoadRecordOptions {
  fetchImpl?: FetchLike;
  timeoutMs?: number;
  now?: () => Date;
  /** Folder with the snapshot (relative to the working directory, which is the project root in Framework loaders). */
  dataDir?: string;
  /** Skip the live attempt (e.g. PITH_OFFLINE=1 for reproducible builds). */
  offline?: boolean;
}

export interface SnapshotMeta {
  copied_on: string;
  copied_from: string;
  original_source: string;
}

export interface RecordOutput {
  source: "live" | "snapshot";
  /** When this loader ran (ISO 8601): the time of the live attempt. */
  fetchedAt: string;
  /** Why the snapshot was used; null when the live record was used. */
  fallbackReason: string | null;
  liveUrl: string;
  snapshot: SnapshotMeta;
  /** The record as plain JSON, for display (the page hashes `recordText`, never this). */
  record: unknown;
  /** The record's JSON text: the snapshot file's bytes, or the live record's canonical JSON. */
  recordText: string;
  canonicalJson: string;
  canonicalSha256: string;
  pithNumber: string;
  expected: PublishedValues;
  title: string;
  abstract: string;
  signingKey: SigningKey;
  /** The signature checked: from the live response when it carried one, else the published value (null). */
  signature: {b64: string | null; from: string};
  /** A published receipt (data/pith/test-vectors.json signatures[0]) that shows the verifier working. */
  signatureDemo: SignatureVector;
  checks: Check[];
}

type LiveResult =
  | {ok: true; record: JsonNode; signatureB64: string | null; signatureFrom: string | null}
  | {ok: false; reason: string};

class LiveTimeout extends Error {}

/** Where a live response might carry a receipt signature (its shape is not in our public copies). */
const SIGNATURE_PATHS: string[][] = [["signature_b64"], ["receipt", "signature_b64"], ["pith_number_record", "signature_b64"], ["signature"]];

function findSignature(doc: JsonNode): {b64: string; from: string} | null {
  for (const path of SIGNATURE_PATHS) {
    let node: JsonNode | undefined = doc;
    for (const key of path) node = node && getMember(node, key);
    if (node?.type === "string" && node.value !== "") return {b64: node.value, from: `live response .${path.join(".")}`};
  }
  return null;
}

function describeNetworkError(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = (e as {cause?: {code?: string; message?: string}}).cause;
  const detail = cause?.code ?? cause?.message;
  return detail ? `${e.message} (${detail})` : e.message;
}

async function fetchLive(fetchImpl: FetchLike, timeoutMs: number): Promise<LiveResult> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A timer of our own, so even a fetch that ignores the abort signal cannot stall the build.
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new LiveTimeout(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    const response = await Promise.race([fetchImpl(LIVE_URL, {headers: {Accept: "application/ld+json"}, signal: controller.signal}), deadline]);
    if (response.status !== 200) return {ok: false, reason: `live Agent API answered HTTP ${response.status}`};
    const body = await Promise.race([response.text(), deadline]);
    let doc: JsonNode;
    try {
      doc = parseJson(body);
    } catch (e) {
      return {ok: false, reason: `live Agent API returned malformed JSON: ${(e as Error).message}`};
    }
    const record = getMember(doc, "canonical_record");
    if (record === undefined) return {ok: false, reason: "live Agent API response has no .canonical_record field"};
    if (record.type !== "object") return {ok: false, reason: `live .canonical_record is not a JSON object (it is ${record.type})`};
    const signature = findSignature(doc);
    return {ok: true, record, signatureB64: signature?.b64 ?? null, signatureFrom: signature?.from ?? null};
  } catch (e) {
    if (e instanceof LiveTimeout) return {ok: false, reason: `live Agent API timed out: ${e.message}`};
    return {ok: false, reason: `live Agent API unreachable: ${describeNetworkError(e)}`};
  } finally {
    clearTimeout(timer);
  }
}

async function readSnapshot(dataDir: string) {
  const text = (name: string) => readFile(join(dataDir, name), "utf8");
  const json = async <T>(name: string): Promise<T> => {
    try {
      return JSON.parse(await text(name)) as T;
    } catch (e) {
      throw new Error(`Snapshot file ${join(dataDir, name)} is unreadable: ${(e as Error).message}`);
    }
  };
  const vectors = await json<{signatures: SignatureVector[]}>("test-vectors.json");
  return {
    recordText: await text("record.json"),
    expected: await json<PublishedValues>("expected.json"),
    title: await text("title.txt"),
    abstract: await text("abstract-v2.txt"),
    signingKey: await json<SigningKey>("signing-key.json"),
    meta: await json<SnapshotMeta>("snapshot.json"),
    signatureDemo: vectors.signatures[0],
  };
}

export async function loadRecord(options: LoadRecordOptions = {}): Promise<RecordOutput> {
  const {fetchImpl = fetch as unknown as FetchLike, timeoutMs = DEFAULT_TIMEOUT_MS, now = () => new Date(), dataDir = "data/pith", offline = false} = options;
  const fetchedAt = now().toISOString();
  const snap = await readSnapshot(dataDir);
  const base = {published: snap.expected, title: snap.title, abstract: snap.abstract, signingKey: snap.signingKey};

  // The snapshot must verify whatever the network does: it is what the site falls back to.
  const snapshotResult = verifyRecord({...base, recordText: snap.recordText}, verifyDigestSignature);
  if (!snapshotResult.ok) {
    throw new Error(`The record snapshot in ${dataDir} does not verify against its published values:\n${describeFailures(snapshotResult.checks)}`);
  }
  const demo = verifySignatureVector(snap.signatureDemo, snap.signingKey);
  if (!demo.pass) throw new Error(`The published signature vector in ${join(dataDir, "test-vectors.json")} does not verify: ${demo.detail}`);

  const live: LiveResult = offline ? {ok: false, reason: "live fetch disabled (offline option / PITH_OFFLINE=1)"} : await fetchLive(fetchImpl, timeoutMs);

  let recordText = snap.recordText;
  let result = snapshotResult;
  let signature = {b64: snap.expected.signature_b64, from: snap.expected.signature_b64 ? "published expected.json" : "none published"};
  if (live.ok) {
    const liveCanonical = serializeNode(live.record);
    const liveHash = sha256Hex(utf8Bytes(liveCanonical));
    if (liveHash !== snap.expected.canonical_sha256) {
      const fields = diffJsonNodes(snapshotResult.record!, live.record);
      throw new Error(
        `The live Pith record at ${LIVE_URL} does not match the published one:\n` +
          `  live canonical sha256:      ${liveHash}\n` +
          `  published canonical sha256: ${snap.expected.canonical_sha256}\n` +
          `  fields that differ from the snapshot: ${fields.length ? fields.join(", ") : "(none: same values, yet a different hash)"}\n` +
          `Refusing to build with a record that is not the published one.`,
      );
    }
    recordText = liveCanonical;
    if (live.signatureB64 !== null) signature = {b64: live.signatureB64, from: live.signatureFrom!};
    result = verifyRecord({...base, recordText, signatureB64: signature.b64}, verifyDigestSignature);
    if (!result.ok) {
      throw new Error(`The live Pith record at ${LIVE_URL} hashes correctly but fails verification:\n${describeFailures(result.checks)}`);
    }
  }

  return {
    source: live.ok ? "live" : "snapshot",
    fetchedAt,
    fallbackReason: live.ok ? null : live.reason,
    liveUrl: LIVE_URL,
    snapshot: snap.meta,
    record: JSON.parse(result.canonicalJson!),
    recordText,
    canonicalJson: result.canonicalJson!,
    canonicalSha256: result.canonicalSha256!,
    pithNumber: result.pithNumber!,
    expected: snap.expected,
    title: snap.title,
    abstract: snap.abstract,
    signingKey: snap.signingKey,
    signature,
    signatureDemo: snap.signatureDemo,
    checks: result.checks,
  };
}
