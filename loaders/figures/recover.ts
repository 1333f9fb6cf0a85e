// From the pages' drawn paths and texts to the figures as data: panels, axes, series and points. Pure (the PDF is
// read by pdf.ts); every problem that would make a number wrong is collected and thrown at the end, naming figure
// and panel, so the build fails instead of publishing a misread curve.
import type {TextItem} from "./pdf.js";
import type {PageGraphics} from "./pdf.js";
import {findPanels, joinLine, rasterPanels, type Panel, type StyledLine} from "./panels.js";
import {readLegend, type LegendEntry} from "./legend.js";
import {toPos, toValue} from "./calibrate.js";
import {assignColours, type Assignment} from "./infer.js";
import {benchmarkOf, canonicalModel, FIGURES, REWARD_KEYS, type FigureSpec} from "./manifest.js";

export const CURVE_COLUMNS = ["figure", "page", "panel", "model", "benchmark", "series", "kind", "step", "value"] as const;
export type Kind = "raw" | "smoothed";
export interface CurveRow {
  figure: number;
  page: number;
  panel: string;
  model: string;
  benchmark: string;
  series: string;
  kind: Kind;
  step: number;
  value: number;
}
export interface AxisRow {
  figure: number;
  page: number;
  panel: string;
  axis: "x" | "y";
  slope: number;
  intercept: number;
  max_residual: number;
  tick_count: number;
  /** ticks placed on a gridline (the fit uses those) */
  on_grid: number;
  tolerance: number;
}
export interface SeriesInfo {
  figure: number;
  panel: string;
  model: string;
  benchmark: string;
  series: string;
  kind: Kind;
  color: string;
  /** how the label was found: the legend swatch of the same colour, inferred from evidence, or numbered (unlabelled runs) */
  label_source: "legend" | "inferred" | "numbered";
  reward: string | null;
  points: number;
  first_step: number;
  last_step: number;
  /** vertices the plotting software cut at the clip edge (not at a training step): dropped, never interpolated */
  cut_vertices: number;
  /** training steps inside the series' range with no vertex (dropped by the plotter as nearly collinear) */
  missing_steps: number;
  /** redraw test: the recovered (step, value) mapped back through the calibration, farthest from its PDF vertex (pt) */
  redraw_error: number;
}
export interface PanelInfo {
  figure: number;
  page: number;
  panel: string;
  title: string;
  subcaption: string;
  model: string;
  benchmark: string;
  status: "recovered" | "raster";
  reason: string;
  /** plot area in page units: [x0, y0, x1, y1] */
  box: [number, number, number, number];
  x_domain: [number, number];
  y_domain: [number, number];
  x_ticks: number[];
  y_ticks: number[];
  series: number;
  points: number;
}
export interface FigureInfo {
  figure: number;
  page: number;
  caption: string;
  note: string;
  colour: string;
  legend: LegendEntry[];
  panels: number;
  recovered: number;
  inferred: Assignment[];
}
export interface Recovery {
  figures: FigureInfo[];
  panels: PanelInfo[];
  series: SeriesInfo[];
  axes: AxisRow[];
  curves: CurveRow[];
}

/** Steps are whole training steps; a vertex further than this from one was cut by the plotter, not plotted. */
export const STEP_SNAP = 0.01;
/**
 * Largest calibration residual accepted, in page units (converted to axis units with the axis' slope): a
 * thousandth of a point. Gridlines and data share one coordinate system written to ~1e-9 pt here, so a real
 * misreading (a label matched to the wrong gridline) is off by a whole tick spacing, ≥ 5 pt: the gap is huge.
 */
export const RESIDUAL_PAGE_UNITS = 1e-3;
/** Values keep 6 decimals: the PDF's coordinates carry them to ~1e-9 in axis units. */
const round6 = (v: number) => Math.round(v * 1e6) / 1e6 + 0; // + 0: no -0

export class RecoveryError extends Error {
  constructor(public problems: string[]) {
    super(`figure recovery failed:\n  ${problems.join("\n  ")}`);
  }
}

const inRegion = (spec: FigureSpec, y0: number, y1: number) => !spec.region || (y0 >= spec.region[0] && y1 <= spec.region[1]);

/** The caption: lines from "Figure N:" down, same font size, same column, stopping at a gap or the legend. */
export function captionOf(texts: TextItem[], figure: number, stopBand: [number, number] | null): string {
  const start = texts.find((t) => t.str.startsWith(`Figure ${figure}:`));
  if (!start) return "";
  const size = start.size;
  const lines = new Map<number, TextItem[]>();
  for (const t of texts) {
    if (t.vertical || Math.abs(t.size - size) > 0.3 || t.x < start.x - 2 || t.y > start.y + 0.5) continue;
    const key = Math.round(t.y * 2) / 2;
    const near = [...lines.keys()].find((k) => Math.abs(k - key) < 1);
    const k = near ?? key;
    lines.set(k, [...(lines.get(k) ?? []), t]);
  }
  const ys = [...lines.keys()].sort((a, b) => b - a);
  const out: string[] = [];
  let prev = ys[0];
  for (const y of ys) {
    if (prev - y > 1.6 * size) break;
    if (stopBand && y >= stopBand[0] - 3 && y <= stopBand[1]) break;
    out.push(joinLine(lines.get(y)!));
    prev = y;
  }
  return out.reduce((s, line) => (s.endsWith("-") ? s + line : s ? `${s} ${line}` : line), "");
}

/** The sub-caption "(x) …" nearest below a panel whose text overlaps it horizontally. */
function subcaptionOf(texts: TextItem[], panel: Panel, spec: FigureSpec): {letter: string; text: string} | null {
  const starts = texts.filter((t) => /^\([a-h]\)/.test(t.str) && t.y < panel.box.y0 && inRegion(spec, t.y, t.y));
  const lineText = (t: TextItem) => {
    const next = starts.filter((o) => Math.abs(o.y - t.y) < 1 && o.x > t.x).map((o) => o.x);
    const stop = next.length ? Math.min(...next) : Infinity;
    return joinLine(texts.filter((o) => Math.abs(o.y - t.y) < 1 && o.x >= t.x && o.x < stop));
  };
  const candidates = starts
    .map((t) => ({t, text: lineText(t)}))
    .filter(({t, text}) => {
      const w = texts.filter((o) => Math.abs(o.y - t.y) < 1 && o.x >= t.x).reduce((end, o) => (text.includes(o.str) ? Math.max(end, o.x + o.width) : end), t.x + t.width);
      return t.x < panel.box.x1 && w > panel.box.x0;
    })
    .sort((a, b) => b.t.y - a.t.y);
  if (!candidates.length) return null;
  const {t, text} = candidates[0];
  return {letter: t.str.slice(1, 2), text};
}

function splitTitle(title: string): {prefix: string; suffix: string} {
  const i = title.lastIndexOf(" - ");
  return i < 0 ? {prefix: "", suffix: title} : {prefix: title.slice(0, i).trim(), suffix: title.slice(i + 3).trim()};
}

/** Relative luminance, for numbering unlabelled runs from the lightest colour to the darkest. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

interface LinePoints {
  line: StyledLine;
  kind: Kind;
  /** compound-original figures: which of the two the dash says */
  role: "compound" | "original" | null;
  points: {step: number; value: number; x: number; y: number}[];
  cut: number;
}

/** A line's vertices in axis units, cut vertices dropped, repeated vertices (subpath joins) merged. */
export function linePoints(panel: Pick<Panel, "x" | "y">, line: StyledLine): {points: LinePoints["points"]; cut: number; conflicts: number} {
  const points: LinePoints["points"] = [];
  let cut = 0, conflicts = 0;
  for (const sub of line.subpaths) {
    for (const p of sub) {
      const s = toValue(panel.x, p.x);
      if (Math.abs(s - Math.round(s)) > STEP_SNAP) { cut++; continue; }
      const step = Math.round(s) + 0; // + 0 turns -0 into 0
      const value = round6(toValue(panel.y, p.y));
      const last = points[points.length - 1];
      if (last && last.step === step) {
        if (last.value !== value) conflicts++;
        continue;
      }
      points.push({step, value, x: p.x, y: p.y});
    }
  }
  return {points, cut, conflicts};
}

interface Classified {
  spec: FigureSpec;
  panel: Panel;
  id: string;
  title: string;
  subcaption: string;
  model: string;
  benchmark: string;
  lines: LinePoints[];
}

export function recover(pages: Map<number, PageGraphics>, specs: FigureSpec[] = FIGURES): Recovery {
  const problems: string[] = [];
  const out: Recovery = {figures: [], panels: [], series: [], axes: [], curves: []};
  const found = new Map<number, {panels: Panel[]}>();
  for (const [page, g] of pages) {
    const {panels, problems: pp} = findPanels(page, g.paths, g.texts);
    found.set(page, {panels});
    // a box with lines but no numeric ticks is a diagram (Figure 7's Sankey charts), not a plot: not a problem
    for (const p of pp) if (!/needs at least 2 ticks to calibrate, got 0/.test(p.problem)) problems.push(`page ${page} "${p.title}": ${p.problem}`);
  }
  const classified: Classified[] = [];
  for (const spec of specs) {
    const g = pages.get(spec.page);
    if (!g) { problems.push(`Figure ${spec.figure}: page ${spec.page} was not read`); continue; }
    const panels = found.get(spec.page)!.panels.filter((p) => inRegion(spec, p.box.y0, p.box.y1));
    const ids = new Set<string>();
    for (const panel of panels) {
      const sub = subcaptionOf(g.texts, panel, spec);
      const title = panel.title;
      const useLetter = spec.subcaption !== undefined;
      const id = useLetter ? `(${sub?.letter ?? "?"}) ${title || (sub?.text ?? "").replace(/^\([a-h]\)\s*/, "")}` : title;
      const subText = (sub?.text ?? "").replace(/^\([a-h]\)\s*/, "");
      const {prefix, suffix} = splitTitle(title);
      const model = spec.model ?? canonicalModel(prefix) ?? (spec.subcaption === "model" ? canonicalModel(subText) : null) ?? (spec.colour === "model" ? "" : null);
      const benchmark = benchmarkOf(suffix) ?? (spec.subcaption === "benchmark" ? benchmarkOf(subText) : null);
      if (model === null) problems.push(`Figure ${spec.figure} panel "${id}": no model in its title, sub-caption or the figure list`);
      if (benchmark === null) problems.push(`Figure ${spec.figure} panel "${id}": no benchmark in its title or sub-caption`);
      if (ids.has(id)) problems.push(`Figure ${spec.figure}: two panels named "${id}"`);
      ids.add(id);
      const lines: LinePoints[] = panel.lines.map((line) => {
        const {points, cut, conflicts} = linePoints(panel, line);
        if (conflicts) problems.push(`Figure ${spec.figure} panel "${id}": ${conflicts} steps of the ${line.color} line carry two values`);
        const faint = line.dashed || line.alpha < 0.5;
        return spec.style === "raw-smoothed"
          ? {line, kind: faint ? "raw" : "smoothed", role: null, points, cut}
          : {line, kind: "smoothed", role: line.dashed ? "original" : "compound", points, cut};
      });
      classified.push({spec, panel, id, title, subcaption: sub?.text ?? "", model: model ?? "", benchmark: benchmark ?? "", lines});
      for (const axis of ["x", "y"] as const) {
        const fit = panel[axis];
        const tolerance = RESIDUAL_PAGE_UNITS * Math.abs(fit.slope);
        if (fit.onGrid < 2) problems.push(`Figure ${spec.figure} panel "${id}" ${axis} axis: only ${fit.onGrid} tick labels sit on a gridline`);
        if (!(fit.maxResidual <= tolerance)) problems.push(`Figure ${spec.figure} panel "${id}" ${axis} axis: calibration residual ${fit.maxResidual.toExponential(2)} exceeds ${tolerance.toExponential(2)}`);
        out.axes.push({figure: spec.figure, page: spec.page, panel: id, axis, slope: fit.slope, intercept: fit.intercept, max_residual: fit.maxResidual, tick_count: fit.ticks, on_grid: fit.onGrid, tolerance});
      }
    }
    for (const want of spec.expectedPanels) if (!ids.has(want)) problems.push(`Figure ${spec.figure}: expected panel "${want}" is missing (found: ${[...ids].join("; ") || "none"})`);
    for (const got of ids) if (!spec.expectedPanels.includes(got)) problems.push(`Figure ${spec.figure}: unexpected panel "${got}"`);
  }

  // Labels. Step-0 references from figures whose legend colours are the curves' colours.
  const legends = new Map<number, LegendEntry[]>();
  for (const spec of specs) {
    const g = pages.get(spec.page);
    if (!g || !spec.legend) continue;
    const entries = readLegend(g.paths, g.texts, spec.legend);
    for (const e of entries) if (!e.label) problems.push(`Figure ${spec.figure}: legend swatch ${e.color} has no label`);
    legends.set(spec.figure, entries);
  }
  const references: Record<string, Record<string, number[]>> = {};
  const startOf = (l: LinePoints) => (l.points[0]?.step === 0 ? l.points[0].value : null);
  for (const c of classified) {
    if (c.spec.inferColours || c.spec.colour === "run") continue;
    const legend = legends.get(c.spec.figure) ?? [];
    for (const l of c.lines) {
      if (l.kind !== "smoothed" || l.role === "original") continue;
      const label = legend.find((e) => e.color === l.line.color)?.label;
      const model = c.spec.colour === "model" ? (label ? canonicalModel(label) : null) : c.model;
      const v = startOf(l);
      if (!model || v === null) continue;
      ((references[model] ??= {})[c.benchmark] ??= []).push(v);
    }
  }
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor((v.length - 1) / 2)];
  const refMedian: Record<string, Record<string, number>> = Object.fromEntries(Object.entries(references).map(([m, byB]) => [m, Object.fromEntries(Object.entries(byB).map(([b, v]) => [b, median(v)]))]));

  for (const spec of specs) {
    const mine = classified.filter((c) => c.spec === spec);
    const legend = legends.get(spec.figure) ?? [];
    let inferred: Assignment[] = [];
    const labelOf = new Map<string, {label: string; source: SeriesInfo["label_source"]}>();
    const colours = [...new Set(mine.flatMap((c) => c.lines.map((l) => l.line.color)))];
    if (spec.colour === "run") {
      // per panel: numbered by luminance, lightest first
    } else if (spec.inferColours) {
      const evidence = colours.map((color) => {
        const start: Record<string, number> = {};
        for (const c of mine) {
          const l = c.lines.find((x) => x.line.color === color && x.kind === "smoothed");
          const v = l ? startOf(l) : null;
          if (v !== null) start[c.benchmark] = v;
        }
        return {color, start};
      });
      try {
        inferred = assignColours(evidence, refMedian);
      } catch (e) {
        problems.push(`Figure ${spec.figure}: colours could not be inferred: ${(e as Error).message}`);
      }
      const legendModels = new Set(legend.map((e) => canonicalModel(e.label)));
      for (const a of inferred) {
        if (!legendModels.has(a.model)) problems.push(`Figure ${spec.figure}: colour ${a.color} inferred as ${a.model}, which its legend does not list`);
        labelOf.set(a.color, {label: legend.find((e) => canonicalModel(e.label) === a.model)?.label ?? a.model, source: "inferred"});
      }
    } else {
      for (const color of colours) {
        const e = legend.find((x) => x.color === color);
        if (!e) problems.push(`Figure ${spec.figure}: curve colour ${color} has no legend label (panels ${mine.filter((c) => c.lines.some((l) => l.line.color === color)).map((c) => `"${c.id}"`).join(", ")})`);
        else labelOf.set(color, {label: e.label, source: "legend"});
      }
    }
    for (const c of mine) {
      const runOrder = [...new Set(c.lines.map((l) => l.line.color))].sort((a, b) => luminance(b) - luminance(a));
      const seen = new Set<string>();
      let panelPoints = 0;
      const {prefix} = splitTitle(c.title);
      const subText = c.subcaption.replace(/^\([a-h]\)\s*/, "");
      for (const l of c.lines) {
        let label = labelOf.get(l.line.color)?.label ?? "";
        let source = labelOf.get(l.line.color)?.source ?? "legend";
        if (spec.colour === "run") { label = `run ${runOrder.indexOf(l.line.color) + 1}`; source = "numbered"; }
        let model = c.model;
        let series = label;
        if (spec.colour === "model") {
          model = canonicalModel(label) ?? "";
          if (!model && label) problems.push(`Figure ${spec.figure}: legend label "${label}" is not a known model`);
          const condition = spec.style === "compound-original" ? (spec.subcaption === "reward" ? subText : prefix) : prefix;
          series = l.role === "original" ? condition.replace(/\s+w\/o Python$/i, "") : condition;
        } else if (spec.colour === "run") {
          series = `${prefix} · ${label}`;
        }
        const key = `${model}|${series}|${l.kind}`;
        if (seen.has(key)) problems.push(`Figure ${spec.figure} panel "${c.id}": two ${l.kind} lines for ${model} ${series}`);
        seen.add(key);
        if (!l.points.length) continue;
        const steps = l.points.map((p) => p.step);
        const first = steps[0], last = steps[steps.length - 1];
        out.series.push({
          figure: spec.figure, panel: c.id, model, benchmark: c.benchmark, series, kind: l.kind, color: l.line.color,
          label_source: source, reward: spec.colour === "reward" ? (REWARD_KEYS[label] ?? null) : null,
          points: l.points.length, first_step: first, last_step: last, cut_vertices: l.cut, missing_steps: last - first + 1 - l.points.length,
          redraw_error: Math.max(...l.points.map((p) => Math.hypot(toPos(c.panel.x, p.step) - p.x, toPos(c.panel.y, p.value) - p.y))),
        });
        for (const p of l.points) out.curves.push({figure: spec.figure, page: spec.page, panel: c.id, model, benchmark: c.benchmark, series, kind: l.kind, step: p.step, value: p.value});
        panelPoints += l.points.length;
      }
      const b = c.panel.box;
      out.panels.push({
        figure: spec.figure, page: spec.page, panel: c.id, title: c.title, subcaption: c.subcaption, model: c.model, benchmark: c.benchmark,
        status: "recovered", reason: "", box: [b.x0, b.y0, b.x1, b.y1],
        x_domain: [toValue(c.panel.x, b.x0), toValue(c.panel.x, b.x1)], y_domain: [toValue(c.panel.y, b.y0), toValue(c.panel.y, b.y1)],
        x_ticks: c.panel.x.tickValues, y_ticks: c.panel.y.tickValues, series: c.lines.length, points: panelPoints,
      });
    }
    const g = pages.get(spec.page);
    const rasters = g ? rasterPanels(g.images).filter((i) => inRegion(spec, i.box.y0, i.box.y1)) : [];
    if ((spec.rasterPanels?.length ?? 0) > 0 && !rasters.length) problems.push(`Figure ${spec.figure}: the raster panels listed for it are not a raster image in the PDF`);
    for (const r of spec.rasterPanels ?? []) {
      const box = rasters[0]?.box;
      out.panels.push({
        figure: spec.figure, page: spec.page, panel: r, title: r.replace(/^\([a-h]\)\s*/, ""), subcaption: "", model: spec.model ?? "", benchmark: benchmarkOf(r) ?? "",
        status: "raster", reason: "drawn as an embedded raster image (a bitmap), not vector paths: no values can be read from it",
        box: box ? [box.x0, box.y0, box.x1, box.y1] : [0, 0, 0, 0], x_domain: [0, 0], y_domain: [0, 0], x_ticks: [], y_ticks: [], series: 0, points: 0,
      });
    }
    out.figures.push({
      figure: spec.figure, page: spec.page, caption: g ? captionOf(g.texts, spec.figure, spec.figure === 10 ? spec.legend : null) : "", note: spec.note ?? "",
      colour: spec.colour, legend, panels: mine.length + (spec.rasterPanels?.length ?? 0), recovered: mine.length, inferred,
    });
  }
  if (problems.length) throw new RecoveryError(problems);
  return out;
}

/** Reads the pages the figure list names and recovers every figure. */
export async function recoverFromPdf(bytes: Uint8Array, specs: FigureSpec[] = FIGURES): Promise<Recovery> {
  const {openPdf, readPage} = await import("./pdf.js");
  const doc = await openPdf(bytes);
  const pages = new Map<number, PageGraphics>();
  for (const page of [...new Set(specs.map((s) => s.page))].sort((a, b) => a - b)) pages.set(page, await readPage(doc, page));
  await doc.destroy();
  return recover(pages, specs);
}
