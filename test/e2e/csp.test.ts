// Every page works under the Content-Security-Policy the README recommends (scripts/deploy-csp.ts): no CSP
// violation, no page error, every cell rendered; DuckDB starts under it and the toy's worker runs.
import {test} from "node:test";
import assert from "node:assert/strict";
import {assertClean, manifestPages, useSite, withPage} from "./harness.js";
import {SITE_CSP} from "../../scripts/deploy-csp.js";

const site = useSite();

for (const {path} of manifestPages()) {
  test(`${path} renders under the recommended CSP`, async () => {
    await withPage(site(), path, async (watched) => {
      const {page} = watched;
      assert.equal(await page.locator(".observablehq--error").count(), 0, "a cell failed to render");
      assertClean(watched); // a CSP violation is a console error
    }, {csp: SITE_CSP});
  });
}

test("/query: DuckDB starts and answers under the recommended CSP", async () => {
  await withPage(site(), "/query", async (watched) => {
    const {page} = watched;
    await page.getByTestId("query-sql").fill("SELECT 6 * 7 AS answer");
    await page.getByTestId("query-run").click();
    await page.getByTestId("query-results").getByRole("columnheader", {name: "answer"}).waitFor({timeout: 60_000});
    assert.deepEqual(await page.getByTestId("query-row").first().locator("td").allTextContents(), ["42"]);
    assertClean(watched);
  }, {csp: SITE_CSP});
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
