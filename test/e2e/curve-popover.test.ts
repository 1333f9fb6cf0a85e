// The source popover of a number that is a point of a recovered training curve shows that curve (/rewards:
// Figure 1 bars on Figures 2–4; /code-reasoning: Table 1 code frequency at Figure 6's start), fetched only when the
// popover opens; other numbers show no curve; keyboard open/close; phone width.
import {test} from "node:test";
import assert from "node:assert/strict";
import {assertClean, describeViolations, openPage, seriousAxeViolations, useSite, type WatchedPage} from "./harness.js";

const site = useSite();
const curveRequests = (w: WatchedPage) => w.requests.filter((u) => /\/data\/curves\/fig-\d+\.[0-9a-f]+\.json$|end-point-chart\.[0-9a-f]+\.js$/.test(u));

test("/rewards: a Figure 1 bar's source shows its reward's preprint curve with the printed values marked", async () => {
  const watched = await openPage(site(), "/rewards?v=preprint");
  const {page} = watched;
  try {
    // nothing of the curves is fetched before a source is opened
    assert.deepEqual(curveRequests(watched), []);
    const cell = page.locator('[data-testid="rewards-table-qwen2-5-math-7b"] button').filter({hasText: "+28.8"});
    await cell.click();
    const view = page.getByTestId("provenance-curve-view");
    await view.waitFor();
    assert.equal(await view.getAttribute("data-figure"), "2");
    assert.equal(await view.getAttribute("data-panel"), "Qwen2.5-Math-7B - MATH");
    assert.equal(await view.getAttribute("data-series"), "Ground Truth");
    assert.equal(await view.getAttribute("data-step"), "150");
    assert.equal(await page.getByTestId("provenance-curve-caption").innerText(), "May 2025 preprint Figure 2 (p.3) “Qwen2.5-Math-7B - MATH”, Ground Truth (raw values)");
    // the printed before and after values are drawn at steps 0 and 150, with the axis labels
    const svg = view.locator("svg").first();
    assert.equal(await svg.getByText("before RLVR: 49.4%", {exact: true}).count(), 1);
    assert.equal(await svg.getByText("after: 78.2%", {exact: true}).count(), 1);
    assert.match(await svg.innerHTML(), /Training step/);
    assert.match(await svg.innerHTML(), /MATH-500 accuracy/);
    assert.match(await page.getByTestId("provenance-curve-statement").innerText(), /raw value 0\.782 at step 150 \(the curve runs on to step 300\); printed 78\.2%, gap \+0\.0 points/);
    assert.equal(await page.getByTestId("provenance-curve-link").getAttribute("href"), "./figures?figure=2&panel=Qwen2.5-Math-7B%20-%20MATH#one-figure-panel-by-panel");
    assert.equal(curveRequests(watched).filter((u) => /fig-2\./.test(u)).length, 1);
    const violations = await seriousAxeViolations(page, '[data-testid="provenance"]');
    assert.deepEqual(violations, [], describeViolations(violations));
    assert.equal(curveRequests(watched).filter((u) => /fig-[34]\./.test(u)).length, 0);

    // a chart mark opens the same kind of source: Qwen2.5-7B's random bar sits on Figure 3's curve
    await page.keyboard.press("Escape");
    await page.locator('[data-testid="rewards-chart-qwen2-5-7b"] g[aria-label="bar"] a').nth(5).click();
    await page.locator('[data-testid="provenance-curve-view"][data-figure="3"]').waitFor();
    assert.equal(await page.getByTestId("provenance-curve-view").getAttribute("data-series"), "Random");
    assert.equal(await page.getByTestId("provenance-curve-view").getAttribute("data-panel"), "Qwen2.5-7B - MATH");

    // a number that is no curve point: an AMC gain stated in the text shows its source and no curve
    await page.keyboard.press("Escape");
    await page.locator('[data-testid="other-numbers-table"] button').first().click();
    await page.getByTestId("provenance").waitFor();
    assert.equal(await page.getByTestId("provenance-curve").count(), 0);
    assertClean(watched);
  } finally {
    await watched.close();
  }
});

test("/rewards, arXiv v1: a 300-step bar is compared with the preprint curve, never identified with it; keyboard", async () => {
  const watched = await openPage(site(), "/rewards?v=v1");
  const {page} = watched;
  try {
    const cell = page.locator('[data-testid="rewards-table-qwen2-5-math-7b"] button').filter({hasText: "+21.4"});
    await cell.focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("provenance-curve-view").waitFor();
    assert.equal(await page.getByTestId("provenance-curve-view").getAttribute("data-step"), "300");
    assert.match(await page.getByTestId("provenance-curve-statement").innerText(), /the curve ends at step 292, before this number's step 300, so it can neither confirm nor contradict it/);
    assert.match(await page.getByTestId("provenance-curve").innerText(), /preprint's curves; this number is from arXiv v1 \(after 300 steps\)/);
    assert.equal(await page.getByTestId("provenance-curve-view").locator("svg").getByText("curve ends (step 292)").count(), 1);
    // focus is in the popover; Escape closes it and gives focus back to the cell
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-testid")), "provenance");
    await page.keyboard.press("Escape");
    assert.equal(await page.getByTestId("provenance").isHidden(), true);
    assert.match((await page.evaluate(() => document.activeElement?.textContent)) ?? "", /^\+21\.4/);
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains("paper-cell-button")), true);

    // Qwen2.5-Math-7B ground truth reaches step 300 in Figure 2: "consistent with", with the gap
    await page.locator('[data-testid="rewards-table-qwen2-5-math-7b"] button').filter({hasText: "+29.1"}).click();
    await page.getByTestId("provenance-curve-view").waitFor();
    assert.match(await page.getByTestId("provenance-curve-statement").innerText(), /raw value 0\.784 at step 300 \(its last step\); printed 78\.5%, gap −0\.1 points — consistent with the printed value \(within 1 point\)/);
    // an unresolved Llama bar has no reward, so no curve
    await page.keyboard.press("Escape");
    await page.locator('[data-testid="rewards-table-llama3-1-8b-instruct"] tr.status-unresolved button').first().click();
    await page.getByTestId("provenance").waitFor();
    assert.equal(await page.getByTestId("provenance-curve").count(), 0);
    assertClean(watched);
  } finally {
    await watched.close();
  }
});

test("/code-reasoning at phone width: Table 1's code frequency shows Figure 6's curves starting at it, inside the screen", async () => {
  const watched = await openPage(site(), "/code-reasoning?v=preprint", {viewport: {width: 390, height: 800}});
  const {page} = watched;
  try {
    assert.deepEqual(curveRequests(watched), []);
    const row = page.getByTestId("table1-row").filter({hasText: "Qwen2.5-Math-7B"});
    await row.locator("button").filter({hasText: "65.0"}).click();
    const view = page.getByTestId("provenance-curve-view");
    await view.waitFor();
    assert.deepEqual([await view.getAttribute("data-figure"), await view.getAttribute("data-panel"), await view.getAttribute("data-series"), await view.getAttribute("data-step")], ["6", "(a) Code Frequencies", "all", "0"]);
    assert.equal(await page.getByTestId("provenance-curve-statement").innerText(), "Figure 6 (p.8) “(a) Code Frequencies”: the curves start (step 0) at 0.650; printed 65.0%, the same value.");
    assert.equal(await view.locator("svg").first().getByText("printed 65.0%").count(), 1);
    assert.equal(await view.locator(".curve-end-legend span").count(), 5);
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({colorScheme: scheme});
      const violations = await seriousAxeViolations(page, '[data-testid="provenance"]');
      assert.deepEqual(violations, [], `${scheme}: ${describeViolations(violations)}`);
    }
    // the popover and its chart stay within the 390 px screen
    const pop = (await page.getByTestId("provenance").boundingBox())!;
    const chart = (await view.locator("svg").first().boundingBox())!;
    assert.ok(pop.x >= 0 && pop.x + pop.width <= 390, `popover ${pop.x}+${pop.width}`);
    assert.ok(chart.x >= pop.x && chart.x + chart.width <= pop.x + pop.width, `chart ${chart.x}+${chart.width}`);
    // accuracy with code is not a curve point
    await page.keyboard.press("Escape");
    await row.locator("button").nth(1).click();
    await page.getByTestId("provenance").waitFor();
    assert.equal(await page.getByTestId("provenance-curve").count(), 0);
    assertClean(watched);
  } finally {
    await watched.close();
  }
});

test("/rewards: when the curve cannot be fetched the popover says so and links to the Figures page", async () => {
  const watched = await openPage(site(), "/rewards?v=preprint", {
    setup: (context) => context.route(/\/_file\/data\/curves\/fig-2\.[0-9a-f]+\.json$/, (route) => route.fulfill({status: 503, body: "unavailable"})),
    allowConsoleErrors: ["503"],
  });
  const {page} = watched;
  try {
    await page.locator('[data-testid="rewards-table-qwen2-5-math-7b"] button').filter({hasText: "+21.4"}).click();
    const alert = page.getByTestId("provenance-curve").getByRole("alert");
    await alert.waitFor();
    assert.match(await alert.innerText(), /The curve could not be loaded .*See it on the Figures page/s);
    assert.equal(await page.getByTestId("provenance-curve").getAttribute("aria-busy"), null);
    // the rest of the source is there
    assert.match(await page.getByTestId("provenance-locator").innerText(), /Figure 1/);
    assertClean(watched);
  } finally {
    await watched.close();
  }
});
