// The toy page quotes paper numbers only through src/lib/toy/anchors.ts. Expected texts, versions and
// locators below are copied by hand from data/paper/source/*.csv (the vendored transcription), not from the code.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { readSourceTables } from "../../loaders/paper-source.js";
import { tidyTables } from "../../loaders/paper-tidy.js";
import { ARXIV_V1 as V1, ARXIV_V2 as V2 } from "../../src/lib/paper-vocabulary.js";
import { CHEN_CLIP_RATE, mixedAccuracy, printedPart, toyAnchors, type ToyAnchor, type ToyAnchorRow } from "../../src/lib/toy/anchors.js";
import { defaultConfig, PRESETS } from "../../src/lib/toy/index.js";

const rows = tidyTables(readSourceTables()) as ToyAnchorRow[];
const anchors = toyAnchors(rows);

function same(a: ToyAnchor, text: string, version: string, locator: string, href: string) {
  assert.equal(a.text, text, a.label);
  assert.equal(a.version, version, a.label);
  assert.equal(a.locator, locator, a.label);
  assert.equal(a.href, href, a.label);
  assert.equal(a.source_kind, "paper", a.label);
}

test("the page's Qwen2.5-Math-7B numbers are v1's Table 1, §1 and Figure 1 cells as printed", () => {
  const p = anchors.page;
  const v1 = "https://arxiv.org/abs/2506.10947v1";
  same(p.codeShare, "65.0", V1, "Table 1 (p.8)", v1);
  same(p.codeAccuracy, "60.9", V1, "Table 1 (p.8)", v1);
  same(p.languageAccuracyTable1, "35.0", V1, "Table 1 (p.8)", v1);
  same(p.accuracySec1, "60.9 vs 28.0", V1, 'Sec.1 "accuracy of 60.9%, much higher than without (28.0% accuracy)"', v1);
  same(p.languageAccuracySec1, "28.0", V1, 'Sec.1 "accuracy of 60.9%, much higher than without (28.0% accuracy)"', v1);
  const fig1 = 'Figure 1 (p.1) "MATH-500 accuracy after 300 steps"; bar-label text from PDF text layer + abstract/Sec.1';
  same(p.baseAccuracy, "49.4", V1, fig1, v1);
  same(p.randomGain, "+21.4", V1, fig1, v1);
  assert.equal(p.randomGain.status, "printed");
  same(p.randomGainV2Abstract, "+21.4", V2, "Abstract", "https://arxiv.org/abs/2506.10947v2");
  same(p.rolloutPrompts, "64", V1, "App.A.3", v1);
  same(p.groupSize, "16", V1, 'App.A.3; App.B.2 "G = 16"', v1);
  same(p.miniBatchRollouts, "128", V1, "App.A.3", v1);
  for (const a of Object.values(p)) assert.equal(a.version_label, a.version === V1 ? "arXiv v1" : "arXiv v2", a.label);
});

test("preset numbers: the bad-code models' v1 Table 1 rows and Llama's v1 Table 3 base accuracy", () => {
  const texts = (id: string) => anchors.presets[id].map((a) => `${a.text} @ ${a.locator}`);
  assert.deepEqual(texts("qwen25-7b-bad-code"), ["92.2 @ Table 1 (p.8)", "39.9 @ Table 1 (p.8)", "61.5 @ Table 1 (p.8)"]);
  assert.deepEqual(texts("olmo2-sft-bad-code"), ["98.0 @ Table 1 (p.8)", "21.0 @ Table 1 (p.8)", "40.0 @ Table 1 (p.8)"]);
  assert.deepEqual(texts("llama-no-code"), ["36.8 @ Table 3 (p.10)"]);
  assert.equal(anchors.presets["qwen-math-random"].length, 4);
  for (const id of Object.keys(anchors.presets)) assert.ok(PRESETS.some((p) => p.id === id), `${id} is a preset`);
});

test("a missing or ambiguous paper number fails with the number's name", () => {
  const withoutTable1 = rows.filter((r) => !(r.version === V1 && r.model === "Qwen2.5-Math-7B" && r.metric === "Table 1 Code Frequency"));
  assert.throws(() => toyAnchors(withoutTable1), /toy page anchor "answers that use code".*found 0/);
  const gain = rows.find((r) => r.version === V1 && r.file === "main_results" && r.reward === "random" && r.place === "Figure 1" && r.quantity === "delta" && r.model === "Qwen2.5-Math-7B")!;
  assert.throws(() => toyAnchors([...rows, {...gain, text: "+99.9"}]), /MATH-500 gain with random rewards".*found 2/);
});

test("printedPart keeps each number of a two-number cell as printed", () => {
  const a = anchors.page.accuracySec1;
  assert.equal(printedPart(a, 0, "with code").text, "60.9");
  assert.equal(printedPart(a, 1, "without code").value, 28);
  assert.throws(() => printedPart(anchors.page.codeShare, 1, "second of one"), /cannot take number 2 of "65.0"/);
});

test("mixedAccuracy: 65% code at 60.9% and 35% language at 28.0% give 49.385% (0.65·60.9 = 39.585, 0.35·28 = 9.8)", () => {
  assert.ok(Math.abs(mixedAccuracy(65, 60.9, 28) - 49.385) < 1e-9);
  assert.ok(Math.abs(mixedAccuracy(65, 60.9, 35) - 51.835) < 1e-9); // Table 1's value would not give 49.4
});

// numbers as tokens: "65.0" must not match inside "165.03"
const asNumber = (text: string) => new RegExp(`(?<![\\d.])${text.replace(/^\+/, "\\+?").replace(/\./g, "\\.")}(?![\\d])`);

test("no paper number is typed into the toy page's prose or the presets' descriptions", () => {
  const page = readFileSync("src/toy.md", "utf8");
  const quoted = [...Object.values(anchors.page), ...Object.values(anchors.presets).flat()];
  for (const a of quoted) {
    if (a.values.length !== 1 || ["64", "16", "128"].includes(a.text)) continue; // small integers also appear as toy settings
    assert.doesNotMatch(page, asNumber(a.text), `src/toy.md types ${a.label} ${a.text}`);
    for (const p of PRESETS) assert.doesNotMatch(`${p.label} ${p.shows} ${p.mirrors}`, asNumber(a.text), `preset ${p.id} types ${a.label} ${a.text}`);
  }
  // another paper's claim appears only through its attribution
  assert.doesNotMatch(page, /0\.1\s*%/);
  assert.equal(CHEN_CLIP_RATE.arxiv, "2512.16912");
});

test("the toy's default batch shape is the paper's v1 App. A.3 setup: 64 prompts × 16 rollouts in mini-batches of 128 = 8 updates", () => {
  const d = defaultConfig();
  const p = anchors.page;
  assert.equal(d.promptsPerStep, Number(p.rolloutPrompts.text));
  assert.equal(d.G, Number(p.groupSize.text));
  assert.equal(d.miniBatches, 8); // 64 · 16 / 128, by hand
  assert.equal(d.promptsPerStep * d.G / Number(p.miniBatchRollouts.text), d.miniBatches);
});
