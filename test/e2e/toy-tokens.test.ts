// The token-level toy page: every view renders from a real run in the worker, the numbers equal the
// library's for the same configuration and seeds, the URL carries the state, cancel works (button and
// Escape), the scope switch shows p(code) unchanged, the sign-rule map computes, the paper's code-frequency curves
// load when scrolled to beside the toy's p(code), and it fits a phone.
import {test} from "node:test";
import assert from "node:assert/strict";
import {assertClean, openPage, seriousAxeViolations, useSite} from "./harness.js";
import {resolveTokenConfig, runTokenEnsemble} from "../../src/lib/toy/tokens/index.js";
import type {Page} from "playwright-core";

const site = useSite();
const TIMEOUT = 240_000;
const VIEWS = ["tt-chart-atp", "tt-chart-decomposition", "tt-chart-histogram", "tt-chart-cliprate", "tt-chart-who", "tt-chart-scope", "tt-chart-band"];
const q = (cfg: object, seeds: number) => `/toy-tokens?cfg=${encodeURIComponent(JSON.stringify(cfg))}&seeds=${seeds}`;

async function waitState(page: Page, state: string): Promise<void> {
  await page.waitForFunction((s) => document.querySelector('[data-testid="tt-app"]')?.getAttribute("data-state") === s, state, {timeout: TIMEOUT});
}

test("/toy-tokens: a run completes in the worker, every view renders, numbers equal the library's, no errors or off-site requests", async () => {
  const cfg = {steps: 20};
  const watched = await openPage(site(), q(cfg, 3));
  const {page} = watched;
  try {
    await waitState(page, "done");
    assert.match(await page.getByTestId("tt-status").innerText(), /Done: 3 of 3 seeds × 20 steps, clip as set and clip off, in a background worker/);
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
  const watched = await openPage(site(), q({steps: 400}, 48));
  const {page} = watched;
  try {
    await page.waitForFunction(() => document.querySelector('[data-testid="tt-app"]')?.getAttribute("data-state") === "running");
    await page.getByTestId("tt-cancel").click();
    await waitState(page, "cancelled");
    assert.match(await page.getByTestId("tt-status").innerText(), /Cancelled/);
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
