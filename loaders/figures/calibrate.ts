// Axis calibration: a least-squares line from page position to axis value, fitted on tick positions whose values
// are read from the tick-label texts. Pure.
export interface Tick {
  /** position along the axis in page units (x for a horizontal axis, y for a vertical one) */
  pos: number;
  value: number;
}
export interface AxisFit {
  slope: number;
  intercept: number;
  /** largest |fitted − labelled| over the ticks, in axis units */
  maxResidual: number;
  ticks: number;
}

export function fitLine(ticks: Tick[]): AxisFit {
  if (ticks.length < 2) throw new Error(`an axis needs at least 2 ticks to calibrate, got ${ticks.length}`);
  const n = ticks.length;
  const mx = ticks.reduce((s, t) => s + t.pos, 0) / n;
  const my = ticks.reduce((s, t) => s + t.value, 0) / n;
  let sxy = 0, sxx = 0;
  for (const t of ticks) {
    sxy += (t.pos - mx) * (t.value - my);
    sxx += (t.pos - mx) ** 2;
  }
  if (sxx === 0) throw new Error("all ticks sit at the same position");
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const maxResidual = Math.max(...ticks.map((t) => Math.abs(slope * t.pos + intercept - t.value)));
  return {slope, intercept, maxResidual, ticks: n};
}

/** Axis value of a page position, and its inverse (used by the redraw check). */
export const toValue = (fit: Pick<AxisFit, "slope" | "intercept">, pos: number) => fit.slope * pos + fit.intercept;
export const toPos = (fit: Pick<AxisFit, "slope" | "intercept">, value: number) => (value - fit.intercept) / fit.slope;

/** A tick label as printed ("0.35", "−0.1", "1e-3", "100"); null if it is not a plain number. */
export function parseTickLabel(text: string): number | null {
  const s = text.replace(/\s+/g, "").replace(/\u2212/g, "-");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?%?$/i.test(s)) return null;
  return Number(s.replace("%", ""));
}

/**
 * Pairs each tick label with the nearest gridline (within `tolerance` page units of the label's centre) so the fit
 * can use the exact gridline positions; a label with no gridline keeps its own centre (an estimate: the text box
 * is not the tick).
 */
export function matchTicks(labels: {center: number; value: number}[], gridlines: number[], tolerance: number): {ticks: Tick[]; onGrid: Tick[]; offGrid: Tick[]} {
  const onGrid: Tick[] = [], offGrid: Tick[] = [];
  for (const label of labels) {
    let best: number | null = null;
    for (const g of gridlines) if (Math.abs(g - label.center) <= tolerance && (best === null || Math.abs(g - label.center) < Math.abs(best - label.center))) best = g;
    if (best !== null) onGrid.push({pos: best, value: label.value});
    else offGrid.push({pos: label.center, value: label.value});
  }
  return {ticks: [...onGrid, ...offGrid].sort((a, b) => a.pos - b.pos), onGrid, offGrid};
}
