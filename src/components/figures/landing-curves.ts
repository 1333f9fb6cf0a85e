// The landing page's curve evidence, self-contained: each function returns an element at once and fetches its
// figure's curves only when the element scrolls into view (the landing's first screen stays light).
import * as Plot from "@observablehq/plot";
import {accessiblePlot} from "../plot-a11y.js";
import {curveChart, type CurveMark, type CurveSeries} from "./curve-chart.js";
import type {PanelData} from "./figure-view.js";

type Load = () => Promise<{figure: number; panels: PanelData[]}>;
interface Printed {
  text: string;
  value: number;
  version: string;
  locator?: string;
}

/** Calls `render(width)` once the element is near the viewport; shows a placeholder until then. */
function whenVisible(testid: string, label: string, render: (root: HTMLElement, width: number) => Promise<void>): HTMLElement {
  const root = document.createElement("figure");
  root.className = "paper-figure figure-evidence";
  root.dataset.testid = testid;
  root.style.minHeight = "260px"; // reserve the chart's height: no layout shift when it arrives
  const status = document.createElement("p");
  status.className = "muted";
  status.setAttribute("role", "status");
  status.textContent = `${label} loads when you scroll here…`;
  root.append(status);
  const start = () => {
    status.textContent = `Loading ${label}…`;
    render(root, Math.max(280, root.clientWidth || 320))
      .then(() => { status.remove(); root.style.minHeight = ""; root.dataset.state = "ready"; })
      .catch((e) => { status.textContent = `Could not load ${label}: ${(e as Error).message}`; root.dataset.state = "error"; });
  };
  if (typeof IntersectionObserver === "undefined") queueMicrotask(start);
  else {
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) { io.disconnect(); start(); }
    }, {rootMargin: "200px"});
    queueMicrotask(() => io.observe(root));
  }
  return root;
}

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
  return whenVisible("c1-curves", "the training curves", async (root, width) => {
    const data = await load();
    const panel = data.panels.find((p) => p.panel === "Qwen2.5-Math-7B - MATH");
    if (!panel) throw new Error("Figure 2's Qwen2.5-Math-7B MATH panel is missing");
    const gt = pick(panel, "Ground Truth", "smoothed"), rnd = pick(panel, "Random", "smoothed");
    const series: CurveSeries[] = [
      {...pick(panel, "Ground Truth", "raw"), label: "Ground truth", kind: "raw"},
      {...pick(panel, "Random", "raw"), label: "Random", kind: "raw"},
      {...gt, label: "Ground truth", kind: "smoothed"},
      {...rnd, label: "Random", kind: "smoothed"},
    ];
    const start = gt.values[0];
    const marks: CurveMark[] = [
      {step: 300, value: start + groundTruth.value / 100, label: groundTruth.text},
      {step: 300, value: start + random.value / 100, label: random.text},
    ];
    root.append(curveChart(series, {width, height: 260, yLabel: "MATH-500 accuracy", title: "Qwen2.5-Math-7B on MATH-500 over training", marks}));
    const cap = document.createElement("figcaption");
    cap.append(`Qwen2.5-Math-7B on MATH-500 over training, May 2025 preprint Figure 2 (p. 3), recovered from the PDF: faint lines unsmoothed, bold smoothed. Dots: the printed gains ${groundTruth.text} and ${random.text} (${versionLabel(random.version)} abstract) added to the curves' start (${(start * 100).toFixed(1)}), at step 300, the length of arXiv v1's Figure 1. `);
    const a = document.createElement("a");
    a.href = "./figures?figure=2";
    a.textContent = "All curves of Figure 2 →";
    cap.append(a);
    root.append(cap);
  });
}

/**
 * C2: the paper's clipping ablation (preprint Figure 11(b), code frequency) beside the toy's clip-on/clip-off
 * ensemble (p(code)), on the same y scale: both are the share of answers that use code.
 */
export function c2Curves(load: Load, toySeries: {step: number; clip: string; mean: number}[]): HTMLElement {
  return whenVisible("c2-curves", "the clipping ablation curves", async (root, width) => {
    const data = await load();
    const panel = data.panels.find((p) => p.benchmark === "code frequency");
    if (!panel) throw new Error("Figure 11's code-frequency panel is missing");
    const yDomain: [number, number] = [0.4, 1];
    const half = width >= 560 ? Math.floor((width - 16) / 2) : width;
    const grid = document.createElement("div");
    grid.className = "figure-evidence-pair";
    Object.assign(grid.style, {display: "grid", gridTemplateColumns: width >= 560 ? "1fr 1fr" : "1fr", gap: "16px"});
    const paper = panel.series.filter((s) => s.kind === "smoothed").map((s) => ({label: s.series.replace(/^Random w\/ /, ""), color: s.color, kind: "smoothed" as const, steps: s.steps, values: s.values}));
    const left = document.createElement("div");
    const h1 = document.createElement("p");
    h1.className = "figure-evidence-title";
    h1.style.margin = "0.25rem 0";
    h1.textContent = "Paper: Figure 11(b), code frequency, Qwen2.5-Math-7B, random reward (May 2025 preprint)";
    left.append(h1, curveChart(paper, {width: half, height: 240, yLabel: "Share of answers with code", title: "Paper Figure 11(b)", yDomain}));
    const right = document.createElement("div");
    const h2 = document.createElement("p");
    h2.className = "figure-evidence-title";
    h2.style.margin = "0.25rem 0";
    h2.textContent = "Toy model: p(code), clip on vs clip off (this site's simulator, not the paper)";
    right.append(h2, accessiblePlot(Plot.plot({
      width: half, height: 240, marginLeft: 48,
      ariaLabel: "Toy model: probability of code reasoning over RL steps, clip on versus clip off",
      color: {domain: ["clip on", "clip off"], range: ["#9370bc", "#24ae12"], legend: true},
      x: {label: "Toy RL step"}, y: {label: "p(code)", domain: yDomain, grid: true},
      marks: [Plot.lineY(toySeries.map((p) => ({...p, label: p.clip === "on" ? "clip on" : "clip off"})), {x: "step", y: "mean", stroke: "label", strokeWidth: 2})],
    })));
    grid.append(left, right);
    const cap = document.createElement("figcaption");
    cap.append("Left, the paper's ablation as printed: with clipping enabled (purple) code use climbs; the three ways of removing clipping do not. Right, the toy's mean over paired seeds, coloured like the paper's clip-on and clip-off runs: same y scale, its own steps (toy steps are not training steps). ");
    const a = document.createElement("a");
    a.href = "./figures?figure=11";
    a.textContent = "Figure 11 with its accuracy panel →";
    cap.append(a);
    root.append(grid, cap);
  });
}
