// Which printed numbers are points of a training curve the site recovers from the May 2025 preprint's figures,
// and what the curve says there. A Figure 1 bar (MATH-500 after N training steps) sits on the reward's curve of its
// model's MATH-500 panel (Figure 2 for Qwen2.5-Math, Figure 3 otherwise, Figure 4 for one-shot RL); a Table 1 code
// frequency (before RLVR) is the step-0 point of Figure 6's code-frequency panel. The curves are the preprint's:
// a number of another version, or at a step the curve does not reach, is compared, never identified, with them.
// DOM-free (the source popover of /rewards and /code-reasoning uses it; unit-tested in Node).

/** The fields of a tidy paper number (data/paper-numbers.json) this module reads. */
export interface CurveNumber {
  id: string;
  file: string;
  row: number;
  version: string;
  version_label: string;
  place: string;
  model: string;
  reward: string;
  benchmark: string;
  metric: string;
  quantity: string;
  text: string;
  value: number | null;
  status: string;
}

/** A printed value drawn on the curve, in the axis' own units (a printed 78.2 % is 0.782). */
export interface PrintedMark {
  id: string;
  step: number;
  value: number;
  /** what is printed, as printed (with its unit) */
  text: string;
  role: "before" | "after" | "start";
}

export interface CurveEndPoint {
  figure: number;
  /** the panel title as recovered (e.g. “Qwen2.5-Math-7B - MATH”) */
  panel: string;
  /** “Figure 2 (p.3)”-style label, for headings */
  figureLabel: string;
  /** the curve's model as the figure data names it (panel model, or the series model in Figure 4) */
  model: string;
  /** legend labels of the series drawn; `highlight` is the number's own (null: every series starts at the point) */
  series: string[];
  highlight: string | null;
  yLabel: string;
  /** the step the number is printed for (null when the paper does not say) */
  step: number | null;
  marks: PrintedMark[];
  version_label: string;
  /** the number is not from the preprint, whose curves these are */
  otherVersion: boolean;
  /** e.g. “the reward of this bar is inferred from label order” */
  caveats: string[];
}

/** One recovered series, as in data/curves/fig-N.json. */
export interface FigureSeries {
  series: string;
  model: string;
  kind: string;
  color: string;
  label_source: string;
  steps: number[];
  values: number[];
}
export interface FigureData {
  figure: number;
  panels: {panel: string; benchmark: string; model: string; series: FigureSeries[]}[];
}

const PREPRINT = "A_preprint_2025-05-27";
const PAGE: Record<number, number> = {2: 3, 3: 5, 4: 6, 6: 8};
/** Legend labels of the reward curves in Figures 2, 3 and 6. */
export const REWARD_SERIES: Record<string, string> = {ground_truth: "Ground Truth", majority_vote: "Majority Vote", format: "Format", incorrect: "Incorrect", random: "Random"};
/** Figure 3's panel titles spell OLMo “Olmo”. */
const FIGURE3_PANEL: Record<string, string> = {"Qwen2.5-7B": "Qwen2.5-7B", "Qwen2.5-1.5B": "Qwen2.5-1.5B", "OLMo2-7B": "Olmo2-7B", "OLMo2-7B-SFT": "Olmo2-7B-SFT", "Llama3.1-8B-Instruct": "Llama3.1-8B-Instruct", "Llama3.2-3B-Instruct": "Llama3.2-3B-Instruct"};
const CODE_PANEL: Record<string, string> = {"Qwen2.5-Math-7B": "(a) Code Frequencies", "Qwen2.5-7B": "(b) Code Frequencies", "OLMo2-7B-SFT": "(c) Code Frequencies"};

/** The preprint panel with a model's MATH-500 curve for a reward, or null when no figure has one. */
export function mathCurveOf(model: string, reward: string): {figure: number; panel: string; series: string} | null {
  if (reward === "one_shot_rl") return {figure: 4, panel: "One-Shot RL - MATH", series: "One-Shot RL"};
  const series = REWARD_SERIES[reward];
  if (!series) return null;
  if (/^Qwen2\.5-Math-(7B|1\.5B)$/.test(model)) return {figure: 2, panel: `${model} - MATH`, series};
  return FIGURE3_PANEL[model] ? {figure: 3, panel: `${FIGURE3_PANEL[model]} - MATH`, series} : null;
}

const pct = (n: CurveNumber) => (n.value === null ? null : n.value / 100);

/**
 * The curve point a shown number is (or is compared with), or null when it is none: `shown` are the numbers of one
 * popover, `all` the paper's numbers (to find a bar's before/after), `steps` the Figure 1 training steps per version
 * (setup.csv; missing = not known).
 */
export function curveEndPointOf(shown: readonly CurveNumber[], all: readonly CurveNumber[], steps: Readonly<Record<string, number | undefined>>): CurveEndPoint | null {
  const first = shown[0];
  if (!first) return null;
  if (first.file === "main_results" && first.place === "Figure 1" && first.benchmark === "MATH-500") return figure1Point(first, all, steps);
  if (first.file === "code_reasoning" && first.metric === "Table 1 Code Frequency") return codeStartPoint(first);
  return null;
}

function figure1Point(n: CurveNumber, all: readonly CurveNumber[], steps: Readonly<Record<string, number | undefined>>): CurveEndPoint | null {
  if (n.status === "unresolved" || n.reward.startsWith("UNRESOLVED")) return null;
  const curve = mathCurveOf(n.model, n.reward);
  if (!curve) return null;
  const bar = all.filter((x) => x.file === n.file && x.row === n.row && x.version === n.version);
  const step = steps[n.version] ?? null;
  const before = bar.find((x) => x.quantity === "before"), after = bar.find((x) => x.quantity === "after");
  const marks: PrintedMark[] = [];
  if (before && pct(before) !== null) marks.push({id: before.id, step: 0, value: pct(before)!, text: `${before.text}%`, role: "before"});
  if (after && pct(after) !== null && step !== null) marks.push({id: after.id, step, value: pct(after)!, text: `${after.text}%`, role: "after"});
  const caveats: string[] = [];
  if (n.status === "inferred") caveats.push("The reward of this bar is inferred from label order, so this may be another reward's curve.");
  if (n.version === PREPRINT && n.reward !== "one_shot_rl") caveats.push("Of the rules the Figures page tries, the one that reproduces most preprint Figure 1 labels is the mean of the raw values at steps 141–150 minus the printed baseline, not the raw step-150 value drawn here (see the check there).");
  if (n.version !== PREPRINT) caveats.push(`These are the May 2025 preprint's curves; this number is from ${n.version_label}${step !== null ? ` (after ${step} steps)` : ""}, so they can agree with it, not confirm it.`);
  return {
    figure: curve.figure, panel: curve.panel, figureLabel: `Figure ${curve.figure} (p.${PAGE[curve.figure]})`,
    model: n.model, series: [curve.series], highlight: curve.series, yLabel: "MATH-500 accuracy", step, marks,
    version_label: n.version_label, otherVersion: n.version !== PREPRINT, caveats,
  };
}

function codeStartPoint(n: CurveNumber): CurveEndPoint | null {
  const panel = CODE_PANEL[n.model];
  if (!panel || pct(n) === null) return null;
  return {
    figure: 6, panel, figureLabel: "Figure 6 (p.8)", model: n.model, series: Object.values(REWARD_SERIES), highlight: null,
    yLabel: "Code frequency", step: 0, marks: [{id: n.id, step: 0, value: pct(n)!, text: `${n.text}%`, role: "start"}],
    version_label: n.version_label, otherVersion: n.version !== PREPRINT,
    caveats: n.version !== PREPRINT ? [`These are the May 2025 preprint's curves; this number is from ${n.version_label}.`] : [],
  };
}

export interface PickedSeries extends FigureSeries {
  highlighted: boolean;
}
export interface CurveReading {
  series: PickedSeries[];
  /** the last step of the number's own series (or of the shortest one when every series is drawn) */
  lastStep: number;
  /** the number's own raw series' value at its step: null when the path has no vertex there or ends before */
  valueAtStep: number | null;
  /** one honest sentence on what the curve says about the number */
  statement: string;
}

/** Exact vertex value or null (the plotter drops nearly collinear points: never interpolate). */
function vertexAt(s: Pick<FigureSeries, "steps" | "values">, step: number): number | null {
  const i = s.steps.indexOf(step);
  return i < 0 ? null : s.values[i];
}
const points = (v: number) => Math.round(v * 1000) / 10; // 0.782 → 78.2 (the curves carry 3 decimals)
const fmtGap = (g: number) => `${g >= 0 ? "+" : "−"}${Math.abs(g).toFixed(1)}`;

/**
 * The raw series of the end point's panel and what they say at the number's step. Throws, naming figure, panel and
 * series, when the figure data lacks them (the data and this module disagree: a build problem, not a reader's).
 */
export function readCurve(point: CurveEndPoint, data: FigureData): CurveReading {
  if (data.figure !== point.figure) throw new Error(`expected Figure ${point.figure}'s curves, got Figure ${data.figure}'s`);
  const panel = data.panels.find((p) => p.panel === point.panel);
  if (!panel) throw new Error(`Figure ${point.figure} has no panel “${point.panel}”`);
  const series = point.series.map((label) => {
    const s = panel.series.find((x) => x.series === label && x.kind === "raw" && (point.figure !== 4 || x.model === point.model));
    if (!s) throw new Error(`Figure ${point.figure} “${point.panel}” has no raw “${label}” series${point.figure === 4 ? ` for ${point.model}` : ""}`);
    return {...s, highlighted: point.highlight === null || s.series === point.highlight};
  });
  const own = point.highlight === null ? series : series.filter((s) => s.highlighted);
  const lastStep = Math.min(...own.map((s) => s.steps[s.steps.length - 1]));
  const main = own[0];
  const after = point.marks.find((m) => m.role === "after" || m.role === "start");
  const step = point.step;
  const valueAtStep = step === null || step > main.steps[main.steps.length - 1] ? null : vertexAt(main, step);
  return {series, lastStep, valueAtStep, statement: statementOf(point, own, lastStep, valueAtStep, after)};
}

function statementOf(point: CurveEndPoint, own: PickedSeries[], lastStep: number, valueAtStep: number | null, printed: PrintedMark | undefined): string {
  const where = `${point.figureLabel} “${point.panel}”`;
  if (point.step === null) return `${where}: the step this number is printed for is not known, so it is not placed on the curve (the curve ends at step ${lastStep}).`;
  if (point.highlight === null) {
    // every reward's curve starts from the same step-0 evaluation
    const starts = [...new Set(own.map((s) => vertexAt(s, 0)).filter((v): v is number => v !== null))];
    if (!printed || !starts.length) return `${where}: no curve has a vertex at step 0.`;
    const gaps = starts.map((v) => Math.round((points(v) - printed.value * 100) * 10) / 10);
    return `${where}: the curves start (step 0) at ${starts.map((v) => v.toFixed(3)).join(" / ")}; printed ${printed.text}${gaps.every((g) => g === 0) ? ", the same value" : ` (gap ${gaps.map(fmtGap).join(" / ")} points)`}.`;
  }
  const label = own[0].series;
  if (point.step > lastStep) return `${where}, ${label}: the curve ends at step ${lastStep}, before this number's step ${point.step}, so it can neither confirm nor contradict it.`;
  if (valueAtStep === null) return `${where}, ${label}: the curve has no vertex at step ${point.step} (the plotter dropped it; no value is invented).`;
  if (!printed) return `${where}, ${label}: raw value ${valueAtStep.toFixed(3)} at step ${point.step}.`;
  const gap = Math.round((points(valueAtStep) - printed.value * 100) * 10) / 10;
  const within = point.step < lastStep ? ` (the curve runs on to step ${lastStep})` : " (its last step)";
  const verdict = !point.otherVersion ? "" : Math.abs(gap) <= 1 ? " — consistent with the printed value (within 1 point)" : " — more than 1 point from the printed value";
  return `${where}, ${label}: raw value ${valueAtStep.toFixed(3)} at step ${point.step}${within}; printed ${printed.text}, gap ${fmtGap(gap)} points${verdict}.`;
}
