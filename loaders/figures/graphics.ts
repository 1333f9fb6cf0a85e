// Interprets a PDF operator list (pdfjs-dist's `getOperatorList()` output: parallel fnArray/argsArray) into the
// drawn paths in page coordinates, each with the graphics state it was painted with. Pure: the op codes are passed
// in, so crafted lists can be tested without a PDF.
export type Matrix = [number, number, number, number, number, number];
export interface Point {
  x: number;
  y: number;
}
/** One subpath: its vertices in page space (curves keep their end points only: matplotlib plots polylines). */
export interface Subpath {
  points: Point[];
  closed: boolean;
  /** true if any segment was a Bézier curve (markers, rounded boxes) rather than a polyline */
  curved: boolean;
}
export interface DrawnPath {
  /** index of the painting operator in the list (document order) */
  op: number;
  subpaths: Subpath[];
  stroke: boolean;
  fill: boolean;
  strokeColor: string;
  fillColor: string;
  strokeAlpha: number;
  fillAlpha: number;
  /** line width in page units (scaled by the CTM) */
  lineWidth: number;
  /** dash array in page units; empty = solid */
  dash: number[];
  /** the clip rectangle in force (page space bounding box of the last clip path), or null */
  clip: Box | null;
  /** nesting of form XObjects: the id of the innermost form, -1 on the page itself */
  form: number;
}
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
export interface RasterImage {
  op: number;
  /** the unit square mapped to page space: its bounding box */
  box: Box;
  form: number;
}

/** The pdfjs OPS numbers this interpreter needs (pdfjs-dist exports them as `OPS`). */
export interface OpCodes {
  save: number;
  restore: number;
  transform: number;
  setLineWidth: number;
  setDash: number;
  setStrokeRGBColor: number;
  setFillRGBColor: number;
  setStrokeGray?: number;
  setFillGray?: number;
  setGState: number;
  constructPath: number;
  moveTo: number;
  lineTo: number;
  curveTo: number;
  curveTo2: number;
  curveTo3: number;
  closePath: number;
  rectangle: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  endPath: number;
  clip: number;
  eoClip: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  paintImageXObject: number;
  paintInlineImageXObject?: number;
  paintImageMaskXObject?: number;
}

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m·n in PDF's row-vector convention: apply m first, then n (so `cm` is multiply(cm, ctm)). */
export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}
export function apply(m: Matrix, x: number, y: number): Point {
  return {x: m[0] * x + m[2] * y + m[4], y: m[1] * x + m[3] * y + m[5]};
}
/** How much the CTM scales lengths (geometric mean of the axis scales): line widths and dashes. */
function lengthScale(m: Matrix): number {
  return Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));
}

/** pdfjs gives RGB as a 0–255 triple (an array or an indexed object); render it as #rrggbb. */
export function hexColor(args: unknown): string {
  const a = args as Record<number, number> | number[];
  const c = [a[0], a[1], a[2]].map((v) => Math.max(0, Math.min(255, Math.round(Number(v)))));
  return "#" + c.map((v) => v.toString(16).padStart(2, "0")).join("");
}

interface State {
  ctm: Matrix;
  lineWidth: number;
  dash: number[];
  strokeColor: string;
  fillColor: string;
  strokeAlpha: number;
  fillAlpha: number;
  clip: Box | null;
}

function boxOf(points: Point[]): Box {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const p of points) {
    if (p.x < x0) x0 = p.x;
    if (p.x > x1) x1 = p.x;
    if (p.y < y0) y0 = p.y;
    if (p.y > y1) y1 = p.y;
  }
  return {x0, y0, x1, y1};
}
export function intersect(a: Box | null, b: Box): Box {
  if (!a) return b;
  return {x0: Math.max(a.x0, b.x0), y0: Math.max(a.y0, b.y0), x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1)};
}

/**
 * Walks the operator list. `constructPath` args are [subOps, coords, minMax] (pdfjs ≤ 4); the path is painted by
 * the next painting operator, and a clip op (W) followed by a painting op or n sets the clip.
 */
export function interpret(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, OPS: OpCodes): {paths: DrawnPath[]; images: RasterImage[]} {
  const paths: DrawnPath[] = [];
  const images: RasterImage[] = [];
  let st: State = {ctm: IDENTITY, lineWidth: 1, dash: [], strokeColor: "#000000", fillColor: "#000000", strokeAlpha: 1, fillAlpha: 1, clip: null};
  const stack: State[] = [];
  const forms: number[] = [];
  let formCount = 0;
  let current: Subpath[] = [];
  let pendingClip = false;
  const paint = (i: number, stroke: boolean, fill: boolean, close: boolean) => {
    if (close) for (const s of current) s.closed = true;
    if (pendingClip) {
      const all = current.flatMap((s) => s.points);
      if (all.length) st.clip = intersect(st.clip, boxOf(all));
      pendingClip = false;
    }
    if ((stroke || fill) && current.length) {
      const scale = lengthScale(st.ctm);
      paths.push({
        op: i,
        subpaths: current,
        stroke,
        fill,
        strokeColor: st.strokeColor,
        fillColor: st.fillColor,
        strokeAlpha: st.strokeAlpha,
        fillAlpha: st.fillAlpha,
        lineWidth: st.lineWidth * scale,
        dash: st.dash.map((d) => d * scale),
        clip: st.clip,
        form: forms.length ? forms[forms.length - 1] : -1,
      });
    }
    current = [];
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as any;
    switch (fn) {
      case OPS.save:
        stack.push({...st, dash: [...st.dash]});
        break;
      case OPS.restore:
        if (stack.length) st = stack.pop()!;
        break;
      case OPS.transform:
        st.ctm = multiply(args as Matrix, st.ctm);
        break;
      case OPS.paintFormXObjectBegin: {
        // pdfjs emits save semantics for forms: the matrix applies until the matching end.
        stack.push({...st, dash: [...st.dash]});
        forms.push(formCount++);
        const [matrix, bbox] = args as [Matrix | null, number[] | null];
        if (matrix) st.ctm = multiply(matrix, st.ctm);
        if (bbox && bbox.length === 4) {
          const corners = [apply(st.ctm, bbox[0], bbox[1]), apply(st.ctm, bbox[2], bbox[3]), apply(st.ctm, bbox[0], bbox[3]), apply(st.ctm, bbox[2], bbox[1])];
          st.clip = intersect(st.clip, boxOf(corners));
        }
        break;
      }
      case OPS.paintFormXObjectEnd:
        forms.pop();
        if (stack.length) st = stack.pop()!;
        break;
      case OPS.setLineWidth:
        st.lineWidth = Number(args[0]);
        break;
      case OPS.setDash:
        st.dash = ((args[0] as number[]) ?? []).map(Number);
        break;
      case OPS.setStrokeRGBColor:
        st.strokeColor = hexColor(args);
        break;
      case OPS.setFillRGBColor:
        st.fillColor = hexColor(args);
        break;
      case OPS.setGState:
        for (const [key, value] of args[0] as [string, unknown][]) {
          if (key === "CA") st.strokeAlpha = Number(value);
          else if (key === "ca") st.fillAlpha = Number(value);
          else if (key === "LW") st.lineWidth = Number(value);
          else if (key === "D" && Array.isArray(value)) st.dash = ((value[0] as number[]) ?? []).map(Number);
        }
        break;
      case OPS.constructPath: {
        const [subOps, coords] = args as [number[], number[]];
        let k = 0;
        let sub: Subpath | null = null;
        let cx = 0, cy = 0; // current point in user space (for curveTo2, whose first control point is it)
        const pt = (x: number, y: number) => apply(st.ctm, x, y);
        for (const so of subOps) {
          if (so === OPS.moveTo) {
            cx = coords[k++]; cy = coords[k++];
            sub = {points: [pt(cx, cy)], closed: false, curved: false};
            current.push(sub);
          } else if (so === OPS.lineTo) {
            cx = coords[k++]; cy = coords[k++];
            if (!sub) { sub = {points: [], closed: false, curved: false}; current.push(sub); }
            sub.points.push(pt(cx, cy));
          } else if (so === OPS.curveTo) {
            k += 4; cx = coords[k++]; cy = coords[k++];
            if (!sub) { sub = {points: [], closed: false, curved: true}; current.push(sub); }
            sub.points.push(pt(cx, cy)); sub.curved = true;
          } else if (so === OPS.curveTo2 || so === OPS.curveTo3) {
            k += 2; cx = coords[k++]; cy = coords[k++];
            if (!sub) { sub = {points: [], closed: false, curved: true}; current.push(sub); }
            sub.points.push(pt(cx, cy)); sub.curved = true;
          } else if (so === OPS.closePath) {
            if (sub) sub.closed = true;
          } else if (so === OPS.rectangle) {
            const [x, y, w, h] = [coords[k++], coords[k++], coords[k++], coords[k++]];
            sub = {points: [pt(x, y), pt(x + w, y), pt(x + w, y + h), pt(x, y + h)], closed: true, curved: false};
            current.push(sub);
            cx = x; cy = y;
          }
        }
        break;
      }
      case OPS.clip:
      case OPS.eoClip:
        pendingClip = true;
        break;
      case OPS.stroke:
        paint(i, true, false, false);
        break;
      case OPS.closeStroke:
        paint(i, true, false, true);
        break;
      case OPS.fill:
      case OPS.eoFill:
        paint(i, false, true, false);
        break;
      case OPS.fillStroke:
      case OPS.eoFillStroke:
        paint(i, true, true, false);
        break;
      case OPS.closeFillStroke:
      case OPS.closeEOFillStroke:
        paint(i, true, true, true);
        break;
      case OPS.endPath:
        paint(i, false, false, false);
        break;
      case OPS.paintImageXObject:
      case OPS.paintInlineImageXObject:
      case OPS.paintImageMaskXObject: {
        if (fn === undefined) break;
        const corners = [apply(st.ctm, 0, 0), apply(st.ctm, 1, 1), apply(st.ctm, 0, 1), apply(st.ctm, 1, 0)];
        images.push({op: i, box: boxOf(corners), form: forms.length ? forms[forms.length - 1] : -1});
        break;
      }
      default:
        break;
    }
  }
  return {paths, images};
}
export {boxOf};
