// /rewards' Figure 1 bars, computed at build time (loaders/figure1-bars.ts), against the printed source rows and
// against the arquero pivot the page ran on load before (an independent implementation of the same reshaping).
import {test} from "node:test";
import assert from "node:assert/strict";
import * as aq from "arquero";
import {readSourceTables} from "../../loaders/paper-source.js";
import {tidyTables} from "../../loaders/paper-tidy.js";
import {figure1Bars} from "../../loaders/figure1-bars.js";

const numbers = tidyTables(readSourceTables());
const bars = figure1Bars(numbers);
const byId = new Map(numbers.map((n) => [n.id, n]));

test("a bar carries its row's printed before, after and change (main_results.csv row 2: preprint, ground truth, 49.4 → 78.2, +28.8)", () => {
  const bar = bars.find((b) => b.version_label === "May 2025 preprint" && b.model === "Qwen2.5-Math-7B" && b.reward === "ground_truth");
  assert.ok(bar, "no preprint ground-truth bar for Qwen2.5-Math-7B");
  assert.deepEqual([bar.before, bar.after, bar.delta], [49.4, 78.2, 28.8]);
  assert.deepEqual(bar.number_ids.map((id) => byId.get(id)!.text), ["49.4", "78.2", "+28.8"]);
  assert.equal(byId.get(bar.id!)!.quantity, "delta");
  assert.equal(bar.status, byId.get(bar.id!)!.status);
});

test("one bar per Figure 1 MATH-500 source row, and an unresolved v1 bar stays unresolved", () => {
  const rows = new Set(numbers.filter((n) => n.file === "main_results" && n.place === "Figure 1" && n.benchmark === "MATH-500").map((n) => `${n.version} ${n.row}`));
  assert.equal(bars.length, rows.size);
  assert.ok(bars.some((b) => b.status === "unresolved" && b.model === "Llama3.1-8B-Instruct"));
});

test("equal to the arquero pivot /rewards computed in the browser before", () => {
  const pivot = aq.from(numbers)
    .filter((d: any) => d.file === "main_results" && d.place === "Figure 1" && d.benchmark === "MATH-500")
    .groupby("row", "version", "version_label", "model", "reward", "reward_label", "reward_group")
    .pivot("quantity", {v: "d => op.any(d.value)", id: "d => op.any(d.id)", s: "d => op.any(d.status)"})
    .objects()
    .map((r: any) => ({
      id: r.id_delta ?? null, model: r.model, reward: r.reward, reward_label: r.reward_label, reward_group: r.reward_group,
      version: r.version, version_label: r.version_label, status: r.s_delta ?? null,
      before: r.v_before ?? null, after: r.v_after ?? null, delta: r.v_delta ?? null,
      number_ids: [r.id_before, r.id_after, r.id_delta].filter(Boolean),
    }));
  assert.deepEqual(bars, pivot);
});
