// Palette contract: contrast on white and colour-blind separation, checked with an independent
// implementation of WCAG relative luminance and the Machado et al. (2009) CVD matrices.
import {test} from "node:test";
import assert from "node:assert/strict";
import {REWARD_COLORS, rewardColor, rewardColorScale, rewardOrder} from "../../src/lib/palette.js";

const lin = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
const rgb = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
const contrastOnWhite = (h: string) => {
  const [r, g, b] = rgb(h).map(lin);
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
};
const MATRICES: Record<string, number[][]> = {
  none: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};
function lab(h: string, m: number[][]): number[] {
  const v = rgb(h).map(lin);
  const [r, g, b] = m.map((row) => Math.min(1, Math.max(0, row[0] * v[0] + row[1] * v[1] + row[2] * v[2])));
  const X = 0.4124 * r + 0.3576 * g + 0.1805 * b, Y = 0.2126 * r + 0.7152 * g + 0.0722 * b, Z = 0.0193 * r + 0.1192 * g + 0.9505 * b;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(Y) - 16, 500 * (f(X / 0.95047) - f(Y)), 200 * (f(Y) - f(Z / 1.08883))];
}

const SIX = ["ground_truth", "majority_vote", "one_shot_rl", "format", "incorrect", "random"];

test("every reward colour has at least 3:1 contrast on white", () => {
  for (const [k, c] of Object.entries(REWARD_COLORS)) assert.ok(contrastOnWhite(c) >= 3, `${k} ${c}: ${contrastOnWhite(c).toFixed(2)}`);
});

test("the six Figure 1 rewards stay apart under common colour-vision deficiencies", () => {
  for (const [name, m] of Object.entries(MATRICES)) {
    for (let i = 0; i < SIX.length; i++) {
      for (let j = i + 1; j < SIX.length; j++) {
        const d = Math.hypot(...lab(rewardColor(SIX[i]), m).map((x, k) => x - lab(rewardColor(SIX[j]), m)[k]));
        assert.ok(d >= 15, `${name}: ${SIX[i]} vs ${SIX[j]} only ΔE ${d.toFixed(1)}`);
      }
    }
  }
});

test("colour scale and order follow standard, weak, spurious", () => {
  const s = rewardColorScale();
  assert.deepEqual(s.domain, SIX);
  assert.equal(s.range[0], REWARD_COLORS.ground_truth);
  assert.deepEqual(rewardOrder(["random", "ground_truth", "format", "majority_vote"]), ["ground_truth", "majority_vote", "format", "random"]);
  assert.equal(rewardColor("no-such-reward"), "#6B6B6B");
});
