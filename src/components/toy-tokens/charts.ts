// Charts of the token-level toy page (Plot). Each is (data, {width, …}) => figure with a caption, a
// text summary and the numbers behind it in a table. A = the configuration as set, B = the same with
// the clip off, on the same seeds.
import * as Plot from "../plot.js";
import { CHEN_CLIP_RATE } from "../../lib/toy/anchors.js";
import type { SignMapCell, TokenEnsembleResult, TokenExtras, TableTrace } from "../../lib/toy/tokens/index.js";
import { accessiblePlot } from "../plot-a11y.js";

export const COLORS = { on: "#9E3D7A", off: "#5F5F5F", diff: "#1F5FA8", low: "#0B7A55", high: "#B03A2E" } as const;
const LABEL_A = "clip as set", LABEL_B = "clip off (same seeds)";

const fmt = (v: number, d = 3) => (Number.isFinite(v) ? v.toFixed(d) : "–");
const sci = (v: number) => (v === 0 ? "0" : Number.isFinite(v) ? v.toExponential(2) : "–");

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function dataTable(caption: string, headers: string[], body: (string | number)[][]): HTMLElement {
  const det = el("details");
  det.append(el("summary", {}, `Numbers behind this chart: ${caption.charAt(0).toLowerCase()}${caption.slice(1)}`));
  const wrap = el("div", { class: "tt-scroll", tabindex: "0", role: "region", "aria-label": caption });
  const t = el("table");
  t.append(el("caption", {}, caption));
  const thead = el("thead"), tr = el("tr");
  for (const h of headers) { const th = el("th", { scope: "col" }, h); tr.append(th); }
  thead.append(tr);
  const tb = el("tbody");
  for (const r of body) { const row = el("tr"); for (const v of r) row.append(el("td", {}, String(v))); tb.append(row); }
  t.append(thead, tb);
  wrap.append(t);
  det.append(wrap);
  return det;
}

function figure(testid: string, title: string, summary: string, charts: Element[], table: HTMLElement): HTMLElement {
  const fig = el("figure", { class: "tt-figure", "data-testid": testid });
  const cap = el("figcaption");
  cap.append(el("strong", {}, title), el("span", { class: "tt-summary" }, " " + summary));
  fig.append(cap, ...charts, table);
  return fig;
}

function steps(T: number): number[] {
  const every = Math.max(1, Math.round(T / 10));
  const out: number[] = [];
  for (let t = 0; t <= T; t += every) out.push(t);
  if (out[out.length - 1] !== T) out.push(T);
  return out;
}

const atpWhat = (o: { scope: "content" | "all"; kind: "expected" | "sampled" }) =>
  `${o.kind === "expected" ? "expected" : "sampled"} average probability of ${o.scope === "content" ? "content" : "all"} tokens`;

export const atpMetric = (scope: "content" | "all", kind: "expected" | "sampled"): string =>
  kind === "expected" ? (scope === "content" ? "atpContent" : "atp") : (scope === "content" ? "atpSampledContent" : "atpSampled");

/** Fig. 12 analogue: ensemble mean of ATP over steps, A vs B (±2 SE), and the paired difference A − B (±2 SE). */
export function atpChart(r: TokenEnsembleResult, o: { width: number; scope: "content" | "all"; kind: "expected" | "sampled"; diffSlot?: Element | null }): HTMLElement {
  const m = atpMetric(o.scope, o.kind);
  const T = r.a.steps, t0 = o.kind === "sampled" ? 1 : 0;
  type Row = { t: number; run: string; mean: number; lo: number; hi: number };
  const rows: Row[] = [];
  const push = (s: { mean: number[]; se: number[] }, run: string) => { for (let t = t0; t <= T; t++) rows.push({ t, run, mean: s.mean[t], lo: s.mean[t] - 2 * s.se[t], hi: s.mean[t] + 2 * s.se[t] }); };
  push(r.a.stats[m], LABEL_A);
  if (r.b) push(r.b.stats[m], LABEL_B);
  const what = atpWhat(o);
  const main = accessiblePlot(Plot.plot({
    width: o.width, height: 260, marginLeft: 52,
    x: { label: "RL step", domain: [0, T] }, y: { label: "ATP", grid: true },
    color: { domain: [LABEL_A, LABEL_B], range: [COLORS.on, COLORS.off], legend: true },
    marks: [
      Plot.areaY(rows, { x: "t", y1: "lo", y2: "hi", fill: "run", fillOpacity: 0.18 }),
      Plot.lineY(rows, { x: "t", y: "mean", stroke: "run", strokeWidth: 1.8 }),
      Plot.tip(rows, Plot.pointerX({ x: "t", y: "mean", stroke: "run", title: (d: Row) => `${d.run}\nstep ${d.t}\nmean ${d.mean.toFixed(4)}\n±2 SE ${d.lo.toFixed(4)}–${d.hi.toFixed(4)}` })),
    ],
    ariaLabel: `Mean ${what} over ${T} steps, clip as set and clip off`,
  }));
  const charts: Element[] = [main];
  let diffText = "";
  if (r.diff) {
    // the paired difference is drawn in a task of its own (atpDiffPlot); until then its slot keeps the
    // previous drawing, or holds its height
    charts.push(o.diffSlot ?? el("div", { "data-part": "atp-diff", style: `min-height: ${ATP_DIFF_HEIGHT}px` }));
    const f = r.diff.final[m];
    diffText = ` Paired difference at step ${T}: ${f.mean >= 0 ? "+" : ""}${f.mean.toFixed(4)} ± ${(2 * f.se).toFixed(4)} (2 SE, z = ${f.z.toFixed(1)}).`;
  }
  const fa = r.a.stats[m], fb = r.b?.stats[m];
  const start = o.kind === "sampled" ? fa.mean[1] : fa.mean[0];
  const summary = `${r.a.seeds.length} seeds. ${o.kind === "sampled" ? "Step 1" : "Start"}: ${fmt(start)}. Step ${T}: ${fmt(fa.mean[T])} with the clip as set` + (fb ? `, ${fmt(fb.mean[T])} with it off (drift ${fb.mean[T] - start >= 0 ? "+" : ""}${(fb.mean[T] - start).toFixed(3)}).` : ".") + diffText;
  const body = steps(T).filter((t) => t >= t0).map((t) => [t, fmt(fa.mean[t], 4), fmt(fa.se[t], 4), fb ? fmt(fb.mean[t], 4) : "", fb ? fmt(fb.se[t], 4) : "", r.diff ? fmt(r.diff.series[m].mean[t], 4) : "", r.diff ? fmt(r.diff.series[m].se[t], 4) : ""]);
  return figure("tt-chart-atp", "Average token probability over training (the paper's Fig. 12, in the toy)", summary, charts,
    dataTable(`${what} by step`, ["step", "mean A", "SE A", "mean B", "SE B", "A − B", "SE"], body));
}

const ATP_DIFF_HEIGHT = 150;

/** The paired difference A − B of atpChart's metric (±2 SE), for its `[data-part="atp-diff"]` slot; null without a pair. */
export function atpDiffPlot(r: TokenEnsembleResult, o: { width: number; scope: "content" | "all"; kind: "expected" | "sampled" }): Element | null {
  if (!r.diff) return null;
  const m = atpMetric(o.scope, o.kind);
  const T = r.a.steps, t0 = o.kind === "sampled" ? 1 : 0;
  const d = r.diff.series[m];
  const drows: { t: number; mean: number; lo: number; hi: number }[] = [];
  for (let t = t0; t <= T; t++) drows.push({ t, mean: d.mean[t], lo: d.mean[t] - 2 * d.se[t], hi: d.mean[t] + 2 * d.se[t] });
  const what = atpWhat(o);
  return accessiblePlot(Plot.plot({
    width: o.width, height: ATP_DIFF_HEIGHT, marginLeft: 52,
    x: { label: "RL step", domain: [0, T] }, y: { label: "A − B", grid: true },
    marks: [
      Plot.ruleY([0], { stroke: "#333" }),
      Plot.areaY(drows, { x: "t", y1: "lo", y2: "hi", fill: COLORS.diff, fillOpacity: 0.2 }),
      Plot.lineY(drows, { x: "t", y: "mean", stroke: COLORS.diff, strokeWidth: 1.8 }),
    ],
    ariaLabel: `Paired difference of ${what}, clip as set minus clip off, with ±2 SE band`,
  }));
}

/** Composition vs within-mode split of the change in content ATP since step 0 (A and B). */
export function decompositionChart(r: TokenEnsembleResult, o: { width: number }): HTMLElement {
  const T = r.a.steps;
  type Row = { t: number; part: string; v: number };
  const rows: Row[] = [];
  const add = (s: typeof r.a, run: string) => {
    for (let t = 0; t <= T; t++) {
      rows.push({ t, part: `within-mode, ${run}`, v: s.stats.atpWithin.mean[t] });
      rows.push({ t, part: `composition, ${run}`, v: s.stats.atpComposition.mean[t] });
    }
  };
  add(r.a, "A"); if (r.b) add(r.b, "B");
  const chart = accessiblePlot(Plot.plot({
    width: o.width, height: 200, marginLeft: 56,
    x: { label: "RL step", domain: [0, T] }, y: { label: "Δ content ATP", grid: true },
    color: { domain: ["within-mode, A", "composition, A", "within-mode, B", "composition, B"], range: [COLORS.on, "#D9A0C4", COLORS.off, "#B5B5B5"], legend: true },
    marks: [Plot.ruleY([0], { stroke: "#333" }), Plot.lineY(rows, { x: "t", y: "v", stroke: "part", strokeWidth: 1.6 })],
    ariaLabel: "Change in content ATP split into mode composition and within-mode sharpening",
  }));
  const w = r.a.final.atpWithin.mean, c = r.a.final.atpComposition.mean;
  const summary = `With the clip as set, by step ${T}: within-mode sharpening ${w >= 0 ? "+" : ""}${w.toFixed(4)}, composition (more of one mode) ${c >= 0 ? "+" : ""}${c.toFixed(4)}.` +
    (r.b ? ` Clip off: ${r.b.final.atpWithin.mean.toFixed(4)} and ${r.b.final.atpComposition.mean.toFixed(4)}.` : "");
  const body = steps(T).map((t) => [t, fmt(r.a.stats.atpWithin.mean[t], 4), fmt(r.a.stats.atpComposition.mean[t], 4), r.b ? fmt(r.b.stats.atpWithin.mean[t], 4) : "", r.b ? fmt(r.b.stats.atpComposition.mean[t], 4) : ""]);
  return figure("tt-chart-decomposition", "Where the change comes from: sharper tables or more of one mode", summary, [chart],
    dataTable("Content ATP change by part", ["step", "within A", "composition A", "within B", "composition B"], body));
}

/** Exact content-token probability histogram at t = 0 and at the end (A, B), the 1/(1+ε_high) line, and per-bin clip counts. */
export function histogramChart(x: TokenExtras, o: { width: number; epsHigh: number; steps: number; seeds: number }): HTMLElement {
  const n = x.hist0.length;
  // on a phone the full note would run over the y axis' tick labels: the line keeps its value, the caption says why
  const narrow = o.width < 500;
  type Row = { lo: number; hi: number; run: string; w: number };
  const rows: Row[] = [];
  const add = (h: number[] | null, run: string) => h?.forEach((w, i) => rows.push({ lo: i / n, hi: (i + 1) / n, run, w }));
  add(x.hist0, "start (t = 0)"); add(x.histA, `step ${o.steps}, ${LABEL_A}`); add(x.histB, `step ${o.steps}, ${LABEL_B}`);
  const ceiling = 1 / (1 + o.epsHigh);
  const runs = ["start (t = 0)", `step ${o.steps}, ${LABEL_A}`, `step ${o.steps}, ${LABEL_B}`];
  const hist = accessiblePlot(Plot.plot({
    width: o.width, height: 220, marginLeft: 52,
    x: { label: "probability of the sampled token, π", domain: [0, 1] }, y: { label: "share of tokens", grid: true },
    color: { domain: runs, range: ["#C9C9C9", COLORS.on, COLORS.off], legend: true },
    marks: [
      Plot.rectY(rows.filter((r) => r.run === runs[0]), { x1: "lo", x2: "hi", y: "w", fill: "run", fillOpacity: 0.8 }),
      Plot.lineY(rows.filter((r) => r.run !== runs[0]), { x: (d: Row) => (d.lo + d.hi) / 2, y: "w", stroke: "run", strokeWidth: 1.8, curve: "step" }),
      Plot.ruleX([ceiling], { stroke: "#000", strokeDasharray: "4,3" }),
      Plot.text([ceiling], { x: (d: number) => d, frameAnchor: "top", dx: -4, textAnchor: "end", text: () => `1/(1+ε_high) = ${ceiling.toFixed(3)}${narrow ? "" : ": clip-high impossible to the right"}` }),
    ],
    ariaLabel: "Histogram of content-token probabilities at the start and at the end, clip as set and clip off",
  }));
  const B = x.bins;
  type CRow = { lo: number; hi: number; kind: string; rate: number; count: number };
  const crows: CRow[] = [];
  for (let i = 0; i < B; i++) {
    const nn = x.clipBinsA[3 * i];
    crows.push({ lo: i / B, hi: (i + 1) / B, kind: "clip-low", rate: nn ? x.clipBinsA[3 * i + 1] / nn : 0, count: x.clipBinsA[3 * i + 1] });
    crows.push({ lo: i / B, hi: (i + 1) / B, kind: "clip-high", rate: nn ? x.clipBinsA[3 * i + 2] / nn : 0, count: x.clipBinsA[3 * i + 2] });
  }
  const clips = accessiblePlot(Plot.plot({
    width: o.width, height: 170, marginLeft: 52,
    x: { label: "π_old of the token (bins of 0.05)", domain: [0, 1] }, y: { label: "clipped share", grid: true },
    color: { domain: ["clip-low", "clip-high"], range: [COLORS.low, COLORS.high], legend: true },
    marks: [
      Plot.rectY(crows, Plot.stackY({ x1: "lo", x2: "hi", y: "rate", fill: "kind" })),
      Plot.ruleX([ceiling], { stroke: "#000", strokeDasharray: "4,3" }),
      Plot.ruleY([0]),
    ],
    ariaLabel: "Share of content-token evaluations that were clipped, by the token's old probability, clip-low and clip-high",
  }));
  // bins lying wholly at or above the ceiling: clip-high is impossible there
  let highRight = 0, nRight = 0, highAll = 0;
  for (let i = 0; i < B; i++) { highAll += x.clipBinsA[3 * i + 2]; if (i / B >= ceiling) { highRight += x.clipBinsA[3 * i + 2]; nRight += x.clipBinsA[3 * i]; } }
  const mass0 = x.hist0.reduce((a, w, i) => a + ((i + 0.5) / n >= ceiling ? w : 0), 0);
  const summary = `Exact distributions, averaged over ${o.seeds} seeds. The dashed line is 1/(1+ε_high): to its right clip-high is impossible. At the start ${(100 * mass0).toFixed(0)}% of content tokens have π ≥ ${ceiling.toFixed(3)}. Lower panel: clipped share of token-evaluations by π_old over the whole run (clip as set); clip-high events in the bins wholly right of the line: ${highRight} of ${highAll}, over ${nRight} evaluations there.`;
  const body = x.hist0.map((w, i) => [`${(i / n).toFixed(3)}–${((i + 1) / n).toFixed(3)}`, sci(w), sci(x.histA[i]), x.histB ? sci(x.histB[i]) : ""]);
  const cbody = Array.from({ length: B }, (_, i) => [`${(i / B).toFixed(2)}–${((i + 1) / B).toFixed(2)}`, x.clipBinsA[3 * i], x.clipBinsA[3 * i + 1], x.clipBinsA[3 * i + 2]]);
  const tables = el("div");
  tables.append(dataTable("Token-probability histogram", ["π bin", "start", "A at end", "B at end"], body), dataTable("Clip counts by π_old bin (A, all steps and seeds)", ["π_old bin", "evaluations", "clip-low", "clip-high"], cbody));
  return figure("tt-chart-histogram", "Which tokens can be clipped: probabilities of sampled tokens", summary, [hist, clips], tables);
}

export const CLASS_GROUPS: { label: string; classes: string[] }[] = [
  { label: "rare tokens (π_old < 0.1)", classes: ["c0", "c1", "c2"] },
  { label: "middle (0.1 ≤ π_old < 0.6)", classes: ["c3", "c4"] },
  { label: "top tokens (π_old ≥ 0.6)", classes: ["c5", "c6"] },
  { label: "mode token", classes: ["mode"] },
];

/** Clip activation per token over time by π_old class, log axis, with Chen et al.'s 0.001 as a reference. */
export function clipRateChart(r: TokenEnsembleResult, o: { width: number; padShare: number }): HTMLElement {
  const T = r.a.steps, s = r.a.stats;
  type Row = { t: number; group: string; rate: number };
  const rows: Row[] = [];
  const groups = [...CLASS_GROUPS, { label: "all tokens", classes: [] as string[] }];
  for (let t = 1; t <= T; t++) {
    for (const g of CLASS_GROUPS) {
      let n = 0, c = 0;
      for (const k of g.classes) { n += s[`n_${k}`].mean[t]; c += s[`clipLow_${k}`].mean[t] + s[`clipHigh_${k}`].mean[t]; }
      if (n > 0 && c > 0) rows.push({ t, group: g.label, rate: c / n });
    }
    if (s.clipRateTokens.mean[t] > 0) rows.push({ t, group: "all tokens", rate: s.clipRateTokens.mean[t] });
  }
  const chart = accessiblePlot(Plot.plot({
    width: o.width, height: 260, marginLeft: 56,
    x: { label: "RL step", domain: [0, T] }, y: { label: "clipped share of token-evaluations", type: "log", grid: true, tickFormat: ".0e" },
    color: { domain: groups.map((g) => g.label), range: ["#B03A2E", "#C98A1B", "#0B7A55", "#1F5FA8", "#222"], legend: true },
    marks: [
      Plot.lineY(rows, { x: "t", y: "rate", stroke: "group", strokeWidth: 1.5 }),
      Plot.ruleY([CHEN_CLIP_RATE.rate], { stroke: "#000", strokeDasharray: "5,3" }),
      Plot.text([CHEN_CLIP_RATE.rate], { y: (d: number) => d, frameAnchor: "right", dy: -8, dx: -2, textAnchor: "end", stroke: "white", strokeWidth: 4, paintOrder: "stroke", fill: "#000", text: () => (o.width < 560 ? `${CHEN_CLIP_RATE.authors}: ≈0.001 (their claim)` : `${CHEN_CLIP_RATE.authors}: ≈0.001 per token, Qwen2.5-Math-7B (their claim)`) }),
    ],
    ariaLabel: "Clip activation per token over training by class of old probability, on a log axis, with a reference line at 0.001",
  }));
  const all = mean(s.clipRateTokens.mean.slice(1)), content = mean(s.clipRateContent.mean.slice(1)), mode = mean(s.clipRateMode.mean.slice(1));
  const diluted = content * (1 - o.padShare);
  const summary = `Mean over steps 1–${T} (clip as set): ${sci(all)} of all token-evaluations are clipped, ${sci(content)} of content tokens, ${sci(mode)} of mode tokens. Steps with no clipping in a class are left out (log axis).`;
  const readout = el("p", { class: "tt-readout", "data-testid": "tt-dilution" },
    `With ${(100 * o.padShare).toFixed(0)}% extra near-deterministic tokens (which almost never leave the band), the content rate would read ≈ ${sci(diluted)} per token: the rate scales with the share of informative tokens, and so does the ATP change (note §3.7).`);
  const body = steps(T).filter((t) => t > 0).map((t) => [t, sci(s.clipRateTokens.mean[t]), sci(s.clipRateContent.mean[t]), sci(s.clipRateMode.mean[t])]);
  const fig = figure("tt-chart-cliprate", "Clip activation per token, by how likely the token was", summary, [chart], dataTable("Clip rates by step (A)", ["step", "all tokens", "content", "mode token"], body));
  fig.insertBefore(readout, fig.lastChild);
  return fig;
}

const mean = (v: number[]) => (v.length ? v.reduce((a, x) => a + x, 0) / v.length : 0);

/** Clip-low vs clip-high per π_old class over the whole run, and their ratio. */
export function whoClippedChart(r: TokenEnsembleResult, o: { width: number; labels: string[]; epsLow: number; epsHigh: number }): HTMLElement {
  const T = r.a.steps, s = r.a.stats;
  const classes = [...o.labels.slice(0, -1).map((_, i) => `c${i}`), "mode"];
  type Row = { cls: string; kind: string; per1000: number; count: number };
  const rows: Row[] = [];
  const body: (string | number)[][] = [];
  classes.forEach((c, i) => {
    let n = 0, lo = 0, hi = 0;
    for (let t = 1; t <= T; t++) { n += s[`n_${c}`].mean[t]; lo += s[`clipLow_${c}`].mean[t]; hi += s[`clipHigh_${c}`].mean[t]; }
    const label = o.labels[i];
    rows.push({ cls: label, kind: "clip-low", per1000: n ? (1000 * lo) / n : 0, count: lo }, { cls: label, kind: "clip-high", per1000: n ? (1000 * hi) / n : 0, count: hi });
    body.push([label, fmt(n, 0), fmt(lo, 1), fmt(hi, 1), lo > 0 ? fmt(hi / lo, 2) : "–"]);
  });
  // on a phone the class labels would collide side by side: bars run horizontally there, one label per row
  const narrow = o.width < 500;
  const color = { domain: ["clip-low", "clip-high"], range: [COLORS.low, COLORS.high], legend: true };
  const ariaLabel = "Clip-low and clip-high events per 1000 token-evaluations by class of old probability";
  const chart = accessiblePlot(narrow
    ? Plot.plot({
      width: o.width, height: 40 + 30 * o.labels.length, marginLeft: 96,
      y: { label: "π_old class", domain: o.labels },
      x: { label: "clipped per 1000 evaluations", grid: true },
      color, marks: [Plot.barX(rows, Plot.stackX({ y: "cls", x: "per1000", fill: "kind" })), Plot.ruleX([0])], ariaLabel,
    })
    : Plot.plot({
      width: o.width, height: 240, marginLeft: 56, marginBottom: 50,
      x: { label: "π_old class", domain: o.labels },
      y: { label: "clipped per 1000 evaluations", grid: true },
      color, marks: [Plot.barY(rows, Plot.stackY({ x: "cls", y: "per1000", fill: "kind" })), Plot.ruleY([0])], ariaLabel,
    }));
  let hiR = 0, loR = 0;
  for (const c of ["c0", "c1", "c2"]) for (let t = 1; t <= T; t++) { hiR += s[`clipHigh_${c}`].mean[t]; loR += s[`clipLow_${c}`].mean[t]; }
  const upNearer = Math.log(1 + o.epsHigh) < -Math.log(Math.max(1e-12, 1 - o.epsLow));
  const why = upNearer
    ? `ln(1+ε_high) = ${Math.log(1 + o.epsHigh).toFixed(3)} is nearer to 0 than −ln(1−ε_low) = ${(-Math.log(Math.max(1e-12, 1 - o.epsLow))).toFixed(3)}, so a wandering rare token hits the upper edge first; each clip-high drops an update that would have raised it.`
    : `here −ln(1−ε_low) = ${(-Math.log(Math.max(1e-12, 1 - o.epsLow))).toFixed(3)} is not farther from 0 than ln(1+ε_high) = ${Math.log(1 + o.epsHigh).toFixed(3)}, so the lower edge is hit about as often or more.`;
  const summary = `Per seed over ${T} steps (clip as set). Rare tokens (π_old < 0.1): clip-high to clip-low ${loR > 0 ? (hiR / loR).toFixed(2) : "–"} : 1. At ε = ${o.epsLow}/${o.epsHigh}, ${why}`;
  return figure("tt-chart-who", "Who gets clipped: clip-low and clip-high by π_old", summary, [chart], dataTable("Clip events per seed over the run, by class", ["class", "evaluations", "clip-low", "clip-high", "high/low"], body));
}

/** One table across the mini-batches of one step: absolute band per token and the same band in log-ratio. */
export function bandChart(tr: TableTrace, o: { width: number; mb: number; modeName: string }): HTMLElement {
  const V = tr.piOld.length, m = Math.min(o.mb, tr.piAt.length - 1);
  const [lo, hi] = tr.band;
  const pm = tr.piAt[m];
  type Row = { y: string; old: number; lo: number; hi: number; now: number; lr: number; masked: number; sign: string };
  const rows: Row[] = tr.piOld.map((p, j) => ({
    y: `t${j}`, old: p, lo: p * Math.max(lo, 1e-9), hi: Math.min(1, p * hi), now: pm[j], lr: Math.log(pm[j] / p),
    masked: tr.clippedHigh[m][j] + tr.clippedLow[m][j], sign: tr.clippedHigh[m][j] ? "clip-high (A > 0)" : tr.clippedLow[m][j] ? "clip-low (A < 0)" : "",
  }));
  const names = rows.map((r) => r.y);
  const abs = accessiblePlot(Plot.plot({
    width: o.width, height: Math.max(220, V * 14 + 50), marginLeft: 40,
    x: { label: "probability (log scale)", type: "log", grid: true, tickFormat: "~g" }, y: { label: "token", domain: names },
    marks: [
      Plot.ruleY(rows, { y: "y", x1: "lo", x2: "hi", stroke: "#9E3D7A", strokeWidth: 6, strokeOpacity: 0.35 }),
      Plot.tickX(rows, { y: "y", x: "old", stroke: "#333" }),
      Plot.dot(rows, { y: "y", x: "now", fill: COLORS.diff, r: 3 }),
    ],
    ariaLabel: `Table ${tr.table}: each token's old probability, its band, and its probability before mini-batch ${m + 1}`,
  }));
  const logr = accessiblePlot(Plot.plot({
    width: o.width, height: Math.max(220, V * 14 + 50), marginLeft: 40,
    x: { label: "log-ratio ln(π/π_old)", grid: true }, y: { label: "token", domain: names },
    color: { domain: ["clip-high (A > 0)", "clip-low (A < 0)"], range: [COLORS.high, COLORS.low], legend: true },
    marks: [
      Plot.ruleX([Math.log(Math.max(lo, 1e-9)), Math.log(hi)], { stroke: "#9E3D7A", strokeDasharray: "4,3" }),
      Plot.ruleX([0], { stroke: "#333" }),
      Plot.dot(rows, { y: "y", x: "lr", fill: COLORS.diff, r: 3 }),
      Plot.text(rows.filter((r) => r.masked > 0), { y: "y", x: "lr", text: (d: Row) => `✕${d.masked}`, dx: 12, textAnchor: "start", fill: "sign" }),
    ],
    ariaLabel: `Table ${tr.table}: log-ratio of every token before mini-batch ${m + 1}, with the same band for every token`,
  }));
  const top = tr.piOld.indexOf(Math.max(...tr.piOld));
  const tail = rows.filter((_, j) => j !== top);
  const tailMean = tail.reduce((a, r) => a + r.lr, 0) / tail.length;
  const summary = `Table for mode ${o.modeName}, position ${tr.position}, before mini-batch ${m + 1} of ${tr.piAt.length}. Top token log-ratio ${rows[top].lr.toFixed(4)}; tail tokens on average ${tailMean.toFixed(4)}: the tail moves as a block, opposite to the top. Band in log-ratio: ${Math.log(Math.max(lo, 1e-9)).toFixed(3)} to +${Math.log(hi).toFixed(3)} for every token.`;
  const body = rows.map((r, j) => [r.y, sci(r.old), `${sci(r.lo)}–${sci(r.hi)}`, sci(r.now), r.lr.toFixed(4), tr.nPos[m][j], tr.nNeg[m][j], tr.clippedHigh[m][j], tr.clippedLow[m][j]]);
  return figure("tt-chart-band", "Inside one step: one table's band across the mini-batches", summary, [abs, logr],
    dataTable("Band view", ["token", "π_old", "band", "π now", "ln ρ", "n A>0", "n A<0", "clip-high", "clip-low"], body));
}

/** Sign-rule map: paired one-step Δζ (content) and Δu (mode token) over an ε_low × ε_high grid. */
export function signMapChart(cells: SignMapCell[], o: { width: number; lr: number }): HTMLElement {
  type Row = { epsLow: number; epsHigh: number; which: string; z: number; mean: number; se: number; sign: string };
  const cls = (z: number) => (z > 2 ? "sharper / toward code (z > 2)" : z < -2 ? "flatter / toward lang (z < −2)" : "not resolved (|z| ≤ 2)");
  const rows: Row[] = [];
  for (const c of cells) {
    rows.push({ epsLow: c.epsLow, epsHigh: c.epsHigh, which: "content tables: Δζ", z: c.dzeta.se ? c.dzeta.mean / c.dzeta.se : 0, mean: c.dzeta.mean, se: c.dzeta.se, sign: cls(c.dzeta.se ? c.dzeta.mean / c.dzeta.se : 0) });
    rows.push({ epsLow: c.epsLow, epsHigh: c.epsHigh, which: "mode token (bandit): Δu", z: c.du.se ? c.du.mean / c.du.se : 0, mean: c.du.mean, se: c.du.se, sign: cls(c.du.se ? c.du.mean / c.du.se : 0) });
  }
  const lows = [...new Set(cells.map((c) => c.epsLow))].sort((a, b) => a - b);
  const highs = [...new Set(cells.map((c) => c.epsHigh))].sort((a, b) => a - b);
  const curve = lows.map((l) => ({ epsLow: l, epsHigh: 1 / (1 - l) - 1 }));
  const half = o.width < 640 ? o.width : Math.floor(o.width / 2) - 8;
  const map = (which: string) => accessiblePlot(Plot.plot({
    width: half, height: 240, marginLeft: 52, marginBottom: 40,
    x: { label: "ε_low", domain: lows.map(String) }, y: { label: "ε_high", domain: highs.map(String).reverse() },
    color: { domain: ["sharper / toward code (z > 2)", "not resolved (|z| ≤ 2)", "flatter / toward lang (z < −2)"], range: ["#9E3D7A", "#E6E6E6", "#1F5FA8"], legend: which.startsWith("content") },
    marks: [
      Plot.cell(rows.filter((r) => r.which === which), { x: (d: Row) => String(d.epsLow), y: (d: Row) => String(d.epsHigh), fill: "sign", inset: 1 }),
      Plot.text(rows.filter((r) => r.which === which), { x: (d: Row) => String(d.epsLow), y: (d: Row) => String(d.epsHigh), text: (d: Row) => d.z.toFixed(0), fontSize: 10 }),
      Plot.dot(curve.filter((c) => highs.some((h) => Math.abs(h - c.epsHigh) < 0.013)), { x: (d: { epsLow: number }) => String(d.epsLow), y: (d: { epsHigh: number }) => String(highs.reduce((b, h) => (Math.abs(h - d.epsHigh) < Math.abs(b - d.epsHigh) ? h : b), highs[0])), r: 9, stroke: "#000", fill: "none", strokeDasharray: "2,2" }),
    ],
    title: which,
    ariaLabel: `Sign-rule map of ${which} at lr ${o.lr}: sign of the paired one-step change for each ε_low and ε_high`,
  }));
  const wrap = el("div", { class: "tt-maps" });
  wrap.append(map("content tables: Δζ"), map("mode token (bandit): Δu"));
  const seeds = cells[0]?.seeds ?? 0;
  const summary = `lr ${o.lr}, one step, ${seeds} paired seeds per cell (clip as set vs clip off). Numbers are z-scores. Dashed circles: the cell nearest to (1−ε_low)(1+ε_high) = 1, where the bandit's small-excursion sign rule puts the zero.`;
  const body = rows.map((r) => [r.which, r.epsLow, r.epsHigh, sci(r.mean), sci(r.se), r.z.toFixed(1)]);
  return figure("tt-chart-signmap", "Sign-rule map: which (ε_low, ε_high) sharpen", summary, [wrap], dataTable("Sign-rule map", ["statistic", "ε_low", "ε_high", "mean", "SE", "z"], body));
}

/** Scope switch: p(code) with the clip as set vs clip off, and the paired difference. */
export function scopeChart(r: TokenEnsembleResult, o: { width: number; scope: string; modeName: string }): HTMLElement {
  const T = r.a.steps;
  type Row = { t: number; run: string; mean: number; lo: number; hi: number };
  const rows: Row[] = [];
  const add = (s: typeof r.a, run: string) => { for (let t = 0; t <= T; t++) rows.push({ t, run, mean: s.stats.p0.mean[t], lo: s.stats.p0.mean[t] - 2 * s.stats.p0.se[t], hi: s.stats.p0.mean[t] + 2 * s.stats.p0.se[t] }); };
  add(r.a, LABEL_A); if (r.b) add(r.b, LABEL_B);
  const chart = accessiblePlot(Plot.plot({
    width: o.width, height: 200, marginLeft: 52,
    x: { label: "RL step", domain: [0, T] }, y: { label: `p(${o.modeName})`, grid: true },
    color: { domain: [LABEL_A, LABEL_B], range: [COLORS.on, COLORS.off], legend: true },
    marks: [Plot.areaY(rows, { x: "t", y1: "lo", y2: "hi", fill: "run", fillOpacity: 0.15 }), Plot.lineY(rows, { x: "t", y: "mean", stroke: "run", strokeWidth: 1.6 })],
    ariaLabel: `p(${o.modeName}) over training, clip as set vs clip off`,
  }));
  const dp = r.diff?.final.p0, dz = r.diff?.final.atpContent;
  let maxAbs = 0;
  if (r.diff) for (const v of r.diff.series.p0.mean) maxAbs = Math.max(maxAbs, Math.abs(v));
  const exact = r.diff && maxAbs === 0 && r.diff.series.p0.se.every((v) => v === 0);
  const scopeText = o.scope === "content" ? "Only content tokens are clipped." : o.scope === "mode" ? "Only the mode token is clipped." : "All tokens are clipped.";
  const summary = `${scopeText} Paired difference at step ${T}: p(${o.modeName}) ${dp ? `${dp.mean >= 0 ? "+" : ""}${dp.mean.toFixed(4)} ± ${(2 * dp.se).toFixed(4)}` : "–"}` +
    (exact ? " (exactly 0 on every seed and step: content tokens cannot move the mode)" : "") +
    `; content ATP ${dz ? `${dz.mean >= 0 ? "+" : ""}${dz.mean.toFixed(4)} ± ${(2 * dz.se).toFixed(4)}` : "–"}.`;
  const body = steps(T).map((t) => [t, fmt(r.a.stats.p0.mean[t], 4), r.b ? fmt(r.b.stats.p0.mean[t], 4) : "", r.diff ? fmt(r.diff.series.p0.mean[t], 6) : ""]);
  const fig = figure("tt-chart-scope", `Scope: does clipping the content change p(${o.modeName})?`, summary, [chart], dataTable(`p(${o.modeName}) by step`, ["step", "A", "B", "A − B"], body));
  fig.dataset.exactZero = exact ? "true" : "false";
  return fig;
}
