// What a reader came for is on the first screen, one click from its source (issue 9, items 4 and 5):
// the landing's claim, chart and badge inside the first viewport at both widths; on /, /rewards and
// /code-reasoning a selected number's source (with its PDF page) shown next to it without scrolling;
// permalinks (#n-…) that open the page with that source shown; the paper version in the URL; copy buttons.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import type {Page} from "playwright-core";
import {assertClean, settle, useSite, withPage} from "./harness.js";

const site = useSite();
const WIDTHS = [{width: 1280, height: 900}, {width: 390, height: 800}] as const;
// Independent of the page: the vendored published record values.
const expected = JSON.parse(readFileSync("data/pith/expected.json", "utf8")) as {pith_short: string};

async function insideViewport(page: Page, selector: string): Promise<void> {
  const box = await page.locator(selector).first().boundingBox();
  const view = page.viewportSize()!;
  assert.ok(box, `${selector} is rendered`);
  assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= view.width + 1 && box.y + box.height <= view.height + 1,
    `${selector} at ${JSON.stringify(box)} is not inside the first ${view.width}×${view.height} screen`);
}

for (const viewport of WIDTHS) {
  test(`/ at ${viewport.width}px: the claim, its chart with +21.4 and +29.1, and the badge are on the first screen`, async () => {
    await withPage(site(), "/", async (watched) => {
      const {page} = watched;
      assert.match(await page.getByTestId("landing-claim").innerText(), /Random rewards lift Qwen2\.5-Math-7B by\s+\+21\.4\s+points on MATH-500, close to ground truth's\s+\+29\.1\s+\(arXiv v2 abstract\)/);
      for (const selector of ['[data-testid="landing-claim"]', '[data-testid="hero-chart"] svg', '[data-testid="record-badge"]']) await insideViewport(page, selector);
      // the chart is the v1 Figure 1 comparison, with both numbers drawn as bar labels
      const labels = await page.locator('[data-testid="hero-chart"] svg text').allTextContents();
      assert.ok(labels.includes("+21.4") && labels.includes("+29.1"), `bar labels: ${labels.join(", ")}`);
      assert.match(await page.locator('[data-testid="hero-chart"] figcaption').innerText(), /arXiv v1 Figure 1 \(after 300 training steps\)/);
      const badge = page.getByTestId("record-badge");
      assert.equal(await badge.getAttribute("href"), "./record");
      assert.match(await badge.innerText(), new RegExp(`${expected.pith_short} verified in your browser: 9 of 9 hash checks passed`));
      assert.equal(await page.getByTestId("badge-unavailable").innerText(), "Signature check not available: no signature is published.");
      assertClean(watched);
    }, {viewport});
  });
}

for (const viewport of WIDTHS) {
  test(`/rewards at ${viewport.width}px: the first model's chart starts on the first screen, with its ground-truth bar; the versions note is one link away`, async () => {
    await withPage(site(), "/rewards", async (watched) => {
      const {page} = watched;
      const chart = '[data-testid="rewards-chart-qwen2-5-math-7b"]';
      await insideViewport(page, `${chart} g[aria-label="bar"] a`);
      // its first bar is ground truth, labelled with v1's printed +29.1
      assert.ok((await page.locator(`${chart} svg text`).allTextContents()).includes("+29.1"));
      // the explanation of versions and inferred bars moved below the charts: the lede links to it
      const link = page.getByRole("link", {name: "Versions and inferred bars ↓"});
      assert.equal(await link.getAttribute("href"), "#reading-the-versions");
      await link.click();
      await page.waitForFunction(() => location.hash === "#reading-the-versions");
      await insideViewport(page, "#reading-the-versions");
      assert.match(await page.locator("main").innerText(), /In v1, Figure 1 survives only as text labels/);
      assertClean(watched);
    }, {viewport});
  });
}

/** Clicks `target`, then checks the source popover is fully on screen and names what was clicked. */
async function sourceShownNextTo(page: Page, target: ReturnType<Page["locator"]>, heading: RegExp): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  const before = await page.evaluate(() => scrollY);
  await target.click();
  const popover = page.getByTestId("provenance");
  await popover.waitFor({state: "visible"});
  assert.match(await page.getByTestId("provenance-heading").innerText(), heading);
  const box = (await popover.boundingBox())!;
  const view = page.viewportSize()!;
  assert.ok(box.y >= 0 && box.y + box.height <= view.height + 1 && box.x >= 0 && box.x + box.width <= view.width + 1, `popover at ${JSON.stringify(box)} is not fully on screen`);
  // next to what was clicked: it starts within 60 px of the clicked element, and the reader did not have to scroll far
  const anchor = (await target.boundingBox())!;
  assert.ok(Math.min(Math.abs(box.y - (anchor.y + anchor.height)), Math.abs(anchor.y - (box.y + box.height))) < 60, `popover ${JSON.stringify(box)} is not next to ${JSON.stringify(anchor)}`);
  assert.ok(Math.abs((await page.evaluate(() => scrollY)) - before) < view.height, "the page jumped away from the clicked number");
  assert.match(page.url(), /#n-[0-9a-f]+$/, "the URL names the number shown");
}

for (const viewport of WIDTHS) {
  test(`sources where you click, at ${viewport.width}px: /, /rewards and /code-reasoning`, async () => {
    await withPage(site(), "/", async (watched) => {
      const {page} = watched;
      await sourceShownNextTo(page, page.getByTestId("hero-random").locator("button"), /Random reward, Qwen2\.5-Math-7B \(arXiv v2\)/);
      assert.equal(await page.getByTestId("provenance-pdf").getAttribute("href"), "https://arxiv.org/pdf/2506.10947v2#page=1");
      await page.keyboard.press("Escape");
      await page.getByTestId("provenance").waitFor({state: "hidden"});
      // a dot of "What could break it" (drawn once scrolled to): OLMo2-7B's inferred values are marked as such
      await page.getByTestId("other-models-slot").scrollIntoViewIfNeeded();
      await page.locator('[data-testid="other-models-slot"][data-state="ready"]').waitFor();
      const dot = page.locator('[data-testid="other-models-chart"] a').filter({has: page.locator("title", {hasText: /^OLMo2-7B, Random/})});
      await sourceShownNextTo(page, dot, /OLMo2-7B, Random \(arXiv v1\)/);
      assert.match(await page.getByTestId("provenance").innerText(), /inferred/);
      assert.equal(await page.getByTestId("provenance-pdf").getAttribute("href"), "https://arxiv.org/pdf/2506.10947v1#page=1");
      assertClean(watched);
    }, {viewport});

    await withPage(site(), "/rewards", async (watched) => {
      const {page} = watched;
      const cell = page.getByTestId("other-numbers-table").locator("button").first();
      await sourceShownNextTo(page, cell, /.+/);
      await page.keyboard.press("Escape");
      const bar = page.locator('[data-testid="rewards-chart-olmo2-7b"] g[aria-label="bar"] a').first();
      await sourceShownNextTo(page, bar, /OLMo2-7B, .+ \(arXiv v1\)/);
      assert.match((await page.getByTestId("provenance-pdf").getAttribute("href")) ?? "", /^https:\/\/arxiv\.org\/pdf\/2506\.10947v1#page=1$/);
      assertClean(watched);
    }, {viewport});

    await withPage(site(), "/code-reasoning", async (watched) => {
      const {page} = watched;
      const cell = page.getByTestId("table3-table").locator("tr", {hasText: "OLMo2-7B-SFT"}).locator("button").last();
      await sourceShownNextTo(page, cell, /OLMo2-7B-SFT, Table 3 difference/);
      // v1 Table 3 is on page 10 of the v1 PDF
      assert.equal(await page.getByTestId("provenance-pdf").getAttribute("href"), "https://arxiv.org/pdf/2506.10947v1#page=10");
      assertClean(watched);
    }, {viewport});
  });
}

test("permalinks: a #n-… URL opens its page with that number's source shown, in that number's version", async () => {
  // find a preprint number's id on /rewards, then open its permalink in a fresh page
  const id = await withPage(site(), "/rewards", async ({page}) => {
    await page.getByRole("radio", {name: "May 2025 preprint"}).check();
    await settle(page);
    assert.match(page.url(), /\?v=preprint$/, "the version is in the URL");
    const cell = page.getByTestId("rewards-table-qwen2-5-math-7b").locator("button").filter({hasText: "+28.8"});
    await cell.click();
    const permalink = await page.getByTestId("provenance-permalink").getAttribute("href");
    assert.match(permalink ?? "", /^\/rewards\?v=preprint#n-[0-9a-f]+$/);
    return permalink!.split("#")[1]!;
  });
  await withPage(site(), `/rewards#${id}`, async (watched) => {
    const {page} = watched;
    await page.getByTestId("provenance").waitFor({state: "visible"});
    assert.equal(await page.getByRole("radio", {name: "May 2025 preprint"}).isChecked(), true, "the number's version is selected");
    assert.equal(await page.getByTestId("provenance-text").first().innerText(), "+28.8");
    assert.match(await page.getByTestId("provenance-pdf").getAttribute("href") ?? "", /rethink-rlvr\.pdf#page=1$/);
    const box = (await page.getByTestId("provenance").boundingBox())!;
    assert.ok(box.y >= 0 && box.y + box.height <= 901, "the permalinked source is on screen");
    assertClean(watched);
  });
  // the landing's numbers have permalinks too
  await withPage(site(), "/", async ({page}) => {
    await page.getByTestId("hero-ground-truth").locator("button").click();
    const landingId = new URL(page.url()).hash;
    assert.match(landingId, /^#n-[0-9a-f]+$/);
    await page.goto(new URL(page.url()).origin + "/" + landingId);
    await page.getByTestId("provenance").waitFor({state: "visible"});
    assert.equal(await page.getByTestId("provenance-text").first().innerText(), "+29.1");
  });
  // ?v= alone selects the version
  await withPage(site(), "/code-reasoning?v=preprint", async ({page}) => {
    assert.equal(await page.getByRole("radio", {name: "May 2025 preprint"}).isChecked(), true);
  });
});

test("copy buttons put the exact BibTeX and verify command on the clipboard", async () => {
  await withPage(site(), "/", async (watched) => {
    const {page, context} = watched;
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.getByTestId("copy-bibtex").click();
    await page.getByText("Copied.").first().waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.getByTestId("bibtex").innerText());
    await page.getByTestId("copy-verify").click();
    const command = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(command, await page.locator('pre[data-testid="verify-command"]').textContent());
    assert.match(command, /^curl .*pith\.science.*\| python3 /s, "the whole command, not an abbreviation");
    assertClean(watched);
  });
});

test('site search finds "21.4" on every page that shows it', async () => {
  await withPage(site(), "/", async (watched) => {
    const {page} = watched;
    await page.locator("#observablehq-search input").fill("21.4");
    await page.locator("#observablehq-search-results li").first().waitFor();
    const hrefs = await page.locator("#observablehq-search-results a").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    for (const path of ["/", "/rewards", "/code-reasoning"]) assert.ok(hrefs.some((h) => h.replace(/\.html$/, "").replace(/\/index$/, "/") === path), `"21.4" not found on ${path}: ${hrefs.join(", ")}`);
    assertClean(watched);
  });
});

test("downloads save under readable names and state sizes and row counts that match the files", async () => {
  // row counts of the vendored source tables, from data/paper/PROVENANCE.md (not from the site's code)
  const provenance = readFileSync("data/paper/PROVENANCE.md", "utf8");
  const sourceRows = (name: string) => Number(new RegExp("`source/" + name + "\\.csv` \\| (\\d+) \\|").exec(provenance)![1]);
  await withPage(site(), "/data-dictionary", async (watched) => {
    const {page} = watched;
    const links = page.getByTestId("download-link");
    assert.equal(await links.count(), 8);
    for (let i = 0; i < 8; i++) {
      const link = links.nth(i);
      const name = (await link.getAttribute("download"))!;
      assert.match(name, /^spurious-rewards-[a-z_-]+\.(csv|json)$/);
      assert.equal(await link.innerText(), name);
      const body = await page.evaluate(async (href) => new Uint8Array(await (await fetch(href)).arrayBuffer()).length, (await link.getAttribute("href"))!);
      const stated = await link.evaluate((a) => `${a.textContent} ${a.nextElementSibling?.textContent ?? ""}`);
      const kB = body < 1000 ? `${body} B` : `${(body / 1000).toFixed(body < 10_000 ? 1 : 0)} kB`;
      assert.ok(stated.includes(kB), `${name}: states "${stated}", file is ${body} bytes`);
      const source = /source-(\w+)\.csv$/.exec(name)?.[1];
      if (source) assert.ok(stated.includes(`${sourceRows(source)} rows`), `${name}: "${stated}" should say ${sourceRows(source)} rows`);
    }
    assertClean(watched);
  });
});

test("each page has its own description and a social preview card that is served", async () => {
  const seen = new Set<string>();
  for (const path of ["/", "/rewards", "/record"]) {
    await withPage(site(), path, async ({page}) => {
      const description = (await page.locator('meta[name="description"]').getAttribute("content"))!;
      assert.equal(await page.locator('meta[property="og:description"]').getAttribute("content"), description);
      seen.add(description);
      const image = (await page.locator('meta[property="og:image"]').getAttribute("content"))!;
      const response = await page.request.get(new URL(image, page.url()).href);
      assert.equal(response.status(), 200);
      assert.match(await response.text(), /^<svg[^>]+width="1200" height="630"/);
    });
  }
  assert.equal(seen.size, 3, "descriptions differ per page");
});
