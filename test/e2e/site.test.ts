// Quality gates for every page in the build manifest: loads without errors or off-site requests, passes axe
// (WCAG 2 A/AA, serious and critical) in the light and the dark colour scheme, fits a phone screen, keeps every
// control reachable by keyboard, draws no chart text over other text or bars and cuts off no table cell at
// either width, and shifts its layout by at most 0.05 (CLS, issue 10's budget) while it loads. Screenshots of every page at both
// widths and in both schemes go to test-output/screenshots/ (not committed) for a person to look at.
import {test} from "node:test";
import assert from "node:assert/strict";
import {mkdirSync, readFileSync} from "node:fs";
import {resolve} from "node:path";
import {DIST, assertClean, describeViolations, manifestPages, seriousAxeViolations, settle, useSite, withPage} from "./harness.js";
import {clippedTableCells, layoutShift, overlappingChartText, recordLayoutShift} from "./layout-checks.js";

const site = useSite();
const pages = manifestPages();
const WIDTHS = [{width: 1280, height: 900}, {width: 390, height: 800}] as const;
const SHOTS = resolve(import.meta.dirname, "../../test-output/screenshots");
mkdirSync(SHOTS, {recursive: true});

test("the build manifest lists every page of the site", () => {
  const paths = pages.map((p) => p.path).sort();
  assert.deepEqual(paths, ["/", "/audit", "/code-reasoning", "/data-dictionary", "/figures", "/query", "/record", "/rewards", "/toy", "/toy-tokens"]);
});

test("the Plot bundle the chart pages load starts with V8's eager-compile hint", () => {
  // Without the hint a page's first chart compiles Plot lazily inside one main-thread task (145–175 ms on /toy
  // here). V8 reads the hint only as the file's first line, so the build must keep it there.
  const bundles = new Set<string>();
  for (const {path} of pages) {
    const html = readFileSync(resolve(DIST, path === "/" ? "index.html" : `${path.slice(1)}.html`), "utf8");
    for (const m of html.matchAll(/href="\.\/(_import\/components\/plot\.[0-9a-f]+\.js)"/g)) bundles.add(m[1]!);
  }
  assert.equal(bundles.size, 1, `one Plot bundle, found: ${[...bundles].join(", ")}`);
  const [bundle] = bundles;
  assert.equal(readFileSync(resolve(DIST, bundle!), "utf8").split("\n", 1)[0], "//# allFunctionsCalledOnLoad", "V8's magic comment, exactly");
});

for (const {path} of pages) {
  test(`${path}: its own styles come before its content, so no content is painted unstyled first`, () => {
    // A <style> after the content lets a slow parser paint what is above it unstyled, then restyle it: /toy on a
    // phone shifted by 0.64 on a slower machine that way. Stylesheets linked above the content block its paint.
    const html = readFileSync(resolve(DIST, path === "/" ? "index.html" : `${path.slice(1)}.html`), "utf8");
    const main = html.slice(html.indexOf('<main id="observablehq-main"'));
    const firstContent = main.search(/<(h1|h2|p|div|figure|table|ul|ol)[\s>]/);
    assert.ok(firstContent > 0, "the page has content in its main column");
    const late = [...main.matchAll(/<style[\s>]|<link[^>]*rel="stylesheet"/g)].filter((m) => m.index! > firstContent);
    assert.deepEqual(late.map((m) => main.slice(m.index!, m.index! + 60)), [], "styles after the first content");
  });
  test(`${path}: loads with no page error, console error or off-site request`, async () => {
    await withPage(site(), path, async (watched) => {
      assert.ok((await watched.page.locator("main h1").count()) >= 1, "page has a main heading");
      assertClean(watched);
    });
  });

  test(`${path}: no serious or critical axe violation, in the light and the dark colour scheme`, async () => {
    await withPage(site(), path, async (watched) => {
      const light = await seriousAxeViolations(watched.page);
      assert.equal(light.length, 0, `light scheme:\n${describeViolations(light)}`);
      await watched.page.emulateMedia({colorScheme: "dark"});
      await settle(watched.page);
      assert.equal(await watched.page.evaluate(() => getComputedStyle(document.documentElement).colorScheme), "dark", "the dark theme applies");
      const dark = await seriousAxeViolations(watched.page);
      assert.equal(dark.length, 0, `dark scheme:\n${describeViolations(dark)}`);
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

  for (const viewport of WIDTHS) {
    test(`${path} at ${viewport.width}px: no chart text overlaps and no table cell is cut off`, async () => {
      await withPage(
        site(),
        path,
        async (watched) => {
          const {page} = watched;
          await page.waitForTimeout(300); // let late work (workers, lazy charts) finish drawing
          assert.deepEqual(await overlappingChartText(page), [], "chart text overlapping text or bars");
          assert.deepEqual(await clippedTableCells(page), [], "table cells cut off");
          const slug = path === "/" ? "index" : path.slice(1).replace(/\W+/g, "-");
          for (const scheme of ["light", "dark"] as const) {
            await page.emulateMedia({colorScheme: scheme});
            await page.screenshot({path: resolve(SHOTS, `${slug}-${viewport.width}-${scheme}.png`), fullPage: true});
          }
        },
        {viewport}
      );
    });

    test(`${path} at ${viewport.width}px: layout shift while loading stays within 0.05`, async () => {
      await withPage(
        site(),
        path,
        async (watched) => {
          await watched.page.waitForTimeout(300);
          const {cls, shifts} = await layoutShift(watched.page);
          assert.ok(cls <= 0.05, `cumulative layout shift ${cls.toFixed(3)} (shifts: ${shifts.join(", ")})`);
        },
        {viewport, setup: recordLayoutShift}
      );
    });
  }
}
