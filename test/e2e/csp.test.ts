// Every page works under the Content-Security-Policies the README recommends (scripts/deploy-csp.ts): the
// tight one the build writes to dist/_csp.txt (inline scripts by hash) and the one without hashes. No CSP
// violation, no page error, every cell rendered; DuckDB starts under it and the toy's worker runs.
// The tight policy is read from the build's own file, so a page changed after the hashes were taken fails.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import {assertClean, DIST, manifestPages, useSite, withPage} from "./harness.js";
import {SITE_CSP} from "../../scripts/deploy-csp.js";

const site = useSite();

const TIGHT_CSP = readFileSync(resolve(DIST, "_csp.txt"), "utf8").trim();

test("the build's policy lists inline scripts by hash, never 'unsafe-inline' for scripts", () => {
  const scriptSrc = TIGHT_CSP.split("; ").find((d) => d.startsWith("script-src "))!;
  assert.doesNotMatch(scriptSrc, /'unsafe-inline'/);
  assert.match(scriptSrc, /'sha256-[A-Za-z0-9+/]{43}='/);
  assert.ok(readFileSync(resolve(DIST, "_headers"), "utf8").includes(`Content-Security-Policy: ${TIGHT_CSP}\n`));
});

for (const [name, csp] of [["build's hashed", TIGHT_CSP], ["hash-free", SITE_CSP]] as const) {
  for (const {path} of manifestPages()) {
    test(`${path} renders under the ${name} CSP`, async () => {
      await withPage(site(), path, async (watched) => {
        const {page} = watched;
        assert.equal(await page.locator(".observablehq--error").count(), 0, "a cell failed to render");
        assertClean(watched); // a CSP violation is a console error
      }, {csp});
    });
  }
}

test("/query: DuckDB starts and answers under the recommended CSP", async () => {
  await withPage(site(), "/query", async (watched) => {
    const {page} = watched;
    await page.getByTestId("query-sql").fill("SELECT 6 * 7 AS answer");
    await page.getByTestId("query-run").click();
    await page.getByTestId("query-results").getByRole("columnheader", {name: "answer"}).waitFor({timeout: 60_000});
    assert.deepEqual(await page.getByTestId("query-row").first().locator("td").allTextContents(), ["42"]);
    assertClean(watched);
  }, {csp: TIGHT_CSP});
});

test("/query: a CSP without 'wasm-unsafe-eval' is reported as the reason DuckDB cannot start", async () => {
  const withoutWasm = SITE_CSP.replace(" 'unsafe-eval' 'wasm-unsafe-eval'", "");
  await withPage(site(), "/query", async (watched) => {
    const {page} = watched;
    await page.getByTestId("query-run").click();
    await page.waitForFunction(() => document.querySelector("[data-testid=duckdb-status]")?.getAttribute("data-state") === "failed", undefined, {timeout: 60_000});
    assert.match(await page.getByTestId("duckdb-status").innerText(), /Content-Security-Policy forbids WebAssembly \(its script-src needs 'wasm-unsafe-eval'\)/);
    assertClean(watched);
  }, {csp: withoutWasm});
});
