// Pieces of the landing page: the record badge, the claim-card charts and the number tables that show where
// each number is printed. Charts follow the site's convention (data, {width}) => Element.
import * as Plot from "./plot.js";
import {html} from "./paper-html.js";
import {accessiblePlot} from "./plot-a11y.js";
import {rewardColor, rewardOrder, STATUS_STYLE} from "../lib/palette.js";
import type {PaperNumberRow} from "../lib/landing.js";
import type {Check} from "../lib/pith.js";
import type {LandingToyPoint} from "../../loaders/landing-toy.js";
import {provenanceButton, type FindingRef, type ProvenancePanel} from "./paper-provenance.js";

/**
 * The verification badge, compact: what passed in this browser, and what could not be checked (the signature:
 * none is published). Green only when every check that could run passed.
 */
export function recordBadge({checks, ok, ms, pithShort}: {checks: Check[]; ok: boolean; ms: number; pithShort: string}): HTMLElement {
  const failed = checks.filter((c) => c.pass === false);
  const passed = checks.filter((c) => c.pass === true).length;
  const unavailable = checks.filter((c) => c.pass === null);
  return html`<a class=${`record-badge ${ok ? "verified" : "failed"}`} href="./record" data-testid="record-badge" data-status=${ok ? "verified" : "failed"}>
    <span class="record-badge-mark" aria-hidden="true">${ok ? "✓" : "✗"}</span>
    <span class="record-badge-text"><strong>${pithShort}</strong> ${ok ? "verified" : "does not verify"} in your browser: ${ok
      ? html`<span data-testid="badge-passed">${passed} of ${passed} hash checks passed</span> (canonical hash, Pith number, title and abstract hashes, signing key; ${ms.toFixed(0)} ms).`
      : html`<span data-testid="badge-failed">failed ${failed.map((c) => `${c.label} (computed ${c.actual}, published ${c.expected})`).join("; ")}</span>.`}
      ${unavailable.map((c) => html`<span class="record-badge-na" data-testid="badge-unavailable">${c.label === "Ed25519 receipt signature" ? "Signature check not available: no signature is published" : `${c.label}: not available (${c.actual})`}.</span>`)}
      <span class="record-badge-more">Details →</span></span>
  </a>`;
}

const highlightKeys = new Set(["random", "ground_truth"]);

/** C1: Qwen2.5-Math-7B's MATH-500 gain per reward, random and ground truth drawn solid, the rest pale. */
export function gainsChart(rows: PaperNumberRow[], {width, caption}: {width: number; caption: string}): Element {
  const order = rewardOrder(rows.map((r) => r.reward));
  const data = order.map((key) => rows.find((r) => r.reward === key)!);
  return accessiblePlot(
    Plot.plot({
      width,
      height: 40 + data.length * 28,
      marginLeft: 110,
      marginRight: 50,
      caption,
      ariaLabel: "Bar chart of MATH-500 gains per reward for Qwen2.5-Math-7B",
      x: {label: "MATH-500 change (points)", domain: [0, Math.max(...data.map((r) => r.value ?? 0)) * 1.12], grid: true},
      y: {label: null, domain: data.map((r) => r.reward_label)},
      marks: [
        Plot.barX(data, {
          y: "reward_label",
          x: "value",
          fill: (r: PaperNumberRow) => rewardColor(r.reward),
          fillOpacity: (r: PaperNumberRow) => (highlightKeys.has(r.reward) ? 1 : 0.35),
          title: (r: PaperNumberRow) => `${r.reward_label}: ${r.text} points\n${r.version_label}, ${r.locator}`,
          href: (r: PaperNumberRow) => `#${r.id}`
        }),
        // Plot takes font weight as a constant, so the highlighted labels are a second mark.
        Plot.text(data.filter((r) => !highlightKeys.has(r.reward)), {y: "reward_label", x: "value", text: "text", dx: 4, textAnchor: "start"}),
        Plot.text(data.filter((r) => highlightKeys.has(r.reward)), {y: "reward_label", x: "value", text: "text", dx: 4, textAnchor: "start", fontWeight: "bold"}),
        Plot.ruleX([0])
      ]
    })
  );
}

/** C2: the precomputed paired toy run, mean p(code) ± 2 SE with the clip on and off. */
export function toyMiniChart(series: LandingToyPoint[], {width, initial}: {width: number; initial: number}): Element {
  const color = {domain: ["clip on", "clip off"], range: [rewardColor("random"), "#767676"], legend: true};
  const rows = series.map((p) => ({...p, label: p.clip === "on" ? "clip on" : "clip off", lo: p.mean - 2 * p.se, hi: p.mean + 2 * p.se}));
  return accessiblePlot(
    Plot.plot({
      width,
      height: 220,
      ariaLabel: "Line chart of the toy model's probability of code reasoning over training steps, clip on versus clip off",
      color,
      x: {label: "RL step"},
      y: {label: "p(code), mean ± 2 SE", domain: [0.4, 1], grid: true},
      marks: [
        Plot.areaY(rows, {x: "step", y1: "lo", y2: "hi", fill: "label", fillOpacity: 0.18}),
        Plot.lineY(rows.filter((r) => r.clip === "on"), {x: "step", y: "mean", stroke: "label", strokeWidth: 2}),
        Plot.lineY(rows.filter((r) => r.clip === "off"), {x: "step", y: "mean", stroke: "label", strokeWidth: 2, strokeDasharray: "5,3"}),
        Plot.ruleY([initial], {stroke: "#767676", strokeDasharray: "2,2"})
      ]
    })
  );
}

/**
 * What could break it: other models' v1 Figure 1 gains, one row per model. Every value here is an inferred or
 * unresolved reward assignment, so the status is drawn (pale dashed = inferred, hollow grey = unresolved) and
 * keyed; dots at the same value are stacked (dodged) so none hides another; rewards are keyed by colour.
 */
export function otherModelsChart(rows: PaperNumberRow[], {width}: {width: number}): Element {
  const models = [...new Set(rows.map((r) => r.model))];
  const colorOf = (r: PaperNumberRow) => (r.status === "unresolved" ? rewardColor("unresolved") : rewardColor(r.reward));
  const label = (r: PaperNumberRow) => (r.status === "unresolved" ? "unassigned bar" : r.reward_label);
  const narrow = width < 520;
  const values = rows.map((r) => r.value ?? 0);
  const plot = Plot.plot({
    width,
    height: 60 + models.length * 62,
    marginLeft: narrow ? 12 : 150,
    marginTop: narrow ? 18 : 10,
    marginRight: 16,
    ariaLabel: "Dot chart of MATH-500 changes for Qwen2.5-7B, OLMo2-7B and Llama3.1-8B-Instruct per reward; every reward assignment is inferred or unresolved",
    x: {label: "MATH-500 change (points) →", domain: [Math.min(...values) - 2, Math.max(...values) + 2], grid: true, ticks: narrow ? 5 : 10, labelAnchor: "right"},
    // on a phone the model names sit above their rows instead of in a left margin
    fy: {domain: models, label: null, axis: narrow ? null : "left", padding: 0.15},
    marks: [
      Plot.ruleX([0]),
      ...(narrow ? [Plot.text(models, {fy: (m: string) => m, text: (m: string) => m, frameAnchor: "top-left", dy: -14, fontWeight: "bold", fill: "currentColor"})] : []),
      // One mark per status: Plot takes the dash pattern as a constant, and the status must show without colour.
      ...Object.entries(STATUS_STYLE).map(([status, style]) =>
        Plot.dot(rows.filter((r) => r.status === status), Plot.dodgeY("middle", {
          x: "value",
          fy: "model",
          r: 6,
          padding: 1.5,
          stroke: colorOf,
          strokeWidth: 2,
          fill: colorOf,
          fillOpacity: style.fillOpacity,
          strokeDasharray: style.strokeDasharray,
          href: (r: PaperNumberRow) => `#${r.id}`,
          title: (r: PaperNumberRow) => `${r.model}, ${label(r)}: ${r.text}\n${r.version_label}, ${r.locator}\n${style.label}`
        }))
      )
    ]
  });
  accessiblePlot(plot);
  const present = rewardOrder([...new Set(rows.filter((r) => r.status !== "unresolved").map((r) => r.reward))]);
  const byStatus = (s: string) => rows.filter((r) => r.status === s).length;
  return html`<figure class="landing-figure" data-testid="other-models-chart">
    <div class="chart-legend" data-testid="other-models-legend" aria-label="Colour and style key">
      ${present.map((k) => html`<span class="legend-item"><span class="legend-dot" style=${`background:${rewardColor(k)};opacity:0.55;border:2px dashed ${rewardColor(k)}`} aria-hidden="true"></span>${rows.find((r) => r.reward === k)?.reward_label}</span>`)}
      <span class="legend-item"><span class="legend-dot" style=${`background:transparent;border:2px dashed ${rewardColor("unresolved")}`} aria-hidden="true"></span>reward unknown</span>
      <span class="legend-item legend-note">pale, dashed: reward inferred (${byStatus("inferred")}) · hollow grey: unresolved (${byStatus("unresolved")})</span>
    </div>
    ${plot}
  </figure>`;
}

/** A table of numbers with what, value, version, where printed and status: the text alternative of a chart. */
export function numbersTable(rows: PaperNumberRow[], {what, caption, testid, panel, findings}: {what: (r: PaperNumberRow) => string; caption: string; testid: string; panel?: ProvenancePanel; findings?: Map<string, FindingRef[]>}): HTMLElement {
  const value = (r: PaperNumberRow) => (panel && findings ? provenanceButton(r.text, [r], `${what(r)} (${r.version_label})`, panel, findings) : r.text);
  return html`<div class="table-scroll" role="region" tabindex="0" aria-label=${caption}><table data-testid=${testid}>
    <caption>${caption}</caption>
    <thead><tr><th scope="col">What</th><th scope="col">Value</th><th scope="col">Paper version</th><th scope="col">Printed where</th><th scope="col">Status</th></tr></thead>
    <tbody>${rows.map((r) => html`<tr data-number-id=${r.id}>
      <td>${what(r)}</td>
      <td class="num">${value(r)}</td>
      <td>${r.version_label}</td>
      <td><span title=${r.source}>${r.locator}</span></td>
      <td>${STATUS_STYLE[r.status]?.label ?? r.status}${r.source_kind === "secondary" ? " (secondary source)" : ""}</td>
    </tr>`)}</tbody>
  </table></div>`;
}

/** The toy chart's text alternative: p(code) with the clip on and off every `every` steps. */
export function toyRunTable(series: LandingToyPoint[], {every}: {every: number}): HTMLElement {
  const steps = [...new Set(series.map((p) => p.step))].filter((step, i, all) => step % every === 0 || i === all.length - 1);
  const at = (step: number, clip: "on" | "off") => series.find((p) => p.step === step && p.clip === clip)!;
  const cell = (p: LandingToyPoint) => `${p.mean.toFixed(3)} ± ${(2 * p.se).toFixed(3)}`;
  return html`<div class="table-scroll"><table data-testid="toy-mini-table">
    <caption>Toy model, p(code): ensemble mean ± 2 SE over paired seeds</caption>
    <thead><tr><th scope="col">RL step</th><th scope="col">clip on</th><th scope="col">clip off</th></tr></thead>
    <tbody>${steps.map((step) => html`<tr><th scope="row">${step}</th><td class="num">${cell(at(step, "on"))}</td><td class="num">${cell(at(step, "off"))}</td></tr>`)}</tbody>
  </table></div>`;
}
