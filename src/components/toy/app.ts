// The interactive clipping-bias toy: presets, controls, a Web Worker running paired ensembles (config as
// set vs the same with the clip toggled, on the same seeds), streamed charts, a single-seed "inside a
// rollout" view, the "why" panel, the runs table, exports, and the full state in the URL.
import {
  checkEnsembleSize, PRESETS, presetById, resolveConfig, runEnsembleStreaming, stateFromSearch, stateToSearch, ToyConfigError, ToySimulator,
  validateConfig, type EnsembleResult, type StepTrace, type ToyConfig,
} from "../../lib/toy/index.js";
import type { WorkerReply } from "../../lib/toy/worker.js";
import { clipChart, fanChart, meanChart, rolloutChart, runLabels } from "./charts.js";
import { toyControls } from "./controls.js";
import { resultToCsv, runRow, runsPanel } from "./runs.js";
import { whyPanel } from "./why.js";
import { presetPaperNumbers } from "./anchors.js";
import type { ToyAnchor } from "../../lib/toy/anchors.js";

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function toggledClip(cfg: ToyConfig): ToyConfig {
  const b = structuredClone(cfg);
  b.clip.enabled = !cfg.clip.enabled;
  return b;
}

/** Runs ensembles in the worker, or on the main thread (still streamed) if a worker cannot start. */
class Runner {
  private worker: Worker | null = null;
  private nextId = 1;
  private current = 0;
  private fallback: AbortController | null = null;
  constructor(workerUrl: string | null, private readonly onReply: (r: WorkerReply) => void) {
    if (workerUrl && typeof Worker !== "undefined") {
      try {
        this.worker = new Worker(workerUrl, { type: "module" });
        this.worker.onmessage = (ev: MessageEvent<WorkerReply>) => { if (ev.data.id === this.current) this.onReply(ev.data); };
        this.worker.onerror = (ev) => { ev.preventDefault(); this.worker?.terminate(); this.worker = null; this.onReply({ type: "error", id: this.current, message: "the background worker failed; runs continue on the page" }); };
      } catch { this.worker = null; }
    }
  }
  get usesWorker(): boolean { return this.worker !== null; }
  run(a: ToyConfig, b: ToyConfig, seeds: number): number {
    this.cancel();
    const id = (this.current = this.nextId++);
    if (this.worker) {
      this.worker.postMessage({ type: "run", id, a, b, seeds, partialMs: 100 });
    } else {
      const ac = (this.fallback = new AbortController());
      const t0 = performance.now();
      runEnsembleStreaming(a, seeds, b, {
        signal: ac.signal, partialMs: 100,
        onPartial: (result, completed, total) => { if (id === this.current) this.onReply({ type: completed === total ? "done" : "partial", id, result, completed, total, elapsedMs: performance.now() - t0 }); },
      }).catch((e: Error) => { if (id === this.current) this.onReply(e.name === "AbortError" ? { type: "cancelled", id } : { type: "error", id, message: e.message }); });
    }
    return id;
  }
  cancel(): void {
    if (this.worker) this.worker.postMessage({ type: "cancel", id: this.current });
    this.fallback?.abort();
  }
}

/** presetAnchors: per preset id, the paper numbers its settings come from (src/data/toy-anchors.json). */
export function toyApp({ workerUrl, presetAnchors = {} }: { workerUrl: string | null; presetAnchors?: Record<string, ToyAnchor[]> }): HTMLElement {
  const parsed = stateFromSearch(location.search);
  let cfg: ToyConfig = parsed.state.config;
  let seeds = parsed.state.seeds;
  let preset: string | null = parsed.state.preset;
  let lastResult: EnsembleResult | null = null;
  let lastResultCfg: ToyConfig | null = null;
  let runStartedAt = 0;
  let changedAt = 0;
  let firstChartPending = false;
  let runCount = 0;

  const root = el("div", { class: "toy-app", "data-testid": "toy-app" });
  if (workerUrl) root.dataset.workerUrl = workerUrl; // lets the bench time the worker on its own
  const urlProblems = el("div", { role: "alert", class: "toy-error", "data-testid": "toy-url-problems" });
  urlProblems.hidden = parsed.problems.length === 0;
  urlProblems.textContent = parsed.problems.length ? `Some settings in the link were not usable and were replaced by defaults: ${parsed.problems.join("; ")}` : "";

  // presets
  const presetSelect = el("select", { id: "toy-preset", "data-testid": "toy-preset" });
  presetSelect.append(el("option", { value: "" }, "custom settings"));
  for (const p of PRESETS) presetSelect.append(el("option", { value: p.id }, p.label + (p.advanced ? " (advanced)" : "")));
  const presetDesc = el("p", { "data-testid": "toy-preset-description", class: "toy-preset-description", "aria-live": "polite" });
  function showPreset() {
    presetSelect.value = preset ?? "";
    const p = preset ? presetById(preset) : undefined;
    presetDesc.replaceChildren();
    if (p) {
      presetDesc.append(el("strong", {}, "Shows: "), document.createTextNode(p.shows + " "), el("strong", {}, "Mirrors: "), document.createTextNode(p.mirrors));
      const numbers = presetAnchors[p.id];
      if (numbers?.length) presetDesc.append(document.createTextNode(" "), presetPaperNumbers(numbers));
    } else presetDesc.textContent = "Custom settings (changed from a preset or from the link).";
  }

  const configError = el("div", { role: "alert", class: "toy-error", "data-testid": "toy-config-error" });
  configError.hidden = true;

  const controls = toyControls(cfg, seeds, (next, nextSeeds) => {
    cfg = next;
    seeds = nextSeeds;
    preset = null;
    showPreset();
    changed();
  });

  presetSelect.addEventListener("change", () => {
    const p = presetById(presetSelect.value);
    if (!p) { preset = null; showPreset(); return; }
    preset = p.id;
    cfg = resolveConfig(p.overrides);
    controls.sync(cfg, seeds);
    showPreset();
    changed();
  });

  // run bar
  const runBtn = el("button", { type: "button", "data-testid": "toy-run" }, "Run ensemble");
  const cancelBtn = el("button", { type: "button", "data-testid": "toy-cancel" }, "Cancel");
  cancelBtn.disabled = true;
  const progress = el("progress", { max: "1", value: "0", "aria-label": "Ensemble progress", "data-testid": "toy-progress" });
  const status = el("span", { role: "status", "data-testid": "toy-status", class: "toy-status" }, "Starting…");
  const shareLink = el("a", { "data-testid": "toy-link", href: "" }, "Link to these settings");
  const exportLinks = el("span", { "data-testid": "toy-exports" });
  const summary = el("p", { "data-testid": "toy-summary", class: "toy-summary", "aria-live": "polite" });
  const charts = el("div", { class: "toy-charts", "data-testid": "toy-charts" });
  const why = el("div");

  // single-seed rollout view
  const stepBtn = el("button", { type: "button", "data-testid": "toy-step" }, "Step");
  const step10Btn = el("button", { type: "button", "data-testid": "toy-step10" }, "Step ×10");
  const resetBtn = el("button", { type: "button", "data-testid": "toy-reset" }, "Reset");
  const rolloutInfo = el("p", { "data-testid": "toy-rollout-info", "aria-live": "polite" });
  const rolloutChartBox = el("div");
  let sim: ToySimulator | null = null;
  let trace: StepTrace | null = null;

  const runs = runsPanel();

  let width = 640;
  const runner = new Runner(workerUrl, onReply);

  function currentWidth(): number {
    return Math.max(280, Math.floor(root.getBoundingClientRect().width || width));
  }

  function renderCharts(r: EnsembleResult, c: ToyConfig) {
    const w = currentWidth();
    const wide = w >= 900;
    const half = wide ? Math.floor((w - 24) / 2) : w;
    const l = runLabels(c.clip.enabled);
    const s0 = c.strategies[0];
    const acc0 = r.a.stats.accuracy.mean[0];
    const ceiling = Math.max(...c.acc);
    const grid = el("div", { class: wide ? "toy-grid toy-grid-2" : "toy-grid" });
    grid.append(
      meanChart(r, l, { metric: "du", title: `Drift of the logit gap u = logit p(${s0}) (mean ± 2 SE)`, yLabel: "Δu", testid: "toy-chart-drift", width: half, withDiff: true, zeroLine: true, note: "Without the bias the mean stays at 0 (a martingale); the paired difference removes most of the shared noise." }),
      meanChart(r, l, { metric: "accuracy", title: "Expected accuracy (the toy's benchmark score)", yLabel: "expected accuracy", testid: "toy-chart-accuracy", width: half, withDiff: true, note: `It starts at ${acc0.toFixed(3)} and can never exceed the best strategy's accuracy, ${ceiling.toFixed(3)}.` }),
      meanChart(r, l, { metric: "entropy", title: "Policy entropy (nats)", yLabel: "entropy", testid: "toy-chart-entropy", width: half, withDiff: true, note: "Random-walk noise alone lowers mean entropy, so compare with the paired run rather than with the start." }),
      clipChart(r, l, half),
    );
    charts.replaceChildren(fanChart(r, l, s0, w), grid);
    const fa = r.a.final;
    const sign = c.clip.enabled ? 1 : -1;
    const d = r.diff?.final.du;
    summary.textContent =
      `${r.a.seeds.length} of ${r.a.seedsPlanned} seeds, ${r.a.steps} steps. Mean p(${s0}) ${fa.p0.mean.toFixed(3)} (${l.a}) vs ${r.b?.final.p0.mean.toFixed(3)} (${l.b}); ` +
      `mean Δu ${fa.du.mean.toFixed(3)} ± ${(2 * fa.du.se).toFixed(3)}` +
      (d ? `; paired Δu difference clip on − clip off ${(sign * d.mean).toFixed(3)} ± ${(2 * d.se).toFixed(3)} (z = ${(sign * d.z).toFixed(1)}).` : ".") +
      (fa.du.se > 0 && Math.abs(fa.du.mean) < 2 * fa.du.se ? " The configured run's drift is within noise." : "") +
      (r.a.guardHits > 0 ? ` Note: at these extreme settings the logits hit the guard ${r.a.guardHits} times (probabilities kept ≥ e⁻¹⁰⁰).` : "");
  }

  function onReply(msg: WorkerReply) {
    if (msg.type === "partial" || msg.type === "done") {
      lastResult = msg.result;
      const c = lastResultCfg!;
      renderCharts(msg.result, c);
      if (firstChartPending) {
        firstChartPending = false;
        // from the settings change (slider, preset, link), including the debounce
        root.dataset.firstChartMs = String(Math.round(performance.now() - (changedAt || runStartedAt)));
      }
      progress.max = msg.total;
      progress.value = msg.completed;
      if (msg.type === "done") {
        status.textContent = `Done: ${msg.total} seeds in ${(msg.elapsedMs / 1000).toFixed(2)} s${runner.usesWorker ? " (in a background worker)" : ""}.`;
        root.dataset.state = "done";
        root.dataset.lastRunMs = String(Math.round(msg.elapsedMs));
        cancelBtn.disabled = true;
        runBtn.disabled = false;
        const link = location.href;
        runs.add(runRow(++runCount, preset, c, msg.result, link), { link, preset, config: c, pairedConfig: toggledClip(c), seeds: msg.result.a.seeds, result: msg.result });
        renderExports(msg.result, c);
      } else {
        status.textContent = `Running: ${msg.completed} of ${msg.total} seeds…`;
        root.dataset.state = "running";
      }
    } else if (msg.type === "cancelled") {
      status.textContent = lastResult ? `Cancelled; the charts show the ${lastResult.a.seeds.length} seeds finished before cancelling.` : "Cancelled.";
      root.dataset.state = "cancelled";
      cancelBtn.disabled = true;
      runBtn.disabled = false;
    } else if (msg.type === "error") {
      status.textContent = `The run failed: ${msg.message}`;
      root.dataset.state = "error";
      cancelBtn.disabled = true;
      runBtn.disabled = false;
    }
  }

  function renderExports(r: EnsembleResult, c: ToyConfig) {
    const l = runLabels(c.clip.enabled);
    const mk = (text: string, type: string, name: string, label: string, testid: string) => {
      const a = el("a", { download: name, "data-testid": testid }, label);
      a.href = URL.createObjectURL(new Blob([text], { type }));
      return a;
    };
    for (const a of exportLinks.querySelectorAll("a")) URL.revokeObjectURL(a.href);
    exportLinks.replaceChildren(
      mk(resultToCsv(r, l), "text/csv", "toy-run.csv", "Download this run (CSV)", "toy-export-csv"),
      document.createTextNode(" · "),
      mk(JSON.stringify({ link: location.href, config: c, pairedConfig: toggledClip(c), labels: l, result: r }, null, 1), "application/json", "toy-run.json", "(JSON)", "toy-export-json"),
    );
  }

  function startRun() {
    const problems = [...validateConfig(cfg), ...checkEnsembleSize(cfg, seeds)];
    if (problems.length) return;
    lastResultCfg = structuredClone(cfg);
    lastResult = null;
    runStartedAt = performance.now();
    firstChartPending = true;
    root.dataset.state = "running";
    status.textContent = `Running: 0 of ${seeds} seeds…`;
    progress.max = seeds;
    progress.value = 0;
    cancelBtn.disabled = false;
    try {
      runner.run(cfg, toggledClip(cfg), seeds);
    } catch (e) {
      status.textContent = `Cannot run: ${(e as Error).message}`;
    }
  }

  function resetSim() {
    const problems = validateConfig(cfg);
    if (problems.length) { sim = null; trace = null; renderRollout(); return; }
    sim = new ToySimulator(cfg, cfg.seed);
    trace = sim.advance(true);
    renderRollout();
  }

  function renderRollout() {
    rolloutChartBox.replaceChildren(rolloutChart(trace, Math.min(currentWidth(), 900)));
    if (!sim) { rolloutInfo.textContent = "Fix the settings above to step through a rollout."; return; }
    const p = Array.from(sim.z, (z) => Math.exp(z));
    const s = p.reduce((a, b) => a + b, 0);
    rolloutInfo.textContent = `Seed ${cfg.seed}, after step ${sim.step}: ` + cfg.strategies.map((n, k) => `p(${n}) = ${(p[k] / s).toFixed(4)}`).join(", ") + `, Δu = ${(sim.logitGap() - sim.u0).toFixed(4)}.`;
  }

  let debounce: ReturnType<typeof setTimeout> | null = null;
  function changed() {
    changedAt = performance.now();
    history.replaceState(null, "", location.pathname + stateToSearch({ config: cfg, seeds, preset }) + location.hash);
    shareLink.href = location.href;
    const problems = validateConfig(cfg);
    if (!problems.length) problems.push(...checkEnsembleSize(cfg, seeds));
    if (problems.length) {
      configError.hidden = false;
      configError.textContent = `These settings cannot run: ${problems.join("; ")}.`;
      runner.cancel();
      runBtn.disabled = true;
      status.textContent = "Waiting for valid settings.";
      why.replaceChildren();
      return;
    }
    configError.hidden = true;
    runBtn.disabled = false;
    why.replaceChildren(whyPanel(cfg));
    resetSim();
    // a stale run is cancelled at once; the new one starts after a short pause in slider movement
    runner.cancel();
    root.dataset.state = "pending";
    status.textContent = "Settings changed: starting a new run…";
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(startRun, 60);
  }

  runBtn.addEventListener("click", () => { changedAt = 0; startRun(); });
  cancelBtn.addEventListener("click", () => runner.cancel());
  stepBtn.addEventListener("click", () => { if (sim) { trace = sim.advance(true); renderRollout(); } });
  step10Btn.addEventListener("click", () => { if (sim) { for (let i = 0; i < 9; i++) sim.advance(false); trace = sim.advance(true); renderRollout(); } });
  resetBtn.addEventListener("click", () => { if (sim) { sim = new ToySimulator(cfg, cfg.seed); trace = null; renderRollout(); } });

  if (typeof ResizeObserver !== "undefined") {
    let last = 0;
    new ResizeObserver(() => {
      const w = currentWidth();
      if (Math.abs(w - last) < 20) return;
      last = w;
      width = w;
      if (lastResult && lastResultCfg) renderCharts(lastResult, lastResultCfg);
      renderRollout();
    }).observe(root);
  }

  const presetP = el("p");
  presetP.append(el("label", { for: "toy-preset" }, "Preset "), presetSelect);
  const runBar = el("div", { class: "toy-runbar" });
  runBar.append(runBtn, cancelBtn, progress, status);
  const linkP = el("p");
  linkP.append(shareLink, document.createTextNode(" (the address bar always holds the full state) · "), exportLinks);
  const rolloutSection = el("section", { "aria-labelledby": "toy-rollout-title", "data-testid": "toy-rollout" });
  const rolloutBar = el("p");
  rolloutBar.append(stepBtn, document.createTextNode(" "), step10Btn, document.createTextNode(" "), resetBtn);
  rolloutSection.append(
    el("h3", { id: "toy-rollout-title" }, "Inside a rollout: one seed, step by step"),
    el("p", {}, "One seed (the ensemble's first) with the settings above. Each Step draws a new rollout batch and takes all its mini-batch updates; the chart shows, for each mini-batch, the ratio of each strategy, split by the sign of the advantage. Hollow crosses are groups the clip masked (their gradient is dropped)."),
    rolloutBar, rolloutInfo, rolloutChartBox,
  );

  root.append(urlProblems, presetP, presetDesc, controls.element, configError, runBar, linkP, summary, charts, why, rolloutSection, runs.element);
  showPreset();
  // first run once the element is in the document (so widths are known)
  requestAnimationFrame(() => changed());
  return root;
}

export { ToyConfigError };
