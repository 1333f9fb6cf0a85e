// The clipping-bias toy page: loads clean, runs an ensemble in the Web Worker and draws every chart,
// applies a preset, round-trips its state through the URL (same numbers as the library), cancels, steps.
import {test} from "node:test";
import assert from "node:assert/strict";
import {assertClean, openPage, seriousAxeViolations, useSite} from "./harness.js";
import {PRESETS, resolveConfig, runEnsemble} from "../../src/lib/toy/index.js";
import type {Page} from "playwright-core";

const site = useSite();
const RUN_TIMEOUT = 60_000;

async function waitDone(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid="toy-app"]')?.getAttribute("data-state") === "done", undefined, {timeout: RUN_TIMEOUT});
}

const CHARTS = ["toy-chart-fan", "toy-chart-drift", "toy-chart-accuracy", "toy-chart-entropy", "toy-chart-clip", "toy-chart-rollout"];

test("/toy: the default run completes in the worker, every chart renders, no errors or off-site requests", async () => {
  const watched = await openPage(site(), "/toy");
  const {page} = watched;
  try {
    await waitDone(page);
    assert.match(await page.getByTestId("toy-status").innerText(), /Done: 64 seeds .* background worker/);
    for (const id of CHARTS) assert.ok(await page.locator(`[data-testid="${id}"] svg`).count() >= 1, `${id} has an svg`);
    // the worker script was fetched from the site itself
    assert.ok(watched.requests.some((u) => /\/_file\/data\/toy-worker\.[0-9a-f]+\.js$/.test(u)), "worker bundle requested");
    assert.match(await page.getByTestId("toy-summary").innerText(), /64 of 64 seeds, 200 steps/);
    assert.match(await page.getByTestId("toy-sign-rule").innerText(), /= 0\.9600 < 1/);
    const thresholds = await page.locator('[data-testid="toy-threshold-table"] tbody td:nth-child(2)').allInnerTexts();
    assert.deepEqual(thresholds, ["< −0.296", "> +0.325", "> +0.647", "< −0.539"]); // note §3.3, p0 0.65, ε 0.2/0.2
    assert.equal(await page.locator('[data-testid="toy-runs-table"] tbody tr').count(), 1, "the run joined the runs table");
    assert.equal(await page.getByTestId("toy-export-csv").count(), 1);
    // open the advanced group and a table so their controls are checked too
    await page.getByTestId("toy-advanced-toggle").click();
    const violations = await seriousAxeViolations(page, "#observablehq-main");
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), []);
    assertClean(watched);
  } finally {
    await watched.close();
  }
});

test("/toy: every paper number is linked to its arXiv version and labelled; Chen et al.'s clip rate is attributed", async () => {
  const watched = await openPage(site(), "/toy?seeds=4");
  const {page} = watched;
  try {
    await waitDone(page);
    const main = page.locator("#observablehq-main");
    const numbers = main.locator('[data-testid="toy-paper-number"]');
    const texts = await numbers.allInnerTexts();
    // values and locators hand-copied from data/paper/source (v1 Table 1, §1, Figure 1, App. A.3; v2 abstract)
    for (const t of ["65.0% (arXiv v1, Table 1)", "60.9% (arXiv v1, Table 1)", "28.0% (arXiv v1, Sec.1)", "35.0% (arXiv v1, Table 1)",
      "49.4% (arXiv v1, Figure 1)", "+21.4 points (arXiv v1, Figure 1)", "+21.4 points (arXiv v2, Abstract)", "64 (arXiv v1, App.A.3)", "128 (arXiv v1, App.A.3)"]) {
      assert.ok(texts.includes(t), `${t} in ${JSON.stringify(texts)}`);
    }
    for (const href of await numbers.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")))) {
      assert.match(href ?? "", /^https:\/\/arxiv\.org\/abs\/2506\.10947v[12]$/);
    }
    assert.match(await main.innerText(), /0\.65 × 0\.609 \+ 0\.35 × 0\.280 = 0\.494/);
    assert.match(await main.innerText(), /64 × 16 \/ 128 = 8\s+optimizer steps per rollout batch/);
    const claim = main.locator('[data-testid="toy-attributed-claim"]');
    assert.match(await claim.innerText(), /^Chen et al\. \(arXiv 2512\.16912, Remark 3\.5\) report .*0\.1%/);
    assert.equal(await claim.locator("a").getAttribute("href"), "https://arxiv.org/abs/2512.16912");
    assert.match(await page.locator('[data-testid="toy-chart-clip"] figcaption').innerText(), /Chen et al\. \(arXiv 2512\.16912, Remark 3\.5\) report .*\(their claim/);
    // a bad-code preset lists its v1 Table 1 numbers from the data
    await page.getByTestId("toy-preset").selectOption("qwen25-7b-bad-code");
    assert.deepEqual(await page.locator('[data-testid="toy-preset-paper-numbers"] [data-testid="toy-paper-number"]').allInnerTexts(),
      ["92.2% (arXiv v1, Table 1)", "39.9% (arXiv v1, Table 1)", "61.5% (arXiv v1, Table 1)"]);
    assertClean(watched);
  } finally {
    await watched.close();
  }
});

test("/toy: each chart has an on-page table of its numbers, ending at the last step", async () => {
  const watched = await openPage(site(), `/toy?cfg=${encodeURIComponent(JSON.stringify({steps: 50}))}&seeds=4`);
  const {page} = watched;
  try {
    await waitDone(page);
    for (const id of CHARTS.filter((c) => c !== "toy-chart-rollout")) {
      const table = page.locator(`[data-testid="${id}"] details table`);
      assert.equal(await table.count(), 1, `${id} has a table`);
      const steps = await table.locator("tbody tr td:first-child").allTextContents(); // the table is in a closed <details>
      assert.ok(steps.length >= 5, `${id}: ${steps.length} rows`);
      assert.equal(steps[steps.length - 1], "50", `${id} ends at step 50`);
    }
    // the fan chart's table and caption agree on the final median
    const fan = page.locator('[data-testid="toy-chart-fan"]');
    const lastRow = await fan.locator("details tbody tr").last().locator("td").allTextContents();
    assert.match(await fan.locator("figcaption").innerText(), new RegExp(`median p\\(code\\) ${lastRow[1].replace(".", "\\.")} clip on`));
    // the rollout view tabulates every mini-batch × strategy of the current step (8 × 2)
    assert.equal(await page.locator('[data-testid="toy-chart-rollout"] details tbody tr').count(), 16);
    assertClean(watched);
  } finally {
    await watched.close();
  }
});

test("/toy: a preset applies, updates the description and the URL, and its run completes", async () => {
  const watched = await openPage(site(), "/toy?seeds=8");
  const {page} = watched;
  try {
    await waitDone(page);
    await page.getByTestId("toy-preset").selectOption("ablation-minibatch-eq-rollout");
    assert.match(await page.getByTestId("toy-preset-description").innerText(), /ratio is exactly 1/);
    await page.waitForFunction(() => location.search.includes("preset=ablation-minibatch-eq-rollout"));
    const url = new URL(page.url());
    assert.deepEqual(JSON.parse(url.searchParams.get("cfg")!), {miniBatches: 1});
    assert.equal(await page.getByTestId("toy-ctl-miniBatches").inputValue(), "1");
    await waitDone(page);
    // one update per rollout: the clip never fires
    assert.match(await page.locator('[data-testid="toy-chart-clip"] figcaption').innerText(), /0\.000% of updates are masked by clip-low and 0\.000% by clip-high/);
    assertClean(watched);
  } finally {
    await watched.close();
  }
});

test("/toy: every preset runs to completion without errors and draws its charts", async () => {
  const watched = await openPage(site(), "/toy?seeds=4");
  const {page} = watched;
  try {
    await waitDone(page);
    for (const p of PRESETS) {
      await page.getByTestId("toy-preset").selectOption(p.id);
      await waitDone(page);
      assert.ok(await page.locator('[data-testid="toy-chart-drift"] svg').count() >= 1, p.id);
      assert.match(await page.getByTestId("toy-summary").innerText(), /^4 of 4 seeds/, p.id);
      assert.equal(await page.getByTestId("toy-config-error").isVisible(), false, p.id);
    }
    assert.equal(await page.locator('[data-testid="toy-runs-table"] tbody tr').count(), PRESETS.length + 1);
    assertClean(watched);
  } finally {
    await watched.close();
  }
});

test("/toy: the URL carries the full state and reproduces the library's numbers", async () => {
  const overrides = {lr: 2, clip: {epsHigh: 0.28}, reward: {gamma: 0.3}, steps: 40, seed: 5};
  const search = `?cfg=${encodeURIComponent(JSON.stringify(overrides))}&seeds=12`;
  const watched = await openPage(site(), `/toy${search}`);
  const {page} = watched;
  try {
    await waitDone(page);
    assert.equal(await page.getByTestId("toy-ctl-lr").inputValue(), "2");
    assert.equal(await page.getByTestId("toy-ctl-clip-epsHigh").inputValue(), "0.28");
    assert.equal(await page.getByTestId("toy-ctl-seeds").inputValue(), "12");
    // Plumbing check, not a check of the simulator: the expected text comes from runEnsemble, the code under
    // test, run in Node. It shows that the URL's settings reach the browser's worker intact and that the worker
    // bundle computes what the Node library does; the simulator's numbers themselves are checked against
    // independent fixtures in test/unit/toy-deterministic.test.ts and toy-statistics.test.ts.
    const lib = runEnsemble(resolveConfig(overrides), 12, resolveConfig({...overrides, clip: {epsHigh: 0.28, enabled: false}}));
    const text = await page.getByTestId("toy-summary").innerText();
    assert.ok(text.includes(`Mean p(code) ${lib.a.final.p0.mean.toFixed(3)} (clip on (as set)) vs ${lib.b!.final.p0.mean.toFixed(3)} (clip off (same seeds))`), text);
    assert.ok(text.includes(`mean Δu ${lib.a.final.du.mean.toFixed(3)} ± ${(2 * lib.a.final.du.se).toFixed(3)}`), text);
    // a second visit to the same link gives the same text
    const again = await openPage(site(), `/toy${search}`);
    try {
      await waitDone(again.page);
      assert.equal(await again.page.getByTestId("toy-summary").innerText(), text);
      assertClean(again);
    } finally {
      await again.close();
    }
    // a keyboard change to a slider updates the URL and starts a new run
    await page.getByTestId("toy-ctl-clip-epsLow").focus();
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction(() => JSON.parse(new URL(location.href).searchParams.get("cfg") ?? "{}").clip?.epsLow === 0.21);
    await waitDone(page);
    assert.match(await page.getByTestId("toy-sign-rule").innerText(), /ε_low = 0\.21/);
    assertClean(watched);
  } finally {
    await watched.close();
  }
});

test("/toy: a long run can be cancelled; invalid links and settings give messages; Step advances one seed", async () => {
  const watched = await openPage(site(), `/toy?cfg=${encodeURIComponent(JSON.stringify({steps: 1000}))}&seeds=400`);
  const {page} = watched;
  try {
    await page.waitForFunction(() => /Running: [1-9]\d* of 400/.test(document.querySelector('[data-testid="toy-status"]')?.textContent ?? ""), undefined, {timeout: RUN_TIMEOUT});
    await page.getByTestId("toy-cancel").click();
    await page.waitForFunction(() => document.querySelector('[data-testid="toy-app"]')?.getAttribute("data-state") === "cancelled", undefined, {timeout: 10_000});
    assert.match(await page.getByTestId("toy-status").innerText(), /Cancelled/);
    assert.ok(await page.locator('[data-testid="toy-chart-fan"] svg').count() >= 1, "partial results stay on screen");
    // Step: one more RL step of the single seed
    assert.match(await page.getByTestId("toy-rollout-info").innerText(), /after step 1:/);
    await page.getByTestId("toy-step").click();
    assert.match(await page.getByTestId("toy-rollout-info").innerText(), /after step 2:/);
    await page.getByTestId("toy-step10").click();
    assert.match(await page.getByTestId("toy-rollout-info").innerText(), /after step 12:/);
    await page.getByTestId("toy-reset").click();
    assert.match(await page.getByTestId("toy-rollout-info").innerText(), /after step 0:/);
    assertClean(watched);
  } finally {
    await watched.close();
  }
  const bad = await openPage(site(), `/toy?cfg=${encodeURIComponent('{"G":1}')}`);
  try {
    assert.match(await bad.page.getByTestId("toy-url-problems").innerText(), /G \(group size\) must be at least 2/);
    await waitDone(bad.page); // falls back to the defaults and still runs
    // make the settings invalid from the page: a dual-clip constant between 0 and 1
    await bad.page.getByTestId("toy-advanced-toggle").click();
    await bad.page.getByTestId("toy-ctl-clip-dualClipC").fill("0.5");
    await bad.page.getByTestId("toy-config-error").waitFor({state: "visible"});
    assert.match(await bad.page.getByTestId("toy-config-error").innerText(), /dualClipC must be 0 \(off\) or a number > 1/);
    assertClean(bad);
  } finally {
    await bad.close();
  }
});

test("/toy: the runs table is queryable with DuckDB-wasm, loaded only when asked", async () => {
  const watched = await openPage(site(), "/toy?seeds=8");
  const {page} = watched;
  try {
    await waitDone(page);
    assert.deepEqual(watched.requests.filter((u) => /\.wasm$|duckdb-browser/.test(u)), [], "no DuckDB before the reader asks");
    await page.getByTestId("toy-ctl-clip-enabled").uncheck();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="toy-runs-table"] tbody tr').length === 2, undefined, {timeout: RUN_TIMEOUT});
    await page.getByTestId("toy-query-sql").fill("SELECT run, clip, seeds, round(paired_du_clip_on_minus_off, 6) AS d FROM runs ORDER BY run");
    await page.getByTestId("toy-query-run").click();
    await page.locator('[data-testid="toy-query-results"] tbody tr').nth(1).waitFor({timeout: RUN_TIMEOUT});
    const rows = await page.locator('[data-testid="toy-query-results"] tbody tr').allInnerTexts();
    assert.equal(rows.length, 2);
    const cells = rows.map((r) => r.split("\t"));
    assert.deepEqual(cells.map((c) => c.slice(0, 3)), [["1", "true", "8"], ["2", "false", "8"]]);
    // clip on − clip off on the same seeds is the same number whichever run was "as set"
    assert.equal(cells[0][3], cells[1][3]);
    assert.ok(watched.requests.some((u) => u.endsWith(".wasm")), "the wasm was fetched after the click");
    assertClean(watched);
  } finally {
    await watched.close();
  }
});

test("/toy at phone width: no horizontal overflow of the page", async () => {
  const watched = await openPage(site(), "/toy?seeds=8", {viewport: {width: 390, height: 844}});
  const {page} = watched;
  try {
    await waitDone(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `page is ${overflow}px wider than the viewport`);
    assertClean(watched);
  } finally {
    await watched.close();
  }
});
