// The toy's paper-derived presets must carry the paper's own numbers. Checked against the vendored
// transcription data/paper/source/code_reasoning.csv (arXiv v1 rows), not against the note or this code.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as aq from "arquero";
import { presetById, resolveConfig } from "../../src/lib/toy/index.js";

const V1 = "B_arXiv_v1_2025-06-12";
const rows = aq.fromCSV(readFileSync("data/paper/source/code_reasoning.csv", "utf8"), { autoType: false }).objects() as Record<string, string>[];

function v1(model: string, item: string): string {
  const hits = rows.filter((r) => r.version === V1 && r.model === model && r.item === item);
  assert.equal(hits.length, 1, `${model} / ${item}`);
  return hits[0].value;
}
const pct = (s: string) => Number(s) / 100;

test("Qwen2.5-Math-7B preset: code share and code accuracy from v1 Table 1, language accuracy from v1 §1", () => {
  const cfg = resolveConfig(presetById("qwen-math-random")!.overrides);
  assert.equal(cfg.initProbs[0], pct(v1("Qwen2.5-Math-7B", "Table 1 Code Frequency")));
  assert.equal(cfg.acc[0], pct(v1("Qwen2.5-Math-7B", "Table 1 Acc. w/ Code")));
  // the paper is inconsistent: §1 prints 28.0 for language, Table 1 prints 35.0; the toy uses §1's 28.0,
  // which with 65% code gives the 49.4% base accuracy the paper reports (0.65·0.609 + 0.35·0.280 = 0.494)
  assert.equal(v1("Qwen2.5-Math-7B", "Sec.1 accuracy with code vs without code"), "60.9 vs 28.0");
  assert.equal(v1("Qwen2.5-Math-7B", "Table 1 Acc. w/ Lang"), "35.0");
  assert.equal(cfg.acc[1], 0.28);
  assert.ok(Math.abs(cfg.initProbs[0] * cfg.acc[0] + cfg.initProbs[1] * cfg.acc[1] - 0.494) < 5e-4);
});

test("bad-code presets carry v1 Table 1 numbers", () => {
  for (const [id, model] of [["qwen25-7b-bad-code", "Qwen2.5-7B"], ["olmo2-sft-bad-code", "OLMo2-7B-SFT"]] as const) {
    const cfg = resolveConfig(presetById(id)!.overrides);
    assert.ok(Math.abs(cfg.initProbs[0] - pct(v1(model, "Table 1 Code Frequency"))) < 1e-12, id);
    assert.ok(Math.abs(cfg.acc[0] - pct(v1(model, "Table 1 Acc. w/ Code"))) < 1e-12, id);
    assert.ok(Math.abs(cfg.acc[1] - pct(v1(model, "Table 1 Acc. w/ Lang"))) < 1e-12, id);
  }
});

test("no-code preset: Llama3.1-8B-Instruct never writes code (v1 Table 1 caption); the toy uses the smallest share it allows", () => {
  const caption = rows.find((r) => r.version === V1 && r.item === "Table 1 caption: never generated code");
  assert.ok(caption && caption.model.includes("Llama3.1-8B-Instruct"));
  const cfg = resolveConfig(presetById("llama-no-code")!.overrides);
  assert.ok(cfg.initProbs[0] <= 0.001);
});
