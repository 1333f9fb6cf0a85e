// Query page: DuckDB loads only on request, answers the reference query, survives a bad query.
import {test} from "node:test";
import assert from "node:assert/strict";
import {assertClean, openPage, useSite} from "./harness.js";

const site = useSite();
const DUCKDB_TIMEOUT = 60_000;

test("/query: DuckDB is not fetched until asked; the v1 Qwen2.5-Math-7B deltas come back; errors are inline", async () => {
  const watched = await openPage(site(), "/query", {allowConsoleErrors: []});
  const {page} = watched;
  try {
    // nothing of DuckDB on page load
    assert.deepEqual(watched.requests.filter((u) => /duckdb|\.wasm/.test(u) && !/duckdb-client/.test(u)), []);
    assert.match(await page.getByTestId("duckdb-status").innerText(), /not loaded/);

    // the first example is the Figure 1 query
    await page.getByTestId("query-run").click();
    await page.getByTestId("query-results").waitFor({timeout: DUCKDB_TIMEOUT});
    assert.ok(watched.requests.some((u) => u.endsWith(".wasm")), "the wasm was fetched after the click");
    const valueCells = await page.locator('[data-testid="query-results"] tbody tr td:nth-child(3)').allInnerTexts();
    assert.deepEqual(valueCells.map(Number), [29.1, 27.1, 26, 13.8, 24.1, 21.4]);
    const printed = await page.locator('[data-testid="query-results"] tbody tr td:nth-child(2)').allInnerTexts();
    assert.deepEqual(printed, ["+29.1", "+27.1", "+26.0", "+13.8", "+24.1", "+21.4"]);
    assert.equal(await page.locator('[data-testid="query-chart"] svg').count(), 1, "numeric column gets a quick chart");
    assert.equal(await page.getByTestId("query-download").isVisible(), true);
    assert.match(await page.getByTestId("duckdb-status").innerText(), /ready/);

    // a bad query: inline error, previous page state intact
    await page.getByTestId("query-sql").fill("SELECT nope FROM numbers");
    await page.getByTestId("query-run").click();
    await page.getByTestId("query-error").waitFor({state: "visible"});
    assert.match(await page.getByTestId("query-error").innerText(), /nope/);

    // a later good query works
    await page.getByTestId("query-sql").fill("SELECT count(*) AS n FROM numbers WHERE version = 'B_arXiv_v1_2025-06-12' AND place = 'Figure 1' AND quantity = 'delta'");
    await page.getByTestId("query-run").click();
    await page.waitForFunction(() => document.querySelector('[data-testid="query-error"]')?.hasAttribute("hidden"));
    // the results table is replaced after the error is hidden: wait for this query's column
    await page.locator('[data-testid="query-results"] thead th', {hasText: /^n$/}).waitFor();
    const n = await page.locator('[data-testid="query-results"] tbody tr td').first().innerText();
    assert.equal(Number(n), 24); // 6 rewards × Qwen2.5-Math-7B, Qwen2.5-7B, OLMo2-7B + 2 named and 4 unresolved Llama bars

    // the spurious-share example runs and returns one row per spurious reward, model and version
    await page.getByTestId("query-examples").selectOption({index: 1});
    await page.getByTestId("query-run").click();
    await page.waitForFunction(() => document.querySelector('[data-testid="query-results"] caption')?.textContent?.includes("rows"));
    const rows = await page.locator('[data-testid="query-results"] tbody tr').count();
    // preprint: 4 models × 2 spurious; v1: 3 models × 2 (Llama's spurious bars are unresolved); v2: 1 × 2 (secondary rows excluded → 0)
    assert.equal(rows, 14);

    // the version-change example reads each version's training steps from the setup rows (setup.csv rows 56-57)
    await page.getByTestId("query-examples").selectOption({label: "What changed between the May preprint and arXiv v1 (Figure 1 gains, with each version's training steps)"});
    await page.getByTestId("query-run").click();
    await page.locator('[data-testid="query-results"] thead th', {hasText: "preprint_steps"}).waitFor();
    const headers = await page.locator('[data-testid="query-results"] thead th').allInnerTexts();
    const column = async (name: string) => page.locator(`[data-testid="query-results"] tbody tr td:nth-child(${headers.indexOf(name) + 1})`).allInnerTexts();
    const preprintSteps = await column("preprint_steps"), v1Steps = await column("v1_steps");
    assert.ok(preprintSteps.length > 0);
    assert.deepEqual([...new Set(preprintSteps)], ["150"]);
    assert.deepEqual([...new Set(v1Steps)], ["300"]);
    assertClean(watched);
  } finally {
    await watched.close();
  }
});
