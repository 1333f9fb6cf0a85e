// Pieces of the Figures page: series labels, the figure card's text, and the controls' option lists. DOM-light.
import type {CurveSeries} from "./curve-chart.js";
import type {FigureSeries} from "../../../loaders/figures/tables.js";

/** One series as the per-figure JSON carries it (loaders/figures/tables.ts writes it). */
export type SeriesData = FigureSeries;
export interface PanelData {
  panel: string;
  benchmark: string;
  model: string;
  series: SeriesData[];
}

/** A label that tells the panel's series apart: the series, the model, or both when both vary. */
export function seriesLabeler(series: Pick<SeriesData, "series" | "model">[]): (s: Pick<SeriesData, "series" | "model">) => string {
  const models = new Set(series.map((s) => s.model));
  const names = new Set(series.map((s) => s.series));
  if (models.size <= 1) return (s) => s.series;
  if (names.size <= 1) return (s) => s.model;
  return (s) => `${s.model} · ${s.series}`;
}

export function toCurveSeries(panel: PanelData, {kinds, labels}: {kinds: string[]; labels?: string[]}): CurveSeries[] {
  const label = seriesLabeler(panel.series);
  return panel.series
    .filter((s) => kinds.includes(s.kind) && (!labels || labels.includes(label(s))))
    .map((s) => ({label: label(s) + (s.label_source === "inferred" ? " (colour inferred)" : ""), color: s.color, kind: s.kind, steps: s.steps, values: s.values, inferred: s.label_source === "inferred"}));
}

export function yLabelOf(benchmark: string): string {
  if (benchmark === "code frequency") return "Share of answers with code";
  if (benchmark === "MATH-500") return "MATH-500 accuracy";
  return `${benchmark} accuracy (avg@8)`;
}
