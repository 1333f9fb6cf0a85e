// SQL typed by a reader must not make the site reach another host: DuckDB refuses URL reads and extension
// downloads with an inline error, the harness sees no off-site request, and the page keeps working.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readdirSync, readFileSync, statSync} from "node:fs";
import {join} from "node:path";
import {assertClean, DIST, useSite, withPage} from "./harness.js";

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

// DuckDB's files name other hosts in their text. None of them is ever asked for (the test above, and every e2e
// test fails on an off-site request); this pins which they are, so that an upgrade naming a new one is looked at.
const DUCKDB_NAMED_HOSTS: Record<string, string> = {
  "cdn.jsdelivr.net": "index.js: getJsDelivrBundles(), never called (the bundles are self-hosted)",
  "extensions.duckdb.org": "the default extension repository: install and autoload are off, LOAD is refused",
  "nightly-extensions.duckdb.org": "the nightly extension repository: the same",
  "community-extensions.duckdb.org": "the community extension repository: the same",
  "duckdb.org": "documentation links inside error messages (text)",
  "unpkg.com": "a stylesheet link in DuckDB's HTML rendering of query plans (text; the site never renders one)",
};

test("the off-site hosts named in the built site's DuckDB files are the known, inert ones", () => {
  const root = join(DIST, "_node");
  const files = readdirSync(root, {recursive: true, encoding: "utf8"}).filter((f) => f.includes("duckdb-wasm") && /\.(js|wasm)$/.test(f));
  assert.ok(files.some((f) => f.endsWith("duckdb-eh.wasm")) && files.some((f) => /index\.[0-9a-f]+\.js$/.test(f)), `DuckDB's files: ${files.join(", ")}`);
  const named = new Set<string>();
  for (const f of files) for (const m of readFileSync(join(root, f), "latin1").matchAll(/https?:\/\/([a-z0-9.-]+\.[a-z]{2,})/gi)) named.add(m[1].toLowerCase());
  assert.deepEqual([...named].sort(), Object.keys(DUCKDB_NAMED_HOSTS).sort());
});

test("the download size the pages state for DuckDB is that of the built engine and worker, brotli and gzip", async () => {
  const {DUCKDB_DOWNLOAD_MB} = await import("../../src/lib/sql/duckdb-download.js");
  const dir = join(DIST, "_node");
  const files = readdirSync(dir, {recursive: true, encoding: "utf8"}).filter((f) => /duckdb-eh\.wasm$|duckdb-browser-eh\.worker\.[0-9a-f]+\.js$/.test(f));
  assert.equal(files.length, 2, `the engine and its worker: ${files.join(", ")}`);
  for (const [encoding, ext] of [["brotli", "br"], ["gzip", "gz"]] as const) {
    const bytes = files.reduce((sum, f) => sum + statSync(join(dir, `${f}.${ext}`)).size, 0);
    assert.equal((bytes / 1e6).toFixed(1), DUCKDB_DOWNLOAD_MB[encoding].toFixed(1), `${encoding}: ${bytes} bytes`);
  }
});
