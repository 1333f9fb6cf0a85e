// A recovered panel redrawn with Plot, with a readout of (step, value) per series that follows the pointer and
// the arrow keys. The cursor is drawn over the rendered plot (using Plot's own scales), so moving it never
// re-renders the chart.
import * as Plot from "../plot.js";
import {accessiblePlot} from "../plot-a11y.js";

export interface CurveSeries {
  /** what the reader sees in the legend and the readout */
  label: string;
  color: string;
  kind: "raw" | "smoothed";
  steps: number[];
  values: number[];
  /** colour → label inferred from evidence, not read from the legend */
  inferred?: boolean;
}
export interface CurveMark {
  step: number;
  value: number;
  label: string;
}

const fmt = (v: number) => (Math.abs(v) < 1 ? v.toFixed(3) : v.toFixed(1));

/** Value of a series at a step: exact vertex, or null (the plotter may have dropped the vertex: never interpolate). */
export function valueAt(s: Pick<CurveSeries, "steps" | "values">, step: number): number | null {
  let lo = 0, hi = s.steps.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (s.steps[mid] === step) return s.values[mid];
    if (s.steps[mid] < step) lo = mid + 1;
    else hi = mid - 1;
  }
  return null;
}

/** One line of readout text per series at a step ("no vertex" where the path has none). */
export function readoutText(series: CurveSeries[], step: number): string {
  const parts = series.map((s) => {
    const v = valueAt(s, step);
    return `${s.label}${s.kind === "raw" ? " (raw)" : ""}: ${v === null ? "no vertex" : fmt(v)}`;
  });
  return `Step ${step} — ${parts.join("; ")}`;
}

export function curveChart(series: CurveSeries[], {width, height = 300, yLabel = "", title = "", marks = [] as CurveMark[], yDomain}: {width: number; height?: number; yLabel?: string; title?: string; marks?: CurveMark[]; yDomain?: [number, number]}): HTMLElement {
  const root = document.createElement("div");
  root.className = "curve-chart";
  const rows = series.flatMap((s, i) => s.steps.map((step, j) => ({i, step, value: s.values[j]})));
  const allSteps = [...new Set(rows.map((r) => r.step))].sort((a, b) => a - b);
  if (!rows.length) {
    root.textContent = "No series selected.";
    return root;
  }
  const plot = accessiblePlot(
    Plot.plot({
      width,
      height,
      marginLeft: 48,
      marginRight: marks.length ? 16 : 20,
      ariaLabel: title ? `${title}: recovered curves` : "recovered curves",
      ariaDescription: `${series.length} series over training steps ${allSteps[0]}–${allSteps[allSteps.length - 1]}; use the table below for the values, or focus the chart and press the arrow keys.`,
      x: {label: "Training step", nice: true},
      y: {label: yLabel, grid: true, domain: yDomain},
      marks: [
        ...series.map((s, i) =>
          Plot.line(rows.filter((r) => r.i === i), {x: "step", y: "value", stroke: s.color, strokeWidth: s.kind === "raw" ? 1 : 2, strokeOpacity: s.kind === "raw" ? 0.45 : 1, strokeDasharray: s.inferred ? "5,2" : undefined}),
        ),
        Plot.dot(marks, {x: "step", y: "value", r: 4.5, fill: "white", stroke: "black", strokeWidth: 1.5}),
        Plot.text(marks, {x: "step", y: "value", text: "label", dx: -8, dy: -9, textAnchor: "end", fontWeight: 600, stroke: "white", strokeWidth: 3, paintOrder: "stroke"}),
      ],
    }),
  );
  const svg = (plot.tagName === "svg" ? plot : plot.querySelector("svg")) as SVGSVGElement;
  const x = plot.scale("x")!, y = plot.scale("y")!;
  const [y0, y1] = (y.range as [number, number]);
  const ns = "http://www.w3.org/2000/svg";
  const cursor = document.createElementNS(ns, "g");
  cursor.setAttribute("aria-hidden", "true");
  cursor.style.display = "none";
  const rule = document.createElementNS(ns, "line");
  rule.setAttribute("stroke", "currentColor");
  rule.setAttribute("stroke-opacity", "0.5");
  rule.setAttribute("y1", String(y0));
  rule.setAttribute("y2", String(y1));
  cursor.append(rule);
  const dots = series.map((s) => {
    const c = document.createElementNS(ns, "circle");
    c.setAttribute("r", s.kind === "raw" ? "2.5" : "3.5");
    c.setAttribute("fill", s.color);
    c.setAttribute("stroke", "white");
    cursor.append(c);
    return c;
  });
  svg.append(cursor);
  const readout = document.createElement("p");
  readout.className = "curve-readout";
  readout.setAttribute("role", "status");
  readout.setAttribute("aria-live", "polite");
  readout.dataset.testid = "curve-readout";
  readout.textContent = "Point at the chart, or focus it and use ← → (Home/End) to read values.";
  let index = -1;
  const show = (i: number) => {
    index = Math.max(0, Math.min(allSteps.length - 1, i));
    const step = allSteps[index];
    const px = x.apply(step) as number;
    rule.setAttribute("x1", String(px));
    rule.setAttribute("x2", String(px));
    series.forEach((s, k) => {
      const v = valueAt(s, step);
      dots[k].style.display = v === null ? "none" : "";
      if (v !== null) {
        dots[k].setAttribute("cx", String(px));
        dots[k].setAttribute("cy", String(y.apply(v)));
      }
    });
    cursor.style.display = "";
    readout.textContent = readoutText(series, step);
    root.dataset.step = String(step);
  };
  const nearest = (step: number) => {
    let best = 0;
    for (let i = 1; i < allSteps.length; i++) if (Math.abs(allSteps[i] - step) < Math.abs(allSteps[best] - step)) best = i;
    return best;
  };
  svg.setAttribute("tabindex", "0");
  svg.setAttribute("role", "img");
  svg.addEventListener("pointermove", (e) => {
    const rect = svg.getBoundingClientRect();
    const scale = (svg.viewBox.baseVal?.width || rect.width) / rect.width;
    show(nearest(x.invert!((e.clientX - rect.left) * scale) as number));
  });
  svg.addEventListener("keydown", (e) => {
    const moves: Record<string, number> = {ArrowRight: 1, ArrowLeft: -1, PageUp: 10, PageDown: -10};
    if (e.key in moves) show((index < 0 ? 0 : index) + moves[e.key]);
    else if (e.key === "Home") show(0);
    else if (e.key === "End") show(allSteps.length - 1);
    else return;
    e.preventDefault();
  });
  svg.addEventListener("focus", () => { if (index < 0) show(0); });
  root.append(plot, readout);
  return root;
}

/** The values as an accessible table: one row per step, one column per series (empty = no vertex at that step). */
export function curveTable(series: CurveSeries[], caption: string): HTMLElement {
  const wrap = document.createElement("div");
  wrap.className = "paper-table-wrap curve-table";
  wrap.setAttribute("role", "region");
  wrap.setAttribute("aria-label", caption);
  wrap.tabIndex = 0;
  const steps = [...new Set(series.flatMap((s) => s.steps))].sort((a, b) => a - b);
  const table = document.createElement("table");
  const cap = table.createCaption();
  cap.textContent = caption;
  const head = table.createTHead().insertRow();
  const th = (t: string) => { const c = document.createElement("th"); c.scope = "col"; c.textContent = t; head.append(c); };
  th("step");
  for (const s of series) th(`${s.label}${s.kind === "raw" ? " (raw)" : ""}`);
  const body = table.createTBody();
  const lookups = series.map((s) => new Map(s.steps.map((st, i) => [st, s.values[i]])));
  for (const step of steps) {
    const tr = body.insertRow();
    const h = document.createElement("th");
    h.scope = "row";
    h.textContent = String(step);
    tr.append(h);
    for (const m of lookups) {
      const td = tr.insertCell();
      td.className = "num";
      const v = m.get(step);
      td.textContent = v === undefined ? "" : String(v);
    }
  }
  wrap.append(table);
  return wrap;
}
