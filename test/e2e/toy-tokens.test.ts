// The token-level toy page: every view renders from a real run on the worker pool, the numbers equal the
// library's for the same configuration and seeds, a pooled run's download equals a one-worker run's, the URL
// carries the state, cancel stops every worker (button and Escape), charts off screen during a run catch up, the scope switch shows p(code) unchanged,
// the sign-rule map computes, the paper's code-frequency curves load when scrolled to beside the toy's p(code),
// the first screen shows the Fig. 12 analogue, and it fits a phone.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {assertClean, openPage, seriousAxeViolations, useSite, withPage} from "./harness.js";
import {resolveTokenConfig, runTokenEnsemble} from "../../src/lib/toy/tokens/index.js";
import type {Page} from "playwright-core";

const site = useSite();
const TIMEOUT = 240_000;
const VIEWS = ["tt-chart-atp", "tt-chart-decomposition", "tt-chart-histogram", "tt-chart-cliprate", "tt-chart-who", "tt-chart-scope", "tt-chart-band"];
const CLS_OBSERVER = `window.__cls = 0; new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; }).observe({type: "layout-shift", buffered: true});`;
const q = (cfg: object, seeds: number) => `/toy-tokens?cfg=${encodeURIComponent(JSON.stringify(cfg))}&seeds=${seeds}`;

async function waitState(page: Page, state: string): Promise<void> {
  await page.waitForFunction((s) => document.querySelector('[data-testid="tt-app"]')?.getAttribute("data-run-state") === s, state, {timeout: TIMEOUT});
}

test("/toy-tokens: a run completes on the worker pool, every view renders, numbers equal the library's, no errors or off-site requests", async () => {
  const cfg = {steps: 20};
  const watched = await openPage(site(), q(cfg, 3));
  const {page} = watched;
  try {
    await waitState(page, "done");
    // as many workers as the machine has cores (capped at 8): one, or several with each one's share of the seeds
    const pool = Number(await page.getByTestId("tt-app").getAttribute("data-pool-size"));
    assert.ok(pool >= 1 && pool <= 8, `pool size ${pool}`);
    assert.match(await page.getByTestId("tt-status").innerText(), pool === 1
      ? /Done: 3 of 3 seeds × 20 steps, clip as set and clip off, in a background worker/
      : new RegExp(`Done: 3 of 3 seeds × 20 steps, clip as set and clip off, in ${pool} background workers, \\d( \\+ \\d)+ seeds`));
    assert.ok(Number(await page.getByTestId("tt-app").getAttribute("data-run-ms")) > 0, "data-run-ms set when done");
    for (const id of VIEWS) assert.ok(await page.locator(`[data-testid="${id}"] svg`).count() >= 1, `${id} has an svg`);
    assert.ok(watched.requests.some((u) => /\/_file\/data\/toy-tokens-worker\.[0-9a-f]+\.js$/.test(u)), "worker bundle requested");
    // the Fig. 12 analogue's summary quotes the ensemble: same numbers as the library on the same seeds
    const a = resolveTokenConfig(cfg), b = resolveTokenConfig({...cfg, clip: {enabled: false}});
    const lib = runTokenEnsemble(a, 3, b, ["atpContent"]);
    const text = await page.getByTestId("tt-chart-atp").locator("figcaption").innerText();
    assert.ok(text.includes(`Step 20: ${lib.a.final.atpContent.mean.toFixed(3)} with the clip as set, ${lib.b!.final.atpContent.mean.toFixed(3)} with it off`), text);
    assert.ok(text.includes(`${lib.diff!.final.atpContent.mean >= 0 ? "+" : ""}${lib.diff!.final.atpContent.mean.toFixed(4)}`), text);
    // the histogram marks the ceiling and shows no clip-high event in the bins wholly right of it
    const hist = await page.getByTestId("tt-chart-histogram").innerText();
    assert.match(hist, /1\/\(1\+ε_high\) = 0\.833/);
    assert.match(hist, /clip-high events in the bins wholly right of the line: 0 of \d+/);
    // Chen et al.'s reference rate is labelled as their claim
    assert.match(await page.getByTestId("tt-chart-cliprate").innerText(), /Chen et al\.: ≈0\.001 per token, Qwen2\.5-Math-7B \(their claim\)/);
    // paper statements link to arXiv v1
    for (const href of await page.getByTestId("tt-paper-ref").evaluateAll((as) => as.map((x) => x.getAttribute("href")))) assert.equal(href, "https://arxiv.org/abs/2506.10947v1");
    const violations = await seriousAxeViolations(page, "#observablehq-main");
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), []);
    assertClean(watched);
  } finally {
    await watched.close();
  }
});

test("/toy-tokens: a changed setting goes into the URL, and the link restores it", async () => {
  const watched = await openPage(site(), q({steps: 10}, 2));
  const {page} = watched;
  try {
    await waitState(page, "done");
    await page.getByTestId("tt-lr").fill("16");
    await page.getByTestId("tt-lr").dispatchEvent("change");
    await page.waitForFunction(() => location.search.includes("%22lr%22%3A16") || location.search.includes('"lr":16'), undefined, {timeout: 10_000});
    await waitState(page, "done");
    const url = page.url();
    const params = new URL(url).searchParams;
    assert.deepEqual(JSON.parse(params.get("cfg")!), {lr: 16, steps: 10});
    assert.equal(params.get("seeds"), "2");
    const again = await openPage(site(), new URL(url).pathname + new URL(url).search);
    try {
      await waitState(again.page, "done");
      assert.equal(await again.page.getByTestId("tt-lr").inputValue(), "16");
      assert.equal(await again.page.getByTestId("tt-steps").inputValue(), "10");
      assertClean(again);
    } finally {
      await again.close();
    }
    // a bad link is reported and the defaults are used
    const bad = await openPage(site(), "/toy-tokens?cfg=%7B%22V%22%3A1%7D&seeds=2");
    try {
      // the page shows its main column once the first charts are in (no layout shift): wait for it
      await bad.page.getByTestId("tt-link-problems").waitFor({state: "visible"});
      assert.match(await bad.page.getByTestId("tt-link-problems").innerText(), /the link's configuration was not used: V \(content vocabulary\)/);
    } finally {
      await bad.close();
    }
    assertClean(watched);
  } finally {
    await watched.close();
  }
});

test("/toy-tokens: cancel stops a long run (button, then Escape from the keyboard)", async () => {
  const watched = await openPage(site(), `${q({steps: 400}, 48)}&workers=3`);
  const {page} = watched;
  try {
    // a pool of 3 whatever the machine (?workers=3): wait until seeds have come back from the workers
    await page.waitForFunction(() => /Running: [1-9]\d* of 48/.test(document.querySelector('[data-testid="tt-status"]')?.textContent ?? ""), undefined, {timeout: TIMEOUT});
    await page.getByTestId("tt-cancel").click();
    await waitState(page, "cancelled");
    assert.match(await page.getByTestId("tt-status").innerText(), /Cancelled after \d+ of 48 seeds; the charts show those seeds/);
    // "cancelled" comes only once every seed worker of the pool has confirmed it stopped; nothing arrives after
    const app = page.getByTestId("tt-app");
    assert.equal(await app.getAttribute("data-pool-size"), "3");
    assert.equal(await app.getAttribute("data-workers-stopped"), "3");
    const progressAt = await page.getByTestId("tt-progress").evaluate((p) => (p as HTMLProgressElement).value);
    const statusAt = await page.getByTestId("tt-status").innerText();
    await page.waitForTimeout(1000);
    assert.equal(await page.getByTestId("tt-progress").evaluate((p) => (p as HTMLProgressElement).value), progressAt, "no seed arrives after cancel");
    assert.equal(await page.getByTestId("tt-status").innerText(), statusAt);
    assert.ok(await page.locator('[data-testid="tt-chart-atp"] svg').count() >= 1, "the seeds finished before cancelling stay on screen");
    // keyboard only: focus Run, press Enter, then Escape cancels
    await page.getByTestId("tt-run").focus();
    await page.keyboard.press("Enter");
    await waitState(page, "running");
    await page.keyboard.press("Escape");
    await waitState(page, "cancelled");
    assertClean(watched);
  } finally {
    await watched.close();
  }
});

test("/toy-tokens: charts away from the screen during a run catch up when scrolled to, and all show a cancelled run's seeds", async () => {
  // While a run streams only the charts near the viewport follow it (the others wait, which leaves the cores to
  // the workers); none may be left showing an older result than the status line states.
  const watched = await openPage(site(), `${q({steps: 400}, 48)}&workers=2`);
  const {page} = watched;
  const running = async () => Number(/Running: (\d+) of 48/.exec(await page.getByTestId("tt-status").innerText())?.[1] ?? NaN);
  const histogramSeeds = async () => Number(/averaged over (\d+) seeds/.exec(await page.getByTestId("tt-chart-histogram").innerText())?.[1] ?? NaN);
  try {
    await page.waitForFunction(() => /Running: ([3-9]|\d\d) of 48/.test(document.querySelector('[data-testid="tt-status"]')?.textContent ?? ""), undefined, {timeout: TIMEOUT});
    // scrolled to while the run goes on: the histogram (below the first screen) shows at least the seeds done by then
    const atScroll = await running();
    await page.getByTestId("tt-chart-histogram").scrollIntoViewIfNeeded();
    await page.waitForFunction((k) => Number(/averaged over (\d+) seeds/.exec(document.querySelector('[data-testid="tt-chart-histogram"]')?.textContent ?? "")?.[1]) >= k, atScroll, {timeout: TIMEOUT});
    // back to the top; more seeds arrive while the histogram is off screen; then cancel
    await page.evaluate(() => window.scrollTo(0, 0));
    const before = await running();
    await page.waitForFunction((k) => Number(/Running: (\d+) of 48/.exec(document.querySelector('[data-testid="tt-status"]')?.textContent ?? "")?.[1]) >= k + 3, before, {timeout: TIMEOUT});
    // clicked in place: Playwright's click would scroll the button, and the histogram with it, into view
    await page.getByTestId("tt-cancel").evaluate((b) => (b as HTMLButtonElement).click());
    await waitState(page, "cancelled");
    const cancelledAt = Number(/Cancelled after (\d+) of 48/.exec(await page.getByTestId("tt-status").innerText())?.[1]);
    assert.ok(cancelledAt >= before + 3, `cancelled after ${cancelledAt} seeds`);
    // the off-screen histogram is redrawn from the cancelled run's last result without being scrolled to
    await page.waitForFunction((k) => Number(/averaged over (\d+) seeds/.exec(document.querySelector('[data-testid="tt-chart-histogram"]')?.textContent ?? "")?.[1]) === k, cancelledAt, {timeout: 10_000}).catch(() => {});
    assert.equal(await histogramSeeds(), cancelledAt, "the histogram shows the seeds the status line states");
    assertClean(watched);
  } finally {
    await watched.close();
  }
});

test("/toy-tokens: clipping content tokens only leaves p(code) exactly unchanged; the sign-rule map computes", async () => {
  const watched = await openPage(site(), q({steps: 10, clip: {scope: "content"}}, 2));
  const {page} = watched;
  try {
    await waitState(page, "done");
    assert.equal(await page.getByTestId("tt-chart-scope").getAttribute("data-exact-zero"), "true");
    assert.match(await page.getByTestId("tt-chart-scope").innerText(), /exactly 0 on every seed and step/);
    await page.getByTestId("tt-sign-lr").selectOption("8");
    await page.getByTestId("tt-sign-seeds").selectOption("50");
    await page.getByTestId("tt-sign-run").click();
    await page.waitForFunction(() => document.querySelector(".tt-sign")?.getAttribute("data-state") === "done", undefined, {timeout: TIMEOUT});
    assert.match(await page.getByTestId("tt-sign-status").innerText(), /Done: 35 of 35 cells/);
    assert.equal(await page.locator('[data-testid="tt-chart-signmap"] svg').count() >= 2, true);
    // the band view steps forward on the main thread
    const before = await page.getByTestId("tt-band-step").innerText();
    await page.getByTestId("tt-band-next").click();
    assert.notEqual(await page.getByTestId("tt-band-step").innerText(), before);
    assertClean(watched);
  } finally {
    await watched.close();
  }
});

test("/toy-tokens: fits a 390 px phone screen", async () => {
  const watched = await openPage(site(), q({steps: 10}, 2), {viewport: {width: 390, height: 800}});
  const {page} = watched;
  try {
    await waitState(page, "done");
    // the paper's curves beside the toy's p(code) view fit too once loaded
    await page.getByTestId("tt-paper-codefreq").scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('[data-testid="tt-paper-codefreq"]')?.getAttribute("data-state") === "ready", undefined, {timeout: 30_000});
    const widths = await page.evaluate(() => ({doc: document.documentElement.scrollWidth, svgs: Array.from(document.querySelectorAll(".tt-figure svg")).map((s) => s.getBoundingClientRect().right)}));
    assert.ok(widths.doc <= 390, `page is ${widths.doc} px wide`);
    for (const r of widths.svgs) assert.ok(r <= 390.5, `a chart ends at ${r} px`);
    assertClean(watched);
  } finally {
    await watched.close();
  }
});

test("/toy-tokens: the paper's code-frequency curves load only when scrolled to, right after the toy's p(code) view, labelled as the paper's", async () => {
  const watched = await openPage(site(), q({steps: 10}, 2));
  const {page} = watched;
  const figureData = () => watched.requests.filter((u) => /\/_file\/data\/curves\/fig-11\.[0-9a-f]+\.json$/.test(u));
  try {
    await waitState(page, "done");
    const paper = page.getByTestId("tt-paper-codefreq");
    // below the fold and not yet fetched
    assert.equal(await paper.getAttribute("data-state"), "waiting");
    assert.deepEqual(figureData(), []);
    assert.match(await paper.innerText(), /The paper.s curves load when you scroll here/);
    // it sits directly after the toy's p(code) chart
    assert.equal(await page.evaluate(() => {
      const scope = document.querySelector('[data-testid="tt-chart-scope"]')!.parentElement!;
      return scope.nextElementSibling?.querySelector('[data-testid="tt-paper-codefreq"]') !== null;
    }), true);
    await paper.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('[data-testid="tt-paper-codefreq"]')?.getAttribute("data-state") === "ready", undefined, {timeout: 30_000});
    assert.equal(figureData().length, 1, "the figure's data was fetched once");
    const text = await paper.innerText();
    assert.match(text, /Paper, not the toy: Figure 11\(b\), code frequency of Qwen2\.5-Math-7B trained with random rewards \(May 2025 preprint, p\. 12\)/);
    // the curve values recovered from the preprint PDF (fig-11.json): clipping enabled ends at 0.858 at step 100
    assert.match(text, /With clipping, code use ends at 0\.86 \(step 100\)/);
    assert.match(text, /0\.53 \(Clipping Disabled, step 97\)/);
    assert.equal(await paper.locator("svg").count() >= 1, true);
    assert.equal(await paper.locator("a").getAttribute("href"), "./figures?figure=11&panel=(b)%20Frequency%20of%20Code%20Reasoning#one-figure-panel-by-panel");
    const violations = await seriousAxeViolations(page, '[data-testid="tt-paper-codefreq"]');
    assert.deepEqual(violations.map((v) => v.id), []);
    assertClean(watched);
  } finally {
    await watched.close();
  }
});

test("/toy-tokens: a pooled run's download equals a one-worker run's for the same settings (every number, bit for bit)", async () => {
  const search = q({steps: 25, seed: 7, lr: 16}, 7);
  const run = (workers: number) => withPage(site(), `${search}&workers=${workers}`, async (watched) => {
    const {page} = watched;
    await waitState(page, "done");
    assert.equal(await page.getByTestId("tt-app").getAttribute("data-workers-used"), String(workers));
    if (workers > 1) assert.match(await page.getByTestId("tt-status").innerText(), new RegExp(`in ${workers} background workers, \\d+( \\+ \\d+){${workers - 1}} seeds`));
    // ?workers=N stays in the address bar
    assert.equal(new URL(page.url()).searchParams.get("workers"), String(workers));
    // read the export as a reader gets it, by downloading
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId("tt-export-json").click()]);
    const json = JSON.parse(readFileSync(await file.path(), "utf8"));
    const visible = await page.evaluate(() => Array.from(document.querySelectorAll('[data-testid^="tt-chart-"] figcaption')).map((f) => (f as HTMLElement).innerText));
    assertClean(watched);
    return {json, visible};
  });
  const one = await run(1);
  const three = await run(3);
  assert.equal(one.json.result.a.seeds.length, 7);
  assert.equal(one.json.computedBy, "1 background worker (the result does not depend on the count)");
  // JSON numbers print the shortest text that reads back as the same double: equal text is equal bits
  assert.equal(JSON.stringify(three.json.result), JSON.stringify(one.json.result));
  assert.equal(JSON.stringify(three.json.extras), JSON.stringify(one.json.extras));
  assert.deepEqual(three.json.config, one.json.config);
  // what the reader sees says the same
  assert.ok(one.visible.length >= 5, `captions: ${one.visible.length}`);
  assert.deepEqual(three.visible, one.visible);
  // and the run is not trivial: the clip acted, so the paired difference is not zero
  assert.notEqual(one.json.result.diff.final.atpContent.mean, 0);
});

test("/toy-tokens: the first screen shows the Fig. 12 analogue at 1280×900 and 390×800, with its space held before it is drawn", async () => {
  for (const viewport of [{width: 1280, height: 900}, {width: 390, height: 800}]) {
    await withPage(site(), q({steps: 30}, 4), async (watched) => {
      const {page} = watched;
      // before the first seed: the placeholder holds the chart's space
      const held = await page.evaluate(() => (document.querySelector('[data-slot="atp"]') as HTMLElement).getBoundingClientRect().height);
      assert.ok(held >= 500, `reserved ${held} px`);
      await waitState(page, "done");
      const box = await page.evaluate(() => {
        const svg = document.querySelector('[data-testid="tt-chart-atp"] svg:not(.plot-swatch)') as SVGElement;
        const fig = document.querySelector('[data-slot="atp"]') as HTMLElement;
        const r = svg.getBoundingClientRect();
        return {top: r.top, bottom: r.bottom, slot: fig.getBoundingClientRect().height, content: (fig.firstElementChild as HTMLElement).getBoundingClientRect().height};
      });
      // the main plot starts on the first screen and at least half of it is visible without scrolling
      assert.ok(box.top < viewport.height * 0.75, `${viewport.width}: chart starts at ${box.top} px`);
      assert.ok(viewport.height - box.top >= (box.bottom - box.top) / 2, `${viewport.width}: chart ${box.top}–${box.bottom} px`);
      // and nothing moved while the run streamed in (the page's layout-shift budget)
      await page.waitForTimeout(300);
      const cls = await page.evaluate(() => (window as unknown as {__cls: number}).__cls);
      assert.ok(cls <= 0.05, `${viewport.width}: layout shift ${cls}`);
      assertClean(watched);
    }, {viewport, setup: (context) => context.addInitScript(CLS_OBSERVER)});
  }
});
