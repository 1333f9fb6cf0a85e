// The landing page's curve evidence, self-contained: each function returns an element at once and fetches its
// figure's curves only when the element scrolls into view (the landing's first screen stays light).
import {curveChart, type CurveMark, type CurveSeries} from "./curve-chart.js";
import type {PanelData} from "./figure-view.js";
import {rewardColor} from "../../lib/palette.js";
import {whenVisible, type ByWidth} from "../when-visible.js";

// The landing's own colours (its bar and toy charts use them): random / clip on in the random-reward colour.
const CLIP_OFF = ["#555555", "#8a8a8a", "#b0b0b0"];

type Load = () => Promise<{figure: number; panels: PanelData[]}>;
interface Printed {
  text: string;
  value: number;
  version: string;
  locator?: string;
}

/** The landing's lazily drawn curve figure: a placeholder of the chart's height until it scrolls into view. */
// (heights: chart, title and caption as measured at 1280 and 390 px)
const curveFigure = (testid: string, label: string, minHeight: ByWidth, draw: (root: HTMLElement, width: number) => Promise<void>) =>
  // rootMargin 0: the curves' data is fetched only once the figure is on screen, never for a first screen
  whenVisible(draw, {minHeight, label, testid, tag: "figure", className: "paper-figure figure-evidence", rootMargin: "0px"});

function pick(panel: PanelData, series: string, kind: "raw" | "smoothed") {
  const s = panel.series.find((x) => x.series === series && x.kind === kind);
  if (!s) throw new Error(`no ${kind} ${series} curve in “${panel.panel}”`);
  return s;
}

/**
 * C1: Qwen2.5-Math-7B on MATH-500 over training, random vs ground truth (preprint Figure 2), with the printed gains
 * (+21.4 / +29.1) drawn where they land: the step-0 value plus the printed gain, at step 300 (the length of
 * arXiv v1's Figure 1, whose labels these are).
 */
export function c1Curves(load: Load, {random, groundTruth, versionLabel}: {random: Printed; groundTruth: Printed; versionLabel: (v: string) => string}): HTMLElement {
  return curveFigure("c1-curves", "the training curves", {narrow: 425, wide: 395}, async (root, width) => {
    const data = await load();
    const panel = data.panels.find((p) => p.panel === "Qwen2.5-Math-7B - MATH");
    if (!panel) throw new Error("Figure 2's Qwen2.5-Math-7B MATH panel is missing");
    const gt = pick(panel, "Ground Truth", "smoothed"), rnd = pick(panel, "Random", "smoothed");
    const [gtColor, rndColor] = [rewardColor("ground_truth"), rewardColor("random")];
    const series: CurveSeries[] = [
      {...pick(panel, "Ground Truth", "raw"), label: "Ground truth", kind: "raw", color: gtColor},
      {...pick(panel, "Random", "raw"), label: "Random", kind: "raw", color: rndColor},
      {...gt, label: "Ground truth", kind: "smoothed", color: gtColor},
      {...rnd, label: "Random", kind: "smoothed", color: rndColor},
    ];
    const start = gt.values[0];
    const marks: CurveMark[] = [
      {step: 300, value: start + groundTruth.value / 100, label: groundTruth.text},
      {step: 300, value: start + random.value / 100, label: random.text},
    ];
    root.append(curveChart(series, {width, height: 260, yLabel: "MATH-500 accuracy", title: "Qwen2.5-Math-7B on MATH-500 over training", marks}));
    const cap = document.createElement("figcaption");
    cap.style.color = "#4a4a4a";
    cap.append(`Qwen2.5-Math-7B on MATH-500 over training, May 2025 preprint Figure 2 (p. 3), recovered from the PDF: faint lines unsmoothed, bold smoothed (this site's colours). Dots: the printed gains ${groundTruth.text} and ${random.text} (${versionLabel(random.version)} abstract) added to the curves' start (${(start * 100).toFixed(1)}), at step 300, the length of arXiv v1's Figure 1. `);
    const a = document.createElement("a");
    a.href = "./figures?figure=2";
    a.textContent = "All curves of Figure 2 →";
    cap.append(a);
    root.append(cap);
  });
}

/**
 * C2: the paper's clipping ablation (preprint Figure 11(b), code frequency), drawn on the toy chart's y scale (the
 * share of answers that use code, 0.4–1) so the two read side by side; the toy's end values are quoted beside it.
 */
export function c2Curves(load: Load, toySeries: {step: number; clip: string; mean: number}[]): HTMLElement {
  return curveFigure("c2-curves", "the clipping ablation curves", {narrow: 472, wide: 426}, async (root, width) => {
    const data = await load();
    const panel = data.panels.find((p) => p.benchmark === "code frequency");
    if (!panel) throw new Error("Figure 11's code-frequency panel is missing");
    let off = 0;
    const paper = panel.series.filter((s) => s.kind === "smoothed").map((s) => ({label: s.series.replace(/^Random w\/ /, ""), color: /Clipping Enabled/.test(s.series) ? rewardColor("random") : CLIP_OFF[off++ % CLIP_OFF.length], kind: "smoothed" as const, steps: s.steps, values: s.values}));
    const title = document.createElement("p");
    title.className = "figure-evidence-title";
    title.style.margin = "0.25rem 0";
    title.textContent = "Paper, not the toy: Figure 11(b), code frequency of Qwen2.5-Math-7B with random rewards (May 2025 preprint)";
    root.append(title, curveChart(paper, {width, height: 240, yLabel: "Share of answers with code", title: "Paper Figure 11(b)", yDomain: [0.4, 1]}));
    const lastOf = (clip: string) => toySeries.filter((p) => p.clip === clip).at(-1)?.mean;
    const endOf = (s: (typeof paper)[number]) => s.values[s.values.length - 1];
    const on = paper.find((s) => /Enabled/.test(s.label));
    const cap = document.createElement("figcaption");
    cap.style.color = "#4a4a4a";
    cap.append(`Same y scale as the toy chart above (colours are this site's: clip on in the random-reward colour, clip removed in greys). In the paper, code use with clipping ends at ${on ? endOf(on).toFixed(2) : "?"} (step ${on ? on.steps[on.steps.length - 1] : "?"}); the three runs without clipping end at ${paper.filter((s) => s !== on).map((s) => endOf(s).toFixed(2)).join(", ")}. The toy's p(code) ends at ${lastOf("on")?.toFixed(2) ?? "?"} with the clip on and ${lastOf("off")?.toFixed(2) ?? "?"} with it off, over its own steps (toy steps are not training steps). `);
    const a = document.createElement("a");
    a.href = "./figures?figure=11&panel=(b)%20Frequency%20of%20Code%20Reasoning#one-figure-panel-by-panel";
    a.textContent = "Figure 11 with its accuracy panel →";
    cap.append(a);
    root.append(cap);
  });
}
