// Audit page: every finding is rendered with an anchor; a link from a number lands on its finding.
import {test} from "node:test";
import assert from "node:assert/strict";
import {assertClean, openPage, useSite} from "./harness.js";

const site = useSite();

test("/audit: all 53 findings, each with its #finding- anchor, gap and both places", async () => {
  const watched = await openPage(site(), "/audit#finding-abstract-vs-body-a-code-frequency");
  const {page} = watched;
  try {
    // 53 = the hand-derived list in test/unit/paper-audit.test.ts (one finding per disagreement, versions merged)
    assert.equal(await page.getByTestId("finding").count(), 53);
    assert.match(await page.getByTestId("audit-count").innerText(), /^53 findings/);
    assert.equal(await page.getByTestId("page-loading").count(), 0);
    const f = page.locator("#finding-abstract-vs-body-a-code-frequency");
    assert.match(await f.innerText(), /66\.7/);
    assert.match(await f.innerText(), /65\.0/);
    assert.match(await f.getByTestId("finding-gap").innerText(), /^1\.7 percentage points/);
    assert.match(await f.innerText(), /Abstract/);
    assert.match(await f.innerText(), /Table 1 \(p\.7\)/);
    // the ten checks are summarised, with the comparisons that were not made
    assert.equal(await page.locator('[data-testid="audit-checks"] tbody tr').count(), 10);
    assert.match(await page.getByTestId("audit-checks").innerText(), /Figure 1 is after 300 steps/);
    assertClean(watched);
  } finally {
    await watched.close();
  }
});

test("/audit: a disagreement printed in two versions is one finding, reachable by its old per-version link", async () => {
  // Figure 7 random panel: 268 + 24 = 292 problems vs the printed 325, in the preprint (p.8) and v1 (p.9) alike
  const watched = await openPage(site(), "/audit#finding-subset-sum-b-random-code-at-step-0");
  const {page} = watched;
  try {
    const f = page.locator("#finding-subset-sum-ab-random-code-at-step-0");
    assert.equal(await f.count(), 1);
    assert.match(await f.locator("h3").innerText(), /\(May 2025 preprint and arXiv v1\)$/);
    assert.equal(await f.getByTestId("finding-versions").innerText(), "May 2025 preprint, arXiv v1 (printed identically in each; one finding)");
    assert.match(await f.getByTestId("finding-same-in").innerText(), /arXiv v1 Figure 7 \(p\.9\)/);
    assert.match(await f.getByTestId("finding-gap").innerText(), /^33 problems/);
    // the old v1 link is an anchor inside the merged finding
    assert.equal(await f.locator("#finding-subset-sum-b-random-code-at-step-0").count(), 1);
    // v2: the secondary summary's "60.9 vs 28.0 (Tab.1 prints 35.0)" (code_reasoning.csv row 25)
    const v2 = page.getByTestId("finding").filter({has: page.getByTestId("finding-versions").filter({hasText: /^arXiv v2$/})});
    assert.equal(await v2.count(), 1);
    assert.match(await v2.innerText(), /28\.0/);
    assert.match(await v2.innerText(), /35\.0/);
    assert.match(await v2.getByTestId("finding-gap").innerText(), /^7 percentage points/);
    assertClean(watched);
  } finally {
    await watched.close();
  }
});
