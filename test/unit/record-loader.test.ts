// The build-time record loader with an injected fetch: every way the live Agent API can answer.
import {test} from "node:test";
import assert from "node:assert/strict";
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {createHash} from "node:crypto";
import {LIVE_URL, loadRecord, type FetchLike} from "../../loaders/record.js";

const DATA_DIR = fileURLToPath(new URL("../../data/pith", import.meta.url));
const snapshotRecord = JSON.parse(readFileSync(join(DATA_DIR, "record.json"), "utf8")) as {metadata: Record<string, unknown>};
// Pith's published value for this record (data/pith/expected.json, copied from the record page).
const PUBLISHED_HASH = "632bb9736dbe9b9974aa79ddbda8cd7dc09d9c242dc0470ab304df9b8ecd32c5";
const NOW = new Date("2026-11-26T06:00:00Z");

/** A fetch answering `status` with `body`, recording how it was called. */
function answering(status: number, body: string) {
  const calls: {url: string; headers: Record<string, string>}[] = [];
  const fetchImpl: FetchLike = async (url, init) => {
    calls.push({url, headers: init.headers});
    return {status, text: async () => body};
  };
  return {fetchImpl, calls};
}
const agentApiBody = (record: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({"@context": "https://schema.org", "@type": "Dataset", ...extra, canonical_record: record}, null, 2);

test("offline: a network error falls back to the snapshot and says why", async () => {
  const fetchImpl: FetchLike = async () => {
    throw new TypeError("fetch failed", {cause: Object.assign(new Error("getaddrinfo ENOTFOUND pith.science"), {code: "ENOTFOUND"})});
  };
  const out = await loadRecord({fetchImpl, dataDir: DATA_DIR, now: () => NOW});
  assert.equal(out.source, "snapshot");
  assert.match(out.fallbackReason!, /unreachable: fetch failed \(ENOTFOUND\)/);
  assert.equal(out.fetchedAt, "2026-11-26T06:00:00.000Z");
  assert.equal(out.canonicalSha256, PUBLISHED_HASH);
  assert.equal(out.pithNumber, "MMV3S43NX2NZS5FKPHO33KGNPX");
  assert.equal(out.recordText, readFileSync(join(DATA_DIR, "record.json"), "utf8"));
  assert.equal(out.checks.filter((c) => c.pass === false).length, 0);
  assert.deepEqual(out.signature, {b64: null, from: "none published"});
  assert.equal(out.snapshot.copied_on, "2026-11-26");
});

test("a matching live record is used, fetched with the Agent API's Accept header", async () => {
  // Same record, different key order and formatting: canonicalization must make it identical.
  const reordered = {source: (snapshotRecord as Record<string, unknown>).source, schema_version: "1.0", metadata: snapshotRecord.metadata};
  const {fetchImpl, calls} = answering(200, agentApiBody(reordered));
  const out = await loadRecord({fetchImpl, dataDir: DATA_DIR, now: () => NOW});
  assert.equal(out.source, "live");
  assert.equal(out.fallbackReason, null);
  assert.deepEqual(calls, [{url: LIVE_URL, headers: {Accept: "application/ld+json"}}]);
  assert.equal(out.canonicalSha256, PUBLISHED_HASH);
  assert.equal(out.recordText, out.canonicalJson);
  assert.equal(out.checks.find((c) => c.id === "canonical-hash")!.pass, true);
});

test("a tampered live record fails the build with both hashes and the differing field", async () => {
  const tampered = {...snapshotRecord, metadata: {...snapshotRecord.metadata, license: "http://creativecommons.org/licenses/by/4.0/"}};
  const {fetchImpl} = answering(200, agentApiBody(tampered));
  await assert.rejects(loadRecord({fetchImpl, dataDir: DATA_DIR}), (e: Error) => {
    assert.match(e.message, /does not match the published one/);
    assert.match(e.message, new RegExp(`published canonical sha256: ${PUBLISHED_HASH}`));
    const live = /live canonical sha256: +([0-9a-f]{64})/.exec(e.message);
    assert.ok(live && live[1] !== PUBLISHED_HASH, "the live hash is shown and differs");
    assert.match(e.message, /fields that differ from the snapshot: \$\.metadata\.license$/m);
    return true;
  });
});

test("a live record with an added field names that field", async () => {
  const {fetchImpl} = answering(200, agentApiBody({...snapshotRecord, extra: 1.0}));
  await assert.rejects(loadRecord({fetchImpl, dataDir: DATA_DIR}), /fields that differ from the snapshot: \$\.extra/);
});

test("malformed JSON from the live API falls back, with the parse error", async () => {
  const {fetchImpl} = answering(200, '{"canonical_record": {"metadata": }');
  const out = await loadRecord({fetchImpl, dataDir: DATA_DIR});
  assert.equal(out.source, "snapshot");
  assert.match(out.fallbackReason!, /malformed JSON: Malformed JSON at line 1, column 35/);
});

test("a timeout falls back promptly, even if the fetch ignores the abort signal", async () => {
  let aborted = false;
  const fetchImpl: FetchLike = (_url, init) => {
    init.signal.addEventListener("abort", () => (aborted = true));
    return new Promise(() => {}); // never answers
  };
  const started = performance.now();
  const out = await loadRecord({fetchImpl, timeoutMs: 50, dataDir: DATA_DIR});
  const elapsed = performance.now() - started;
  assert.equal(out.source, "snapshot");
  assert.match(out.fallbackReason!, /timed out: no answer within 50 ms/);
  assert.ok(aborted, "the request is aborted");
  assert.ok(elapsed < 2000, `took ${elapsed} ms`);
});

test("a slow body also times out", async () => {
  const fetchImpl: FetchLike = async () => ({status: 200, text: () => new Promise<string>(() => {})});
  const out = await loadRecord({fetchImpl, timeoutMs: 50, dataDir: DATA_DIR});
  assert.match(out.fallbackReason!, /timed out/);
});

test("HTTP errors and a missing .canonical_record fall back, saying which", async () => {
  assert.match((await loadRecord({fetchImpl: answering(503, "busy").fetchImpl, dataDir: DATA_DIR})).fallbackReason!, /HTTP 503/);
  assert.match((await loadRecord({fetchImpl: answering(200, '{"@type":"Dataset"}').fetchImpl, dataDir: DATA_DIR})).fallbackReason!, /no \.canonical_record field/);
  assert.match((await loadRecord({fetchImpl: answering(200, '{"canonical_record":[1]}').fetchImpl, dataDir: DATA_DIR})).fallbackReason!, /not a JSON object/);
});

test("a live signature is verified: an invalid one fails the build", async () => {
  const vectors = JSON.parse(readFileSync(join(DATA_DIR, "test-vectors.json"), "utf8")) as {signatures: {signature_b64: string}[]};
  // A genuine Pith signature, but over another record's digest.
  const {fetchImpl} = answering(200, agentApiBody(snapshotRecord, {receipt: {signature_b64: vectors.signatures[0].signature_b64}}));
  await assert.rejects(loadRecord({fetchImpl, dataDir: DATA_DIR}), (e: Error) =>
    /fails verification/.test(e.message) && /Ed25519 receipt signature \[signature\]: Signature: the Ed25519 signature does not verify/.test(e.message));
});

test("offline option skips the network entirely", async () => {
  const {fetchImpl, calls} = answering(200, agentApiBody(snapshotRecord));
  const out = await loadRecord({fetchImpl, offline: true, dataDir: DATA_DIR});
  assert.equal(calls.length, 0);
  assert.match(out.fallbackReason!, /disabled/);
});

test("a snapshot that does not verify fails the build, naming the failing check", async () => {
  const dir = mkdtempSync(join(tmpdir(), "pith-snapshot-"));
  try {
    cpSync(DATA_DIR, dir, {recursive: true});
    const title = readFileSync(join(dir, "title.txt"), "utf8");
    writeFileSync(join(dir, "title.txt"), title.replace("Spurious", "Spurios"));
    const offline: FetchLike = async () => { throw new TypeError("fetch failed"); };
    await assert.rejects(loadRecord({fetchImpl: offline, dataDir: dir}), (e: Error) =>
      /snapshot .* does not verify/.test(e.message) && /\[title-hash\]/.test(e.message) && !/\[canonical-hash\]/.test(e.message));
    writeFileSync(join(dir, "title.txt"), title);
    writeFileSync(join(dir, "record.json"), readFileSync(join(DATA_DIR, "record.json"), "utf8").replace('"version": 2', '"version": 3'));
    await assert.rejects(loadRecord({fetchImpl: offline, dataDir: dir}), /\[canonical-hash\]/);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});

test("data/pith/PROVENANCE.md lists every snapshot file with its current sha256", () => {
  const provenance = readFileSync(join(DATA_DIR, "PROVENANCE.md"), "utf8");
  const listed = [...provenance.matchAll(/^\| `([^`]+)` \|.*\| `([0-9a-f]{64})` \|$/gm)].map((m) => [m[1], m[2]]);
  assert.deepEqual(listed.map(([name]) => name).sort(), ["abstract-v2.txt", "expected.json", "record.json", "signing-key.json", "test-vectors.json", "title.txt"]);
  for (const [name, sha] of listed) {
    assert.equal(createHash("sha256").update(readFileSync(join(DATA_DIR, name))).digest("hex"), sha, `${name} changed: update PROVENANCE.md (source, date, sha256)`);
  }
});
