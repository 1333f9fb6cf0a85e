// Query page: nothing of DuckDB is downloaded until the reader asks (pointing at or focusing the SQL box, Load, Run),
// never on other pages; it answers the reference query and survives a bad query.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {assertClean, DIST, describeViolations, openPage, seriousAxeViolations, useSite} from "./harness.js";

const site = useSite();
const DUCKDB_TIMEOUT = 60_000;
/** DuckDB's own files and the tables it reads (the site's small duckdb-client and duckdb-download modules are part of the page). */
const isDuckDbAsset = (u: string) => /duckdb|\.wasm|paper-query-arrow/.test(u) && !/duckdb-(client|download)\./.test(u);

test("/query: nothing of DuckDB until the reader points at the SQL box; then it starts and is ready without a click", async () => {
  const watched = await openPage(site(), "/query");
  const {page} = watched;
  try {
    await page.waitForTimeout(2500);
    assert.deepEqual(watched.requests.filter(isDuckDbAsset), []);
    assert.match(await page.getByTestId("duckdb-status").innerText(), /not loaded yet: nothing has been downloaded/);
    await page.getByTestId("query-sql").hover();
    await page.waitForFunction(() => document.querySelector("[data-testid=duckdb-status]")?.getAttribute("data-state") === "ready", undefined, {timeout: DUCKDB_TIMEOUT});
    assert.ok(watched.requests.some((u) => u.endsWith(".wasm")), "the engine was downloaded on that intent");
    // the table list is there without a query having run; the curves are read in only for a query naming them
    assert.match(await page.getByTestId("duckdb-status").innerText(), /^DuckDB is ready\. Tables: clipping, code_reasoning, curve_axes, curves, findings, main_results, numbers, setup\.$/);
    assert.deepEqual(watched.requests.filter((u) => /\/curves\.[0-9a-f]+\.csv$/.test(u)), []);
    assertClean(watched);
  } finally {
    await watched.close();
  }
});

for (const path of ["/", "/toy"]) {
  test(`${path}: DuckDB is not loaded on another page`, async () => {
    const watched = await openPage(site(), path);
    try {
      await watched.page.waitForTimeout(2500);
      assert.deepEqual(watched.requests.filter(isDuckDbAsset), []);
      assertClean(watched);
    } finally {
      await watched.close();
    }
  });
}

test("/query: the training curves are read in on the first query naming them, and answer it", async () => {
  const watched = await openPage(site(), "/query");
  const {page} = watched;
  try {
    // the CSV the page reads, counted here line by line (header and trailing newline excluded)
    const file = readdirSync(join(DIST, "_file/data")).find((f) => /^curves\.[0-9a-f]+\.csv$/.test(f));
    assert.ok(file, "the build has curves.csv");
    const rows = readFileSync(join(DIST, "_file/data", file), "utf8").split("\n").filter((line) => line !== "").length - 1;
    assert.ok(rows > 100_000, `${rows} rows`);
    assert.deepEqual(watched.requests.filter((u) => u.includes(file)), []);
    await runQuery(page, "SELECT count(*) AS curve_rows, count(DISTINCT figure) > 1 AS several_figures FROM curves", "several_figures");
    assert.deepEqual(await page.getByTestId("query-row").first().locator("td").allTextContents(), [String(rows), "true"]);
    assert.equal(watched.requests.filter((u) => u.includes(file)).length, 1);
    assertClean(watched);
  } finally {
    await watched.close();
  }
});

test("/query: DuckDB answers the v1 Qwen2.5-Math-7B deltas; errors are inline", async () => {
  const watched = await openPage(site(), "/query", {allowConsoleErrors: []});
  const {page} = watched;
  try {
    // the first example is the Figure 1 query
    await page.getByTestId("query-run").click();
    await page.getByTestId("query-results").waitFor({timeout: DUCKDB_TIMEOUT});
    const valueCells = await page.locator('[data-testid="query-results"] tbody tr td:nth-child(3)').allInnerTexts();
    assert.deepEqual(valueCells.map(Number), [29.1, 27.1, 26, 13.8, 24.1, 21.4]);
    const printed = await page.locator('[data-testid="query-results"] tbody tr td:nth-child(2)').allInnerTexts();
    assert.deepEqual(printed, ["+29.1", "+27.1", "+26.0", "+13.8", "+24.1", "+21.4"]);
    // the chart and the download come a frame after the rows
    await page.locator('[data-testid="query-output"][data-state="ok"]').waitFor();
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

const results = '[data-testid="query-results"]';

async function runQuery(page: import("playwright-core").Page, sql: string, column: string): Promise<void> {
  await page.getByTestId("query-sql").fill(sql);
  await page.getByTestId("query-run").click();
  await page.locator(`${results} thead th`, {hasText: new RegExp(`^${column}$`)}).waitFor({timeout: DUCKDB_TIMEOUT});
  await page.locator('[data-testid="query-output"][data-state="ok"]').waitFor();
}

test("/query: exact values, huge results stop inside DuckDB with a note, a never-ending query can be cancelled", async () => {
  const watched = await openPage(site(), "/query");
  const {page} = watched;
  try {
    // values as DuckDB prints them, not as JS numbers (expected texts written by hand)
    await runQuery(page, `SELECT 9007199254740993::BIGINT AS big, 170141183460469231731687303715884105727::HUGEINT AS huge,
      0.826::DECIMAL(4,3) AS dec, 0.1 + 0.2 AS dec_sum, DATE '2025-06-12' AS day, TIMESTAMP '2025-06-12 10:11:12.345' AS ts,
      INTERVAL 3 DAY + INTERVAL 2 HOUR AS span, '\\x00\\xAB'::BLOB AS bytes, 0.1::DOUBLE + 0.2::DOUBLE AS dbl`, "dbl");
    assert.deepEqual(await page.getByTestId("query-row").first().locator("td").allTextContents(), [
      "9007199254740993", "170141183460469231731687303715884105727", "0.826", "0.3", "2025-06-12", "2025-06-12 10:11:12.345",
      "3 days 02:00:00", "\\x00\\xAB", "0.30000000000000004",
    ]);
    assert.match(await page.getByTestId("query-note").innerText(), /shortest decimal that reads back as the same stored double/);
    const violations = await seriousAxeViolations(page, "[data-testid=query-panel]");
    assert.deepEqual(violations, [], describeViolations(violations));

    // 600 rows: the caption says more exist while 500 are shown
    await runQuery(page, "SELECT range AS i FROM range(600)", "i");
    assert.equal(await page.getByTestId("query-row").count(), 500);
    assert.match(await page.getByTestId("query-caption").innerText(), /^more than 500 rows: the first 500 rows are shown/);
    assert.match(await page.getByTestId("query-download").innerText(), /the 500 rows shown/);

    // fifty million rows would freeze the tab as JS objects; DuckDB stops after 501
    await runQuery(page, "SELECT range AS n, range * 2 AS twice FROM range(50000000)", "twice");
    assert.equal(await page.getByTestId("query-row").count(), 500);
    assert.equal(await page.getByTestId("query-row").nth(499).locator("td").first().innerText(), "499");

    // a 10-million-character cell is cut inside DuckDB, with its length
    await runQuery(page, "SELECT repeat('x', 10000000) AS long_text", "long_text");
    const cell = await page.getByTestId("query-row").first().locator("td").innerText();
    assert.ok(cell.length < 3000, `cell of ${cell.length} characters reached the page`);
    assert.match(cell, /… \(10,000,000 characters in all\)$/);

    // a parser error: the excerpt once
    await page.getByTestId("query-sql").fill("SELEC 1");
    await page.getByTestId("query-run").click();
    await page.getByTestId("query-error").waitFor({state: "visible"});
    const error = await page.getByTestId("query-error").innerText();
    assert.equal(error.match(/LINE 1:/g)?.length, 1, error);

    // a query that never ends: Cancel is visible, interrupts it, and DuckDB answers the next query
    await page.getByTestId("query-sql").fill("SELECT sum(a.range * b.range) AS never FROM range(1000000) a, range(1000000) b");
    await page.getByTestId("query-run").click();
    await page.getByTestId("query-cancel").waitFor({state: "visible"});
    assert.equal(await page.getByTestId("query-run").isDisabled(), true);
    const whileRunning = await seriousAxeViolations(page, "[data-testid=query-panel]");
    assert.deepEqual(whileRunning, [], describeViolations(whileRunning));
    await page.getByTestId("query-cancel").click();
    await page.waitForFunction(() => document.querySelector("[data-testid=query-error]")?.textContent?.includes("cancelled"));
    assert.equal(await page.getByTestId("query-run").isDisabled(), false);
    assert.equal(await page.getByTestId("query-cancel").isHidden(), true);
    await runQuery(page, "SELECT 42 AS answer", "answer");
    assert.deepEqual(await page.getByTestId("query-row").first().locator("td").allTextContents(), ["42"]);
    // the start-up tables are still there (after a cancel DuckDB may have been restarted and read them again)
    await runQuery(page, "SELECT count(*) AS fig1_v1 FROM numbers WHERE version = 'B_arXiv_v1_2025-06-12' AND place = 'Figure 1' AND quantity = 'delta'", "fig1_v1");
    assert.deepEqual(await page.getByTestId("query-row").first().locator("td").allTextContents(), ["24"]);
    assertClean(watched);
  } finally {
    await watched.close();
  }
});

test("/query: the typed SQL survives a reload", async () => {
  const watched = await openPage(site(), "/query");
  const {page} = watched;
  try {
    await page.getByTestId("query-sql").fill("SELECT 'kept' AS typed_before_reload");
    await page.reload({waitUntil: "networkidle"});
    await page.getByTestId("query-sql").waitFor();
    assert.equal(await page.getByTestId("query-sql").inputValue(), "SELECT 'kept' AS typed_before_reload");
    assertClean(watched);
  } finally {
    await watched.close();
  }
});

// DuckDB that cannot start says why, instead of "Starting DuckDB…" for ever
const brokenStarts: {name: string; route: (route: import("playwright-core").Route) => Promise<void>; expect: RegExp}[] = [
  {name: "the wasm answers 404", route: (route) => route.fulfill({status: 404, contentType: "text/html", body: "not found"}), expect: /duckdb-eh\.wasm could not be downloaded \(the server answered 404/},
  {
    name: "the wasm has the wrong MIME type",
    route: async (route) => {
      const response = await route.fetch();
      await route.fulfill({response, headers: {...response.headers(), "content-type": "application/octet-stream"}});
    },
    expect: /sends duckdb-eh\.wasm as "application\/octet-stream".*application\/wasm/,
  },
];
for (const broken of brokenStarts) {
  test(`/query: DuckDB failing to start is reported (${broken.name})`, async () => {
    const watched = await openPage(site(), "/query", {
      setup: (context) => context.route(/\.wasm$/, broken.route),
      allowConsoleErrors: ["Failed to load resource: the server responded with a status of 404"],
    });
    const {page} = watched;
    const failed = () => page.waitForFunction(() => document.querySelector("[data-testid=duckdb-status]")?.getAttribute("data-state") === "failed", undefined, {timeout: DUCKDB_TIMEOUT});
    try {
      // the start on intent fails and says why
      await page.getByTestId("query-sql").hover();
      await failed();
      assert.match(await page.getByTestId("duckdb-status").innerText(), broken.expect);
      assert.equal(await page.getByTestId("query-error").isHidden(), true, "no query has failed yet");
      // Run tries again and shows the failure where the reader looks: at the query
      await page.getByTestId("query-run").click();
      await failed();
      assert.match(await page.getByTestId("duckdb-status").innerText(), broken.expect);
      await page.getByTestId("query-error").waitFor({state: "visible"});
      assert.match(await page.getByTestId("query-error").innerText(), /DuckDB did not start/);
      assert.equal(await page.getByTestId("query-run").isDisabled(), false, "Run can be pressed again");
      assertClean(watched);
    } finally {
      await watched.close();
    }
  });
}

test("/query at 390 px: a result's long locator text gets a readable width (the table scrolls) instead of rows a column of words tall", async () => {
  const watched = await openPage(site(), "/query", {viewport: {width: 390, height: 800}});
  const {page} = watched;
  try {
    await page.getByTestId("query-run").click();
    await page.getByTestId("query-results").waitFor({timeout: DUCKDB_TIMEOUT});
    const shape = await page.evaluate(() => {
      const rows = [...document.querySelectorAll('[data-testid="query-results"] tbody tr')] as HTMLElement[];
      const locator = rows[0].lastElementChild as HTMLElement;
      const lineHeight = parseFloat(getComputedStyle(locator).lineHeight) || 20;
      return {lines: Math.max(...rows.map((r) => r.getBoundingClientRect().height)) / lineHeight, locatorWidth: locator.getBoundingClientRect().width, text: locator.textContent};
    });
    assert.ok(shape.text && shape.text.length > 40, `the Figure 1 rows carry a long locator: ${shape.text}`);
    assert.ok(shape.locatorWidth >= 240 && shape.lines <= 4, `locator ${Math.round(shape.locatorWidth)} px wide, rows ${shape.lines.toFixed(1)} lines tall`);
    assertClean(watched);
  } finally {
    await watched.close();
  }
});
