// Finds the plot panels of a page: matplotlib clips every data line to its axes rectangle, so the stroked,
// coloured paths sharing a form XObject and a clip box are one panel's series. Around that box sit the tick labels
// (numbers left of it and under it), the light-grey gridlines and the title (text just above it). Pure.
import type {Box, DrawnPath, Point, RasterImage} from "./graphics.js";
import type {TextItem} from "./pdf.js";
import {fitLine, matchTicks, parseTickLabel, type AxisFit, type Tick} from "./calibrate.js";

export const GRID_COLOR = "#cccccc";
const NEUTRAL = new Set(["#000000", "#ffffff", GRID_COLOR]);

export interface StyledLine {
  color: string;
  alpha: number;
  dashed: boolean;
  lineWidth: number;
  /** the painted vertices in page space, one array per subpath */
  subpaths: Point[][];
  op: number;
}
export interface AxisCalibration extends AxisFit {
  /** ticks whose position came from a gridline (the fit uses only those when there are two or more) */
  onGrid: number;
  /** labels with no gridline: largest distance of their value from the fitted line (axis units); 0 if none */
  offGridResidual: number;
  tickValues: number[];
  tickList: Tick[];
}
export interface Panel {
  page: number;
  form: number;
  box: Box;
  title: string;
  x: AxisCalibration;
  y: AxisCalibration;
  lines: StyledLine[];
}
export interface PanelProblem {
  page: number;
  box: Box;
  title: string;
  problem: string;
}

const key = (b: Box) => [b.x0, b.y0, b.x1, b.y1].map((v) => v.toFixed(2)).join(",");
const inRange = (v: number, lo: number, hi: number, pad = 0) => v >= lo - pad && v <= hi + pad;

/** Series candidates: coloured strokes with a clip box, made of straight segments. */
export function dataLines(paths: DrawnPath[]): Map<string, {form: number; box: Box; lines: StyledLine[]}> {
  const groups = new Map<string, {form: number; box: Box; lines: StyledLine[]}>();
  for (const p of paths) {
    if (!p.stroke || p.fill || !p.clip || NEUTRAL.has(p.strokeColor)) continue;
    if (p.subpaths.some((s) => s.curved) || !p.subpaths.some((s) => s.points.length >= 2)) continue;
    const k = `${p.form}|${key(p.clip)}`;
    const g = groups.get(k) ?? {form: p.form, box: p.clip, lines: []};
    g.lines.push({color: p.strokeColor, alpha: p.strokeAlpha, dashed: p.dash.length > 0, lineWidth: p.lineWidth, subpaths: p.subpaths.map((s) => s.points), op: p.op});
    groups.set(k, g);
  }
  return groups;
}

/** Gridlines of a panel: light-grey straight strokes inside its box, as x positions (vertical) and y (horizontal). */
export function gridlines(paths: DrawnPath[], form: number, box: Box): {xs: number[]; ys: number[]} {
  const xs: number[] = [], ys: number[] = [];
  const eps = 1e-3;
  for (const p of paths) {
    if (!p.stroke || p.form !== form || p.strokeColor !== GRID_COLOR) continue;
    for (const s of p.subpaths) {
      if (s.points.length !== 2) continue;
      const [a, b] = s.points;
      if (Math.abs(a.x - b.x) < eps && inRange(a.x, box.x0, box.x1, 0.01)) xs.push(a.x);
      else if (Math.abs(a.y - b.y) < eps && inRange(a.y, box.y0, box.y1, 0.01)) ys.push(a.y);
    }
  }
  return {xs, ys};
}

/** Joins text items on one baseline into a line of text, left to right. */
export function joinLine(items: TextItem[]): string {
  // a space only where the page leaves a gap (math is set glyph by glyph: "γ = 0.7" comes as five items)
  let out = "", end = -Infinity;
  for (const t of [...items].sort((a, b) => a.x - b.x)) {
    out += (out && t.x - end > 0.18 * t.size ? " " : "") + t.str;
    end = t.x + t.width;
  }
  return out.replace(/\s+/g, " ").trim();
}

function calibrate(labels: {center: number; value: number}[], grid: number[], tolerance: number, what: string): AxisCalibration {
  // A label repeated at two places (e.g. the same value on twin axes) would break the fit; keep distinct values.
  const {ticks, onGrid, offGrid} = matchTicks(labels, grid, tolerance);
  const fit = fitLine(onGrid.length >= 2 ? onGrid : ticks);
  if (!(fit.slope > 0)) throw new Error(`${what}: axis runs backwards (slope ${fit.slope})`);
  const offGridResidual = Math.max(0, ...offGrid.map((t) => Math.abs(fit.slope * t.pos + fit.intercept - t.value)));
  return {...fit, ticks: ticks.length, onGrid: onGrid.length, offGridResidual, tickValues: ticks.map((t) => t.value), tickList: ticks};
}

/** The panels of one page, or the reason each candidate could not be calibrated. */
export function findPanels(page: number, paths: DrawnPath[], texts: TextItem[]): {panels: Panel[]; problems: PanelProblem[]} {
  const panels: Panel[] = [];
  const problems: PanelProblem[] = [];
  for (const {form, box, lines} of dataLines(paths).values()) {
    const w = box.x1 - box.x0, h = box.y1 - box.y0;
    if (w < 20 || h < 15) continue; // legend swatches and the like
    const horizontal = texts.filter((t) => !t.vertical);
    // y tick labels: numbers whose right edge is just left of the box and whose middle is within its height
    const yLabels = horizontal
      .map((t) => ({t, v: parseTickLabel(t.str)}))
      .filter(({t, v}) => v !== null && t.x + t.width <= box.x0 + 0.5 && t.x + t.width >= box.x0 - 4 * t.size && inRange(t.y + 0.36 * t.size, box.y0, box.y1, 0.6 * t.size));
    // x tick labels: numbers whose top is just below the box and whose middle is within its width
    const xLabels = horizontal
      .map((t) => ({t, v: parseTickLabel(t.str)}))
      .filter(({t, v}) => v !== null && t.y + t.size <= box.y0 + 0.5 && t.y + t.size >= box.y0 - 2.5 * t.size && inRange(t.x + t.width / 2, box.x0, box.x1, t.size));
    // the title is set in the plot's own font (the tick labels'), unlike LaTeX legends placed just above
    const plotFonts = new Set([...yLabels, ...xLabels].map(({t}) => t.font));
    const titleItems = horizontal.filter((t) => plotFonts.has(t.font) && t.y >= box.y1 && t.y <= box.y1 + 8 && t.x + t.width > box.x0 && t.x < box.x1 && parseTickLabel(t.str) === null);
    const titleBase = titleItems.length ? Math.min(...titleItems.map((t) => t.y)) : null;
    const title = titleBase === null ? "" : joinLine(titleItems.filter((t) => Math.abs(t.y - titleBase) < 1));
    const grid = gridlines(paths, form, box);
    try {
      const y = calibrate(yLabels.map(({t, v}) => ({center: t.y + 0.36 * t.size, value: v!})), grid.ys, 0.45 * (yLabels[0]?.t.size ?? 4), `page ${page} "${title}" y`);
      const x = calibrate(xLabels.map(({t, v}) => ({center: t.x + t.width / 2, value: v!})), grid.xs, 0.6 * (xLabels[0]?.t.size ?? 4), `page ${page} "${title}" x`);
      panels.push({page, form, box, title, x, y, lines});
    } catch (e) {
      problems.push({page, box, title, problem: (e as Error).message});
    }
  }
  panels.sort((a, b) => b.box.y1 - a.box.y1 || a.box.x0 - b.box.x0);
  return {panels, problems};
}

/** Raster images big enough to be a plot (an embedded bitmap cannot be read as data). */
export function rasterPanels(images: RasterImage[], minSize = 40): RasterImage[] {
  return images.filter((i) => i.box.x1 - i.box.x0 >= minSize && i.box.y1 - i.box.y0 >= minSize);
}
