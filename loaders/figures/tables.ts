// The recovery as tables: the tidy curve points, the axis calibrations, and one compact JSON per figure for the
// Figures page (points as parallel step/value arrays, so a figure loads on its own). Pure.
import {CURVE_COLUMNS, type Recovery} from "./recover.js";

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? "" : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
export function toCsv(rows: Record<string, unknown>[], columns: readonly string[]): string {
  return [columns.join(","), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(","))].join("\n") + "\n";
}

export function curvesCsv(r: Recovery): string {
  return toCsv(r.curves as unknown as Record<string, unknown>[], CURVE_COLUMNS);
}

export const AXIS_COLUMNS = ["figure", "page", "panel", "axis", "slope", "intercept", "max_residual", "tick_count", "on_grid", "tolerance"] as const;
export function axesCsv(r: Recovery): string {
  return toCsv(r.axes as unknown as Record<string, unknown>[], AXIS_COLUMNS);
}

export interface FigureSeries {
  series: string;
  model: string;
  kind: "raw" | "smoothed";
  color: string;
  label_source: string;
  steps: number[];
  values: number[];
}
export interface FigurePanelData {
  panel: string;
  benchmark: string;
  model: string;
  series: FigureSeries[];
}
export function figureData(r: Recovery, figure: number): {figure: number; panels: FigurePanelData[]} {
  const bySeries = new Map<string, typeof r.curves>();
  const key = (c: {panel: string; series: string; model: string; kind: string}) => `${c.panel}|${c.series}|${c.model}|${c.kind}`;
  for (const c of r.curves) {
    if (c.figure !== figure) continue;
    const k = key(c);
    if (!bySeries.has(k)) bySeries.set(k, []);
    bySeries.get(k)!.push(c);
  }
  const panels = r.panels.filter((p) => p.figure === figure && p.status === "recovered").map((p) => {
    const series = r.series.filter((s) => s.figure === figure && s.panel === p.panel).map((s) => {
      const pts = bySeries.get(key(s)) ?? [];
      return {series: s.series, model: s.model, kind: s.kind, color: s.color, label_source: s.label_source, steps: pts.map((c) => c.step), values: pts.map((c) => c.value)};
    });
    return {panel: p.panel, benchmark: p.benchmark, model: p.model, series};
  });
  if (!panels.length) throw new Error(`Figure ${figure} has no recovered panels`);
  return {figure, panels};
}

/** Everything but the points, plus the totals the page and the report quote. */
export function figureIndex(r: Recovery) {
  const worst = r.axes.reduce((w, a) => (a.max_residual / Math.abs(a.slope) > w.pageUnits ? {pageUnits: a.max_residual / Math.abs(a.slope), axis: a} : w), {pageUnits: 0, axis: r.axes[0]});
  return {
    figures: r.figures,
    panels: r.panels,
    series: r.series,
    axes: r.axes,
    totals: {
      figures: r.figures.length,
      panels: r.panels.filter((p) => p.status === "recovered").length,
      rasterPanels: r.panels.filter((p) => p.status === "raster").length,
      series: r.series.length,
      points: r.curves.length,
      cutVertices: r.series.reduce((s, x) => s + x.cut_vertices, 0),
      inferredSeries: r.series.filter((s) => s.label_source === "inferred").length,
      worstResidual: {figure: worst.axis.figure, panel: worst.axis.panel, axis: worst.axis.axis, value: worst.axis.max_residual, pageUnits: worst.pageUnits},
    },
  };
}
