// The landing page's selections against the real paper data: the numbers a reader sees on the claim cards.
// Expected values are read off data/paper/source/*.csv by hand (they are the paper's printed numbers).
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {readSourceTables} from "../../loaders/paper-source.js";
import {tidyTables} from "../../loaders/paper-tidy.js";
import {
  clippingAblation, codeFrequencyInAbstracts, disagreeingTexts, figure1Gains, figure1Steps, gainRatio, otherModelGains, paperBibtex,
  QWEN_MATH_7B, v2AbstractHeadline, type PaperNumberRow
} from "../../src/lib/landing.js";
import {ARXIV_V1 as V1, PREPRINT} from "../../src/lib/paper-vocabulary.js";

const rows = tidyTables(readSourceTables()) as PaperNumberRow[];

test("C1: the v2 abstract's random and ground-truth gains, and their ratio to two decimals", () => {
  const {random, groundTruth} = v2AbstractHeadline(rows);
  assert.equal(random.text, "+21.4");
  assert.equal(groundTruth.text, "+29.1");
  assert.equal(random.locator, "Abstract");
  assert.equal(gainRatio(random.value!, groundTruth.value!).toFixed(2), "0.74");
});

test("C1: v1 Figure 1 gives six Qwen2.5-Math-7B gains, one per reward", () => {
  const gains = figure1Gains(rows, V1, QWEN_MATH_7B);
  assert.deepEqual(
    Object.fromEntries(gains.map((r) => [r.reward, r.text])),
    {ground_truth: "+29.1", majority_vote: "+27.1", one_shot_rl: "+26.0", format: "+13.8", incorrect: "+24.1", random: "+21.4"}
  );
  assert.ok(gains.every((r) => r.status === "printed"));
});

test("C1: the v1 Figure 1 caption says 300 steps, the preprint's 150", () => {
  assert.equal(figure1Steps(rows, V1).text, "300");
  assert.equal(figure1Steps(rows, PREPRINT).text, "150");
  assert.throws(() => figure1Steps(rows, "Z_unknown"), /missing/);
});

test("C2: code-reasoning frequency differs between the May preprint (66.7) and v1/v2 (65)", () => {
  const before = codeFrequencyInAbstracts(rows).filter((r) => r.quantity === "before");
  assert.deepEqual(before.map((r) => [r.version.slice(0, 1), r.text]).sort(), [["A", "66.7"], ["B", "65"], ["C", "65"]]);
  assert.equal(disagreeingTexts(before), true);
  const after = codeFrequencyInAbstracts(rows).filter((r) => r.quantity === "after");
  assert.deepEqual(after.map((r) => r.text).sort(), [">90", ">90", "over 90"]);
});

test("C2: the v1 clipping ablation reports ~21 with clipping and no robust improvement without", () => {
  const ablation = clippingAblation(rows, V1);
  assert.deepEqual(ablation.map((r) => r.text).sort(), ["no robust improvement", "~21"]);
});

test("model dependence: other models' v1 Figure 1 gains keep their inferred and unresolved status", () => {
  const others = otherModelGains(rows, V1);
  const byModel = (model: string) => others.filter((r) => r.model === model);
  assert.equal(byModel("OLMo2-7B").find((r) => r.reward === "random")?.text, "-8.3");
  assert.ok(byModel("OLMo2-7B").every((r) => r.status === "inferred"));
  const llama = byModel("Llama3.1-8B-Instruct");
  assert.deepEqual(llama.filter((r) => r.status === "unresolved").map((r) => r.text).sort(), ["-1.3", "-11.5", "-2.2", "-6.3"]);
});

test("gainRatio refuses a zero or non-finite reference", () => {
  assert.throws(() => gainRatio(1, 0), RangeError);
  assert.throws(() => gainRatio(Number.NaN, 1), RangeError);
});

test("paperBibtex writes an arXiv @misc entry with every author", () => {
  const paper = JSON.parse(readFileSync("data/site/paper.json", "utf8"));
  const bib = paperBibtex(paper, "cs.AI", "2025");
  assert.match(bib, /^@misc\{shao2025spurious,\n/);
  assert.match(bib, /author {8}= \{Rulin Shao and Shuyue Stella Li and .* and Luke Zettlemoyer\},/);
  assert.match(bib, /eprint {8}= \{2506\.10947\},/);
  assert.match(bib, /primaryClass {2}= \{cs\.AI\},/);
  assert.equal(bib.split("\n").at(-1), "}");
});
