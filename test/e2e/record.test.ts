// The record page in Chromium: every check passes on the served record, hashes are computed in the browser
// (a tampered served file makes them fail), and the try-it-yourself panel reacts to edits, malformed JSON and
// the keyboard.
import {test} from "node:test";
import assert from "node:assert/strict";
import type {Page} from "playwright-core";
import {assertClean, describeViolations, serveRecordText, seriousAxeViolations, settle, useSite, withPage} from "./harness.js";

const site = useSite();
// Published by Pith (data/pith/expected.json, from the record page), not computed by our code.
const PUBLISHED_HASH = "632bb9736dbe9b9974aa79ddbda8cd7dc09d9c242dc0470ab304df9b8ecd32c5";
const PUBLISHED_NUMBER = "MMV3S43NX2NZS5FKPHO33KGNPX";

const checkStates = (page: Page) =>
  page.$$eval("[data-check]", (els) => Object.fromEntries(els.map((el) => [el.getAttribute("data-check"), el.getAttribute("data-pass")])));
const valuesOf = (page: Page, check: string) =>
  page.$eval(`[data-check="${check}"]`, (el) => ({
    expected: el.querySelector("[data-role=expected]")?.textContent,
    actual: el.querySelector("[data-role=actual]")?.textContent,
    text: (el as HTMLElement).innerText,
  }));

test("record page: every check passes in the browser, with both values and timing shown", async () => {
  await withPage(site(), "/record", async (watched) => {
    const {page} = watched;
    const states = await checkStates(page);
    for (const id of ["record-json", "canonical-hash", "pith-number", "pith-short", "pith-long", "paper-identity", "title-hash", "abstract-hash", "signing-key", "demo-signature-vector", "demo-signature-vector-tampered"]) {
      assert.equal(states[id], "true", `check ${id} is ${states[id]}`);
    }
    assert.equal(states.signature, "null", "no signature is published for this record");
    assert.match(await page.locator('[data-check="signature"]').innerText(), /Not available/);
    assert.match(await page.locator("[data-role=signature-status]").innerText(), /No signature value is published for this record/);

    const hash = await valuesOf(page, "canonical-hash");
    assert.equal(hash.expected, PUBLISHED_HASH);
    assert.equal(hash.actual, PUBLISHED_HASH);
    assert.match(hash.text, /✓ Pass/);
    const number = await valuesOf(page, "pith-number");
    assert.equal(number.actual, PUBLISHED_NUMBER);
    assert.equal((await valuesOf(page, "pith-short")).actual, "pith:MMV3S43N");
    assert.equal((await valuesOf(page, "pith-long")).actual, "pith:2025:MMV3S43NX2NZS5FKPHO33KGNPX");
    assert.match(await page.locator("[data-summary]").innerText(), /All 9 checks pass \(1 not available/);

    // The bytes shown are the bytes hashed: Python's canonical form of the record (hand-checked prefix).
    const canonical = await page.locator("[data-role=canonical-json]").innerText();
    assert.ok(canonical.startsWith('{"metadata":{"abstract_canon_sha256":"02836581b64f'), canonical.slice(0, 80));
    assert.ok(canonical.endsWith('"schema_version":"1.0","source":{"id":"2506.10947","kind":"arxiv","version":2}}'));
    assert.match(await page.locator("[data-role=timing]").innerText(), /computed in \d+(\.\d+)? ms in your browser/);
    assert.match(await page.locator("[data-role=title-text]").innerText(), /^Spurious Rewards: Rethinking Training Signals in RLVR$/);
    assert.match(await page.locator("[data-role=abstract-text]").innerText(), /code reasoning -- reasoning in code/);
    assert.match(await page.locator("[data-role=command]").innerText(), /curl -sH 'Accept: application\/ld\+json' https:\/\/pith\.science\/pith\/MMV3S43NX2NZS5FKPHO33KGNPX/);
    assert.equal((await page.locator("[data-role=command-output]").innerText()).trim(), PUBLISHED_HASH);
    assertClean(watched);
  });
});

test("record page hashes the served bytes: a tampered served record fails the checks", async () => {
  await withPage(site(), "/record", async (watched) => {
    const {page} = watched;
    const states = await checkStates(page);
    assert.equal(states["canonical-hash"], "false");
    assert.equal(states["pith-number"], "false");
    assert.equal(states["title-hash"], "true", "the title still matches");
    const hash = await valuesOf(page, "canonical-hash");
    assert.equal(hash.expected, PUBLISHED_HASH);
    assert.notEqual(hash.actual, PUBLISHED_HASH);
    assert.match(hash.text, /✗ Fail/);
    assert.match(await page.locator("[data-summary]").innerText(), /checks failed/);
    assertClean(watched);
  }, {setup: serveRecordText((text) => text.replace('"cs.AI"', '"cs.AJ"'))});
});

test("record page: an unreadable served record is reported, not a crash", async () => {
  await withPage(site(), "/record", async (watched) => {
    const {page} = watched;
    const states = await checkStates(page);
    assert.equal(states["record-json"], "false");
    assert.equal(states["canonical-hash"], "false");
    assert.match((await valuesOf(page, "record-json")).text, /NaN is not valid JSON/);
    assert.match(await page.locator("[data-summary]").innerText(), /checks failed/);
    assertClean(watched); // no page error: every section copes
  }, {setup: serveRecordText((text) => '{"metadata": {"score": NaN}}')});
});

test("try it yourself: editing the JSON flips the hash to a visible mismatch, and back", async () => {
  await withPage(site(), "/record", async (watched) => {
    const {page} = watched;
    const area = page.locator("[data-role=try-record]");
    const original = await area.inputValue();
    assert.equal(await page.locator('[data-check="try-hash"]').getAttribute("data-pass"), "true");

    await area.fill(original.replace('"version": 2', '"version": 3'));
    const mismatch = page.locator('[data-check="try-hash"][data-pass="false"]');
    await mismatch.waitFor({state: "visible"});
    assert.match(await mismatch.innerText(), /✗ Mismatch/);
    const changed = await valuesOf(page, "try-hash");
    assert.equal(changed.expected, PUBLISHED_HASH);
    assert.match(changed.actual ?? "", /^[0-9a-f]{64}$/);
    assert.notEqual(changed.actual, PUBLISHED_HASH);
    assert.match(await page.locator("[data-role=try-canonical]").innerText(), /"version":3\}\}$/);
    assert.equal(await page.locator('[data-check="try-pith-number"]').getAttribute("data-pass"), "false");

    // Reformatting and reordering keys is not a change: canonicalization makes it the published record again.
    await area.fill('{"source":{"version":2,"kind":"arxiv","id":"2506.10947"},"schema_version":"1.0",\n"metadata":' +
      JSON.stringify(JSON.parse(original).metadata, null, 8) + "}");
    await page.locator('[data-check="try-hash"][data-pass="true"]').waitFor();
    assert.equal((await valuesOf(page, "try-hash")).actual, PUBLISHED_HASH);

    // Title: case and whitespace do not matter, a changed letter does.
    const title = page.locator("[data-role=try-title]");
    await title.fill("  SPURIOUS   rewards: Rethinking\nTraining Signals in RLVR ");
    await page.locator('[data-check="try-title-hash"][data-pass="true"]').waitFor();
    await title.fill("Spurious Rewards: Rethinking Training Signals in RLHF");
    await page.locator('[data-check="try-title-hash"][data-pass="false"]').waitFor();
    assertClean(watched);
  });
});

test("try it yourself: malformed JSON shows a clear inline error, never a blank or a crash", async () => {
  await withPage(site(), "/record", async (watched) => {
    const {page} = watched;
    const area = page.locator("[data-role=try-record]");
    const alert = page.locator('[data-role=try-error][role="alert"]');
    assert.equal(await alert.isVisible(), false);

    await area.fill('{"metadata": }');
    await alert.waitFor({state: "visible"});
    assert.match(await alert.innerText(), /Malformed JSON at line 1, column 14: expected a value, found "\}"/);
    assert.equal(await area.getAttribute("aria-invalid"), "true");
    assert.equal(await page.locator('[data-check="try-hash"]').getAttribute("data-pass"), "false");
    assert.match(await page.locator("[data-role=try-canonical]").innerText(), /no canonical form/);

    await area.fill('{"score": NaN}');
    await page.waitForFunction(() => /NaN/.test(document.querySelector("[data-role=try-error]")?.textContent ?? ""));
    assert.match(await alert.innerText(), /NaN is not valid JSON/);

    await area.fill("");
    await page.waitForFunction(() => /empty input/.test(document.querySelector("[data-role=try-error]")?.textContent ?? ""));

    // The page's own checks are untouched, and the error state is accessible.
    assert.equal(await page.locator('[data-check="canonical-hash"]').getAttribute("data-pass"), "true");
    const violations = await seriousAxeViolations(page, "#observablehq-main");
    assert.equal(violations.length, 0, describeViolations(violations));
    assertClean(watched);
  });
});

test("try it yourself: the panel works from the keyboard alone", async () => {
  await withPage(site(), "/record", async (watched) => {
    const {page} = watched;
    // Tab from the start of the page until the record textarea has focus.
    await page.locator("body").focus();
    let reached = false;
    for (let i = 0; i < 120 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(() => document.activeElement?.getAttribute("data-role") === "try-record");
    }
    assert.ok(reached, "the record textarea is reachable with Tab");
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLTextAreaElement).labels?.[0]?.textContent), "Record JSON (edit or paste any record)");

    await page.keyboard.press("Control+End");
    await page.keyboard.type(" x");
    await page.locator('[data-role=try-error]:not([hidden])').waitFor();
    assert.match(await page.locator("[data-role=try-error]").innerText(), /extra data after the JSON value/);

    // Tab onward to the reset button and press Enter: back to the published record.
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-role")), "try-reset");
    await page.keyboard.press("Enter");
    await page.locator('[data-check="try-hash"][data-pass="true"]').waitFor();
    assert.equal(await page.locator("[data-role=try-error]").isVisible(), false);

    // Title and abstract fields follow in tab order and have labels.
    const labelled = await page.$$eval("[data-role=try-title], [data-role=try-abstract]", (els) => els.map((el) => (el as HTMLTextAreaElement).labels?.[0]?.textContent));
    assert.deepEqual(labelled, ["Title", "Abstract (v2)"]);
    await settle(page);
    assertClean(watched);
  });
});

test("the verify-it-yourself command is copied exactly, with its expected output shown", async () => {
  await withPage(site(), "/record", async (watched) => {
    const {page} = watched;
    const command = await page.locator("[data-role=command]").innerText();
    assert.match(command, /\| jq -c '\.canonical_record' \\\n\| python3 -c "import sys,json,hashlib; b=json\.dumps\(json\.loads\(sys\.stdin\.read\(\)\), sort_keys=True, separators=\(',',':'\), ensure_ascii=False\)\.encode\(\); print\(hashlib\.sha256\(b\)\.hexdigest\(\)\)"$/);
    await page.getByRole("button", {name: "Copy the command"}).click();
    await page.getByText("Copied.").waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), command);
    assertClean(watched);
    }, {
      setup: (context) => context.grantPermissions(["clipboard-read", "clipboard-write"]),
  });
});

test("record page at phone width: long hashes wrap, nothing overflows", async () => {
  await withPage(site(), "/record", async (watched) => {
    const overflow = await watched.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `page is ${overflow}px wider than the phone screen`);
    const box = await watched.page.locator('[data-check="canonical-hash"] [data-role=actual]').boundingBox();
    assert.ok(box && box.x + box.width <= 375, "the hash fits the screen");
    assertClean(watched);
  }, {viewport: {width: 375, height: 800}});
});

test("try it yourself: a 5 MB paste is refused with a message, duplicate keys get a warning", async () => {
  await withPage(site(), "/record", async (watched) => {
    const {page} = watched;
    const area = page.locator("[data-role=try-record]");
    const alert = page.locator('[data-role=try-error][role="alert"]');
    // 5 MB of valid JSON used to be canonicalized and hashed on the main thread on every keystroke
    await area.fill(`{"padding": "${"x".repeat(5 * 1024 * 1024)}"}`);
    await page.waitForFunction(() => /Not hashed/.test(document.querySelector("[data-role=try-error]")?.textContent ?? ""), undefined, {timeout: 10_000});
    assert.match(await alert.innerText(), /^Not hashed: your record is 5120 kB, and this panel hashes at most 256 kB/);
    assert.match(await page.locator('[data-check="try-hash"] [data-role=actual]').innerText(), /not computed: the text is too large/);

    await area.fill('{"title": "first",\n  "title": "second"}');
    const warning = page.locator("[data-role=try-warning]");
    await warning.waitFor({state: "visible"});
    assert.match(await warning.innerText(), /a key appears twice in one object \("title" in \$ at line 2, column 3\)\. JSON keeps only the last value/);
    assert.equal(await alert.isVisible(), false, "duplicate keys warn; they do not stop the hash");
    assert.match(await page.locator("[data-role=try-canonical]").innerText(), /^\{"title":"second"\}$/);

    await page.locator("[data-role=try-reset]").click();
    assert.equal(await warning.isVisible(), false);
    assertClean(watched);
  });
});
