// Code-reasoning page: rows and marks for the real data, version switch, provenance of a chosen mark.
import {test} from "node:test";
import assert from "node:assert/strict";
import {assertClean, openPage, settle, useSite} from "./harness.js";

const site = useSite();

test("/code-reasoning: Table 1, Figure 7, Table 2, Table 3 render the real data", async () => {
  const watched = await openPage(site(), "/code-reasoning");
  const {page} = watched;
  try {
    // Table 1: Qwen2.5-Math-7B, Qwen2.5-Math-1.5B, Qwen2.5-7B, OLMo2-7B-SFT
    assert.equal(await page.getByTestId("table1-row").count(), 4);
    assert.equal(await page.locator('[data-testid="table1-chart"] g[aria-label="dot"] circle, [data-testid="table1-chart"] g[aria-label="dot"] path').count(), 8);
    // Figure 7: 5 rewards × 4 switches
    assert.equal(await page.getByTestId("fig7-row").count(), 20);
    assert.equal(await page.locator('[data-testid="fig7-chart"] g[aria-label="bar"] rect').count(), 20);
    // Table 2: three models; Table 3: eight models
    assert.equal(await page.getByTestId("table2-row").count(), 3);
    assert.equal(await page.getByTestId("table3-row").count(), 8);
    assert.equal(await page.getByTestId("table3-chart").getAttribute("data-arrows"), "8");
    assert.equal(await page.getByTestId("page-loading").count(), 0);
    // v2: the secondary summary's text verbatim (code_reasoning.csv row 25), linked to its audit finding
    assert.match(await page.locator("main").innerText(), /“60\.9 vs 28\.0 \(Tab\.1 prints 35\.0\)”/);
    assert.equal(await page.locator('main a[href*="#finding-same-quantity-c-"]').count(), 1);
    // Figure 7 subset sizes (code_reasoning.csv): incorrect 301 + 24 + 129 + 56 = 510, random 268 + 24 + 129 + 56 = 477;
    // the other three panels add up to 500, so only these two are named as not adding up
    assert.equal(await page.getByTestId("fig7-size-note").innerText(), "Incorrect label (510) and Random (477) print sizes that do not, so their bars do not add up to their gains (see the audit).");

    // v1 Table 3, Qwen2.5-Math-7B: 49.4 → 64.4 (+15.0); the preprint prints 52.6 → 64.4 (+11.8)
    const t3 = page.getByTestId("table3-table");
    assert.match(await t3.locator("tr", {hasText: "Qwen2.5-Math-7B"}).locator("button").first().innerText(), /^49\.4( ⚠)?$/);
    await page.getByRole("radio", {name: "May 2025 preprint"}).check();
    await settle(page);
    assert.equal(await page.getByTestId("table3-chart").getAttribute("data-version"), "May 2025 preprint");
    assert.match(await t3.locator("tr", {hasText: "Qwen2.5-Math-7B"}).innerText(), /52\.6.*64\.4.*\+11\.8/s);
    // the preprint's Table 2 Qwen2.5-7B row is flagged by the audit (shares add up to 104.8%)
    const flagged = page.getByTestId("table2-table").locator("tr", {hasText: "Qwen2.5-7B"}).locator("button").nth(1);
    assert.match((await flagged.getAttribute("aria-label")) ?? "", /the audit flags it/);
    await flagged.click();
    assert.match(await page.getByTestId("provenance-locator").innerText(), /Table 2 \(p\.9\)/);
    assert.ok(await page.getByTestId("provenance-findings").locator('a[href*="#finding-percent-sum-a-table-2-qwen2-5-7b"]').count());

    // a Figure 7 bar: random, Lang → Code; its provenance shows the Figure 7 locator
    const bar = page.locator('[data-testid="fig7-chart"] g[aria-label="bar"] a').filter({has: page.locator("title", {hasText: "Random, Lang → Code"})});
    await bar.click();
    assert.match(await page.getByTestId("provenance-heading").innerText(), /Figure 7, Random, L->C \(May 2025 preprint\)/);
    assert.match(await page.getByTestId("provenance-locator").innerText(), /Figure 7 \(p\.8\)/);
    assertClean(watched);
  } finally {
    await watched.close();
  }
});
