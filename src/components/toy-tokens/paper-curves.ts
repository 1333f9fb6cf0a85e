// The paper's code-frequency curves (preprint Figure 11(b)) drawn beside the token toy's p(code) view, clearly
// marked as the paper's. The figure data is fetched only when the element nears the viewport (it sits below the
// fold; whenVisible), with a status line until then and a readable message if it fails.
import { curveChart, type CurveSeries } from "../figures/curve-chart.js";
import { PAPER_CODE_FREQUENCY as P, paperCodeFrequencyCurves, type RecoveredPanel } from "../../lib/toy/tokens/paper-curves.js";
import { COLORS } from "./charts.js";
import { whenVisible } from "../when-visible.js";

// clip removed: the toy's clip-off grey for the switched-off run, two more colours (≥ 3:1 on white) for the batch-size runs
const CLIP_OFF = ["#5F5F5F", "#1F5FA8", "#0B7A55"];

function legend(series: CurveSeries[]): HTMLElement {
  const ul = document.createElement("ul");
  ul.className = "tt-paper-legend";
  ul.setAttribute("aria-label", "Legend of the paper's curves");
  for (const s of series) {
    const li = document.createElement("li");
    const sw = document.createElement("span");
    sw.className = "tt-paper-swatch";
    sw.style.background = s.color;
    sw.setAttribute("aria-hidden", "true");
    li.append(sw, s.label);
    ul.append(li);
  }
  return ul;
}

export type LoadFigure = () => Promise<{ figure: number; panels: RecoveredPanel[] }>;

export function paperCodeFrequency(load: LoadFigure): HTMLElement {
  const root = whenVisible(async (root) => {
    const curves = paperCodeFrequencyCurves(await load());
    let off = 0;
    const series: CurveSeries[] = curves.map((c) => ({ label: c.label, color: c.clipOn ? COLORS.on : CLIP_OFF[off++ % CLIP_OFF.length], kind: "smoothed", steps: c.steps, values: c.values }));
    const width = Math.max(280, Math.min(root.clientWidth || 640, 960));
    const chart = curveChart(series, { width, height: 240, yLabel: "Share of answers with code", title: `Paper ${P.panelLabel}`, yDomain: [0.4, 1] });
    const on = curves.find((c) => c.clipOn)!, offs = curves.filter((c) => !c.clipOn);
    const cap = document.createElement("figcaption");
    cap.className = "tt-hint";
    cap.append(`The paper's measurement, not this toy's: ${P.panelLabel} of the ${P.version} (page ${P.page}), recovered from the PDF's vector paths, smoothed lines (this page's colours: clipping enabled in the toy's “clip as set” colour, clipping switched off in its “clip off” grey, the two batch-size ways of removing the clip in blue and green). ` +
      `With clipping, code use ends at ${on.last.value.toFixed(2)} (step ${on.last.step}); without it at ${offs.map((c) => `${c.last.value.toFixed(2)} (${c.label}, step ${c.last.step})`).join(", ")}. ` +
      `It measures what the toy's p(code) above measures (the share of answers that use code), for a real model; the toy's steps are not training steps and its scale is not the model's. `);
    const a = document.createElement("a");
    a.href = P.href;
    a.textContent = `${P.panelLabel} with its accuracy panel and data →`;
    cap.append(a);
    root.append(legend(series), chart, cap);
    root.style.minHeight = "";
  }, {
    tag: "figure", className: "tt-figure tt-paper", testid: "tt-paper-codefreq",
    minHeight: 300, // the chart's height, reserved: no layout shift when it arrives
    label: "the paper's curves", waitingText: "The paper's curves load when you scroll here…", rootMargin: "200px 0px",
  });
  const title = document.createElement("p");
  title.className = "tt-paper-title";
  title.textContent = `Paper, not the toy: ${P.panelLabel}, code frequency of ${P.model} trained with random rewards (${P.version}, p. ${P.page})`;
  root.prepend(title);
  return root;
}
