/**
 * Ed25519 receipt signatures of Pith records: strict RFC 8032 over the 32 raw digest bytes (not the hex string).
 * Kept apart from ./pith.ts (hashing and the record checks) because @noble/curves is the largest piece of the
 * verifier and our record has no published signature: pages load this module only to check one.
 */
// Ed25519 via @noble/curves rather than WebCrypto: WebCrypto's Ed25519 is missing from some browsers still
// in use (and behaves differently across engines on edge cases), while noble is audited, pure JS, runs the
// same in Node and every browser, and lets us choose strict RFC 8032 verification.
import {ed25519} from "@noble/curves/ed25519.js";
import {hexToBytes} from "@noble/hashes/utils.js";
import {decodeBase64, pithNumberFromHex, type Check, type SigningKey} from "./pith.js";

// noble precomputes 4,224 multiples of the base point (window 8) before its first use: right for signing many
// messages, but a page verifies one or two signatures, and that table was a 130 ms main-thread task on /record.
// A window of 4 (520 points) makes the first verification several times faster and later ones barely slower.
ed25519.Point.BASE.precompute(4);

/** Ed25519 (strict RFC 8032) over the 32 raw digest bytes. Never throws: a reason says what failed. */
export function verifyDigestSignature(digestHex: string, signatureB64: string, publicKeyB64: string): {valid: boolean; reason: string} {
  let signature: Uint8Array;
  let publicKey: Uint8Array;
  let digest: Uint8Array;
  try {
    digest = hexToBytes(digestHex);
    if (digest.length !== 32) return {valid: false, reason: `the digest must be 32 bytes, got ${digest.length}`};
  } catch {
    return {valid: false, reason: `the digest is not hex: ${JSON.stringify(digestHex)}`};
  }
  try {
    signature = decodeBase64(signatureB64, "The signature");
    publicKey = decodeBase64(publicKeyB64, "The public key");
  } catch (e) {
    return {valid: false, reason: (e as Error).message};
  }
  if (signature.length !== 64) return {valid: false, reason: `an Ed25519 signature is 64 bytes, this one is ${signature.length}`};
  if (publicKey.length !== 32) return {valid: false, reason: `an Ed25519 public key is 32 bytes, this one is ${publicKey.length}`};
  try {
    if (ed25519.verify(signature, digest, publicKey, {zip215: false})) {
      return {valid: true, reason: "the Ed25519 signature over the 32 raw digest bytes verifies with the public key"};
    }
    return {valid: false, reason: "the Ed25519 signature does not verify: the signature, the digest or the key was changed"};
  } catch (e) {
    return {valid: false, reason: `the Ed25519 signature does not verify (${(e as Error).message})`};
  }
}

/** A published receipt: a digest, its Pith number and the Ed25519 signature over it (data/pith/test-vectors.json). */
export interface SignatureVector {
  pith_number: string;
  canonical_sha256: string;
  signature_b64: string;
}

/** Checks a published signature vector: its Pith number derives from its digest and its signature verifies. */
export function verifySignatureVector(vector: SignatureVector, key: SigningKey): Check {
  let number: string;
  try {
    number = pithNumberFromHex(vector.canonical_sha256);
  } catch (e) {
    return {id: "signature-vector", label: "Published signature vector", pass: false, expected: vector.pith_number, actual: "(bad digest)", detail: (e as Error).message};
  }
  const result = verifyDigestSignature(vector.canonical_sha256, vector.signature_b64, key.public_key_b64);
  const problems: string[] = [];
  if (number !== vector.pith_number) problems.push(`its digest gives Pith number ${number}, not ${vector.pith_number}`);
  if (!result.valid) problems.push(result.reason);
  return {
    id: "signature-vector", label: `Signature of pith:${vector.pith_number.slice(0, 8)}`, pass: problems.length === 0,
    expected: `valid under ${key.key_id}`, actual: result.valid ? "valid" : "invalid",
    detail: problems.length === 0 ? `The signature over digest ${vector.canonical_sha256} verifies with ${key.key_id}.` : `Signature vector failed: ${problems.join("; ")}.`,
  };
}
