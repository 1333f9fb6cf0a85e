// The README's Deploying section quotes the policy the e2e suite tests (scripts/deploy-csp.ts), in every
// host snippet, so the documented policy cannot drift from the tested one.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {inlineScriptHashesOf, SITE_CSP, siteCsp} from "../../scripts/deploy-csp.js";

test("README's Deploying section gives the tested CSP, for nginx and Netlify", () => {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const deploying = readme.slice(readme.indexOf("## Deploying"), readme.indexOf("## Refreshing the record"));
  assert.ok(deploying.includes("```\n" + SITE_CSP + "\n```"), "the policy block");
  assert.ok(deploying.includes(`add_header Content-Security-Policy "${SITE_CSP}" always;`), "nginx");
  assert.ok(deploying.includes(`  Content-Security-Policy: ${SITE_CSP}\n`), "Netlify _headers");
  for (const needed of ["'wasm-unsafe-eval'", "'unsafe-eval'", "frame-ancestors 'none'"]) assert.ok(SITE_CSP.includes(needed), needed);
});

test("the tight policy lists inline scripts by their CSP sha256 and drops 'unsafe-inline' for scripts only", () => {
  // sha256("alert(1)") in base64, as browsers compute it for <script>alert(1)</script> (hand-checked with openssl)
  assert.deepEqual(inlineScriptHashesOf('<script>alert(1)</script><script src="/x.js"></script><script type="module"></script>'), ["bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI="]);
  const tight = siteCsp(["b", "a"]);
  assert.match(tight, /script-src 'self' 'sha256-a' 'sha256-b' 'unsafe-eval' 'wasm-unsafe-eval';/);
  assert.match(tight, /style-src 'self' 'unsafe-inline';/);
  assert.equal(tight.replace("'sha256-a' 'sha256-b'", "'unsafe-inline'"), SITE_CSP);
});
