// Links from pages that quote a curve's end-point to the panel that draws the whole curve (Figures page).
import {html} from "../paper-html.js";

/** The preprint panel with a model's MATH-500 curves per reward (Figure 2 for Qwen2.5-Math, Figure 3 otherwise). */
export function mathPanelOf(model: string): {figure: number; panel: string} | null {
  if (/^Qwen2\.5-Math-(7B|1\.5B)$/.test(model)) return {figure: 2, panel: `${model} - MATH`};
  const printed: Record<string, string> = {"Qwen2.5-7B": "Qwen2.5-7B", "Qwen2.5-1.5B": "Qwen2.5-1.5B", "OLMo2-7B": "Olmo2-7B", "OLMo2-7B-SFT": "Olmo2-7B-SFT", "Llama3.1-8B-Instruct": "Llama3.1-8B-Instruct", "Llama3.2-3B-Instruct": "Llama3.2-3B-Instruct"};
  return printed[model] ? {figure: 3, panel: `${printed[model]} - MATH`} : null;
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
