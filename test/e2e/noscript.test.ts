// Without JavaScript every page says that it needs it, at the top, and shows no loading glyphs where the
// numbers would be.
import {test} from "node:test";
import assert from "node:assert/strict";
import {manifestPages, useSite} from "./harness.js";

const site = useSite();

test("every page without JavaScript: a notice at the top, no spinner glyphs", async () => {
  const {origin, browser} = site();
  const context = await browser.newContext({javaScriptEnabled: false, viewport: {width: 390, height: 800}});
  try {
    await context.route("**/*", (route) => (new URL(route.request().url()).host === new URL(origin).host ? route.fallback() : route.abort()));
    for (const {path} of manifestPages()) {
      const page = await context.newPage();
      await page.goto(origin + path, {waitUntil: "load"});
      const notice = await page.evaluate(() => getComputedStyle(document.querySelector("#observablehq-main")!, "::before").content);
      assert.match(notice, /This site needs JavaScript: its numbers, charts and hash checks are computed in your browser/, path);
      const visibleSpinners = await page.locator("observablehq-loading").evaluateAll((els) => els.filter((el) => getComputedStyle(el).display !== "none").length);
      assert.equal(visibleSpinners, 0, `${path}: loading glyphs shown`);
      await page.close();
    }
  } finally {
    await context.close();
  }
});
