// The paper's own curve that measures what one of the token toy's views measures, picked from the curves this
// site recovers from the May 2025 preprint (loaders/figures/): Figure 11(b), the share of Qwen2.5-Math-7B's
// answers that use code while training on random rewards, clipping enabled vs three ways of removing it. The toy's
// p(code) with the clip as set vs clip off is the same quantity for its mode token. The paper's average token
// probability (arXiv v1 Figure 12(a)) has no curve data here: the preprint has no such figure, and the curves are
// recovered from the preprint only.

/** Where the drawn curve is in the paper (shown with it). */
export const PAPER_CODE_FREQUENCY = {
  figure: 11,
  panelTitle: "(b) Frequency of Code Reasoning",
  panelLabel: "Figure 11(b)",
  page: 12,
  version: "May 2025 preprint",
  model: "Qwen2.5-Math-7B",
  href: "./figures?figure=11&panel=(b)%20Frequency%20of%20Code%20Reasoning#one-figure-panel-by-panel",
} as const;

/** One recovered series, as in data/curves/fig-N.json. */
export interface RecoveredSeries { series: string; kind: string; steps: number[]; values: number[] }
export interface RecoveredPanel { panel: string; benchmark: string; model: string; series: RecoveredSeries[] }

export interface PaperCodeCurve {
  /** the paper's legend without its "Random w/ " prefix */
  label: string;
  clipOn: boolean;
  steps: number[];
  values: number[];
  last: { step: number; value: number };
}

/**
 * The smoothed code-frequency curves of Figure 11(b), clipping enabled first. Throws, naming what is missing,
 * when the figure data does not have the panel, the clip-enabled curve or any clip-disabled one.
 */
export function paperCodeFrequencyCurves(data: { figure: number; panels: RecoveredPanel[] }): PaperCodeCurve[] {
  if (data.figure !== PAPER_CODE_FREQUENCY.figure) throw new Error(`expected the curves of Figure ${PAPER_CODE_FREQUENCY.figure}, got Figure ${data.figure}`);
  const panel = data.panels.find((p) => p.panel === PAPER_CODE_FREQUENCY.panelTitle && p.benchmark === "code frequency");
  if (!panel) throw new Error(`Figure 11 has no panel “${PAPER_CODE_FREQUENCY.panelTitle}”`);
  const curves = panel.series
    .filter((s) => s.kind === "smoothed" && s.steps.length > 0 && s.steps.length === s.values.length)
    .map((s) => ({
      label: s.series.replace(/^Random w\/ /, ""),
      clipOn: /Clipping Enabled/.test(s.series),
      steps: s.steps, values: s.values,
      last: { step: s.steps[s.steps.length - 1], value: s.values[s.values.length - 1] },
    }))
    .sort((a, b) => Number(b.clipOn) - Number(a.clipOn));
  if (!curves.some((c) => c.clipOn)) throw new Error("Figure 11(b) has no smoothed clipping-enabled curve");
  if (!curves.some((c) => !c.clipOn)) throw new Error("Figure 11(b) has no smoothed clipping-disabled curve");
  return curves;
}
