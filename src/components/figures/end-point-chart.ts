// The training curve a printed number sits on, small enough for the source popover: the raw series of its reward
// in the preprint panel (every reward's series for a step-0 number), the number's step and printed value marked,
// the curve's own vertex there. Imported only when such a popover opens (src/components/paper-provenance.ts).
import * as Plot from "../plot.js";
import {html} from "../paper-html.js";
import {accessiblePlot} from "../plot-a11y.js";
import {rewardColor} from "../../lib/palette.js";
import {readCurve, REWARD_SERIES, type CurveEndPoint, type CurveReading, type FigureData} from "../../lib/curve-end-points.js";
import {figureHref} from "./curve-links.js";

const REWARD_OF: Record<string, string> = {...Object.fromEntries(Object.entries(REWARD_SERIES).map(([k, v]) => [v, k])), "One-Shot RL": "one_shot_rl"};
const colorOf = (series: string, fallback: string) => (REWARD_OF[series] ? rewardColor(REWARD_OF[series]) : fallback);
const ROLE_TEXT = {before: "before RLVR", after: "after", start: "printed"} as const;

/** The chart alone: `(data, {width}) => Element`. */
export function endPointChart({point, reading}: {point: CurveEndPoint; reading: CurveReading}, {width, height = 170}: {width: number; height?: number}): Element {
  const rows = reading.series.flatMap((s, i) => s.steps.map((step, j) => ({i, step, value: s.values[j]})));
  const maxStep = Math.max(...reading.series.map((s) => s.steps[s.steps.length - 1]), point.step ?? 0);
  const marks = point.marks.map((m) => ({...m, label: m.role === "start" ? `printed ${m.text}` : `${ROLE_TEXT[m.role]}: ${m.text}`, right: m.step > maxStep / 2}));
  const own = reading.series.find((s) => s.highlighted);
  const vertex = point.step !== null && reading.valueAtStep !== null && own ? [{step: point.step, value: reading.valueAtStep, color: colorOf(own.series, own.color)}] : [];
  const ended = point.step !== null && point.step > reading.lastStep;
  const label = point.highlight ?? "every reward";
  // room under the lowest point and over the highest for the labels
  const ys = [...rows.map((r) => r.value), ...marks.map((m) => m.value)];
  const [lo, hi] = [Math.min(...ys), Math.max(...ys)];
  const pad = (hi - lo || 0.1) * 0.12;
  return accessiblePlot(
    Plot.plot({
      width,
      height,
      marginLeft: 40,
      marginRight: 12,
      marginTop: 18,
      style: {fontSize: "11px"},
      ariaLabel: `${point.figureLabel} “${point.panel}”, ${label}, raw values`,
      ariaDescription: `${point.yLabel} over training steps 0–${maxStep}; ${marks.map((m) => `${m.label} at step ${m.step}`).join("; ")}${ended ? `; the curve ends at step ${reading.lastStep}` : ""}.`,
      x: {label: "Training step", domain: [0, maxStep], ticks: Math.max(2, Math.floor(width / 70))},
      y: {label: point.yLabel, grid: true, ticks: 4, domain: [lo - pad, hi + pad]},
      marks: [
        point.step !== null ? Plot.ruleX([point.step], {stroke: "currentColor", strokeOpacity: 0.35, strokeDasharray: "3,3"}) : null,
        ended ? Plot.ruleX([reading.lastStep], {stroke: "currentColor", strokeOpacity: 0.6}) : null,
        ended ? Plot.text([reading.lastStep], {x: (d: number) => d, frameAnchor: "bottom", dy: -4, dx: -4, textAnchor: "end", text: () => `curve ends (step ${reading.lastStep})`, fill: "currentColor"}) : null,
        ...reading.series.map((s, i) =>
          Plot.line(rows.filter((r) => r.i === i), {x: "step", y: "value", stroke: colorOf(s.series, s.color), strokeWidth: s.highlighted ? 1.5 : 1, strokeOpacity: point.highlight === null || s.highlighted ? 0.9 : 0.3}),
        ),
        Plot.dot(vertex, {x: "step", y: "value", r: 3.5, fill: (d: {color: string}) => d.color, stroke: "white"}),
        Plot.dot(marks, {x: "step", y: "value", r: 5, fill: "none", stroke: "currentColor", strokeWidth: 1.5}),
        // before/start labels below their point (the curves rise from it), the end point's above
        ...marks.map((m) =>
          Plot.text([m], {x: "step", y: "value", text: "label", dy: m.role === "after" ? -10 : 13, dx: m.right ? -6 : 6, textAnchor: m.right ? "end" : "start", fontWeight: 600, fill: "currentColor", stroke: "var(--theme-background-alt, white)", strokeWidth: 3, paintOrder: "stroke"}),
        ),
      ],
    }),
  );
}

/** The popover's curve section: caption with version, chart, legend, what the curve says, caveats, link to the panel. */
export function endPointView(point: CurveEndPoint, data: FigureData, {width}: {width: number}): HTMLElement {
  const reading = readCurve(point, data);
  const inferred = reading.series.some((s) => s.highlighted && s.label_source === "inferred");
  const legend = point.highlight === null
    ? html`<p class="curve-end-legend">${reading.series.map((s) => html`<span><i style=${`background:${colorOf(s.series, s.color)}`}></i>${s.series}</span>`)}</p>`
    : "";
  return html`<div class="curve-end-point" data-testid="provenance-curve-view" data-figure=${String(point.figure)} data-panel=${point.panel} data-series=${point.highlight ?? "all"} data-step=${point.step === null ? "" : String(point.step)}>
    <p data-testid="provenance-curve-caption"><span class="paper-version-tag">May 2025 preprint</span> ${point.figureLabel} “${point.panel}”, ${point.highlight ? `${point.highlight} (raw values)` : "raw values of every reward"}</p>
    ${endPointChart({point, reading}, {width})}
    ${legend}
    <p data-testid="provenance-curve-statement">${reading.statement}</p>
    ${[...point.caveats, ...(inferred ? ["This series' reward is inferred from evidence, not read from the legend."] : [])].map((c) => html`<p class="muted">${c}</p>`)}
    <p><a href=${figureHref(point.figure, point.panel)} data-testid="provenance-curve-link">The whole panel on the Figures page</a></p>
  </div>`;
}
