// Quality gates for every page in the build manifest: loads without errors or off-site requests, passes axe
// (WCAG 2 A/AA, serious and critical), fits a phone screen, and keeps every control reachable by keyboard.
import {test} from "node:test";
import assert from "node:assert/strict";
import {assertClean, describeViolations, manifestPages, seriousAxeViolations, useSite, withPage} from "./harness.js";

const site = useSite();
const pages = manifestPages();

test("the build manifest lists every page of the site", () => {
  const paths = pages.map((p) => p.path).sort();
  assert.deepEqual(paths, ["/", "/audit", "/code-reasoning", "/data-dictionary", "/query", "/record", "/rewards", "/toy", "/toy-tokens"]);
});

for (const {path} of pages) {
  test(`${path}: loads with no page error, console error or off-site request`, async () => {
    await withPage(site(), path, async (watched) => {
      assert.ok((await watched.page.locator("main h1").count()) >= 1, "page has a main heading");
      assertClean(watched);
    });
  });

  test(`${path}: no serious or critical axe violation`, async () => {
    await withPage(site(), path, async (watched) => {
      const violations = await seriousAxeViolations(watched.page);
      assert.equal(violations.length, 0, describeViolations(violations));
    });
  });

  test(`${path}: fits a 375 px phone screen and every control is keyboard-focusable`, async () => {
    await withPage(
      site(),
      path,
      async (watched) => {
        const overflow = await watched.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 1, `page is ${overflow}px wider than the phone screen`);
        const unreachable = await watched.page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>("main input, main select, main textarea, main button, main a[href], main summary")]
            .filter((el) => el.offsetParent !== null && el.tabIndex < 0)
            .map((el) => el.outerHTML.slice(0, 120))
        );
        assert.deepEqual(unreachable, [], "controls removed from the tab order");
        assertClean(watched);
      },
      {viewport: {width: 375, height: 800}}
    );
  });
}
