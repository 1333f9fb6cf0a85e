// Audit page: every finding is rendered with an anchor; a link from a number lands on its finding.
import {test} from "node:test";
import assert from "node:assert/strict";
import {assertClean, openPage, useSite} from "./harness.js";

const site = useSite();

test("/audit: all 84 findings, each with its #finding- anchor, gap and both places", async () => {
  const watched = await openPage(site(), "/audit#finding-abstract-vs-body-a-code-frequency");
  const {page} = watched;
  try {
    assert.equal(await page.getByTestId("finding").count(), 84);
    assert.match(await page.getByTestId("audit-count").innerText(), /^84 findings/);
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
