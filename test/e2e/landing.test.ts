// The landing page as a reader sees it: the badge verifies in the browser (and turns red on a tampered
// record), the claim cards quote the record and show the paper's numbers, and the toy link carries the preset.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {assertClean, serveRecordText, settle, useSite, withPage} from "./harness.js";

const site = useSite();
// Independent of the page: the published values as vendored in data/ (the page reads them via the loader).
const expected = JSON.parse(readFileSync("data/pith/expected.json", "utf8")) as {claims: Record<string, string>; pith_short: string};

test("the badge reads verified, computed in the browser", async () => {
  await withPage(site(), "/", async (watched) => {
    const badge = watched.page.getByTestId("record-badge");
    assert.equal(await badge.getAttribute("data-status"), "verified");
    assert.match(await badge.innerText(), new RegExp(`${expected.pith_short} verified in your browser`));
    assert.equal(await badge.getAttribute("href"), "./record");
    assertClean(watched);
  });
});

test("a tampered record turns the badge red and says which check failed", async () => {
  await withPage(site(), "/", async (watched) => {
    const badge = watched.page.getByTestId("record-badge");
    assert.equal(await badge.getAttribute("data-status"), "failed");
    const text = await badge.innerText();
    assert.match(text, /does not verify/);
    assert.match(text, /Canonical hash equals the published hash \(computed [0-9a-f]{64}, published 632bb9736dbe9b9974aa79ddbda8cd7dc09d9c242dc0470ab304df9b8ecd32c5\)/);
    assertClean(watched);
  }, {setup: serveRecordText((text) => text.replace('"cs.AI"', '"cs.AJ"'))}); // one changed character
});

test("each claim card quotes the record exactly and C1 shows 21.4, 29.1 and their ratio 0.74", async () => {
  await withPage(site(), "/", async (watched) => {
    const {page} = watched;
    for (const [card, key] of [["claim-c1", "C1_strongest_claim"], ["claim-c2", "C2_weakest_assumption"], ["claim-c3", "C3_one_line_summary"]] as const) {
      assert.equal((await page.getByTestId(card).getByTestId("claim-text").innerText()).trim(), expected.claims[key]);
    }
    assert.equal(await page.getByTestId("c1-random").innerText(), "+21.4");
    assert.equal(await page.getByTestId("c1-ground-truth").innerText(), "+29.1");
    assert.equal(await page.getByTestId("c1-ratio").innerText(), "0.74");
    // The chart at the top draws the six v1 Figure 1 bars; its table names where each number is printed.
    assert.equal(await page.locator("[data-testid='hero-chart'] svg g[aria-label='bar'] rect").count(), 6);
    const table = page.getByTestId("c1-table");
    assert.equal(await table.locator("tbody tr").count(), 8);
    // Cells are read from the DOM (the table sits in a closed <details>, so innerText would be empty).
    const cells = async (i: number) => (await table.locator("tbody tr").nth(i).locator("td").allTextContents()).map((c) => c.trim());
    const [randomRow, , firstFigureRow] = [await cells(0), await cells(1), await cells(2)];
    assert.equal(randomRow[1], "+21.4");
    assert.match(randomRow[2]!, /^arXiv v2/);
    assert.equal(randomRow[3], "Abstract");
    assert.match(firstFigureRow[2]!, /^arXiv v1/);
    assert.match(firstFigureRow[3]!, /^Figure 1/);
    assertClean(watched);
  });
});

test("C2 shows the clipping ablation, both code-frequency baselines and the paired toy run", async () => {
  await withPage(site(), "/", async (watched) => {
    const card = watched.page.getByTestId("claim-c2");
    const text = await card.innerText();
    assert.match(text, /~21/);
    assert.match(text, /no robust improvement/);
    assert.match(text, /66\.7%/);
    assert.match(text, /65% \(arXiv v1\)/);
    // "after" values are labelled per version too (the v2 abstract words it "over 90").
    assert.match(text, />90% \(arXiv v1\)/);
    assert.match(text, /over 90% \(arXiv v2/);
    const on = Number((await watched.page.getByTestId("toy-clip-on").innerText()).split(" ")[0]);
    const off = Number((await watched.page.getByTestId("toy-clip-off").innerText()).split(" ")[0]);
    assert.ok(on > 0.65 && on > off, `clip on ${on} should end above the start (0.65) and above clip off ${off}`);
    const chart = watched.page.getByTestId("toy-mini-chart");
    await chart.scrollIntoViewIfNeeded();
    await watched.page.locator('[data-testid="toy-mini-chart"][data-state="ready"]').waitFor();
    assert.equal(await chart.locator("svg [aria-label='line'] path").count(), 2);
    // The chart's table alternative: steps 0, 25, …, 200, and its last row matches the caption's numbers.
    const table = watched.page.getByTestId("toy-mini-table");
    assert.equal(await table.locator("tbody tr").count(), 9);
    const last = (await table.locator("tbody tr").last().locator("td").allTextContents()).map((c) => c.trim());
    assert.equal(last[0], (await watched.page.getByTestId("toy-clip-on").innerText()).trim());
    assert.equal(last[1], (await watched.page.getByTestId("toy-clip-off").innerText()).trim());
  });
});

test("the toy link opens the toy page with the demonstrating preset applied", async () => {
  await withPage(site(), "/", async (watched) => {
    const {page} = watched;
    await page.getByTestId("claim-c2").getByTestId("toy-link").click();
    await page.waitForURL(/\/toy\?preset=qwen-math-random$/);
    await settle(page);
    assert.equal(await page.getByTestId("toy-preset").inputValue(), "qwen-math-random");
    assertClean(watched);
  });
});

test("what could break it: other models' gains, and other papers marked as theirs", async () => {
  await withPage(site(), "/", async (watched) => {
    const {page} = watched;
    const rows = page.getByTestId("other-models-table").locator("tbody tr");
    assert.equal(await rows.count(), 18);
    const related = await page.getByTestId("related-work").innerText();
    for (const id of ["2507.10532", "2509.26114", "2512.16912"]) assert.match(related, new RegExp(`arXiv ${id.replace(".", "\\.")}`));
    assert.match(await page.locator("main").innerText(), /other papers' claims/);
    assert.match(await page.getByTestId("bibtex").innerText(), /eprint {8}= \{2506\.10947\}/);
  });
});

test("charts below the fold are drawn when scrolled to, in the space kept for them", async () => {
  await withPage(site(), "/", async (watched) => {
    const {page} = watched;
    const slot = page.getByTestId("other-models-slot");
    // not drawn for the first screen: its placeholder says what comes
    assert.equal(await slot.getAttribute("data-state"), "waiting");
    assert.equal(await slot.locator("svg").count(), 0);
    assert.match(await slot.innerText(), /The other models' chart is drawn when you scroll here/);
    const reserved = (await slot.boundingBox())!.height;
    await slot.scrollIntoViewIfNeeded();
    await page.locator('[data-testid="other-models-slot"][data-state="ready"]').waitFor();
    assert.ok((await slot.locator('[data-testid="other-models-chart"] svg [aria-label="dot"] a').count()) > 0, "the dots are drawn");
    assert.ok(Math.abs((await slot.boundingBox())!.height - reserved) <= 2, `the chart (${(await slot.boundingBox())!.height} px) fits the ${reserved} px kept for it`);
    assertClean(watched);
  });
  // at a phone's and a desktop's width, every lazily drawn chart's placeholder keeps the height its drawing
  // takes there (the height is chosen by width in CSS, not by a script reading the layout)
  for (const viewport of [{width: 390, height: 800}, {width: 1280, height: 900}]) {
    await withPage(site(), "/", async (watched) => {
      const {page} = watched;
      const testids = ["c1-curves", "c2-curves", "other-models-slot"];
      const reserved = new Map<string, number>();
      for (const testid of testids) {
        const slot = page.getByTestId(testid);
        assert.equal(await slot.getAttribute("data-state"), "waiting", `${testid} waits at ${viewport.width} px`);
        reserved.set(testid, (await slot.boundingBox())!.height);
      }
      for (const testid of testids) {
        const slot = page.getByTestId(testid);
        await slot.scrollIntoViewIfNeeded();
        await page.locator(`[data-testid="${testid}"][data-state="ready"]`).waitFor();
        const drawn = (await slot.boundingBox())!.height;
        assert.ok(drawn <= reserved.get(testid)! + 2, `${testid} at ${viewport.width} px: drawn ${drawn} px, kept ${reserved.get(testid)} px`);
      }
      assertClean(watched);
    }, {viewport});
  }
  // a permalink naming one of its dots draws it at once and opens that dot's source
  const id = await withPage(site(), "/", async ({page}) => {
    const slot = page.getByTestId("other-models-slot");
    await slot.scrollIntoViewIfNeeded();
    await page.locator('[data-testid="other-models-slot"][data-state="ready"]').waitFor();
    const href = await slot.locator('[data-testid="other-models-chart"] a').first().evaluate((a) => a.getAttribute("href") ?? a.getAttribute("xlink:href"));
    return href!.slice(1);
  });
  await withPage(site(), `/#${id}`, async (watched) => {
    const {page} = watched;
    await page.getByTestId("provenance").waitFor({state: "visible"});
    assert.match(await page.getByTestId("provenance-heading").innerText(), /\(arXiv v1\)/);
    assert.equal(await page.getByTestId("other-models-slot").getAttribute("data-state"), "ready");
    assertClean(watched);
  });
});
