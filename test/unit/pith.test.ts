// Pith crypto against independent values: Pith's own published vectors (test/fixtures/pith-test-vectors.json),
// the published values of our record (data/pith/expected.json), python3-generated text cases and RFC 4648.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {spawnSync} from "node:child_process";
import {ed25519} from "@noble/curves/ed25519.js";
import {hexToBytes} from "@noble/hashes/utils.js";
import {base32Encode} from "../../src/lib/base32.js";
import {
  canonText,
  checkSigningKey,
  describeFailures,
  pithNumberFromHex,
  sha256Hex,
  textCanonSha256,
  utf8Bytes,
  verifyCommandText,
  verifyRecord,
  verifyRecordLazily,
  type PublishedValues,
  type RecordInput,
  type SigningKey,
} from "../../src/lib/pith.js";
import {verifyDigestSignature, verifySignatureVector} from "../../src/lib/pith-signature.js";
import {canonicalizeText} from "../../src/lib/canonical-json.js";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const vectors = JSON.parse(read("test/fixtures/pith-test-vectors.json")) as {
  records: {pith_number: string; canonical_sha256: string; canonical_record: unknown}[];
  signatures: {pith_number: string; canonical_sha256: string; signature_b64: string}[];
  titles: {title: string; title_canon_sha256: string}[];
};
const textFixtures = JSON.parse(read("test/fixtures/pith-text-canon.json")) as {
  python_whitespace_code_points: number[];
  cases: {name: string; text: string; canon: string; sha256: string}[];
};
const recordText = read("data/pith/record.json");
const published = JSON.parse(read("data/pith/expected.json")) as PublishedValues;
const signingKey = JSON.parse(read("data/pith/signing-key.json")) as SigningKey;
const title = read("data/pith/title.txt");
const abstract = read("data/pith/abstract-v2.txt");
const ourInput: RecordInput = {recordText, published, title, abstract, signingKey};

const byId = (checks: {id: string}[], id: string) => {
  const c = checks.find((x) => x.id === id);
  assert.ok(c, `no check ${id}`);
  return c as ReturnType<typeof verifyRecord>["checks"][number];
};
/** Change one character at `index` (to a different character of the same kind). */
const changeOne = (s: string, index: number) => s.slice(0, index) + (s[index] === "A" ? "B" : s[index] === "a" ? "b" : "A") + s.slice(index + 1);

test("base32 matches RFC 4648 §10 test vectors", () => {
  const rfc: [string, string][] = [["", ""], ["f", "MY======"], ["fo", "MZXQ===="], ["foo", "MZXW6==="], ["foob", "MZXW6YQ="], ["fooba", "MZXW6YTB"], ["foobar", "MZXW6YTBOI======"]];
  for (const [input, want] of rfc) assert.equal(base32Encode(utf8Bytes(input)), want, input);
  assert.equal(base32Encode(utf8Bytes("foobar"), {pad: false}), "MZXW6YTBOI");
});

test("every published record vector: canonical hash and Pith number", () => {
  assert.equal(vectors.records.length, 4);
  for (const v of vectors.records) {
    // Pretty-printed text, so canonicalization (not the fixture's formatting) produces the hashed bytes.
    const canonical = canonicalizeText(JSON.stringify(v.canonical_record, null, 2));
    const hash = sha256Hex(utf8Bytes(canonical));
    assert.equal(hash, v.canonical_sha256, `record ${v.pith_number}`);
    assert.equal(pithNumberFromHex(hash), v.pith_number);
  }
});

test("every published signature vector verifies over the raw digest bytes", () => {
  assert.equal(vectors.signatures.length, 5);
  for (const v of vectors.signatures) {
    const check = verifySignatureVector(v, signingKey);
    assert.equal(check.pass, true, check.detail);
    assert.equal(pithNumberFromHex(v.canonical_sha256), v.pith_number);
  }
});

test("every published title hashes to its title_canon_sha256", () => {
  for (const v of vectors.titles) assert.equal(textCanonSha256(v.title), v.title_canon_sha256, v.title);
});

test("our record verifies against every published value; the signature is reported as not published", () => {
  const result = verifyRecord(ourInput);
  const failures = result.checks.filter((c) => c.pass === false);
  assert.deepEqual(failures, [], describeFailures(result.checks));
  assert.equal(result.canonicalSha256, "632bb9736dbe9b9974aa79ddbda8cd7dc09d9c242dc0470ab304df9b8ecd32c5");
  assert.equal(result.pithNumber, published.pith_number);
  assert.equal(byId(result.checks, "pith-short").actual, "pith:MMV3S43N");
  assert.equal(byId(result.checks, "pith-long").actual, "pith:2025:MMV3S43NX2NZS5FKPHO33KGNPX");
  const sig = byId(result.checks, "signature");
  assert.equal(sig.pass, null);
  assert.equal(sig.actual, "not published");
  assert.deepEqual(result.checks.map((c) => c.id), [
    "record-json", "canonical-hash", "pith-number", "pith-short", "pith-long", "paper-identity", "title-hash", "abstract-hash", "signing-key", "signature",
  ]);
  assert.ok(result.ok);
});

test("reformatting the record (whitespace, key order) does not change its hash", () => {
  const reverseKeys = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(reverseKeys)
      : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)]))
      : v;
  const reordered = JSON.stringify(reverseKeys(JSON.parse(recordText)), null, "\t");
  assert.notEqual(reordered, recordText);
  assert.equal(byId(verifyRecord({...ourInput, recordText: reordered}).checks, "canonical-hash").pass, true);
});

test("title/abstract canon follows Python's str.split() whitespace exactly (every code point)", () => {
  const pythonWhitespace = new Set(textFixtures.python_whitespace_code_points);
  const mismatched: string[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const isWhitespace = canonText(String.fromCodePoint(cp)) === "";
    if (isWhitespace !== pythonWhitespace.has(cp)) mismatched.push(cp.toString(16));
  }
  assert.deepEqual(mismatched, []);
});

test("title/abstract canon and hash match python3 for every text case", () => {
  for (const c of textFixtures.cases) {
    assert.equal(canonText(c.text), c.canon, c.name);
    assert.equal(textCanonSha256(c.text), c.sha256, c.name);
  }
});

test("tampered record: one changed character fails the hash and Pith number checks, naming them", () => {
  const i = recordText.indexOf("cs.AI") + 4; // "cs.AI" -> "cs.AA"
  const tampered = changeOne(recordText, i);
  const result = verifyRecord({...ourInput, recordText: tampered});
  const hash = byId(result.checks, "canonical-hash");
  assert.equal(hash.pass, false);
  assert.equal(hash.expected, published.canonical_sha256);
  assert.notEqual(hash.actual, published.canonical_sha256);
  assert.match(hash.detail, /does not match the published canonical_sha256/);
  assert.equal(byId(result.checks, "pith-number").pass, false);
  assert.equal(result.ok, false);
  assert.match(describeFailures(result.checks), /Canonical hash equals the published hash \[canonical-hash\]/);
});

test("tampered record: a changed title hash inside the record fails both the record hash and the title check", () => {
  const i = recordText.indexOf("54ce252e");
  const result = verifyRecord({...ourInput, recordText: changeOne(recordText, i + 1)}); // "54.." -> "5A.."
  assert.equal(byId(result.checks, "canonical-hash").pass, false);
  assert.equal(byId(result.checks, "title-hash").pass, false);
});

test("tampered title or abstract: one changed character fails exactly that check", () => {
  const t = verifyRecord({...ourInput, title: changeOne(title, title.indexOf("Rewards"))});
  assert.deepEqual(t.checks.filter((c) => c.pass === false).map((c) => c.id), ["title-hash"]);
  assert.match(byId(t.checks, "title-hash").detail, /canonical title text does not match the record's metadata.title_canon_sha256/);
  const a = verifyRecord({...ourInput, abstract: abstract.replace("21.4", "21.5")});
  assert.deepEqual(a.checks.filter((c) => c.pass === false).map((c) => c.id), ["abstract-hash"]);
  assert.match(byId(a.checks, "abstract-hash").detail, /abstract/);
  // Case and whitespace are not content: they must not fail the check.
  const relaxed = verifyRecord({...ourInput, title: `  ${title.toUpperCase().replace(/ /g, "\n\t")} `});
  assert.equal(byId(relaxed.checks, "title-hash").pass, true);
});

test("tampered signature: one changed character fails, naming the signature", () => {
  const v = vectors.signatures[0];
  const sig = v.signature_b64;
  const check = verifySignatureVector({...v, signature_b64: changeOne(sig, 10)}, signingKey);
  assert.equal(check.pass, false);
  assert.match(check.detail, /signature does not verify/);
  // a signature for another digest
  assert.equal(verifySignatureVector({...v, signature_b64: vectors.signatures[1].signature_b64}, signingKey).pass, false);
  // malformed base64 and wrong length are reported, not thrown
  assert.match(verifyDigestSignature(v.canonical_sha256, "not base64!", signingKey.public_key_b64).reason, /signature is not valid base64/);
  assert.match(verifyDigestSignature(v.canonical_sha256, "AAAA", signingKey.public_key_b64).reason, /64 bytes, this one is 3/);
});

test("tampered key: one changed character fails the key check and every signature", () => {
  const bad: SigningKey = {...signingKey, public_key_b64: changeOne(signingKey.public_key_b64, 5)};
  const keyCheck = checkSigningKey(bad);
  assert.equal(keyCheck.pass, false);
  assert.match(keyCheck.detail, /public_key_b64 and public_key_hex are different keys/);
  assert.match(keyCheck.detail, /published fingerprint is 8d4b5ee74e4693bcd1df2446408b0d54/);
  for (const v of vectors.signatures) assert.equal(verifySignatureVector(v, bad).pass, false);
  assert.equal(checkSigningKey(signingKey).pass, true);
});

test("a signature in the input is verified over the raw digest bytes, not the hex string", () => {
  // A throwaway key: this tests the message contract, not Pith's key (whose secret we do not have).
  const secret = ed25519.utils.randomSecretKey();
  const key: SigningKey = {...signingKey, public_key_b64: btoa(String.fromCharCode(...ed25519.getPublicKey(secret)))};
  const digestHex = published.canonical_sha256;
  const overRaw = btoa(String.fromCharCode(...ed25519.sign(hexToBytes(digestHex), secret)));
  const overHex = btoa(String.fromCharCode(...ed25519.sign(utf8Bytes(digestHex), secret)));
  assert.equal(byId(verifyRecord({...ourInput, signingKey: key, signatureB64: overRaw}, verifyDigestSignature).checks, "signature").pass, true);
  const wrong = byId(verifyRecord({...ourInput, signingKey: key, signatureB64: overHex}, verifyDigestSignature).checks, "signature");
  assert.equal(wrong.pass, false);
  assert.match(wrong.detail, /does not verify/);
  // Pith's real key does not verify a signature from another key.
  assert.equal(byId(verifyRecord({...ourInput, signatureB64: overRaw}, verifyDigestSignature).checks, "signature").pass, false);
});

test("verifyRecordLazily loads the Ed25519 verifier when a signature is present, and needs none without one", async () => {
  const secret = ed25519.utils.randomSecretKey();
  const key: SigningKey = {...signingKey, public_key_b64: btoa(String.fromCharCode(...ed25519.getPublicKey(secret)))};
  const good = btoa(String.fromCharCode(...ed25519.sign(hexToBytes(published.canonical_sha256), secret)));
  const bad = changeOne(good, 10);
  assert.equal(byId((await verifyRecordLazily({...ourInput, signingKey: key, signatureB64: good})).checks, "signature").pass, true);
  const tampered = await verifyRecordLazily({...ourInput, signingKey: key, signatureB64: bad});
  assert.equal(byId(tampered.checks, "signature").pass, false);
  assert.equal(tampered.ok, false);
  // Our record publishes no signature: the check is "not checkable", not passed.
  const unsigned = await verifyRecordLazily(ourInput);
  assert.equal(byId(unsigned.checks, "signature").pass, null);
  assert.equal(unsigned.ok, true);
});

test("verifyRecord refuses a signed record without a verifier rather than reporting it unchecked", () => {
  assert.throws(() => verifyRecord({...ourInput, signatureB64: "AAAA"}), /has a signature; pass verifyDigestSignature/);
});

test("malformed record text gives failing checks with the parse error, not an exception", () => {
  const result = verifyRecord({...ourInput, recordText: '{"metadata": {"x": NaN}}'});
  assert.equal(result.ok, false);
  assert.match(byId(result.checks, "record-json").detail, /line 1, column 20 \(at \$\.metadata\.x\): NaN/);
  assert.equal(byId(result.checks, "canonical-hash").pass, false);
  assert.equal(verifyRecord({...ourInput, recordText: "[1]"}).ok, false);
});

test("the command shown to readers is Pith's, and its python3 stage prints the published hash", (t) => {
  const command = verifyCommandText(published.agent_api as string);
  // Same stages as the command on Pith's record page (data/pith/PROVENANCE.md).
  assert.equal(command.split("\n").length, 3);
  assert.match(command, /^curl -sH 'Accept: application\/ld\+json' https:\/\/pith\.science\/pith\/MMV3S43NX2NZS5FKPHO33KGNPX \\\n\| jq -c '\.canonical_record' \\\n\| python3 -c "/);
  const probe = spawnSync("python3", ["--version"]);
  if (probe.error || probe.status !== 0) {
    t.skip("python3 is not available: cannot run the command's python3 stage");
    return;
  }
  // Run the python3 stage exactly as shown (via the shell), on what `jq -c .canonical_record` would print.
  const stage = command.slice(command.lastIndexOf("| ") + 2);
  const run = spawnSync("sh", ["-c", stage], {input: JSON.stringify(JSON.parse(recordText)), encoding: "utf8"});
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.trim(), published.canonical_sha256);
});
