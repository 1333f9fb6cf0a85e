// The version in the URL: a permalink's number decides, then ?v=, and writing it keeps the hash.
import {test} from "node:test";
import assert from "node:assert/strict";
import {urlWithVersion, versionFromUrl} from "../../src/lib/paper-version-url.js";

const A = "A_preprint_2025-05-27", B = "B_arXiv_v1_2025-06-12", C = "C_arXiv_v2_2026-02-25_ICML2026";
const numbers: Record<string, string> = {"n-0a1b": A, "n-ffff": C};

test("?v= names the version; unknown or disallowed slugs give null", () => {
  assert.equal(versionFromUrl("/rewards?v=preprint", [A, B, C], (id) => numbers[id]), A);
  assert.equal(versionFromUrl("/rewards?v=v2", [A, B], (id) => numbers[id]), null);
  assert.equal(versionFromUrl("/rewards?v=v9", [A, B, C], (id) => numbers[id]), null);
  assert.equal(versionFromUrl("/rewards", [A, B, C], (id) => numbers[id]), null);
});

test("a permalink's number wins over ?v=, so the number it names is on screen", () => {
  assert.equal(versionFromUrl("/rewards?v=v1#n-0a1b", [A, B, C], (id) => numbers[id]), A);
  assert.equal(versionFromUrl("/code-reasoning?v=v1#n-ffff", [A, B], (id) => numbers[id]), B);
});

test("writing the version keeps the other parameters and the hash", () => {
  assert.equal(urlWithVersion("http://127.0.0.1:3000/rewards?x=1#n-0a1b", A), "http://127.0.0.1:3000/rewards?x=1&v=preprint#n-0a1b");
  assert.equal(urlWithVersion("http://127.0.0.1:3000/rewards?v=preprint", B), "http://127.0.0.1:3000/rewards?v=v1");
});
