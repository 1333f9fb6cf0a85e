// Rewards page: bar counts per version for the real data, switching version changes the chart, a chosen
// bar's provenance shows its locator, inferred and unresolved bars are marked, tables accompany charts.
import {test} from "node:test";
import assert from "node:assert/strict";
import {assertClean, openPage, settle, useSite} from "./harness.js";

const site = useSite();

async function barCount(page: import("playwright-core").Page): Promise<number> {
  return page.locator('[data-testid="rewards-charts"] figure g[aria-label="bar"] rect').count();
}

test("/rewards: bars per version, switching, provenance of a chosen bar", async () => {
  const watched = await openPage(site(), "/rewards");
  const {page} = watched;
  try {
    // arXiv v1 (default): 6 + 6 + 6 bars for Qwen2.5-Math-7B, Qwen2.5-7B, OLMo2-7B; Llama 2 named + 4 unresolved
    const charts = page.getByTestId("rewards-charts");
    assert.equal(await charts.getAttribute("data-version"), "B_arXiv_v1_2025-06-12");
    assert.equal(await barCount(page), 24);
    assert.equal(await page.locator('[data-testid="rewards-chart-llama3-1-8b-instruct"] g[aria-label="bar"] rect').count(), 6);
    assert.equal(await page.locator('[data-testid="rewards-chart-llama3-1-8b-instruct"]').locator("g[aria-label=\"y-axis tick label\"] text").filter({hasText: /^Unassigned bar -11\.5$/}).count(), 1);
    // the data tables: one row per bar
    assert.equal(await page.getByTestId("rewards-row").count(), 24);
    assert.equal(await page.locator('[data-testid="rewards-table-qwen2-5-7b"] tr.status-inferred').count(), 6);
    assert.equal(await page.locator('[data-testid="rewards-table-llama3-1-8b-instruct"] tr.status-unresolved').count(), 4);

    // a chosen mark: Qwen2.5-Math-7B random reward in v1 (+21.4); its provenance shows the Figure 1 locator
    const bar = page.locator('[data-testid="rewards-chart-qwen2-5-math-7b"] g[aria-label="bar"] a').nth(5);
    assert.match((await bar.locator("title").textContent()) ?? "", /Random.*\+21\.4 \(arXiv v1\)/s);
    await bar.click();
    assert.match(await page.getByTestId("provenance-heading").innerText(), /Qwen2\.5-Math-7B, Random \(arXiv v1\)/);
    assert.match(await page.getByTestId("provenance-locator").innerText(), /Figure 1 \(p\.1\).*after 300 steps/);

    // a table cell opens the same panel, keyboard-operable
    const cell = page.locator('[data-testid="rewards-table-qwen2-5-7b"] button').filter({hasText: "+16.4"});
    await cell.focus();
    await page.keyboard.press("Enter");
    assert.match(await page.getByTestId("provenance-heading").innerText(), /Qwen2\.5-7B, Random: delta \(arXiv v1\)/);
    assert.match(await page.getByTestId("provenance").innerText(), /inferred/);

    // switch to the May preprint: 4 models × 6 rewards, different labels
    await page.getByRole("radio", {name: "May 2025 preprint"}).check();
    await settle(page);
    assert.equal(await charts.getAttribute("data-version"), "A_preprint_2025-05-27");
    assert.equal(await barCount(page), 24);
    assert.equal(await page.locator('[data-testid="rewards-chart-qwen2-5-math-7b"]').getByText("+28.8", {exact: true}).count(), 1);
    assert.equal(await page.locator('[data-testid="rewards-chart-qwen2-5-math-7b"]').getByText("+29.1", {exact: true}).count(), 0);

    // v2: only the five Figure 1 labels from the secondary summary, labelled as such
    await page.getByRole("radio", {name: "arXiv v2"}).check();
    await settle(page);
    assert.equal(await barCount(page), 5);
    assert.match(await page.getByTestId("rewards-caption").innerText(), /secondary source/);
    assert.match(await page.getByTestId("v2-note").innerText(), /\+21\.4.*\+29\.1|\+29\.1.*\+21\.4/);

    // version comparison: 20 preprint→v1 arrows (Llama has only 2 resolved v1 bars) and a row per model×reward
    assert.equal(await page.getByTestId("comparison-chart").getAttribute("data-arrows"), "20");
    assert.equal(await page.getByTestId("comparison-row").count(), 24);
    // one small chart per model, drawn one task each, in the table's model order
    assert.deepEqual(await page.getByTestId("comparison-chart").locator(".paper-small-title").allInnerTexts(), ["Qwen2.5-Math-7B", "Qwen2.5-7B", "Llama3.1-8B-Instruct", "OLMo2-7B"]);
    assert.equal(await page.getByTestId("comparison-chart").locator('svg g[aria-label="arrow"] line, svg g[aria-label="arrow"] path').count(), 20);
    // training lengths come from setup.csv (rows 56-57: 150 and 300), in the prose and the comparison's captions
    assert.match(await page.locator("main").innerText(), /Figure 1 is after\s+150 and 300 training steps respectively/);
    assert.match(await page.locator("main").innerText(), /Figure 1 moved from 150 to 300 training steps/);
    assert.match(await page.getByTestId("comparison-chart").locator("figcaption").innerText(), /after 150 steps.*after 300 steps/s);
    assert.match(await page.getByTestId("comparison-table").locator("caption").innerText(), /after 150 steps, v1's after 300 steps/);
    // the loading placeholder is gone once the data is in
    assert.equal(await page.getByTestId("page-loading").count(), 0);
    assertClean(watched);
  } finally {
    await watched.close();
  }
});
