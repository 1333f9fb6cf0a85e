// Charts and tables of the "Rewards compared" page. Rows arrive already reshaped (at build time,
// loaders/figure1-bars.ts): one row per Figure 1 bar with before / after / delta side by side.
import * as Plot from "./plot.js";
import {html} from "./paper-html.js";
import {accessiblePlot} from "./plot-a11y.js";
import {provenanceButton, provenanceText, type FindingRef, type NumberLike, type ProvenancePanel} from "./paper-provenance.js";
import {GROUP_LABELS, rewardColor, STATUS_STYLE} from "../lib/palette.js";
import {FIGURE1_REWARDS, REWARD_GROUPS} from "../lib/paper-vocabulary.js";
import type {Figure1Bar} from "../../loaders/figure1-bars.js";

/** A Figure 1 bar as the page draws it: the loader's bar with its printed numbers (before, after, delta) looked up. */
export type BarRow = Omit<Figure1Bar, "number_ids"> & {numbers: NumberLike[]};

/** Row label on the y axis: the reward, or "Unassigned bar −11.5" for an unresolved one. */
export function barLabel(r: Pick<BarRow, "reward" | "reward_label" | "status" | "numbers">): string {
  if (r.status === "unresolved") return `Unassigned bar ${r.numbers.find((n) => n.quantity === "delta")?.text ?? ""}`;
  return r.reward_label || r.reward;
}

const GROUP_OF = (r: BarRow) => (r.status === "unresolved" ? "unresolved" : r.reward_group);
const GROUP_NAME: Record<string, string> = {...GROUP_LABELS, unresolved: "Unresolved"};

/** y-axis label: reward and its group, so the grouping is readable without colour. */
function axisLabel(r: BarRow): string {
  return r.status === "unresolved" ? barLabel(r) : `${barLabel(r)} (${(GROUP_NAME[GROUP_OF(r)] ?? "").toLowerCase()})`;
}

/** One model's chart: each bar spans the baseline (before RLVR) to the accuracy after, rewards in group order. */
export function rewardsChart(rows: BarRow[], {width, model, caption}: {width: number; model: string; caption: string}): HTMLElement {
  const data = rows.filter((r) => r.model === model && r.before != null && r.after != null);
  const order = [...REWARD_GROUPS.map((g) => g.key), "unresolved"];
  const rank = (r: BarRow) => order.indexOf(GROUP_OF(r)) * 100 + FIGURE1_REWARDS.findIndex((x) => x.key === r.reward);
  const labels = [...data].sort((a, b) => rank(a) - rank(b)).map(axisLabel);
  const baseline = data[0]?.before ?? 0;
  const deltaText = (r: BarRow) => r.numbers.find((n) => n.quantity === "delta")?.text ?? "";
  const narrow = width < 520;
  const plot = Plot.plot({
    width,
    height: 50 + labels.length * 30,
    marginLeft: narrow ? 150 : 200,
    marginRight: 64,
    x: {domain: [0, 100], label: "MATH-500 accuracy (%) →", grid: true, ticks: narrow ? 4 : 10},
    y: {domain: labels, label: null},
    marks: [
      // Plot styles dash patterns per mark, not per datum: one bar mark per status
      ...(["printed", "derived", "inferred", "unresolved"] as const).map((status) => {
        const style = STATUS_STYLE[status];
        return Plot.barX(data.filter((r) => r.status === status), {
          x1: "before",
          x2: "after",
          y: axisLabel,
          fill: (r: BarRow) => rewardColor(r.status === "unresolved" ? "unresolved" : r.reward),
          fillOpacity: style.fillOpacity,
          stroke: (r: BarRow) => rewardColor(r.status === "unresolved" ? "unresolved" : r.reward),
          strokeDasharray: style.strokeDasharray,
          strokeWidth: 1.5,
          insetTop: 4,
          insetBottom: 4,
          href: (r: BarRow) => `#${r.id}`,
          title: (r: BarRow) => `${model}, ${barLabel(r)}: ${r.numbers.map(provenanceText).join("\n")}`,
        });
      }),
      Plot.ruleX([baseline], {stroke: "currentColor", strokeWidth: 1.5}),
      // the change is written right of the bar's right end (the baseline for a loss), never left into the axis labels
      Plot.text(data, {
        x: (r: BarRow) => Math.max(r.before ?? 0, r.after ?? 0),
        y: axisLabel,
        text: (r: BarRow) => `${deltaText(r)}${r.status === "inferred" ? " inferred" : r.status === "unresolved" ? " ?" : ""}`,
        textAnchor: "start",
        dx: 4,
        fill: "currentColor",
      }),
    ],
    ariaLabel: `${model}: MATH-500 accuracy before RLVR (${baseline}%) and after RLVR with each reward, ${caption}`,
  });
  accessiblePlot(plot);
  return html`<figure class="paper-figure" data-testid=${`rewards-chart-${slugModel(model)}`} data-model=${model} data-bars=${String(data.length)}>
    <figcaption><strong>${model}</strong> · before RLVR <strong>${baseline}%</strong> (vertical line) · ${caption}</figcaption>
    ${plot}
  </figure>`;
}

export function slugModel(model: string): string {
  return model.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

/** The accessible data table that accompanies a model's chart; every value opens its provenance. */
export function rewardsTable(rows: BarRow[], model: string, panel: ProvenancePanel, findings: Map<string, FindingRef[]>): HTMLElement {
  const data = rows.filter((r) => r.model === model);
  const cell = (r: BarRow, q: string) => {
    const n = r.numbers.find((x) => x.quantity === q);
    return n ? provenanceButton(n.text, [n], `${model}, ${barLabel(r)}: ${q} (${r.version_label})`, panel, findings) : "—";
  };
  return html`<div class="paper-table-wrap" role="region" tabindex="0" aria-label=${`Data table: ${model}`}>
    <table data-testid=${`rewards-table-${slugModel(model)}`}>
      <caption>${model}: MATH-500 accuracy (%) and change (points), ${data[0]?.version_label ?? ""}</caption>
      <thead><tr><th scope="col">Reward</th><th scope="col">Group</th><th scope="col">Before</th><th scope="col">After</th><th scope="col">Change</th><th scope="col">Status</th></tr></thead>
      <tbody>${data.map((r) => html`<tr data-testid="rewards-row" class=${`status-${r.status}`}>
        <th scope="row"><span class="swatch" style=${`background:${rewardColor(r.status === "unresolved" ? "unresolved" : r.reward)}`} aria-hidden="true"></span> ${barLabel(r)}</th>
        <td>${r.status === "unresolved" ? "unknown" : GROUP_LABELS[r.reward_group] ?? ""}</td>
        <td class="num">${cell(r, "before")}</td><td class="num">${cell(r, "after")}</td><td class="num">${cell(r, "delta")}</td>
        <td>${r.status}${r.numbers.some((n) => n.quantity === "after" && n.derived) ? "; after = before + change" : ""}</td>
      </tr>`)}</tbody>
    </table>
  </div>`;
}

/** Legend: reward colours by group, and how statuses are drawn. */
export function rewardsLegend(): HTMLElement {
  return html`<div class="paper-legend" data-testid="rewards-legend">
    ${REWARD_GROUPS.filter((g) => g.key !== "other").map((g) => html`<div class="legend-groups"><strong>${g.label}</strong>: ${FIGURE1_REWARDS.filter((r) => r.group === g.key).map((r) => html`<span class="legend-item"><span class="swatch" style=${`background:${rewardColor(r.key)}`} aria-hidden="true"></span>${r.label}</span>`)}</div>`)}
    <div><strong>How a bar is drawn</strong>:
      <span class="legend-item"><span class="swatch" style="background:#1F5FA8" aria-hidden="true"></span>read from the paper</span>
      <span class="legend-item"><span class="swatch swatch-inferred" aria-hidden="true"></span>reward inferred from label order (pale, dashed, “inferred”)</span>
      <span class="legend-item"><span class="swatch swatch-unresolved" aria-hidden="true"></span>reward unknown (outline only, “?”)</span>
    </div>
  </div>`;
}

export interface ComparisonRow {
  model: string;
  reward: string;
  reward_label: string;
  a: NumberLike | null; // preprint delta
  b: NumberLike | null; // v1 delta
  c: NumberLike | null; // v2 delta (abstract or secondary Figure 1)
  cAbstract: NumberLike | null;
  aValue: number | null;
  bValue: number | null;
}

/** Figure 1's training length per version, as printed in the setup rows ("150"); absent when not read. */
export interface TrainingSteps {
  preprint?: string;
  v1?: string;
}

const after = (steps?: string) => (steps ? `after ${steps} steps` : "training length not read");

// The version comparison: arrows from the preprint's change to v1's (each after its own training length), one
// small chart per model, each drawn by the page in a task of its own.

/** The rows drawn as arrows: both a preprint and a v1 value. */
const drawnRows = (rows: ComparisonRow[]) => rows.filter((r) => r.aValue != null && r.bValue != null);

/** The models of the version comparison that have both a preprint and a v1 value to draw, in table order. */
export function comparisonModels(rows: ComparisonRow[]): string[] {
  return [...new Set(drawnRows(rows).map((r) => r.model))];
}

/** The version comparison's figure, caption only: comparisonModelChart's charts go in it (one task each). */
export function comparisonFigure(rows: ComparisonRow[], {steps = {}}: {steps?: TrainingSteps} = {}): HTMLElement {
  return html`<figure class="paper-figure" data-testid="comparison-chart" data-arrows=${String(drawnRows(rows).length)}>
    <figcaption>Open dot: May 2025 preprint (Figure 1, ${after(steps.preprint)}). Filled dot: arXiv v1 (Figure 1, ${after(steps.v1)}); pale and dashed where v1's reward assignment is inferred.</figcaption>
  </figure>`;
}

/** One model's arrows from its preprint change to its v1 change, per reward (on the axis shared by all models). */
export function comparisonModelChart(rows: ComparisonRow[], model: string, {width}: {width: number}): HTMLElement {
  const data = drawnRows(rows);
  const values = data.flatMap((r) => [r.aValue!, r.bValue!]);
  const domain = [Math.min(0, ...values) - 2, Math.max(...values) + 2];
  const mine = data.filter((r) => r.model === model);
  const plot = Plot.plot({
    width,
    height: 46 + mine.length * 24,
    marginLeft: 110,
    marginRight: 16,
    x: {domain, label: "MATH-500 change (points) →", grid: true},
    y: {domain: FIGURE1_REWARDS.map((r) => r.label).filter((l) => mine.some((r) => r.reward_label === l)), label: null},
    marks: [
      Plot.ruleX([0], {stroke: "currentColor"}),
      ...[false, true].map((inferred) => Plot.arrow(mine.filter((r) => (r.b?.status === "inferred") === inferred), {
        x1: "aValue", x2: "bValue", y: "reward_label",
        stroke: (r: ComparisonRow) => rewardColor(r.reward), strokeWidth: 2, headLength: 6,
        strokeDasharray: inferred ? "3,2" : undefined,
      })),
      Plot.dot(mine, {
        x: "aValue", y: "reward_label", r: 3.5, fill: "var(--theme-background)",
        stroke: (r: ComparisonRow) => rewardColor(r.reward),
        href: (r: ComparisonRow) => `#${r.a!.id}`,
        title: (r: ComparisonRow) => `${r.model}, ${r.reward_label}, May 2025 preprint: ${provenanceText(r.a!)}`,
      }),
      ...[false, true].map((inferred) => Plot.dot(mine.filter((r) => (r.b?.status === "inferred") === inferred), {
        x: "bValue", y: "reward_label", r: 3.5,
        fill: (r: ComparisonRow) => rewardColor(r.reward),
        fillOpacity: inferred ? 0.45 : 1,
        href: (r: ComparisonRow) => `#${r.b!.id}`,
        title: (r: ComparisonRow) => `${r.model}, ${r.reward_label}, arXiv v1: ${provenanceText(r.b!)}`,
      })),
    ],
    ariaLabel: `${model}: change in MATH-500 accuracy per reward, May 2025 preprint versus arXiv v1`,
  });
  accessiblePlot(plot);
  return html`<div class="paper-small-chart"><p class="paper-small-title"><strong>${model}</strong></p>${plot}</div>`;
}

export function comparisonTable(rows: ComparisonRow[], panel: ProvenancePanel, findings: Map<string, FindingRef[]>, steps: TrainingSteps = {}): HTMLElement {
  const cell = (r: ComparisonRow, n: NumberLike | null, label: string) =>
    n ? provenanceButton(n.text, [n], `${r.model}, ${r.reward_label}: ${label}`, panel, findings) : html`<span class="muted">not available</span>`;
  const v2 = (r: ComparisonRow) => {
    const c = r.cAbstract ?? r.c;
    if (!c) return html`<span class="muted">not available</span>`;
    const same = r.bValue != null && c.text.replace(/^\+/, "") === r.b?.text.replace(/^\+/, "");
    return html`${cell(r, c, `arXiv v2 ${r.cAbstract ? "(abstract)" : "(secondary source)"}`)} ${r.cAbstract ? "abstract" : "secondary"} · ${same ? "same as v1" : "differs from v1"}`;
  };
  return html`<div class="paper-table-wrap" role="region" tabindex="0" aria-label="Data table: version comparison">
    <table data-testid="comparison-table">
      <caption>MATH-500 change (points) per version. The preprint's Figure 1 is ${after(steps.preprint)}, v1's ${after(steps.v1)}${steps.preprint !== steps.v1 ? ", so the two are different measurements of the same runs' progress" : ""}.</caption>
      <thead><tr><th scope="col">Model</th><th scope="col">Reward</th><th scope="col">May 2025 preprint</th><th scope="col">arXiv v1</th><th scope="col">v1 − preprint</th><th scope="col">arXiv v2</th></tr></thead>
      <tbody>${rows.map((r) => html`<tr data-testid="comparison-row">
        <th scope="row">${r.model}</th><td>${r.reward_label}</td>
        <td class="num">${cell(r, r.a, "May 2025 preprint")}</td>
        <td class="num">${cell(r, r.b, "arXiv v1")}${r.b?.status === "inferred" ? " (inferred)" : ""}</td>
        <td class="num">${r.aValue != null && r.bValue != null ? html`<span title="computed on this site from the two printed values">${(r.bValue - r.aValue).toFixed(1)}</span>` : "—"}</td>
        <td>${v2(r)}</td>
      </tr>`)}</tbody>
    </table>
  </div>`;
}

/** Every other reward-related number of main_results (AMC, AIME, compound rewards, checkpoints, prompts). */
export function otherNumbersTable(numbers: (NumberLike & {place: string; benchmark: string; reward_raw: string})[], panel: ProvenancePanel, findings: Map<string, FindingRef[]>): HTMLElement {
  return html`<div class="paper-table-wrap" role="region" tabindex="0" aria-label="Data table: other reward numbers">
    <table data-testid="other-numbers-table">
      <caption>Other numbers about rewards in the paper (changes unless noted; approximate and range statements kept as printed)</caption>
      <thead><tr><th scope="col">Version</th><th scope="col">Model</th><th scope="col">Reward (as printed)</th><th scope="col">Benchmark</th><th scope="col">What</th><th scope="col">Printed</th><th scope="col">Where</th></tr></thead>
      <tbody>${numbers.map((n) => html`<tr>
        <td>${n.version_label}</td><td>${n.model}</td><td>${n.reward_raw}</td><td>${n.benchmark}</td><td>${n.quantity === "delta" ? "change" : n.quantity}</td>
        <td class="num">${provenanceButton(n.text, [n], `${n.model}, ${n.reward_raw}, ${n.benchmark}`, panel, findings)}</td>
        <td>${n.place}</td>
      </tr>`)}</tbody>
    </table>
  </div>`;
}
