// Charts of the clipping-bias toy page (Plot). Each takes an ensemble result (config A = as set, B = the
// same with the clip toggled, paired on the same seeds) and returns a figure with a text alternative.
import * as Plot from "../plot.js";
import { consecutiveRanges, estimate, extent, minMaxIndices, plural, stepQuantiles, zTest, zText, type EnsembleResult, type EnsembleSummary, type StepTrace } from "../../lib/toy/index.js";
import { CHEN_CLIP_RATE } from "../../lib/toy/anchors.js";
import { accessiblePlot } from "../plot-a11y.js";
import { groupThousands } from "../../lib/count-format.js";

export const RUN_COLORS = { on: "#9E3D7A", off: "#5F5F5F", diff: "#1F5FA8" } as const;
export const SIGN_COLORS = { pos: "#0B7A55", neg: "#B03A2E" } as const;

export interface RunLabels {
  /** label of config A and B, e.g. "clip on (as set)" / "clip off" */
  a: string;
  b: string;
  /** is A the clip-on run? (B is always A with the clip toggled) */
  aIsClipOn: boolean;
}

export function runLabels(clipEnabled: boolean): RunLabels {
  return clipEnabled
    ? { a: "clip on (as set)", b: "clip off (same seeds)", aIsClipOn: true }
    : { a: "clip off (as set)", b: "clip on (same seeds)", aIsClipOn: false };
}

interface Row { t: number; run: string; mean: number; lo: number; hi: number }
interface FanRow { t: number; run: string; q05: number; q25: number; q50: number; q75: number; q95: number }

/** Steps to draw at `width` px: every step, or per pixel column its first, last, min and max (src/lib/toy/downsample.ts). */
function drawnSteps(series: ArrayLike<number>[], width: number): number[] {
  return minMaxIndices(series[0]?.length ?? 0, Math.max(50, width - 80), series);
}

function rows(s: EnsembleSummary, metric: string, run: string, steps: number[]): Row[] {
  const st = s.stats[metric];
  return steps.map((t) => ({ t, run, mean: st.mean[t], lo: st.mean[t] - 2 * st.se[t], hi: st.mean[t] + 2 * st.se[t] }));
}

function fanRows(s: EnsembleSummary, metric: string, run: string, steps: number[]): FanRow[] {
  const q = stepQuantiles(s, metric);
  return steps.map((t) => ({ t, run, q05: q.q05[t], q25: q.q25[t], q50: q.q50[t], q75: q.q75[t], q95: q.q95[t] }));
}

function colorScale(l: RunLabels, extra: string[] = []) {
  const onLabel = l.aIsClipOn ? l.a : l.b;
  const offLabel = l.aIsClipOn ? l.b : l.a;
  return { domain: [onLabel, offLabel, ...extra], range: [RUN_COLORS.on, RUN_COLORS.off, RUN_COLORS.diff].slice(0, 2 + extra.length), legend: true };
}

const fmt = (v: number, d = 3) => (Number.isFinite(v) ? v.toFixed(d) : "–");

function figure(testid: string, title: string, chart: Element, summary: string, table: HTMLTableElement): HTMLElement {
  const fig = document.createElement("figure");
  fig.dataset.testid = testid;
  fig.className = "toy-figure";
  const h = document.createElement("figcaption");
  const strong = document.createElement("strong");
  strong.textContent = title;
  const p = document.createElement("span");
  p.className = "toy-chart-summary";
  p.textContent = " " + summary;
  h.append(strong, p);
  const det = document.createElement("details");
  const sum = document.createElement("summary");
  sum.textContent = "Numbers behind this chart (table)";
  det.append(sum, table);
  fig.append(h, chart, det);
  return fig;
}

function table(caption: string, headers: string[], body: (string | number)[][]): HTMLTableElement {
  const t = document.createElement("table");
  const c = document.createElement("caption");
  c.textContent = caption;
  const thead = document.createElement("thead");
  const tr = document.createElement("tr");
  for (const h of headers) { const th = document.createElement("th"); th.scope = "col"; th.textContent = h; tr.append(th); }
  thead.append(tr);
  const tb = document.createElement("tbody");
  for (const r of body) {
    const row = document.createElement("tr");
    for (const v of r) { const td = document.createElement("td"); td.textContent = String(v); row.append(td); }
    tb.append(row);
  }
  t.append(c, thead, tb);
  return t;
}

function tableSteps(T: number): number[] {
  const every = Math.max(1, Math.round(T / 10));
  const out: number[] = [];
  for (let t = 0; t <= T; t += every) out.push(t);
  if (out[out.length - 1] !== T) out.push(T);
  return out;
}

/** Ensemble fan of p(strategy 0): 5–95% and 25–75% bands and the median, clip on vs clip off. */
export function fanChart(r: EnsembleResult, l: RunLabels, strategy: string, width: number, height = 300): HTMLElement {
  const qa = stepQuantiles(r.a, "p0"), qb = r.b ? stepQuantiles(r.b, "p0") : null;
  const steps = drawnSteps([qa.q05, qa.q50, qa.q95, ...(qb ? [qb.q05, qb.q50, qb.q95] : [])], width);
  const a = fanRows(r.a, "p0", l.a, steps), b = r.b ? fanRows(r.b, "p0", l.b, steps) : [];
  const data = [...a, ...b];
  const T = r.a.steps;
  const chart = accessiblePlot(Plot.plot({
    width, height, marginLeft: 50,
    x: { label: "RL step", domain: [0, T] },
    y: { label: `p(${strategy})`, domain: [0, 1], grid: true },
    color: colorScale(l),
    marks: [
      Plot.areaY(data, { x: "t", y1: "q05", y2: "q95", fill: "run", fillOpacity: 0.12 }),
      Plot.areaY(data, { x: "t", y1: "q25", y2: "q75", fill: "run", fillOpacity: 0.25 }),
      Plot.lineY(data, { x: "t", y: "q50", stroke: "run", strokeWidth: 2 }),
      Plot.ruleY([r.a.stats.p0.mean[0]], { stroke: "#333", strokeDasharray: "2,3" }),
      Plot.tip(data, Plot.pointerX({ x: "t", y: "q50", stroke: "run", title: (d: FanRow) => `${d.run}\nstep ${d.t}\nmedian ${fmt(d.q50)}\n25–75%: ${fmt(d.q25)}–${fmt(d.q75)}\n5–95%: ${fmt(d.q05)}–${fmt(d.q95)}` })),
    ],
    ariaLabel: `Ensemble fan chart of p(${strategy}) over ${T} steps, ${l.a} and ${l.b}`,
  }));
  const fa = r.a.final.p0, fb = r.b?.final.p0;
  const summary = `After ${T} steps over ${r.a.seeds.length} ${r.a.seeds.length === 1 ? "seed" : "seeds"}: median p(${strategy}) ${fmt(fa.q50)} ${l.a}` + (fb ? `, ${fmt(fb.q50)} ${l.b}` : "") + ` (start ${fmt(r.a.stats.p0.mean[0])}). Bands: 5–95% and 25–75% of seeds.`;
  const ts = tableSteps(T);
  const body = ts.map((t) => [t, fmt(qa.q50[t]), `${fmt(qa.q05[t])}–${fmt(qa.q95[t])}`, qb ? fmt(qb.q50[t]) : "", qb ? `${fmt(qb.q05[t])}–${fmt(qb.q95[t])}` : ""]);
  return figure("toy-chart-fan", `Probability of ${strategy}, ensemble of seeds`, chart, summary, table(`p(${strategy}) by step`, ["step", `median, ${l.a}`, "5–95%", `median, ${l.b}`, "5–95%"], body));
}

/** Mean ± 2 SE of a metric for A and B, optionally with the paired difference clip on − clip off. */
export function meanChart(r: EnsembleResult, l: RunLabels, o: { metric: string; title: string; yLabel: string; testid: string; width: number; withDiff?: boolean; digits?: number; zeroLine?: boolean; note?: string }): HTMLElement {
  const diffLabel = "paired difference, clip on − clip off";
  const sign = l.aIsClipOn ? 1 : -1;
  const drawDiff = !!(o.withDiff && r.diff && o.metric === "du");
  const steps = drawnSteps([r.a.stats[o.metric].mean, ...(r.b ? [r.b.stats[o.metric].mean] : []), ...(drawDiff ? [r.diff!.series[o.metric].mean] : [])], o.width);
  const data = [...rows(r.a, o.metric, l.a, steps), ...(r.b ? rows(r.b, o.metric, l.b, steps) : [])];
  // the paired difference is drawn only on the drift chart (other scales would be squeezed); tables and text always have it
  if (drawDiff) {
    const d = r.diff!.series[o.metric];
    for (const t of steps) {
      const m = sign * d.mean[t];
      data.push({ t, run: diffLabel, mean: m, lo: m - 2 * d.se[t], hi: m + 2 * d.se[t] });
    }
  }
  const T = r.a.steps;
  const digits = o.digits ?? 3;
  const chart = accessiblePlot(Plot.plot({
    width: o.width, height: 260, marginLeft: 56,
    x: { label: "RL step", domain: [0, T] },
    y: { label: o.yLabel, grid: true },
    color: colorScale(l, o.withDiff && r.diff && o.metric === "du" ? [diffLabel] : []),
    marks: [
      ...(o.zeroLine ? [Plot.ruleY([0], { stroke: "#333" })] : []),
      Plot.areaY(data, { x: "t", y1: "lo", y2: "hi", fill: "run", fillOpacity: 0.18 }),
      Plot.lineY(data, { x: "t", y: "mean", stroke: "run", strokeWidth: 1.8 }),
      Plot.tip(data, Plot.pointerX({ x: "t", y: "mean", stroke: "run", title: (d: Row) => `${d.run}\nstep ${d.t}\nmean ${d.mean.toPrecision(4)}\n±2 SE: ${d.lo.toPrecision(4)} to ${d.hi.toPrecision(4)}` })),
    ],
    ariaLabel: `${o.title}: mean over seeds with ±2 standard errors`,
  }));
  const fa = r.a.final[o.metric], fb = r.b?.final[o.metric];
  // rounded to what the SE supports (src/lib/toy/reading.ts), like the reading under the main chart
  let summary = `At step ${T}, mean over ${plural(r.a.seeds.length, "seed")} (± 2 SE): ${estimate(fa.mean, fa.se)} ${l.a}` + (fb ? `; ${estimate(fb.mean, fb.se)} ${l.b}` : "") + ".";
  if (o.withDiff && r.diff) {
    const d = r.diff.final[o.metric];
    summary += ` Paired difference clip on − clip off: ${estimate(sign * d.mean, d.se)}${d.se > 0 ? ` (${zText(zTest(sign * d.mean, d.se))})` : ""}.`;
  }
  if (o.note) summary += " " + o.note;
  const ts = tableSteps(T);
  const body = ts.map((t) => {
    const row: (string | number)[] = [t, `${fmt(r.a.stats[o.metric].mean[t], digits)} ± ${fmt(2 * r.a.stats[o.metric].se[t], digits)}`];
    if (r.b) row.push(`${fmt(r.b.stats[o.metric].mean[t], digits)} ± ${fmt(2 * r.b.stats[o.metric].se[t], digits)}`);
    if (o.withDiff && r.diff) row.push(`${fmt(sign * r.diff.series[o.metric].mean[t], digits)} ± ${fmt(2 * r.diff.series[o.metric].se[t], digits)}`);
    return row;
  });
  const headers = ["step", `${l.a} (mean ± 2 SE)`, ...(r.b ? [`${l.b}`] : []), ...(o.withDiff && r.diff ? ["clip on − clip off"] : [])];
  return figure(o.testid, o.title, chart, summary, table(o.title, headers, body));
}

/** Clip fractions (clip-low, clip-high) per step for the clip-on run. */
export function clipChart(r: EnsembleResult, l: RunLabels, width: number): HTMLElement {
  const on = l.aIsClipOn ? r.a : r.b;
  const T = r.a.steps;
  const data: { t: number; kind: string; v: number }[] = [];
  const steps = on ? drawnSteps([on.stats.clipFracLow.mean, on.stats.clipFracHigh.mean, on.stats.clipFracDual.mean], width).filter((t) => t > 0) : [];
  const hasDual = !!on && on.stats.clipFracDual.mean.some((x) => x > 0);
  if (on) for (const t of steps) {
    data.push({ t, kind: "clip-low (A < 0, ρ < 1−ε_low)", v: on.stats.clipFracLow.mean[t] });
    data.push({ t, kind: "clip-high (A > 0, ρ > 1+ε_high)", v: on.stats.clipFracHigh.mean[t] });
    if (hasDual) data.push({ t, kind: "dual clip (A < 0, ρ > c)", v: on.stats.clipFracDual.mean[t] });
  }
  const chart = accessiblePlot(Plot.plot({
    width, height: 220, marginLeft: 60,
    x: { label: "RL step", domain: [0, T] },
    y: { label: "fraction of updates masked", grid: true, tickFormat: "~%" },
    color: { legend: true, domain: ["clip-low (A < 0, ρ < 1−ε_low)", "clip-high (A > 0, ρ > 1+ε_high)", "dual clip (A < 0, ρ > c)"], range: [SIGN_COLORS.neg, SIGN_COLORS.pos, "#9A7B00"] },
    marks: [Plot.ruleY([0]), Plot.lineY(data, { x: "t", y: "v", stroke: "kind" }), Plot.tip(data, Plot.pointerX({ x: "t", y: "v", stroke: "kind", title: (d: { t: number; kind: string; v: number }) => `${d.kind}\nstep ${d.t}\n${(100 * d.v).toFixed(3)}%` }))],
    ariaLabel: "Clip fractions per step for the clip-on run",
  }));
  const mean = (k: "clipFracLow" | "clipFracHigh") => (on ? on.stats[k].mean.slice(1).reduce((x, y) => x + y, 0) / Math.max(1, T) : 0);
  const summary = on
    ? `Averaged over steps, ${(100 * mean("clipFracLow")).toFixed(3)}% of updates are masked by clip-low and ${(100 * mean("clipFracHigh")).toFixed(3)}% by clip-high. For comparison, ${CHEN_CLIP_RATE.authors} (arXiv ${CHEN_CLIP_RATE.arxiv}, ${CHEN_CLIP_RATE.locator}) report ${CHEN_CLIP_RATE.claim} (their claim, not the paper's).`
    : "No clip-on run.";
  const ts = tableSteps(T).filter((t) => t > 0);
  const body = on ? ts.map((t) => [t, (100 * on.stats.clipFracLow.mean[t]).toFixed(4) + "%", (100 * on.stats.clipFracHigh.mean[t]).toFixed(4) + "%"]) : [];
  return figure("toy-chart-clip", "How often the clip fires", chart, summary, table("Clip fractions (clip-on run)", ["step", "clip-low", "clip-high"], body));
}

/**
 * "Inside a rollout": every mini-batch's ratio per strategy against the band, by sign of A; masked groups
 * crossed. With more mini-batch updates than fit (many mini-batches × epochs), consecutive updates are merged
 * into one column showing their range of ratios.
 */
export function rolloutChart(tr: StepTrace | null, width: number): HTMLElement {
  interface Pt { mb: number; label: string; strategy: string; sign: string; ratio: number; lo: number; hi: number; n: number; clipped: number; masked: boolean }
  const pts: Pt[] = [];
  const updates = tr?.miniBatches ?? [];
  const ranges = consecutiveRanges(updates.length, Math.max(4, Math.floor((width - 120) / 14)));
  const merged = ranges.some(([lo, hi]) => hi - lo > 1);
  if (tr) ranges.forEach(([lo, hi], col) => {
    const x = col + 1;
    const label = hi - lo > 1 ? `updates ${lo + 1}–${hi}` : `mini-batch ${lo + 1}`;
    tr.strategies.forEach((s, k) => {
      let sum = 0, cnt = 0, rmin = Infinity, rmax = -Infinity, nPos = 0, nNeg = 0, cHigh = 0, cLow = 0;
      for (let i = lo; i < hi; i++) {
        const m = updates[i];
        const ratio = m.ratio[k];
        if (ratio === null) continue;
        sum += ratio; cnt++;
        rmin = Math.min(rmin, m.ratioMin[k] ?? ratio);
        rmax = Math.max(rmax, m.ratioMax[k] ?? ratio);
        nPos += m.nPos[k]; nNeg += m.nNeg[k]; cHigh += m.clippedHigh[k]; cLow += m.clippedLow[k] + m.clippedDual[k];
      }
      if (!cnt) return;
      const ratio = sum / cnt;
      if (nPos > 0) pts.push({ mb: x - 0.15, label, strategy: s, sign: "A > 0", ratio, lo: rmin, hi: rmax, n: nPos / (hi - lo), clipped: cHigh, masked: cHigh > 0 });
      if (nNeg > 0) pts.push({ mb: x + 0.15, label, strategy: s, sign: "A < 0", ratio, lo: rmin, hi: rmax, n: nNeg / (hi - lo), clipped: cLow, masked: cLow > 0 });
    });
  });
  const band = tr?.band ?? [0.8, 1.2];
  const nCols = Math.max(1, ranges.length || 8);
  const [yLo, yHi] = extent(pts.flatMap((p) => [p.lo, p.hi]).concat(band)) ?? [band[0], band[1]];
  const pad = 0.05;
  const chart = accessiblePlot(Plot.plot({
    width, height: 140 * Math.max(1, tr?.strategies.length ?? 2) + 40, marginLeft: 56, marginRight: 60,
    x: { label: merged ? "mini-batch updates of this rollout (merged into columns)" : "mini-batch (optimizer step within this rollout)", domain: [0.5, nCols + 0.5], ticks: Math.min(nCols, 16), tickFormat: "d" },
    y: { label: "ratio ρ = π/π_old", domain: [yLo - pad, yHi + pad], grid: true },
    fy: { label: null },
    color: { legend: true, domain: ["A > 0", "A < 0"], range: [SIGN_COLORS.pos, SIGN_COLORS.neg] },
    symbol: { legend: true, domain: ["used", "masked (clipped)"], range: ["circle", "times"] },
    r: { range: [2, 9] },
    marks: [
      Plot.rectY(tr ? tr.strategies : ["code"], { x1: 0.5, x2: nCols + 0.5, y1: band[0], y2: band[1], fy: (d: string) => d, fill: "#888", fillOpacity: 0.1 }),
      Plot.ruleY([band[0], band[1]], { stroke: "#666", strokeDasharray: "4,3" }),
      Plot.ruleY([1], { stroke: "#333" }),
      Plot.ruleX(pts.filter((p) => p.hi > p.lo), { x: "mb", y1: "lo", y2: "hi", fy: "strategy", stroke: "sign" }),
      Plot.dot(pts.filter((p) => !p.masked), { x: "mb", y: "ratio", fy: "strategy", fill: "sign", stroke: "white", symbol: () => "used", r: "n" }),
      Plot.dot(pts.filter((p) => p.masked), { x: "mb", y: "ratio", fy: "strategy", stroke: "sign", symbol: () => "masked (clipped)", r: "n", strokeWidth: 2.5 }),
      Plot.tip(pts, Plot.pointer({ x: "mb", y: "ratio", fy: "strategy", title: (p: Pt) => `${p.strategy}, ${p.sign}\n${p.label}\nρ = ${p.ratio.toFixed(4)}${p.hi > p.lo ? ` (${p.lo.toFixed(4)}–${p.hi.toFixed(4)})` : ""}\n${p.clipped} masked` })),
    ],
    ariaLabel: "Ratios of each strategy in each mini-batch of the current rollout, against the clip band",
  }));
  let summary = "Press Step to roll out one batch and see its mini-batches.";
  const body: (string | number)[][] = [];
  if (tr) {
    let masked = 0, total = 0;
    updates.forEach((m) => tr.strategies.forEach((_s, k) => { masked += m.clippedLow[k] + m.clippedHigh[k] + m.clippedDual[k]; total += m.nPos[k] + m.nNeg[k]; }));
    // the table lists every update up to a limit that keeps the page responsive; the chart merges columns
    const TABLE_LIMIT = 400;
    updates.slice(0, TABLE_LIMIT).forEach((m, i) => tr.strategies.forEach((s, k) => {
      body.push([i + 1, s, m.ratio[k] === null ? "–" : m.ratio[k]!.toFixed(4), m.nPos[k], m.nNeg[k], m.clippedHigh[k], m.clippedLow[k] + m.clippedDual[k]]);
    }));
    summary = `Step ${tr.step}: the first mini-batch is on-policy (ρ = 1); later ones see the policy already moved by earlier updates. ${masked} of ${total} updates with A ≠ 0 were masked by the clip${tr.clipEnabled ? "" : " (the clip is off, so nothing is masked)"}. Band [${band[0].toFixed(2)}, ${band[1].toFixed(2)}].` +
      (merged ? ` The ${groupThousands(updates.length)} mini-batch updates are merged into ${ranges.length} columns (lines: range of ratios).` : "") +
      (updates.length > TABLE_LIMIT ? ` The table lists the first ${TABLE_LIMIT} updates.` : "");
  }
  return figure("toy-chart-rollout", "Inside a rollout: ratios per mini-batch", chart, summary, table("Ratios per mini-batch and strategy", ["mini-batch", "strategy", "ρ", "n (A > 0)", "n (A < 0)", "masked clip-high", "masked clip-low/dual"], body));
}
