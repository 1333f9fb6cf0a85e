// Audit page: causes first, then confirmations, then every result with filters whose counts update and whose
// state is a permalink; every finding links to the page showing its numbers and to the PDF page; old links land.
import {test} from "node:test";
import assert from "node:assert/strict";
import type {Page} from "playwright-core";
import {assertClean, useSite, withPage} from "./harness.js";
import {layoutShift, recordLayoutShift} from "./layout-checks.js";

// the findings are rendered in batches after the page is up (src/components/audit/triage.ts)
const listComplete = (page: Page) => page.locator('.audit-results[data-complete="true"]').waitFor({state: "attached"});

const site = useSite();

test("/audit: when its main data arrives late, the page stays hidden until it is drawn, so nothing shifts", async () => {
  // The curve checks (40 kB) can arrive and draw well before the audit (275 kB); the page used to be shown with
  // them alone and then pushed down by the audit drawn above them (CLS 0.067 under load). Here the audit comes 1.5 s late.
  await withPage(site(), "/audit", async (watched) => {
    const {page} = watched;
    await listComplete(page);
    assert.ok(await page.getByTestId("audit-count").isVisible(), "the audit is drawn and shown");
    await page.waitForTimeout(300);
    const {cls, shifts} = await layoutShift(page);
    assert.ok(cls <= 0.05, `cumulative layout shift ${cls.toFixed(3)} (shifts: ${shifts.join(", ")})`);
    assertClean(watched);
  }, {setup: async (context) => {
    await recordLayoutShift(context);
    await context.route(/\/paper-audit\.[0-9a-f]+\.json$/, async (route) => { await new Promise((r) => setTimeout(r, 1500)); await route.continue(); });
  }});
});

test("/audit: the summary by cause comes first, with status, severity and headline reach", async () => {
  await withPage(site(), "/audit", async (watched) => {
    const {page} = watched;
    await listComplete(page);
    assert.equal(await page.getByTestId("page-loading").count(), 0);
    // 14 causes, 74 findings (the preprint's and v1's notes on curve statements differ now: the preprint's are checked against its curves), 55 confirmations, 78 textual claims (test/unit/audit-causes.test.ts and audit-textual-claims.test.ts)
    assert.match(await page.getByTestId("audit-count").innerText(), /^14 causes explain 74 findings .*55 reproductions and checks are confirmed; 78 textual claims checked/s);
    const rows = page.locator('[data-testid="cause-table"] tbody tr');
    assert.equal(await rows.count(), 14);
    assert.match(await rows.first().innerText(), /arXiv v1 Sec\. 2\.3 gives the MATH-500 gains \(13\.8, 24\.1, 21\.4\) as the AMC gains.*contradiction, high\s+yes\s+3/s);
    // the problem cards, then the confirmations, then the changes
    assert.equal(await page.locator('[data-testid="causes-problems"] [data-testid="cause"]').count(), 12);
    assert.equal(await page.locator('[data-testid="causes-changes"] [data-testid="cause"]').count(), 2);
    const order = await page.evaluate(() => ["problems", "confirmed", "changes", "every-result"].map((id) => document.getElementById(id)!.getBoundingClientRect().top));
    assert.deepEqual([...order].sort((a, b) => a - b), order);
    const fig7 = page.locator("#cause-figure-7-incorrect-size-label");
    // cards off screen are not laid out (content-visibility, src/audit.css), so they have no rendered text until
    // scrolled to, as a reader does
    await fig7.scrollIntoViewIfNeeded();
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    assert.match(await fig7.getByTestId("cause-evidence").innerText(), /129 \+ 46 = 175/);
    assert.match(await fig7.getByTestId("cause-headline").innerText(), /^no headline number/);
    assert.equal(await fig7.getByTestId("cause-count").innerText(), "6 findings");
    assert.equal(await page.locator('[data-testid="audit-checks"] tbody tr').count(), 14);
    assertClean(watched);
  });
});

test("/audit: filters narrow the list, counts update, the URL keeps the filter", async () => {
  await withPage(site(), "/audit", async (watched) => {
    const {page} = watched;
    await listComplete(page);
    const shown = page.getByTestId("audit-shown");
    assert.equal(await shown.innerText(), "Showing all 129 results.");
    await page.getByLabel("Status").selectOption("confirmed");
    assert.equal(await shown.innerText(), "Showing 55 of 129 results.");
    const visible = page.locator('[data-testid="finding"]:visible');
    assert.equal(await visible.count(), 55);
    assert.deepEqual([...new Set(await visible.evaluateAll((els) => els.map((e) => e.getAttribute("data-status"))))], ["confirmed"]);
    assert.match(page.url(), /\?status=confirmed/);
    await page.getByLabel("Table / figure").selectOption("Table 2");
    // the five Table 2 reproductions and the three textual claims quoting Table 2 (58.3, 78.7, 93.9) and its 23.5
    assert.equal(await shown.innerText(), "Showing 9 of 129 results.");
    await page.getByRole("button", {name: "Clear filters"}).click();
    await page.getByLabel("touches a headline number").check();
    const headline = Number(/Showing (\d+) of/.exec(await shown.innerText())![1]);
    assert.ok(headline > 0 && headline < 129);
    assert.equal(await page.locator('[data-testid="finding"]:visible [data-testid="headline-badge"]').count(), headline);
    await page.getByRole("button", {name: "Clear filters"}).click();
    await page.getByLabel("Search").fill("71.2");
    assert.ok(await page.locator("#finding-arithmetic-ab-figure-7-qwen2-5-math-7b-random-c-l").isVisible());
    await page.getByLabel("Search").fill("no-such-words-anywhere");
    assert.equal(await shown.innerText(), "Showing 0 of 129 results. No result matches these filters.");
    assertClean(watched);
  });
  // a filtered view is a permalink
  await withPage(site(), "/audit?status=judgement&headline=1", async (watched) => {
    const {page} = watched;
    await listComplete(page);
    assert.equal(await page.getByLabel("Status").inputValue(), "judgement");
    assert.equal(await page.getByLabel("touches a headline number").isChecked(), true);
    // of the five judgement calls, two read a headline number: Figure 1's random +21.4 against Figure 7's +15.6, and the
    // "15-20 points" range against the same +21.4 (the majority, format and incorrect bars are not headline numbers)
    assert.equal(await page.getByTestId("audit-shown").innerText(), "Showing 2 of 129 results.");
    assert.deepEqual(await page.locator('[data-testid="finding"]:visible').evaluateAll((els) => els.map((e) => e.id)), ["finding-figure-vs-figure-a-random", "finding-textual-claim-ab-sec442-gamma-range"]);
    assertClean(watched);
  });
});

test("/audit: every finding links to the chart or table showing its numbers and to the PDF page", async () => {
  await withPage(site(), "/audit#finding-subset-sum-b-random-code-at-step-0", async (watched) => {
    const {page} = watched;
    await listComplete(page);
    // the old v1 link lands inside the merged finding, scrolled into view (preprint and v1 print the same Figure 7)
    await page.waitForFunction(() => { const r = document.getElementById("finding-subset-sum-b-random-code-at-step-0")?.getBoundingClientRect(); return !!r && r.top >= 0 && r.top < innerHeight; });
    const f = page.locator("#finding-subset-sum-ab-random-code-at-step-0");
    assert.equal(await f.locator("#finding-subset-sum-b-random-code-at-step-0").count(), 1);
    assert.match(await f.getByTestId("finding-gap").innerText(), /^33 problems/);
    assert.match(await f.getByTestId("finding-cause").innerText(), /Figure 7, random panel: 3 subset sizes are the incorrect panel's/);
    const chart = f.getByTestId("finding-pages").getByRole("link", {name: "Code reasoning: Figure 7"});
    assert.equal(await chart.getAttribute("href"), "./code-reasoning#figure-7-strategy-switches-of-qwen2-5-math-7-b");
    const pdf = f.getByTestId("pdf-link");
    assert.deepEqual(await pdf.evaluateAll((as) => as.map((a) => a.getAttribute("href"))), [
      "https://github.com/ruixin31/Rethink_RLVR/blob/9e9c462748901501bd48f268fad19203dc186eac/paper/rethink-rlvr.pdf",
      "https://arxiv.org/pdf/2506.10947v1#page=9",
    ]);
    assert.match(await pdf.first().innerText(), /preprint PDF, p\. 8/);
    // every finding has its page links and a permalink to itself
    const missing = await page.locator('[data-testid="finding"]').evaluateAll((els) => els.filter((e) => !e.querySelector('[data-testid="finding-pages"] a') || e.querySelector('[data-testid="permalink"]')?.getAttribute("href") !== `#${e.id}`).map((e) => e.id));
    assert.deepEqual(missing, []);
    // links other pages use still land
    for (const id of ["check-subset-sum", "finding-percent-sum-a-table-2-qwen2-5-7b", "finding-abstract-vs-body-a-code-frequency"]) assert.equal(await page.locator(`#${id}`).count(), 1, id);
    await chart.click();
    await page.waitForURL(/code-reasoning#figure-7/);
    assert.equal(await page.locator("#figure-7-strategy-switches-of-qwen2-5-math-7-b").count(), 1);
    assertClean(watched);
  });
});
