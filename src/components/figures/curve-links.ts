// Links from pages that quote a curve's end-point to the panel that draws the whole curve (Figures page), and the
// source popover's lazy access to that curve (curveSources).
import {html} from "../paper-html.js";
import {curveEndPointOf, mathCurveOf, type CurveEndPoint, type CurveNumber, type FigureData} from "../../lib/curve-end-points.js";

/** The preprint panel with a model's MATH-500 curves per reward (Figure 2 for Qwen2.5-Math, Figure 3 otherwise). */
export function mathPanelOf(model: string): {figure: number; panel: string} | null {
  const curve = mathCurveOf(model, "ground_truth");
  return curve && {figure: curve.figure, panel: curve.panel};
}

export const figureHref = (figure: number, panel?: string) => `./figures?figure=${figure}${panel ? `&panel=${encodeURIComponent(panel)}` : ""}#one-figure-panel-by-panel`;

/** "The curves behind these end-points": one link per model to its MATH-500 panel, plus one-shot RL (Figure 4). */
export function curveLinks(models: string[]): HTMLElement {
  const links = models.map((m) => ({m, p: mathPanelOf(m)})).filter((x) => x.p);
  return html`<p class="muted" data-testid="curve-links">The preprint's Figure 1 bars are end-points of training curves; see them over training: ${links.map(({m, p}, i) => html`${i ? ", " : ""}<a href="${figureHref(p!.figure, p!.panel)}">${m} (Figure ${p!.figure})</a>`)}, and one-shot RL for all models (<a href="${figureHref(4, "One-Shot RL - MATH")}">Figure 4</a>).</p>`;
}

/** Code-frequency curves: Figure 6 (per reward) and Figure 11(b) (clipping ablation). */
export function codeCurveLinks(): HTMLElement {
  return html`<p class="muted" data-testid="curve-links">Code-reasoning frequency over training, recovered from the preprint's figures: per reward in <a href="${figureHref(6, "(a) Code Frequencies")}">Figure 6</a>, with and without clipping in <a href="${figureHref(11, "(b) Frequency of Code Reasoning")}">Figure 11(b)</a>.</p>`;
}

/** What the source popover needs to show a number's curve: where it is, and how to fetch that figure's curves. */
export interface CurveSource {
  point: CurveEndPoint;
  load: () => Promise<FigureData>;
}

/**
 * The popover's `curveOf` for a page: decides synchronously whether the shown numbers are a curve point (from the
 * page's numbers and its Figure 1 steps per version) and fetches the figure's curves only when asked, once per
 * figure. `files` are the page's static FileAttachment("data/curves/fig-N.json") declarations.
 */
export function curveSources(all: readonly CurveNumber[], steps: Readonly<Record<string, number | undefined>>, files: Readonly<Record<number, {json(): Promise<unknown>}>>): (shown: readonly CurveNumber[]) => CurveSource | null {
  const cache = new Map<number, Promise<FigureData>>();
  return (shown) => {
    const point = curveEndPointOf(shown, all, steps);
    const file = point && files[point.figure];
    if (!point || !file) return null;
    return {
      point,
      load: () => {
        let p = cache.get(point.figure);
        if (!p) {
          p = file.json() as Promise<FigureData>;
          p.catch(() => cache.delete(point.figure)); // a failed fetch is retried on the next opening
          cache.set(point.figure, p);
        }
        return p;
      },
    };
  };
}
