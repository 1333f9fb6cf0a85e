// The README's Deploying section quotes the policy the e2e suite tests (scripts/deploy-csp.ts), in every
// host snippet, so the documented policy cannot drift from the tested one.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {SITE_CSP} from "../../scripts/deploy-csp.js";

test("README's Deploying section gives the tested CSP, for nginx and Netlify", () => {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const deploying = readme.slice(readme.indexOf("## Deploying"), readme.indexOf("## Refreshing the record"));
  assert.ok(deploying.includes("```\n" + SITE_CSP + "\n```"), "the policy block");
  assert.ok(deploying.includes(`add_header Content-Security-Policy "${SITE_CSP}" always;`), "nginx");
  assert.ok(deploying.includes(`  Content-Security-Policy: ${SITE_CSP}\n`), "Netlify _headers");
  for (const needed of ["'wasm-unsafe-eval'", "'unsafe-eval'", "frame-ancestors 'none'"]) assert.ok(SITE_CSP.includes(needed), needed);
});
