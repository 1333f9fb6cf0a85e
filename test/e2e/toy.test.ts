// The clipping-bias toy page: loads clean, runs an ensemble in the worker pool and draws every chart,
// applies a preset, round-trips its state through the URL (same numbers as the library), cancels, steps, and
// keeps the charts below the first screen up to date when scrolled to and after a cancel;
// the layout keeps the main chart beside the controls that matter; the reading, the tour, Back after a run,
// the pooled result equal to the single-worker one, hostile links, work budgets and the kept runs table.
import {readFileSync} from "node:fs";
import {test} from "node:test";
import assert from "node:assert/strict";
import {assertClean, openPage, seriousAxeViolations, useSite, withPage} from "./harness.js";
import {PRESETS, resolveConfig, runEnsemble, TOUR} from "../../src/lib/toy/index.js";
import type {Page} from "playwright-core";

const site = useSite();
const RUN_TIMEOUT = 60_000;

async function waitDone(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid="toy-app"]')?.getAttribute("data-run-state") === "done", undefined, {timeout: RUN_TIMEOUT});
}

const reading = (page: Page) => page.getByTestId("toy-summary").innerText();

const CHARTS = ["toy-chart-fan", "toy-chart-drift", "toy-chart-accuracy", "toy-chart-entropy", "toy-chart-clip", "toy-chart-rollout"];

test("/toy: the default run completes in the worker, every chart renders, no errors or off-site requests", async () => {
  const watched = await openPage(site(), "/toy");
  const {page} = watched;
  try {
    await waitDone(page);
    assert.match(await page.getByTestId("toy-status").innerText(), /Done: 64 seeds .* background worker/);
    // the rollout view below the first screen is drawn when scrolled near
    assert.equal(await page.locator('[data-testid="toy-chart-rollout"]').count(), 0, "the rollout chart waits until it is scrolled near");
    await page.getByTestId("toy-rollout-info").scrollIntoViewIfNeeded();
    await page.locator('[data-testid="toy-chart-rollout"] svg').first().waitFor();
    for (const id of CHARTS) assert.ok(await page.locator(`[data-testid="${id}"] svg`).count() >= 1, `${id} has an svg`);
    // the worker script was fetched from the site itself
    assert.ok(watched.requests.some((u) => /\/_file\/data\/toy-worker\.[0-9a-f]+\.js$/.test(u)), "worker bundle requested");
    assert.match(await reading(page), /after 200 steps over 64 seeds/);
    assert.equal(await page.getByTestId("toy-app").getAttribute("data-run-state"), "done");
    assert.match(await page.getByTestId("toy-app").getAttribute("data-run-ms") ?? "", /^\d+$/);
    assert.match(await page.getByTestId("toy-sign-rule").innerText(), /= 0\.9600 < 1/);
    const thresholds = await page.locator('[data-testid="toy-threshold-table"] tbody td:nth-child(2)').allInnerTexts();
    assert.deepEqual(thresholds, ["< −0.296", "> +0.325", "> +0.647", "< −0.539"]); // note §3.3, p0 0.65, ε 0.2/0.2
    assert.equal(await page.locator('[data-testid="toy-runs-table"] tbody tr').count(), 1, "the run joined the runs table");
    assert.equal(await page.getByTestId("toy-export-csv").count(), 1);
    // open the folded groups so their controls are checked too
    await page.getByTestId("toy-more-toggle").click();
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
    await page.getByTestId("toy-rollout-info").scrollIntoViewIfNeeded();
    await page.locator('[data-testid="toy-chart-rollout"]').waitFor();
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
    assert.match(await page.getByTestId("toy-preset-origin").innerText(), /ratio is exactly 1/);
    assert.match(await page.getByTestId("toy-preset-description").innerText(), /App\. B\.2 \/ Fig\. 13 \(v1\), variant \(ii\)/);
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
      assert.match(await reading(page), /over 4 seeds/, p.id);
      assert.equal(await page.getByTestId("toy-config-error").isVisible(), false, p.id);
    }
    // the page opened on the first preset, so choosing it again is not a new run
    assert.equal(await page.locator('[data-testid="toy-runs-table"] tbody tr').count(), PRESETS.length);
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
    // the copy button copies the link to exactly these settings
    await watched.context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.getByTestId("toy-copy-link").click();
    await page.getByText("Copied.").first().waitFor();
    const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    assert.equal(copied.href, page.url());
    assert.deepEqual(JSON.parse(copied.searchParams.get("cfg") ?? "null"), overrides);
    // Plumbing check, not a check of the simulator: the expected text comes from runEnsemble, the code under
    // test, run in Node. It shows that the URL's settings reach the browser's worker intact and that the worker
    // bundle computes what the Node library does; the simulator's numbers themselves are checked against
    // independent fixtures in test/unit/toy-deterministic.test.ts and toy-statistics.test.ts.
    const lib = runEnsemble(resolveConfig(overrides), 12, resolveConfig({...overrides, clip: {epsHigh: 0.28, enabled: false}}));
    const text = await reading(page);
    // the page's rounded numbers agree with the library's to the digits shown
    const near = (shown: string, value: number) => {
      const decimals = shown.split(".")[1]?.length ?? 0;
      assert.ok(Math.abs(Number(shown.replace("−", "-")) - value) <= 0.5 * 10 ** -decimals + 1e-12, `${shown} vs ${value}`);
    };
    const du = /mean Δu ([+−]?[\d.]+) ± ([\d.]+) \(± 2 SE\)/.exec(text);
    assert.ok(du, text);
    near(du[1], lib.a.final.du.mean);
    near(du[2], 2 * lib.a.final.du.se);
    const p0 = /the median over seeds is ([\d.]+) and the mean ([\d.]+) in the clip-on run, ([\d.]+) and ([\d.]+) in the clip-off run/.exec(text);
    assert.ok(p0, text);
    near(p0[1], lib.a.final.p0.q50);
    near(p0[2], lib.a.final.p0.mean);
    near(p0[3], lib.b!.final.p0.q50);
    near(p0[4], lib.b!.final.p0.mean);
    // a second visit to the same link gives the same text
    const again = await openPage(site(), `/toy${search}`);
    try {
      await waitDone(again.page);
      assert.equal(await reading(again.page), text);
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
    await page.waitForFunction(() => document.querySelector('[data-testid="toy-app"]')?.getAttribute("data-run-state") === "cancelled", undefined, {timeout: 10_000});
    assert.match(await page.getByTestId("toy-status").innerText(), /Cancelled/);
    // "cancelled" is reported only once every seed worker of the pool has confirmed it stopped
    const app = page.getByTestId("toy-app");
    assert.equal(await app.getAttribute("data-workers-stopped"), await app.getAttribute("data-pool-size"));
    const progressAt = await page.getByTestId("toy-progress").evaluate((p) => (p as HTMLProgressElement).value);
    await page.waitForTimeout(800);
    assert.equal(await page.getByTestId("toy-progress").evaluate((p) => (p as HTMLProgressElement).value), progressAt, "no seed arrives after cancel");
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
    await bad.page.getByTestId("toy-ctl-clip-dualClipC").press("Tab");
    await bad.page.getByTestId("toy-config-error").waitFor({state: "visible"});
    assert.match(await bad.page.getByTestId("toy-config-error").innerText(), /dualClipC must be 0 \(off\) or a number > 1/);
    assertClean(bad);
  } finally {
    await bad.close();
  }
});

test("/toy: the charts below the first screen catch up when scrolled to during a run, and show a cancelled run's seeds", async () => {
  // During a run the charts below the first screen wait while off screen (their drawing slowed the workers);
  // none may be left showing fewer seeds than the main chart and the status line.
  // a short window, so that the charts below the main one are well away from it at the top of the page
  const watched = await openPage(site(), `/toy?cfg=${encodeURIComponent(JSON.stringify({steps: 1000}))}&seeds=400&workers=2`, {viewport: {width: 1280, height: 600}});
  const {page} = watched;
  const fanSeeds = async () => Number(/over (\d+) seeds?:/.exec(await page.getByTestId("toy-chart-fan").innerText())?.[1]);
  const driftSeeds = () => page.evaluate(() => Number(/mean over (\d+) seeds?/.exec(document.querySelector('[data-testid="toy-chart-drift"]')?.textContent ?? "")?.[1] ?? NaN));
  try {
    await page.waitForFunction(() => /Running: ([5-9]|\d\d+) of 400/.test(document.querySelector('[data-testid="toy-status"]')?.textContent ?? ""), undefined, {timeout: RUN_TIMEOUT});
    const atScroll = await fanSeeds();
    await page.getByTestId("toy-chart-drift").scrollIntoViewIfNeeded();
    await page.waitForFunction((k) => Number(/mean over (\d+) seeds?/.exec(document.querySelector('[data-testid="toy-chart-drift"]')?.textContent ?? "")?.[1]) >= k, atScroll, {timeout: RUN_TIMEOUT});
    await page.evaluate(() => window.scrollTo(0, 0));
    const before = await fanSeeds();
    await page.waitForFunction((k) => Number(/over (\d+) seeds?:/.exec(document.querySelector('[data-testid="toy-chart-fan"]')?.textContent ?? "")?.[1]) >= k + 10, before, {timeout: RUN_TIMEOUT});
    // clicked in place: Playwright's click would scroll the button into view, and the charts with it
    await page.getByTestId("toy-cancel").evaluate((b) => (b as HTMLButtonElement).click());
    await page.waitForFunction(() => document.querySelector('[data-testid="toy-app"]')?.getAttribute("data-run-state") === "cancelled", undefined, {timeout: 10_000});
    const cancelledAt = Number(/the charts show the (\d+) seeds/.exec(await page.getByTestId("toy-status").innerText())?.[1]);
    assert.ok(cancelledAt >= before + 10, `cancelled with ${cancelledAt} seeds`);
    await page.waitForFunction((k) => Number(/mean over (\d+) seeds?/.exec(document.querySelector('[data-testid="toy-chart-drift"]')?.textContent ?? "")?.[1]) === k, cancelledAt, {timeout: 10_000}).catch(() => {});
    assert.equal(await driftSeeds(), cancelledAt, "the drift chart shows the seeds the status line states");
    assert.equal(await fanSeeds(), cancelledAt, "and so does the main chart");
    assertClean(watched);
  } finally {
    await watched.close();
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
    // rounded doubles show as rounded (the table is typed DOUBLE, and cells carry no float noise)
    await page.getByTestId("toy-query-sql").fill("SELECT round(p0_final_mean, 3) AS p, round(0.826, 3) AS x FROM runs ORDER BY run");
    await page.getByTestId("toy-query-run").click();
    await page.waitForFunction(() => document.querySelector('[data-testid="toy-query-results"] th')?.textContent === "p", undefined, {timeout: RUN_TIMEOUT});
    for (const row of await page.locator('[data-testid="toy-query-results"] tbody tr').allInnerTexts()) {
      const [p, x] = row.split("\t");
      assert.match(p, /^0\.\d{1,3}$/);
      assert.equal(x, "0.826");
    }
    // a query that never ends can be cancelled, and the table answers the next query
    assert.equal(await page.getByTestId("toy-query-cancel").isHidden(), true, "Cancel only while a query runs");
    await page.getByTestId("toy-query-sql").fill("SELECT sum(a.range * b.range) AS never FROM range(1000000) a, range(1000000) b");
    await page.getByTestId("toy-query-run").click();
    await page.getByTestId("toy-query-cancel").waitFor({state: "visible"});
    assert.equal(await page.getByTestId("toy-query-run").isDisabled(), true);
    await page.getByTestId("toy-query-cancel").click();
    await page.waitForFunction(() => document.querySelector('[data-testid="toy-query-status"]')?.textContent === "The query was cancelled.", undefined, {timeout: RUN_TIMEOUT});
    assert.equal(await page.getByTestId("toy-query-run").isDisabled(), false);
    assert.equal(await page.getByTestId("toy-query-cancel").isHidden(), true);
    await page.getByTestId("toy-query-sql").fill("SELECT count(*) AS n FROM runs");
    await page.getByTestId("toy-query-run").click();
    await page.waitForFunction(() => document.querySelector('[data-testid="toy-query-results"] th')?.textContent === "n", undefined, {timeout: RUN_TIMEOUT});
    assert.equal(await page.locator('[data-testid="toy-query-results"] tbody td').first().innerText(), "2");
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

const KEY_CONTROLS = ["#toy-preset", "#toy-ctl-reward-gamma", "#toy-ctl-clip-enabled", "#toy-ctl-clip-epsLow", "#toy-ctl-clip-epsHigh", "#toy-ctl-miniBatches", "#toy-ctl-lr", "#toy-ctl-seeds"];

for (const viewport of [{width: 1280, height: 900}, {width: 390, height: 800}]) {
  test(`/toy at ${viewport.width}×${viewport.height}: the main chart and the controls that matter are on the first screen together; little layout shift`, async () => {
    await withPage(site(), "/toy?seeds=8", async (watched) => {
      const {page} = watched;
      await page.evaluate(() => {
        (window as unknown as {cls: number}).cls = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as unknown as {value: number; hadRecentInput: boolean}[]) if (!e.hadRecentInput) (window as unknown as {cls: number}).cls += e.value;
        }).observe({type: "layout-shift", buffered: true});
      });
      await waitDone(page);
      // the chart's own svg (the largest one in the main chart; legends are small svgs too)
      const chart = await page.locator('[data-testid="toy-main-chart"] svg').evaluateAll((svgs) => {
        let best = {top: 0, bottom: 0, left: 0, right: 0, area: 0};
        for (const s of svgs) {
          const b = s.getBoundingClientRect();
          if (b.width * b.height > best.area) best = {top: b.top, bottom: b.bottom, left: b.left, right: b.right, area: b.width * b.height};
        }
        return best;
      });
      assert.ok(chart.area > 0 && chart.top >= 0 && chart.bottom <= viewport.height && chart.right <= viewport.width, `chart at ${JSON.stringify(chart)}`);
      for (const sel of KEY_CONTROLS) {
        const b = (await page.locator(sel).boundingBox())!;
        assert.ok(b.y >= 0 && b.y + b.height <= viewport.height && b.x >= 0 && b.x + b.width <= viewport.width, `${sel} at ${JSON.stringify(b)} is outside the first ${viewport.width}×${viewport.height} screen`);
      }
      const cls = await page.evaluate(() => (window as unknown as {cls: number}).cls);
      assert.ok(cls < 0.1, `layout shift ${cls.toFixed(3)}`);
      if (viewport.width < 760) {
        // on a phone the chart sticks to the top while the controls scroll under it
        await page.evaluate(() => window.scrollBy(0, 300));
        const after = (await page.locator('[data-testid="toy-view"]').boundingBox())!;
        assert.ok(after.y >= -1, `the chart scrolled away (${after.y})`);
      }
      await page.screenshot({path: `/tmp/toy-e2e-${viewport.width}.png`});
      assertClean(watched);
    }, {viewport});
  });
}

test("/toy: one Tab reaches a skip link that lands on the controls", async () => {
  await withPage(site(), "/toy?seeds=4", async (watched) => {
    const {page} = watched;
    await waitDone(page);
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-testid")), "toy-skip-link");
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "toy-preset");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "toy-ctl-reward-gamma");
    assertClean(watched);
  });
});

test("/toy: dragging a slider runs once when it settles; the URL is replaced while dragging and pushed when the run completes, so Back restores the previous settings", async () => {
  await withPage(site(), "/toy?seeds=8", async (watched) => {
    const {page} = watched;
    await waitDone(page);
    const rows = () => page.locator('[data-testid="toy-runs-table"] tbody tr').count();
    assert.equal(await rows(), 1);
    const before = page.url();
    const historyLength = await page.evaluate(() => history.length);
    // a drag: many input events 20 ms apart, then the release
    await page.getByTestId("toy-ctl-clip-epsHigh").evaluate(async (input) => {
      const el = input as HTMLInputElement;
      for (const v of ["0.21", "0.22", "0.23", "0.24", "0.25", "0.26", "0.27", "0.28"]) {
        el.value = v;
        el.dispatchEvent(new Event("input", {bubbles: true}));
        await new Promise((r) => setTimeout(r, 20));
      }
    });
    // while dragging: the address bar follows, no new history entry, no run started
    assert.equal(JSON.parse(new URL(page.url()).searchParams.get("cfg")!).clip.epsHigh, 0.28);
    assert.equal(await page.evaluate(() => history.length), historyLength);
    await page.getByTestId("toy-ctl-clip-epsHigh").evaluate((input) => input.dispatchEvent(new Event("change", {bubbles: true})));
    await waitDone(page);
    assert.equal(await rows(), 2, "one run for the whole drag");
    assert.equal(await page.evaluate(() => history.length), historyLength + 1, "the completed run is a new history entry");
    assert.match(await page.getByTestId("toy-preset-origin").innerText(), /Started from preset “Qwen2\.5-Math-7B, random reward γ = 0\.5 \(paper setting\)”; changed ε_high 0\.2 → 0\.28\. What the preset shows: With 8 mini-batch updates/);
    await page.goBack();
    await page.waitForFunction((url) => location.href === url, before);
    await waitDone(page);
    assert.equal(await page.getByTestId("toy-ctl-clip-epsHigh").inputValue(), "0.2");
    assert.match(await page.getByTestId("toy-sign-rule").innerText(), /ε_high = 0\.2|= 0\.9600 < 1/);
    assert.equal(page.url(), before, "Back stays on the site, at the previous settings");
    assertClean(watched);
  });
});

test("/toy: the guided tour has 5 URL states, moved through with the keyboard, each with its narration", async () => {
  await withPage(site(), "/toy?seeds=4", async (watched) => {
    const {page} = watched;
    await waitDone(page);
    await page.getByTestId("toy-tour-start").focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("tour") === "1");
    for (let n = 1; n <= TOUR.length; n++) {
      const url = new URL(page.url());
      assert.equal(url.searchParams.get("tour"), String(n));
      assert.equal(url.searchParams.get("preset"), TOUR[n - 1].preset);
      assert.equal(await page.getByTestId("toy-preset").inputValue(), TOUR[n - 1].preset);
      assert.match(await page.locator("#toy-tour-title").innerText(), new RegExp(`step ${n} of ${TOUR.length}`));
      assert.equal(await page.getByTestId("toy-tour-narration").innerText(), TOUR[n - 1].narration);
      await waitDone(page);
      if (n < TOUR.length) {
        // the arrow key works while a tour button has focus
        assert.equal(await page.evaluate(() => document.activeElement?.closest('[data-testid="toy-tour"]') !== null), true);
        await page.keyboard.press("ArrowRight");
        await page.waitForFunction((m) => new URL(location.href).searchParams.get("tour") === String(m), n + 1);
      }
    }
    // step 4 is the ε sign rule: ε_high 0.28
    await page.keyboard.press("ArrowLeft");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("tour") === "4");
    assert.equal(await page.getByTestId("toy-ctl-clip-epsHigh").inputValue(), "0.28");
    // Back returns to step 5, then Previous by the keyboard goes to 3
    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).searchParams.get("tour") === "5");
    await page.getByTestId("toy-tour-prev").focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("tour") === "4");
    // a link to a tour step opens it
    await withPage(site(), "/toy?preset=ablation-no-clip&tour=2&seeds=4", async (w2) => {
      assert.match(await w2.page.locator("#toy-tour-title").innerText(), /step 2 of 5: Switch the clip off/);
      assert.equal(await w2.page.getByTestId("toy-ctl-clip-enabled").isChecked(), false);
      assertClean(w2);
    });
    assertClean(watched);
  });
});

test("/toy: the reading names its test and statistics and does not contradict itself (clip off as set); exact zeros read as exact", async () => {
  await withPage(site(), "/toy?preset=ablation-no-clip&seeds=64", async (watched) => {
    const {page} = watched;
    await waitDone(page);
    const headline = await page.getByTestId("toy-reading-headline").innerText();
    assert.match(headline, /^The clip-off run \(as set\) /);
    assert.match(headline, /by a z-test on the seeds' final Δu/);
    const details = await page.getByTestId("toy-reading-details").innerText();
    assert.match(details, /paired z-test on the same seeds/);
    assert.match(details, /the median over seeds is [\d.]+ and the mean [\d.]+ in the clip-off run/);
    // the two verdicts are about two named runs; the page exposes them for this check
    const verdict = await page.getByTestId("toy-summary").getAttribute("data-verdict");
    assert.ok(verdict === "within-noise" ? /shows no drift distinguishable/.test(headline) : /drifts toward/.test(headline), `${verdict}: ${headline}`);
    // the preset's explanation stays in view after a change
    await page.getByTestId("toy-ctl-lr").focus();
    await page.keyboard.press("ArrowRight");
    await waitDone(page);
    assert.match(await page.getByTestId("toy-preset-origin").innerText(), /Started from preset “… clipping disabled in the loss \(ablation i\)”; changed lr 1 → 1\.05\. What the preset shows: Same rollouts/);
    assertClean(watched);
  });
  await withPage(site(), "/toy?preset=ablation-minibatch-eq-rollout&seeds=8", async (watched) => {
    const {page} = watched;
    await waitDone(page);
    assert.match(await page.getByTestId("toy-reading-details").innerText(), /the two runs are identical on every seed .* is exactly 0/);
    assert.match(await page.getByTestId("toy-why").innerText(), /E\[Δu\] is exactly 0 with the clip and without/);
    assert.doesNotMatch(await page.locator("#toy-app").innerText(), /\de-1\d/, "no float residue such as 7.694e-18");
    assertClean(watched);
  });
  await withPage(site(), `/toy?cfg=${encodeURIComponent(JSON.stringify({steps: 20}))}&seeds=1`, async (watched) => {
    const {page} = watched;
    await waitDone(page);
    const text = await page.locator("#toy-app").innerText();
    assert.doesNotMatch(text, /\b1 seeds\b/);
    assert.match(await page.getByTestId("toy-reading-headline").innerText(), /for 1 seed; one seed has no spread/);
    assertClean(watched);
  });
});

test("/toy: the pooled run equals the single-worker run bit for bit (exported JSON), and says how it was split", async () => {
  const search = `cfg=${encodeURIComponent(JSON.stringify({steps: 60, seed: 3}))}&seeds=24`;
  const exported = async (workers: number) => withPage(site(), `/toy?${search}&workers=${workers}`, async (watched) => {
    const {page} = watched;
    await waitDone(page);
    assert.equal(await page.getByTestId("toy-app").getAttribute("data-workers-used"), String(workers));
    if (workers > 1) assert.match(await page.getByTestId("toy-status").innerText(), new RegExp(`in ${workers} background workers \\(${workers} workers: \\d+( \\+ \\d+)+\\)`));
    // read the exports as a reader gets them, by downloading (the site's CSP does not let a page fetch blob: URLs)
    const download = async (testid: string) => {
      const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testid).click()]);
      return readFileSync(await file.path(), "utf8");
    };
    const json = await download("toy-export-json");
    const csv = await download("toy-export-csv");
    assertClean(watched);
    return {result: JSON.parse(json).result, csv};
  });
  const one = await exported(1);
  const two = await exported(2);
  const three = await exported(3);
  assert.equal(one.result.a.seeds.length, 24);
  assert.deepEqual(two.result, one.result);
  assert.deepEqual(three.result, one.result);
  assert.equal(two.csv, one.csv);
});

test("/toy: a preset link without cfg runs that preset; unusable links are reported, and the report goes once a preset is chosen", async () => {
  await withPage(site(), "/toy?preset=ablation-minibatch-eq-rollout&seeds=4", async (watched) => {
    const {page} = watched;
    await waitDone(page);
    assert.equal(await page.getByTestId("toy-ctl-miniBatches").inputValue(), "1");
    assert.match(await page.locator('[data-testid="toy-chart-clip"] figcaption').innerText(), /0\.000% of updates are masked by clip-low and 0\.000% by clip-high/);
    assert.equal(await page.locator('[data-testid="toy-runs-table"] tbody tr td:nth-child(2)').innerText(), "ablation-minibatch-eq-rollout");
    assertClean(watched);
  });
  for (const [search, message] of [
    ["cfg=%5B%5D", /cfg must be a JSON object of settings/],
    ["cfg=5", /cfg must be a JSON object of settings/],
    ["cfg=null", /cfg must be a JSON object of settings/],
    [`cfg=${encodeURIComponent('{"lr":2}')}&cfg=${encodeURIComponent('{"lr":3}')}`, /the link has 2 'cfg' parameters; only the first is used/],
    [`cfg=${"%7B".repeat(3000)}`, /characters long, more than the 8,000 this page reads/],
  ] as const) {
    await withPage(site(), `/toy?${search}&seeds=4`, async (watched) => {
      const {page} = watched;
      const banner = page.getByTestId("toy-url-problems");
      await waitDone(page);
      assert.match(await banner.innerText(), message, search.slice(0, 60));
      await page.getByTestId("toy-preset").selectOption("dapo-clip-higher");
      await banner.waitFor({state: "hidden"});
      assertClean(watched);
    });
  }
});

test("/toy: settings beyond the work budget are refused naming the setting to lower; the page stays responsive", async () => {
  const heavy = {promptsPerStep: 4096, G: 16, miniBatches: 50000};
  await withPage(site(), `/toy?cfg=${encodeURIComponent(JSON.stringify(heavy))}`, async (watched) => {
    const {page} = watched;
    const error = page.getByTestId("toy-config-error");
    await error.waitFor({state: "visible"});
    assert.match(await error.innerText(), /These settings cannot run: these settings would take about .* lower mini-batches \(N_mb = 50000\)/);
    assert.equal(await page.getByTestId("toy-run").isDisabled(), true);
    // responsive: a preset applies and runs
    await page.getByTestId("toy-preset").selectOption("qwen-math-random");
    await waitDone(page);
    assert.equal(await error.isVisible(), false);
    assertClean(watched);
  });
  // the ensemble is fine but one traced step would be too much for the main thread: the preview says why
  await withPage(site(), `/toy?cfg=${encodeURIComponent(JSON.stringify({numPrompts: 100000, prefSd: 1, steps: 1}))}&seeds=1`, async (watched) => {
    const {page} = watched;
    await waitDone(page);
    assert.match(await page.getByTestId("toy-rollout-info").innerText(), /The step-by-step view is off for these settings: .*prompts in the population \(P = 100000\)/);
    assert.equal(await page.getByTestId("toy-step").isDisabled(), true);
    assertClean(watched);
  });
});

test("/toy: the runs table and the typed SQL survive a reload of the tab", async () => {
  await withPage(site(), "/toy?seeds=4", async (watched) => {
    const {page} = watched;
    await waitDone(page);
    await page.getByTestId("toy-ctl-clip-enabled").uncheck();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="toy-runs-table"] tbody tr').length === 2, undefined, {timeout: RUN_TIMEOUT});
    await page.getByTestId("toy-query-sql").fill("SELECT count(*) AS n FROM runs");
    const before = await page.locator('[data-testid="toy-runs-table"] tbody tr').allInnerTexts();
    // the table is saved as a run ends; the runs' per-step results on the next idle turn
    await page.waitForFunction(() => JSON.parse(sessionStorage.getItem("toy-runs-json-v2") ?? "null")?.length === 2, undefined, {timeout: RUN_TIMEOUT});
    await page.reload({waitUntil: "networkidle"});
    await waitDone(page);
    const after = await page.locator('[data-testid="toy-runs-table"] tbody tr').allInnerTexts();
    // the two earlier runs are back, and the reload's own run (the same settings as run 2) is run 3
    assert.deepEqual(after.slice(0, 2), before);
    assert.equal(after.length, 3);
    assert.match(after[2], /^3\t/);
    // with their per-step results: the runs download has all three, the restored ones with 4 seeds each
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId("toy-runs-json").click()]);
    const runs = JSON.parse(readFileSync(await file.path(), "utf8")) as {result: {a: {seeds: number[]}}}[];
    assert.deepEqual(runs.map((r) => r.result.a.seeds.length), [4, 4, 4]);
    assert.equal(await page.getByTestId("toy-query-sql").inputValue(), "SELECT count(*) AS n FROM runs");
    assert.match(await page.getByTestId("toy-runs-storage").innerText(), /a reload restores the table/);
    assertClean(watched);
  });
});
