// Figures page: a recovered panel redrawn, its readout under pointer and keyboard, the toggles, the compare
// card, the checks, and phone width. Expected values are the paper's printed ones (49.4 baseline; Figure 7's
// 78.2 ground-truth accuracy at step 150), not numbers computed by the page.
import {test} from "node:test";
import assert from "node:assert/strict";
import {assertClean, describeViolations, openPage, seriousAxeViolations, settle, useSite} from "./harness.js";

const site = useSite();

test("/figures: Figure 2 panel, keyboard and pointer readout, toggles, compare, checks", async () => {
  const watched = await openPage(site(), "/figures");
  const {page} = watched;
  try {
    const card = page.getByTestId("figure-card");
    await card.locator(".curve-chart svg").first().waitFor();
    assert.match(await page.getByTestId("figure-totals").innerText(), /113,039 points in 966 series, 85 panels, 13 figures/);
    assert.match(await card.locator("h2").innerText(), /Figure 2, “Qwen2\.5-Math-7B - MATH”/);
    assert.match(await card.getByTestId("pdf-page-link").getAttribute("href") ?? "", /preprint\.[0-9a-f]+\.pdf#page=3$/);
    // five smoothed lines (one per reward)
    const lines = () => card.locator('.curve-chart svg g[aria-label="line"] path').count();
    assert.equal(await lines(), 5);

    // keyboard: focus the chart, Home = step 0 (all start at the printed 49.4 baseline), then 150 steps right
    const svg = card.locator(".curve-chart svg").first();
    await svg.focus();
    await page.keyboard.press("Home");
    const readout = card.getByTestId("curve-readout");
    assert.match(await readout.innerText(), /^Step 0 — .*Ground Truth: 0\.494/);
    for (let i = 0; i < 150; i++) await page.keyboard.press("ArrowRight");
    assert.match(await readout.innerText(), /^Step 150 — /);

    // raw lines: Ground Truth unsmoothed at step 150 reads Figure 7's printed 78.2
    await card.getByRole("radio", {name: "raw"}).check();
    await settle(page);
    await card.locator(".curve-chart svg").first().focus();
    await page.keyboard.press("Home");
    for (let i = 0; i < 150; i++) await page.keyboard.press("ArrowRight");
    assert.match(await card.getByTestId("curve-readout").innerText(), /Ground Truth \(raw\): 0\.782/);

    // pointer: hovering the plot's middle moves the readout
    const box = (await card.locator(".curve-chart svg").first().boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    assert.match(await card.getByTestId("curve-readout").innerText(), /^Step \d+ — /);

    // series toggle: unticking Random leaves four lines
    await card.getByRole("checkbox", {name: "Random"}).uncheck();
    await settle(page);
    assert.equal(await lines(), 4);

    // another figure: Figure 16 says its colours are inferred
    await card.getByLabel("Figure", {exact: true}).selectOption({label: "Figure 16 (p. 28)"});
    await settle(page);
    await page.getByTestId("figure-card").locator(".curve-chart svg").first().waitFor();
    assert.match(await page.getByTestId("inferred-note").innerText(), /Colours inferred/);

    // compare card: the default three MATH-500 series
    const compare = page.getByTestId("compare-card");
    const compareLines = () => compare.locator('.curve-chart svg g[aria-label="line"] path').count();
    assert.equal(await compareLines(), 3);
    // its series picker: a labelled list, the three defaults chosen; choosing two redraws two lines, and the
    // keyboard moves a single choice
    const picker = compare.getByLabel("Series (smoothed)");
    const random2 = "Figure 2 · Qwen2.5-Math-7B - MATH · Qwen2.5-Math-7B · Random";
    const groundTruth2 = "Figure 2 · Qwen2.5-Math-7B - MATH · Qwen2.5-Math-7B · Ground Truth";
    assert.deepEqual(await picker.locator("option:checked").allInnerTexts(), [random2, groundTruth2, "Figure 11 · (a) Performance on MATH-500 · Qwen2.5-Math-7B · Random w/ Clipping Disabled"]);
    // (the chart follows a file read, after the next frame: wait for the line count rather than one settle)
    const linesBecome = (n: number) => page.waitForFunction((k) => document.querySelectorAll('[data-testid="compare-card"] .curve-chart svg g[aria-label="line"] path').length === k, n, {timeout: 15_000});
    await picker.selectOption([random2, groundTruth2]);
    await linesBecome(2);
    assert.deepEqual(await compare.locator(".compare-legend li").allInnerTexts(), [random2, groundTruth2]);
    await picker.selectOption([random2]);
    await linesBecome(1);
    await picker.focus();
    await page.keyboard.press("ArrowDown");
    await page.waitForFunction((t) => document.querySelector('[data-testid="compare-card"] .compare-legend li')?.textContent !== t, random2, {timeout: 15_000});
    assert.equal(await compareLines(), 1);

    // checks: the smoothing window and the Figure 7 swap are shown as contradictions
    // drawn when scrolled to
    await page.getByTestId("figure-checks-slot").scrollIntoViewIfNeeded();
    await page.locator('[data-testid="figure-checks-slot"][data-state="ready"]').waitFor();
    const checks = page.getByTestId("figure-checks");
    assert.match(await checks.locator("#finding-figure-smoothing-window").innerText(), /window of 10/);
    assert.equal(await checks.locator("#finding-figure7-step150-format").getAttribute("data-status"), "contradiction");
    assert.match(await checks.innerText(), /arXiv v1's Figure 1 against the preprint curves/);

    const violations = await seriousAxeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    assertClean(watched);
  } finally {
    await watched.close();
  }
});

test("/figures at phone width: no horizontal scroll, chart fits", async () => {
  const watched = await openPage(site(), "/figures", {viewport: {width: 390, height: 800}});
  const {page} = watched;
  try {
    await page.getByTestId("figure-card").locator(".curve-chart svg").first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `page scrolls sideways by ${overflow}px`);
    assertClean(watched);
  } finally {
    await watched.close();
  }
});

test("landing: the C1 and C2 curves load when scrolled to, not on first paint", async () => {
  const watched = await openPage(site(), "/");
  const {page} = watched;
  try {
    const c1 = page.getByTestId("c1-curves");
    const c2 = page.getByTestId("c2-curves");
    assert.equal(watched.requests.filter((u) => /curves\/fig-(2|11)\.[0-9a-f]+\.json/.test(u)).length, 0, "curves fetched before scrolling");
    await c1.scrollIntoViewIfNeeded();
    await page.waitForSelector('[data-testid="c1-curves"][data-state="ready"]');
    assert.match(await c1.innerText(), /\+21\.4/);
    assert.equal(await c1.locator('g[aria-label="line"] path').count(), 4);
    await c2.scrollIntoViewIfNeeded();
    await page.waitForSelector('[data-testid="c2-curves"][data-state="ready"]');
    assert.match(await c2.innerText(), /Paper, not the toy: Figure 11\(b\)/);
    assert.equal(await c2.locator('g[aria-label="line"] path').count(), 4);
    for (const within of ['[data-testid="c1-curves"]', '[data-testid="c2-curves"]']) {
      const violations = await seriousAxeViolations(page, within);
      assert.deepEqual(violations, [], describeViolations(violations));
    }
    assertClean(watched);
  } finally {
    await watched.close();
  }
});

test("/query: the curves and their calibration are SQL tables, loaded on the first query that names them", async () => {
  const watched = await openPage(site(), "/query");
  const {page} = watched;
  const curveFetches = () => watched.requests.filter((u) => /\/_file\/data\/curve(s|-axes)\.[0-9a-f]+\.csv$/.test(u)).length;
  try {
    // a query on the paper's numbers does not wait for the 113,000 curve rows
    await page.getByTestId("query-sql").fill("SELECT count(*) AS k FROM numbers");
    await page.getByTestId("query-run").click();
    await page.locator('[data-testid="query-results"] thead th', {hasText: /^k$/}).waitFor({timeout: 90_000});
    assert.equal(curveFetches(), 0);
    assert.match(await page.getByTestId("duckdb-status").innerText(), /Tables: .*curve_axes, curves/);
    await page.getByTestId("query-sql").fill("SELECT count(*) AS n, min(value) FILTER (WHERE figure = 2 AND panel = 'Qwen2.5-Math-7B - MATH' AND step = 0) AS start FROM curves");
    await page.getByTestId("query-run").click();
    await page.locator('[data-testid="query-results"] thead th', {hasText: /^start$/}).waitFor({timeout: 90_000});
    const cells = await page.locator('[data-testid="query-results"] tbody tr td').allInnerTexts();
    assert.deepEqual(cells.map(Number), [113039, 0.494]);
    await page.getByTestId("query-sql").fill("SELECT count(*) AS axes FROM curve_axes WHERE max_residual <= tolerance");
    await page.getByTestId("query-run").click();
    await page.locator('[data-testid="query-results"] thead th', {hasText: /^axes$/}).waitFor({timeout: 30_000});
    assert.equal(Number(await page.locator('[data-testid="query-results"] tbody tr td').first().innerText()), 170);
    assert.equal(curveFetches(), 2, "each curve table is fetched once");
    assertClean(watched);
  } finally {
    await watched.close();
  }
});

test("/figures: a link to one of its checks (the audit links there) shows that check at once", async () => {
  const watched = await openPage(site(), "/figures#finding-text-code-90-in-15-steps");
  const {page} = watched;
  try {
    await page.waitForFunction(() => { const r = document.getElementById("finding-text-code-90-in-15-steps")?.getBoundingClientRect(); return !!r && r.top >= 0 && r.top < innerHeight; });
    assert.match(await page.locator("#finding-text-code-90-in-15-steps").innerText(), /first 15 steps/);
    assertClean(watched);
  } finally {
    await watched.close();
  }
});
