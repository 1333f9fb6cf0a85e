// Legends: a filled colour swatch followed by its label text on the same line. Pure.
import type {DrawnPath} from "./graphics.js";
import {boxOf} from "./graphics.js";
import type {TextItem} from "./pdf.js";
import {joinLine} from "./panels.js";

export interface LegendEntry {
  color: string;
  label: string;
  x: number;
  y: number;
}

const NEUTRAL = new Set(["#000000", "#ffffff", "#cccccc"]);

/**
 * Legend entries whose swatch centre lies in the y band: the label is the text right of the swatch on its line,
 * up to the next swatch. A swatch with no text is returned with label "" so the caller can fail on it.
 */
export function readLegend(paths: DrawnPath[], texts: TextItem[], band: [number, number], xRange: [number, number] = [-Infinity, Infinity]): LegendEntry[] {
  const swatches = paths
    .filter((p) => p.fill && !NEUTRAL.has(p.fillColor) && p.subpaths.length === 1 && p.subpaths[0].points.length === 4)
    .map((p) => ({p, b: boxOf(p.subpaths[0].points)}))
    .filter(({b}) => b.x1 - b.x0 < 14 && b.y1 - b.y0 < 14 && b.x1 - b.x0 > 2)
    .map(({p, b}) => ({color: p.fillColor, x0: b.x0, x1: b.x1, yc: (b.y0 + b.y1) / 2}))
    .filter((s) => s.yc >= band[0] && s.yc <= band[1] && s.x0 >= xRange[0] && s.x1 <= xRange[1]);
  const entries: LegendEntry[] = [];
  for (const s of swatches) {
    const sameLine = swatches.filter((o) => Math.abs(o.yc - s.yc) < 2 && o.x0 > s.x1).map((o) => o.x0);
    const stop = sameLine.length ? Math.min(...sameLine) : Infinity;
    const candidates = texts.filter((t) => !t.vertical && t.x >= s.x1 - 0.5 && t.x < stop - 0.5 && Math.abs(t.y + 0.3 * t.size - s.yc) < 0.6 * t.size).sort((a, b) => a.x - b.x);
    // the label runs on while the words stay close: a wide gap is the next column (a caption beside the legend)
    const items: TextItem[] = [];
    for (const t of candidates) {
      const prev = items[items.length - 1];
      const gapFrom = prev ? prev.x + prev.width : s.x1;
      if (t.x - gapFrom > (prev ? 0.5 : 1.2) * t.size || (prev && Math.abs(t.y - prev.y) > 0.3)) break;
      items.push(t);
    }
    entries.push({color: s.color, label: joinLine(items), x: s.x0, y: s.yc});
  }
  return entries.sort((a, b) => b.y - a.y || a.x - b.x);
}
