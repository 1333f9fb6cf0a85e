// SQL typed by a reader must not make the site reach another host: DuckDB refuses URL reads and extension
// downloads with an inline error, the harness sees no off-site request, and the page keeps working.
import {test} from "node:test";
import assert from "node:assert/strict";
import {assertClean, useSite, withPage} from "./harness.js";

const site = useSite();

test("a query that reads a URL or needs an extension fails inline without any off-site request", async () => {
  await withPage(site(), "/query", async (watched) => {
    const {page} = watched;
    const sql = page.getByTestId("query-sql");
    const run = page.getByTestId("query-run");
    const error = page.getByTestId("query-error");
    // Each refusal names what was refused, so a stale error from the previous query cannot pass for it.
    const refusals: [string, string][] = [
      ["SELECT * FROM read_csv('https://example.org/data.csv')", 'Cannot access file "https://example.org/data.csv"'],
      ["LOAD httpfs", "Loading external extensions is disabled"],
      ["SELECT * FROM 'https://example.org/x.parquet'", "x.parquet does not exist"]
    ];
    for (const [query, refusal] of refusals) {
      await sql.fill(query);
      await run.click();
      await page.waitForFunction(
        (text) => document.querySelector("[data-testid=query-error]")?.textContent?.includes(text) ?? false,
        refusal,
        {timeout: 60_000}
      );
    }
    await sql.fill("SELECT 1 + 1 AS two");
    await run.click();
    // Wait for this query's own result (its column name), not just for the old error to go away.
    await page.getByTestId("query-results").getByRole("columnheader", {name: "two"}).waitFor({timeout: 30_000});
    assert.equal(await error.isHidden(), true);
    assert.deepEqual(await page.getByTestId("query-row").first().locator("td").allTextContents(), ["2"]);
    assertClean(watched);
  });
});
