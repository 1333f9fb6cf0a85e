// Charts and tables of the "Code reasoning" page: Table 1, the Figure 7 strategy switches, Table 2, Table 3.
import * as Plot from "./plot.js";
import {html} from "./paper-html.js";
import {accessiblePlot} from "./plot-a11y.js";
import {provenanceButton, provenanceText, type FindingRef, type NumberLike, type ProvenancePanel} from "./paper-provenance.js";
import {rewardColor} from "../lib/palette.js";

type Cell = NumberLike | undefined;
const btn = (n: Cell, heading: string, panel: ProvenancePanel, findings: Map<string, FindingRef[]>) =>
  n ? provenanceButton(n.text, [n], heading, panel, findings) : html`<span class="muted">—</span>`;

// ---------------------------------------------------------------- Table 1
export interface Table1Row {
  model: string;
  freq: Cell;
  code: Cell;
  lang: Cell;
}

export function table1Chart(rows: Table1Row[], {width, version}: {width: number; version: string}): HTMLElement {
  const data = rows.flatMap((r) => [
    {model: r.model, what: "with code", n: r.code},
    {model: r.model, what: "with language only", n: r.lang},
  ]).filter((d) => d.n?.value != null);
  const plot = accessiblePlot(Plot.plot({
    width,
    height: 60 + rows.length * 36,
    marginLeft: 140,
    x: {domain: [0, 100], label: "MATH-500 accuracy before RLVR (%) →", grid: true},
    y: {domain: rows.map((r) => r.model), label: null},
    symbol: {domain: ["with code", "with language only"], range: ["circle", "diamond"], legend: true},
    marks: [
      Plot.link(rows.filter((r) => r.code?.value != null && r.lang?.value != null), {x1: (r: Table1Row) => r.code!.value, x2: (r: Table1Row) => r.lang!.value, y: "model", stroke: "currentColor", strokeOpacity: 0.4}),
      Plot.dot(data, {x: (d) => d.n!.value, y: "model", symbol: "what", r: 5, fill: (d) => (d.what === "with code" ? "currentColor" : "var(--theme-background)"), stroke: "currentColor",
        href: (d) => `#${d.n!.id}`, title: (d) => `${d.model}, accuracy ${d.what}: ${provenanceText(d.n!)}`}),
      Plot.text(rows, {x: 100, y: "model", text: (r: Table1Row) => (r.freq ? `code in ${r.freq.text}%` : ""), textAnchor: "end", dy: -12, fill: "currentColor"}),
    ],
    ariaLabel: `Table 1 (${version}): accuracy with and without code reasoning per model`,
  }));
  return html`<figure class="paper-figure" data-testid="table1-chart" data-version=${version}><figcaption>Table 1, ${version}: accuracy of responses that reason with code vs. language only, and how often each model writes code, before RLVR.</figcaption>${plot}</figure>`;
}

export function table1Table(rows: Table1Row[], version: string, panel: ProvenancePanel, findings: Map<string, FindingRef[]>): HTMLElement {
  return html`<div class="paper-table-wrap" role="region" tabindex="0" aria-label="Data table: Table 1">
    <table data-testid="table1-table"><caption>Table 1, ${version} (MATH-500, before RLVR)</caption>
      <thead><tr><th scope="col">Model</th><th scope="col">Code frequency (%)</th><th scope="col">Accuracy with code (%)</th><th scope="col">Accuracy with language (%)</th></tr></thead>
      <tbody>${rows.map((r) => html`<tr data-testid="table1-row"><th scope="row">${r.model}</th>
        <td class="num">${btn(r.freq, `${r.model}, Table 1 code frequency`, panel, findings)}</td>
        <td class="num">${btn(r.code, `${r.model}, Table 1 accuracy with code`, panel, findings)}</td>
        <td class="num">${btn(r.lang, `${r.model}, Table 1 accuracy with language`, panel, findings)}</td></tr>`)}</tbody>
    </table></div>`;
}

// ---------------------------------------------------------------- Figure 7
export const SUBSETS = ["C->C", "C->L", "L->C", "L->L"] as const;
export const SUBSET_LABEL: Record<string, string> = {"C->C": "Code → Code", "C->L": "Code → Lang", "L->C": "Lang → Code", "L->L": "Lang → Lang"};

export interface SwitchRow {
  reward: string;
  reward_label: string;
  subset: string;
  count: Cell;
  before: Cell;
  after: Cell;
  delta: Cell;
  /** n × (after − before) / 500, computed on this site from the printed numbers. */
  contribution: number | null;
}

export function contributionChart(rows: SwitchRow[], {width, version}: {width: number; version: string}): HTMLElement {
  const data = rows.filter((r) => r.contribution != null);
  const rewards = [...new Set(data.map((r) => r.reward_label))];
  // panels whose printed subset sizes do not add up to 500: their bars cannot add up to the printed gain
  const offSize = rewards
    .map((label) => [label, data.filter((r) => r.reward_label === label).reduce((t, r) => t + (r.count?.value ?? 0), 0)] as const)
    .filter(([, n]) => n !== 500);
  const marginLeft = 110, marginRight = 105;
  // room on both sides for the value labels, in data units: a label is ~40 px wide at any chart width
  const values = data.map((r) => r.contribution!);
  const lo = Math.min(0, ...values), hi = Math.max(0, ...values);
  const pad = ((hi - lo) * 40) / Math.max(80, width - marginLeft - marginRight - 80);
  const plot = accessiblePlot(Plot.plot({
    width,
    height: 70 + SUBSETS.length * (rewards.length * 20 + 24),
    marginLeft,
    marginRight,
    x: {label: "contribution to the overall MATH-500 gain (points) →", grid: true, domain: [lo, hi + pad], ticks: width < 520 ? 4 : undefined},
    y: {domain: rewards, label: null},
    fy: {domain: SUBSETS.map((s) => SUBSET_LABEL[s]), label: null},
    marks: [
      Plot.ruleX([0], {stroke: "currentColor"}),
      Plot.barX(data, {x: "contribution", y: "reward_label", fy: (r: SwitchRow) => SUBSET_LABEL[r.subset], fill: (r: SwitchRow) => rewardColor(r.reward),
        href: (r: SwitchRow) => `#${r.delta?.id ?? ""}`,
        title: (r: SwitchRow) => `${r.reward_label}, ${SUBSET_LABEL[r.subset]}: ${r.count?.text ?? "?"} problems × (${r.after?.text} − ${r.before?.text}) / 500 = ${r.contribution!.toFixed(1)} points (computed here). ${r.delta ? provenanceText(r.delta) : ""}`}),
      // labels right of the bar's right end (zero for a negative bar), so they never reach the axis labels
      Plot.text(data, {x: (r: SwitchRow) => Math.max(0, r.contribution!), y: "reward_label", fy: (r: SwitchRow) => SUBSET_LABEL[r.subset], text: (r: SwitchRow) => r.contribution!.toFixed(1), dx: 4, textAnchor: "start", fill: "currentColor"}),
    ],
    ariaLabel: `Figure 7 (${version}), Qwen2.5-Math-7B: contribution of each strategy switch to the overall gain, per reward`,
  }));
  return html`<figure class="paper-figure" data-testid="fig7-chart" data-version=${version} data-bars=${String(data.length)}>
    <figcaption>Where the gain comes from (Figure 7, ${version}, Qwen2.5-Math-7B, step 0 → step 150). Each bar is a subset's size × its accuracy change / 500, computed here from the printed labels.
      A reward's four bars add up to its overall gain only when its printed subset sizes add up to the 500 problems:
      ${offSize.length
        ? html`<span data-testid="fig7-size-note">${offSize.map(([label, n], i) => html`${i ? (i === offSize.length - 1 ? " and " : ", ") : ""}${label} (${n})`)} ${offSize.length > 1 ? "print sizes that do not" : "prints sizes that do not"}, so ${offSize.length > 1 ? "their bars do not add up to their gains" : "its bars do not add up to its gain"} (see the <a href="./audit#check-subset-sum">audit</a>).</span>`
        : "they do in every panel of this version."}</figcaption>${plot}</figure>`;
}

export function switchTable(rows: SwitchRow[], version: string, panel: ProvenancePanel, findings: Map<string, FindingRef[]>): HTMLElement {
  return html`<div class="paper-table-wrap" role="region" tabindex="0" aria-label="Data table: Figure 7">
    <table data-testid="fig7-table"><caption>Figure 7, ${version}: strategy switches of Qwen2.5-Math-7B on MATH-500 (sizes in problems, accuracies in %)</caption>
      <thead><tr><th scope="col">Reward</th><th scope="col">Switch</th><th scope="col">Problems</th><th scope="col">Accuracy step 0</th><th scope="col">Step 150</th><th scope="col">Change</th><th scope="col">Contribution (computed)</th></tr></thead>
      <tbody>${rows.map((r) => html`<tr data-testid="fig7-row"><th scope="row"><span class="swatch" style=${`background:${rewardColor(r.reward)}`} aria-hidden="true"></span>${r.reward_label}</th><td>${SUBSET_LABEL[r.subset]}</td>
        <td class="num">${btn(r.count, `${r.reward_label}, ${SUBSET_LABEL[r.subset]}: problems`, panel, findings)}</td>
        <td class="num">${btn(r.before, `${r.reward_label}, ${SUBSET_LABEL[r.subset]}: accuracy at step 0`, panel, findings)}</td>
        <td class="num">${btn(r.after, `${r.reward_label}, ${SUBSET_LABEL[r.subset]}: accuracy at step 150`, panel, findings)}</td>
        <td class="num">${btn(r.delta, `${r.reward_label}, ${SUBSET_LABEL[r.subset]}: change`, panel, findings)}</td>
        <td class="num">${r.contribution == null ? "—" : r.contribution.toFixed(2)}</td></tr>`)}</tbody>
    </table></div>`;
}

// ---------------------------------------------------------------- Table 2
export interface ShareRow {
  model: string;
  part: string; // "C_Code->Code", ...
  n: NumberLike;
}

export function table2Chart(rows: ShareRow[], {width, version}: {width: number; version: string}): HTMLElement {
  const parts = ["C_Code->Code", "C_Code->Lang", "C_Lang->Code", "C_Lang->Lang"];
  const models = [...new Set(rows.map((r) => r.model))];
  const charts = models.map((model) => {
    const mine = rows.filter((r) => r.model === model);
    const plot = accessiblePlot(Plot.plot({
      width,
      height: 46 + parts.length * 22,
      marginLeft: 110,
      marginRight: 40,
      x: {domain: [0, 100], label: "share of the average gain (%) →", grid: true},
      y: {domain: parts.map(partLabel), label: null},
      marks: [
        Plot.barX(mine, {x: (r: ShareRow) => r.n.value, y: (r: ShareRow) => partLabel(r.part), fill: "#4D4D4D",
          href: (r: ShareRow) => `#${r.n.id}`, title: (r: ShareRow) => `${r.model}, ${partLabel(r.part)}: ${provenanceText(r.n)}`}),
        Plot.text(mine, {x: (r: ShareRow) => r.n.value, y: (r: ShareRow) => partLabel(r.part), text: (r: ShareRow) => r.n.text, dx: 4, textAnchor: "start", fill: "currentColor"}),
      ],
      ariaLabel: `Table 2 (${version}), ${model}: partial contribution of each strategy switch to the average gain`,
    }));
    return html`<div class="paper-small-chart"><p class="paper-small-title"><strong>${model}</strong></p>${plot}</div>`;
  });
  return html`<figure class="paper-figure" data-testid="table2-chart" data-version=${version}><figcaption>Table 2, ${version}: partial contributions (as printed), averaged by the paper over the rewards that changed the model's strategy.</figcaption>${charts}</figure>`;
}

export function partLabel(part: string): string {
  const m = /C_(Code|Lang)->(Code|Lang)/.exec(part);
  return m ? `${m[1]} → ${m[2]}` : part;
}

export function table2Table(rows: ShareRow[], totals: NumberLike[], version: string, panel: ProvenancePanel, findings: Map<string, FindingRef[]>): HTMLElement {
  const models = [...new Set(rows.map((r) => r.model))];
  const parts = ["C_Code->Code", "C_Code->Lang", "C_Lang->Code", "C_Lang->Lang"];
  return html`<div class="paper-table-wrap" role="region" tabindex="0" aria-label="Data table: Table 2">
    <table data-testid="table2-table"><caption>Table 2, ${version}</caption>
      <thead><tr><th scope="col">Model</th><th scope="col">Avg. total gain</th>${parts.map((p) => html`<th scope="col">${partLabel(p)} (%)</th>`)}</tr></thead>
      <tbody>${models.map((m) => html`<tr data-testid="table2-row"><th scope="row">${m}</th>
        <td class="num">${btn(totals.find((t) => t.model === m), `${m}, Table 2 average total gain`, panel, findings)}</td>
        ${parts.map((p) => html`<td class="num">${btn(rows.find((r) => r.model === m && r.part === p)?.n, `${m}, Table 2 ${partLabel(p)}`, panel, findings)}</td>`)}</tr>`)}</tbody>
    </table></div>`;
}

// ---------------------------------------------------------------- Table 3
export interface PromptRow {
  model: string;
  before: Cell;
  after: Cell;
  delta: Cell;
}

export function table3Chart(rows: PromptRow[], {width, version}: {width: number; version: string}): HTMLElement {
  const data = rows.filter((r) => r.before?.value != null && r.after?.value != null);
  const plot = accessiblePlot(Plot.plot({
    width,
    height: 60 + data.length * 28,
    marginLeft: 150,
    marginRight: 50,
    x: {domain: [0, 100], label: "MATH-500 accuracy (%): original → with the code-forcing prompt", grid: true},
    y: {domain: data.map((r) => r.model), label: null},
    marks: [
      // neutral ink (reward colours are reserved for rewards): solid = gain, dashed = loss
      ...[false, true].map((loss) => Plot.arrow(data.filter((r) => ((r.delta?.value ?? 0) < 0) === loss), {x1: (r: PromptRow) => r.before!.value, x2: (r: PromptRow) => r.after!.value, y: "model", stroke: "currentColor", strokeWidth: 2, headLength: 6, strokeDasharray: loss ? "4,3" : undefined})),
      Plot.dot(data, {x: (r: PromptRow) => r.after!.value, y: "model", r: 6, fill: "transparent", stroke: "transparent",
        href: (r: PromptRow) => `#${r.delta?.id ?? r.after!.id}`, title: (r: PromptRow) => `${r.model}: ${[r.before, r.after, r.delta].filter(Boolean).map((n) => provenanceText(n!)).join("\n")}`}),
      Plot.text(data, {x: (r: PromptRow) => Math.max(r.before!.value!, r.after!.value!), y: "model", text: (r: PromptRow) => r.delta?.text ?? "", dx: 8, textAnchor: "start", fill: "currentColor"}),
    ],
    ariaLabel: `Table 3 (${version}): MATH-500 accuracy without and with a prompt that forces code reasoning`,
  }));
  return html`<figure class="paper-figure" data-testid="table3-chart" data-version=${version} data-arrows=${String(data.length)}><figcaption>Table 3, ${version}: forcing code with a prompt (no RL) helps the Qwen2.5-Math models and hurts the others (solid arrow: gain, dashed: loss).</figcaption>${plot}</figure>`;
}

export function table3Table(rows: PromptRow[], version: string, panel: ProvenancePanel, findings: Map<string, FindingRef[]>): HTMLElement {
  return html`<div class="paper-table-wrap" role="region" tabindex="0" aria-label="Data table: Table 3">
    <table data-testid="table3-table"><caption>Table 3, ${version}: MATH-500 accuracy (%) of the base model, with the prompt “Let's solve this using Python.”, and the difference</caption>
      <thead><tr><th scope="col">Model</th><th scope="col">Original</th><th scope="col">Prompting</th><th scope="col">Difference</th></tr></thead>
      <tbody>${rows.map((r) => html`<tr data-testid="table3-row"><th scope="row">${r.model}</th>
        <td class="num">${btn(r.before, `${r.model}, Table 3 original`, panel, findings)}</td>
        <td class="num">${btn(r.after, `${r.model}, Table 3 prompting`, panel, findings)}</td>
        <td class="num">${btn(r.delta, `${r.model}, Table 3 difference`, panel, findings)}</td></tr>`)}</tbody>
    </table></div>`;
}
