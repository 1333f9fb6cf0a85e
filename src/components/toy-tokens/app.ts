// The interactive token-level toy: controls, paired ensembles (config as set vs the same with the clip
// off, on the same seeds) on the toys' worker pool (../toy/pool-client.ts: seeds split over the machine's
// cores, merged exactly, progress and cancel), the §8 views, a single-seed band view on the main thread (one
// step is a few ms), the sign-rule map in a worker of its own, and the whole state in the URL.
import {
  classLabels, defaultTokenConfig, resolveTokenConfig, streamSignMap, TOKEN_PRESETS,
  tokenStateFromSearch, tokenStateToSearch, TokenSimulator,
  type SignMapCell, type StreamProgress, type TokenPageState, type TokenRunSummary, type TokenToyConfig,
} from "../../lib/toy/tokens/index.js";
import { ToyConfigError } from "../../lib/toy/config.js";
import { tokenPoolModel } from "../../lib/toy/tokens/pool-model.js";
import type { TokenSignMapReply } from "../../lib/toy/tokens/worker.js";
import { defaultPoolSize, forcedPoolSize, PoolClient } from "../toy/pool-client.js";
import { pageDrawn } from "../page-drawn.js";
import { atpChart, atpDiffPlot, bandChart, clipRateChart, decompositionChart, histogramChart, scopeChart, signMapChart, whoClippedChart } from "./charts.js";

export const METRICS = ["p0", "atp", "atpContent", "atpSampled", "atpSampledContent", "atpComposition", "atpWithin", "zeta",
  "clipRateTokens", "clipRateContent", "clipRateMode",
  ...["c0", "c1", "c2", "c3", "c4", "c5", "c6", "mode"].flatMap((c) => [`n_${c}`, `clipLow_${c}`, `clipHigh_${c}`])];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function labelled(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || `tt-${Math.random().toString(36).slice(2, 9)}`;
  control.id = id;
  const wrap = el("div", { class: "tt-field" });
  const l = el("label", { for: id }, label);
  wrap.append(l, control);
  if (hint) { const h = el("span", { class: "tt-hint", id: `${id}-hint` }, hint); control.setAttribute("aria-describedby", h.id); wrap.append(h); }
  return wrap;
}

function numberInput(testid: string, value: number, min: number, max: number, step: number): HTMLInputElement {
  return el("input", { type: "number", min: String(min), max: String(max), step: String(step), value: String(value), "data-testid": testid, inputmode: "decimal" });
}

function select(testid: string, options: [string, string][], value: string): HTMLSelectElement {
  const s = el("select", { "data-testid": testid });
  for (const [v, label] of options) { const o = el("option", { value: v }, label); if (v === value) o.selected = true; s.append(o); }
  return s;
}

type Reply = TokenSignMapReply;

/** A turn of the event loop without setTimeout's clamp: the next chart draws in a task of its own. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => { ch.port1.close(); resolve(); };
    ch.port2.postMessage(null);
  });
}

const problemText = (e: unknown): string => (e instanceof ToyConfigError ? e.problems.join("; ") : (e as Error).message);

/** The sign-rule map: one job at a time on its own worker, or on the page (still streamed) without workers. */
class Job {
  private worker: Worker | null = null;
  private id = 0;
  private ac: AbortController | null = null;
  constructor(url: string | null, readonly onReply: (r: Reply) => void) {
    if (url && typeof Worker !== "undefined") {
      try {
        this.worker = new Worker(url, { type: "module" });
        this.worker.onmessage = (ev: MessageEvent<Reply>) => { if (ev.data.id === this.id) this.onReply(ev.data); };
        this.worker.onerror = (ev) => { ev.preventDefault(); this.worker?.terminate(); this.worker = null; this.onReply({ type: "error", id: this.id, message: "the background worker failed; start the run again to compute on the page" }); };
      } catch { this.worker = null; }
    }
  }
  get inWorker(): boolean { return this.worker !== null; }
  post(msg: Record<string, unknown>, local: (signal: AbortSignal, id: number) => Promise<unknown>): void {
    this.cancel();
    const id = ++this.id;
    if (this.worker) { this.worker.postMessage({ ...msg, id }); return; }
    const ac = (this.ac = new AbortController());
    local(ac.signal, id).catch((e: Error) => { if (id === this.id) this.onReply(e.name === "AbortError" ? { type: "cancelled", id } : { type: "error", id, message: e.message }); });
  }
  cancel(): void {
    if (this.worker) this.worker.postMessage({ type: "signmap-cancel" });
    this.ac?.abort();
    this.ac = null;
  }
  isCurrent(id: number): boolean { return id === this.id; }
}

export interface TokensAppOptions {
  workerUrl: string | null;
  /** drawn right after the toy's p(code) view (the page passes the paper's code-frequency curves) */
  besideScope?: HTMLElement;
}

/**
 * The page's two parts: `head` (the run's status and the Fig. 12 analogue, the page's point, for the first
 * screen; its root carries data-run-state, data-run-ms, data-pool-size, data-workers-used) and `body` (the
 * settings, the other views, the band view and the sign-rule map), so the page can put text between them.
 */
export function tokensApp(opts: TokensAppOptions): { head: HTMLElement; body: HTMLElement } {
  const root = el("div", { class: "tt-app", "data-testid": "tt-app", "data-state": "idle", "data-run-state": "idle" });
  const body = el("div", { class: "tt-app", "data-testid": "tt-app-more" });
  const search = typeof location !== "undefined" ? location.search : "";
  const parsed = tokenStateFromSearch(search);
  // pool size: the machine's cores (capped), or ?workers=N (kept in the URL; used by tests and the bench)
  const forcedWorkers = forcedPoolSize(search);
  const poolSize = forcedWorkers ?? defaultPoolSize();
  root.dataset.poolSize = String(poolSize);
  /** data-run-state: idle / running / done / cancelled (as on /toy); data-state also says "error" */
  const setRunState = (s: "idle" | "running" | "done" | "cancelled" | "error") => {
    root.dataset.state = s;
    if (s !== "error") root.dataset.runState = s;
  };
  const state: TokenPageState = parsed.state;
  let padShare = 0.8;
  let last: StreamProgress | null = null;
  let sim: TokenSimulator | null = null;
  let traceTable = 5, traceMb = 7;
  let signCells: SignMapCell[] = [];

  // ---------- controls
  const form = el("form", { class: "tt-controls", "aria-label": "Token toy settings", "data-testid": "tt-controls" });
  form.addEventListener("submit", (e) => { e.preventDefault(); start(); });
  const presets = el("div", { class: "tt-presets", role: "group", "aria-label": "Presets" });
  for (const p of TOKEN_PRESETS) {
    const b = el("button", { type: "button", "data-testid": `tt-preset-${p.id}`, title: p.shows }, p.label);
    b.addEventListener("click", () => { applyOverrides(p.overrides); });
    presets.append(b);
  }
  const c = state.config;
  const lr = numberInput("tt-lr", c.lr, 0, 1000, 0.01);
  const optimizer = select("tt-optimizer", [["sgd", "SGD"], ["adam", "Adam"]], c.optimizer);
  const epsLow = numberInput("tt-eps-low", c.clip.epsLow, 0, 0.99, 0.01);
  const epsHigh = numberInput("tt-eps-high", c.clip.epsHigh, 0, 10, 0.01);
  const scope = select("tt-scope", [["all", "all tokens"], ["content", "content tokens only"], ["mode", "mode token only"]], c.clip.scope);
  const seeds = select("tt-seeds", [["4", "4"], ["8", "8"], ["16", "16"], ["32", "32"], ["48", "48"]], String(state.seeds));
  if (![4, 8, 16, 32, 48].includes(state.seeds)) { const o = el("option", { value: String(state.seeds) }, String(state.seeds)); o.selected = true; seeds.append(o); }
  const stepsSel = select("tt-steps", [["50", "50"], ["100", "100"], ["200", "200"], ["400", "400"]], String(c.steps));
  if (![50, 100, 200, 400].includes(c.steps)) { const o = el("option", { value: String(c.steps) }, String(c.steps)); o.selected = true; stepsSel.append(o); }
  const atpScope = select("tt-atp-scope", [["content", "content tokens"], ["all", "all tokens (mode included)"]], state.atpScope);
  const atpKind = select("tt-atp-kind", [["expected", "expected (exact)"], ["sampled", "sampled (as the paper plots)"]], state.atpKind);
  const runBtn = el("button", { type: "submit", "data-testid": "tt-run" }, "Run");
  const cancelBtn = el("button", { type: "button", "data-testid": "tt-cancel" }, "Cancel");
  cancelBtn.disabled = true;
  const grid = el("div", { class: "tt-grid" });
  grid.append(
    labelled("learning rate (toy units)", lr, "lr 8 = the bandit's lr 1 for the mode token"),
    labelled("optimizer", optimizer),
    labelled("ε_low", epsLow), labelled("ε_high", epsHigh, "≥ 1 switches clip-high off"),
    labelled("what the clip masks", scope),
    labelled("seeds", seeds), labelled("RL steps", stepsSel),
    labelled("ATP over", atpScope), labelled("ATP kind", atpKind),
  );
  const buttons = el("div", { class: "tt-buttons" });
  buttons.append(runBtn, cancelBtn);
  // always one line (a note until a run is done), so the download link appearing moves nothing
  const exportLine = el("p", { class: "tt-export", "data-testid": "tt-export" }, "The numbers of a finished run can be downloaded here (JSON).");
  form.append(presets, grid, buttons, exportLine);
  const status = el("p", { class: "tt-status", role: "status", "aria-live": "polite", "data-testid": "tt-status" }, "Starting…");
  const progress = el("progress", { max: "1", value: "0", "aria-label": "run progress", "data-testid": "tt-progress" });
  const errorBox = el("p", { class: "tt-error", role: "alert", "data-testid": "tt-error" });
  const linkNote = el("p", { class: "tt-error tt-link", "data-testid": "tt-link-problems" }, parsed.problems.join(" "));

  const views = el("div", { class: "tt-views" });
  const slot = (id: string) => { const d = el("div", { "data-slot": id }); views.append(d); return d; };
  // space reserved for the chart (page CSS) with a placeholder, so nothing moves when it is drawn
  const sAtp = el("div", { "data-slot": "atp" });
  sAtp.append(el("p", { class: "tt-placeholder", "data-testid": "tt-atp-placeholder" }, "The average token probability chart (clip on vs off) appears here after the first seed."));
  const sDec = slot("dec"), sHist = slot("hist"), sRate = slot("rate"), sPad = slot("pad"), sWho = slot("who"), sScope = slot("scope");
  // attached with the first charts (so it starts below them, below the fold, and loads only when scrolled to)
  const sPaper = slot("paper-scope");
  const padInput = el("input", { type: "range", min: "0", max: "0.99", step: "0.01", value: String(padShare), "data-testid": "tt-pad" });
  const padField = labelled("share of extra near-deterministic tokens (dilution readout)", padInput);
  sPad.append(padField);

  // band view
  const band = el("section", { class: "tt-band", "aria-labelledby": "tt-band-h" });
  const bandH = el("h3", { id: "tt-band-h" }, "Band view: one table, one step, mini-batch by mini-batch");
  const tableSel = el("select", { "data-testid": "tt-band-table" });
  const mbRange = el("input", { type: "range", min: "1", max: "8", step: "1", value: "8", "data-testid": "tt-band-mb" });
  const nextBtn = el("button", { type: "button", "data-testid": "tt-band-next" }, "Next RL step");
  const playBtn = el("button", { type: "button", "data-testid": "tt-band-play" }, "Play mini-batches");
  const bandOut = el("div");
  const bandCtl = el("div", { class: "tt-grid" });
  bandCtl.append(labelled("table (mode, position)", tableSel), labelled("before mini-batch", mbRange), nextBtn, playBtn);
  band.append(bandH, el("p", {}, "One seed (the first of the ensemble) with the configuration as set. Each step the rollout fixes π_old; the 8 mini-batch updates then move π away from it. Tokens outside the band with the wrong advantage sign are masked (✕)."), bandCtl, bandOut);

  // sign map
  const sign = el("section", { class: "tt-sign", "aria-labelledby": "tt-sign-h" });
  const signH = el("h3", { id: "tt-sign-h" }, "Sign-rule map: does the bandit's ε rule survive at the token level?");
  const signLr = select("tt-sign-lr", [["8", "lr 8"], ["16", "lr 16"], ["24", "lr 24"], ["32", "lr 32"]], "16");
  const signSeeds = select("tt-sign-seeds", [["50", "50"], ["100", "100"], ["200", "200"], ["400", "400"]], "100");
  const signBtn = el("button", { type: "button", "data-testid": "tt-sign-run" }, "Compute the map");
  const signCancel = el("button", { type: "button", "data-testid": "tt-sign-cancel" }, "Cancel map");
  signCancel.disabled = true;
  const signStatus = el("p", { role: "status", "aria-live": "polite", "data-testid": "tt-sign-status" }, "Not computed yet: about 15–60 s in the background for 35 cells.");
  const signProgress = el("progress", { max: "1", value: "0", "aria-label": "sign map progress" });
  const signOut = el("div");
  const signCtl = el("div", { class: "tt-grid" });
  signCtl.append(labelled("learning rate", signLr), labelled("paired seeds per cell", signSeeds), signBtn, signCancel);
  sign.append(signH, el("p", {}, "For each (ε_low, ε_high) one RL step from the start, clip as set minus clip off on the same seeds (other settings as above). Content tables: Δζ, the top-vs-tail logit gap (positive = sharper). Mode token: Δu, exactly the bandit's statistic (positive = toward code)."), signCtl, signStatus, signProgress, signOut);

  // the point first (the Fig. 12 analogue with its running status), then the settings, then the other views
  root.append(status, progress, linkNote, errorBox, sAtp);
  body.append(form, views, band, sign);

  // ---------- state
  const width = () => Math.max(280, Math.min(root.clientWidth || 640, 960));
  function readControls(): TokenToyConfig | null {
    const over = {
      ...structuredClone(stripDefaults(state.config)),
      lr: Number(lr.value), optimizer: optimizer.value,
      clip: { ...state.config.clip, epsLow: Number(epsLow.value), epsHigh: Number(epsHigh.value), scope: scope.value },
      steps: Number(stepsSel.value),
    };
    try {
      errorBox.textContent = "";
      return resolveTokenConfig(over);
    } catch (e) {
      errorBox.textContent = `Not run: ${problemText(e)}`;
      return null;
    }
  }
  function applyOverrides(o: Record<string, unknown>) {
    const cfg = resolveTokenConfig({ ...o, steps: Number(stepsSel.value) });
    lr.value = String(cfg.lr); optimizer.value = cfg.optimizer;
    epsLow.value = String(cfg.clip.epsLow); epsHigh.value = String(cfg.clip.epsHigh); scope.value = cfg.clip.scope;
    start();
  }
  function syncUrl() {
    if (typeof history === "undefined") return;
    const q = new URLSearchParams(tokenStateToSearch(state));
    if (forcedWorkers) q.set("workers", String(forcedWorkers));
    const s = q.toString();
    history.replaceState(null, "", `${location.pathname}${s ? `?${s}` : ""}${location.hash}`);
  }

  // ---------- ensemble runs on the worker pool
  let startedAt = 0;
  const pool = new PoolClient<TokenRunSummary>(opts.workerUrl, poolSize, (r) => {
    if (r.type === "error") { setRunState("error"); status.textContent = "The run stopped."; errorBox.textContent = r.message; cancelBtn.disabled = true; if (stale.size) redraw(); return; }
    if (r.type === "cancelled") {
      root.dataset.workersStopped = String(r.stopped ?? 0);
      setRunState("cancelled");
      status.textContent = `Cancelled${last ? ` after ${last.result.completed} of ${last.result.total} seeds; the charts show those seeds` : ""}.`;
      cancelBtn.disabled = true;
      if (stale.size) redraw(); // the charts that stopped following the run, away from the viewport
      return;
    }
    last = { ...r.result, progress: r.progress ?? r.completed };
    const done = r.type === "done";
    progress.value = last.progress / r.total;
    const split = r.perWorker && r.perWorker.length > 1 ? `, ${r.perWorker.join(" + ")} seeds` : "";
    const where = r.workers === 0 ? "on this page" : r.workers === 1 ? "in a background worker" : `in ${r.workers} background workers${split}`;
    // the paired numbers are in the chart's caption right below
    status.textContent = `${done ? "Done" : "Running"}: ${r.completed} of ${r.total} seeds × ${r.result.result.a.steps} steps, clip as set and clip off, ${where} (${(r.elapsedMs / 1000).toFixed(1)} s).`;
    if (done) {
      cancelBtn.disabled = true;
      // "done" once the final result is on screen, not merely received
      finalPending = () => {
        renderExport(r.result, r.workers ?? 1);
        // wall time from the settled input (the run's start) to the last seed merged and drawn
        root.dataset.runMs = String(Math.round(performance.now() - startedAt));
        root.dataset.workersUsed = String(r.workers ?? 1);
        setRunState("done");
      };
    }
    if (r.completed > 0) render();
  }, tokenPoolModel);

  let debounce: ReturnType<typeof setTimeout> | null = null;
  let drawnWidth = 0; // the width the charts were last drawn at (0: none yet); a resize redraws them
  function start() {
    const cfg = readControls();
    if (!cfg) return;
    state.config = cfg;
    state.seeds = Number(seeds.value);
    state.atpScope = atpScope.value as TokenPageState["atpScope"];
    state.atpKind = atpKind.value as TokenPageState["atpKind"];
    syncUrl();
    const b = { ...structuredClone(cfg), clip: { ...cfg.clip, enabled: false } };
    setRunState("running");
    delete root.dataset.runMs;
    cancelBtn.disabled = false;
    progress.value = 0;
    status.textContent = `Running: 0 of ${state.seeds} seeds…`;
    last = null;
    finalPending = null;
    startedAt = performance.now();
    pool.run(cfg, b, state.seeds, { metrics: METRICS });
    // the band view's chart in a task of its own, not in the one that starts the workers (a long task on load)
    void nextTask().then(resetBand);
  }
  const schedule = () => { if (debounce) clearTimeout(debounce); debounce = setTimeout(start, 300); };
  for (const ctl of [lr, optimizer, epsLow, epsHigh, scope, seeds, stepsSel]) ctl.addEventListener("change", schedule);
  for (const ctl of [atpScope, atpKind]) ctl.addEventListener("change", () => { state.atpScope = atpScope.value as TokenPageState["atpScope"]; state.atpKind = atpKind.value as TokenPageState["atpKind"]; syncUrl(); redraw(); });
  cancelBtn.addEventListener("click", () => pool.cancel());
  padInput.addEventListener("input", () => { padShare = Number(padInput.value); redraw(); });
  for (const part of [root, body]) part.addEventListener("keydown", (e) => { if (e.key === "Escape" && root.dataset.runState === "running") { e.preventDefault(); pool.cancel(); } });

  // Drawing: each chart in its own task (no long main-thread task while a run streams), one drawing cycle at a
  // time; results arriving meanwhile are coalesced into the next cycle, which starts at most every
  // MIN_CYCLE_MS while a run streams (the main thread leaves the cores to the workers), at once for the final one.
  // While a run streams, only the charts near the viewport follow it: the others are marked stale and drawn
  // when they scroll near it, and every chart draws the final result (and a cancelled run's last one). All seven
  // charts every cycle took about half of one core on 2 cores, time the workers lacked.
  const MIN_CYCLE_MS = 300;
  const ATP_DIFF = '[data-part="atp-diff"]';
  let forceRedraw = false;
  /** a view setting changed (ATP kind, dilution, width): redraw the same result */
  const redraw = () => { forceRedraw = true; render(); };
  let drawnSignalled = false, drawing = false, dirty = false, lastCycle = -Infinity;
  let finalPending: (() => void) | null = null;
  let maxDrawMs = 0;
  let drawnSnap: StreamProgress | null = null;
  const nearViewport = new Set<Element>(), stale = new Set<Element>();
  const visibility = typeof IntersectionObserver === "function" ? new IntersectionObserver((entries) => {
    let staleInView = false;
    for (const e of entries) {
      if (e.isIntersecting) { nearViewport.add(e.target); if (stale.has(e.target)) staleInView = true; }
      else nearViewport.delete(e.target);
    }
    if (staleInView) redraw();
  }, { rootMargin: "200px 0px" }) : null;
  for (const where of [sAtp, sDec, sHist, sRate, sWho, sScope]) visibility?.observe(where);
  function render() {
    if (!last) return;
    if (drawing) { dirty = true; return; }
    drawing = true;
    void drawCycle().finally(() => {
      drawing = false;
      // redraw only for a result newer than the one just drawn (or a changed view setting)
      if (dirty) { dirty = false; if (last !== drawnSnap || forceRedraw) { render(); return; } }
      if (finalPending) { const f = finalPending; finalPending = null; f(); }
    });
  }
  async function drawCycle() {
    // never in the task that received the result: its message was just deserialised there
    const wait = MIN_CYCLE_MS - (performance.now() - lastCycle);
    if (wait > 0 && !finalPending) await new Promise((r) => setTimeout(r, wait));
    else await nextTask();
    lastCycle = performance.now();
    const snap = last;
    if (!snap) return;
    drawnSnap = snap;
    forceRedraw = false;
    const w = width(), r = snap.result, cfg = state.config;
    drawnWidth = w;
    const jobs: [HTMLElement, () => void][] = [
      [sAtp, () => sAtp.replaceChildren(atpChart(r, { width: w, scope: state.atpScope, kind: state.atpKind, diffSlot: sAtp.querySelector(ATP_DIFF) }))],
      [sAtp, () => { const plot = atpDiffPlot(r, { width: w, scope: state.atpScope, kind: state.atpKind }); if (plot) sAtp.querySelector(ATP_DIFF)?.replaceChildren(plot); }],
      [sDec, () => sDec.replaceChildren(decompositionChart(r, { width: w }))],
      [sHist, () => sHist.replaceChildren(histogramChart(snap.extras, { width: w, epsHigh: cfg.clip.epsHigh, steps: r.a.steps, seeds: r.completed }))],
      [sRate, () => sRate.replaceChildren(clipRateChart(r, { width: w, padShare }))],
      [sWho, () => sWho.replaceChildren(whoClippedChart(r, { width: w, labels: classLabels(cfg.classEdges), epsLow: cfg.clip.epsLow, epsHigh: cfg.clip.epsHigh }))],
      [sScope, () => sScope.replaceChildren(scopeChart(r, { width: w, scope: cfg.clip.scope, modeName: cfg.strategies[0] }))],
    ];
    // the first cycle draws every chart (the page is shown once they are in); so does the final result
    const onlyNearViewport = visibility !== null && drawnSignalled && !finalPending && root.dataset.runState === "running";
    const ms: number[] = [];
    for (const [where, job] of jobs) {
      if (onlyNearViewport && !nearViewport.has(where)) { stale.add(where); continue; }
      stale.delete(where);
      const t0 = performance.now();
      job();
      ms.push(Math.round(performance.now() - t0));
      await nextTask();
    }
    // the longest single drawing task of this page's life (as on /toy), for the bench
    maxDrawMs = Math.max(maxDrawMs, ...ms);
    root.dataset.maxDrawMs = String(maxDrawMs);
    if (opts.besideScope && !sPaper.hasChildNodes()) sPaper.append(opts.besideScope);
    // the page shell keeps the main column hidden until the first charts are in (no layout shift; page-drawn.ts)
    if (!drawnSignalled) { drawnSignalled = true; pageDrawn(); }
  }

  function renderExport(run: TokenRunSummary, workers: number) {
    const cfg = state.config;
    const json = JSON.stringify({
      link: location.href, config: cfg, pairedConfig: { ...cfg, clip: { ...cfg.clip, enabled: false } }, seeds: run.result.a.seeds,
      computedBy: workers === 0 ? "this page" : `${workers} background worker${workers === 1 ? "" : "s"} (the result does not depend on the count)`,
      metrics: METRICS, result: run.result, extras: run.extras,
    }, null, 1);
    for (const a of exportLine.querySelectorAll("a")) URL.revokeObjectURL(a.href);
    const a = el("a", { download: "toy-tokens-run.json", "data-testid": "tt-export-json" }, "Download this run (JSON)");
    a.href = URL.createObjectURL(new Blob([json], { type: "application/json" }));
    exportLine.replaceChildren(a, document.createTextNode(`: settings, seeds, per-step means and SEs of the ${METRICS.length} metrics drawn, histograms and clip counts.`));
  }

  // ---------- band view (main thread: one traced step is a few milliseconds)
  function resetBand() {
    const cfg = state.config;
    sim = new TokenSimulator(cfg, cfg.seed);
    tableSel.replaceChildren();
    for (let s = 0; s < sim.S; s++) {
      const k = sim.tableMode[s];
      const pos = cfg.tables === "shared" ? "all positions" : `position ${s - sim.tableOf[k * sim.C] + 1}`;
      const o = el("option", { value: String(s) }, `${cfg.strategies[k]}, ${pos} (top token ${(sim.pi0Tab[s * sim.V]).toFixed(2)})`);
      tableSel.append(o);
    }
    if (traceTable >= sim.S) traceTable = 0;
    tableSel.value = String(traceTable);
    mbRange.max = String(cfg.miniBatches * cfg.epochs);
    traceMb = Math.min(traceMb, cfg.miniBatches * cfg.epochs - 1);
    mbRange.value = String(traceMb + 1);
    bandStep({drawLater: true});
  }
  /** one traced RL step; `drawLater`: its chart in the next task, not in the one that built the simulator */
  function bandStep({drawLater = false} = {}) {
    if (!sim || sim.S === 0) { bandOut.replaceChildren(el("p", {}, "No content tables (L = 1).")); return; }
    sim.traceNextStep(traceTable);
    sim.advance();
    if (drawLater) void nextTask().then(drawBand);
    else drawBand();
  }
  function drawBand() {
    const tr = sim?.lastTableTrace();
    if (!tr) return;
    drawnWidth = width();
    bandOut.replaceChildren(bandChart(tr, { width: width(), mb: traceMb, modeName: state.config.strategies[tr.mode] }));
    const note = el("p", { class: "tt-hint", "data-testid": "tt-band-step" }, `Seed ${state.config.seed}, RL step ${sim!.step}.`);
    bandOut.append(note);
  }
  tableSel.addEventListener("change", () => { traceTable = Number(tableSel.value); resetBand(); });
  mbRange.addEventListener("input", () => { traceMb = Number(mbRange.value) - 1; drawBand(); });
  nextBtn.addEventListener("click", () => bandStep());
  let playTimer: ReturnType<typeof setInterval> | null = null;
  playBtn.addEventListener("click", () => {
    if (playTimer) { clearInterval(playTimer); playTimer = null; playBtn.textContent = "Play mini-batches"; return; }
    playBtn.textContent = "Stop";
    playTimer = setInterval(() => {
      traceMb = (traceMb + 1) % Number(mbRange.max);
      mbRange.value = String(traceMb + 1);
      drawBand();
    }, 700);
  });

  // ---------- sign map job
  const signJob = new Job(opts.workerUrl, (r) => {
    if (r.type === "error") { signStatus.textContent = `The map stopped: ${r.message}`; signCancel.disabled = true; sign.dataset.state = "error"; return; }
    if (r.type === "cancelled") { signStatus.textContent = `Cancelled after ${signCells.length} cells.`; signCancel.disabled = true; sign.dataset.state = "cancelled"; return; }
    if (r.kind !== "signmap") return;
    signCells = r.cells;
    signProgress.value = r.done / r.total;
    signStatus.textContent = `${r.type === "done" ? "Done" : "Computing"}: ${r.done} of ${r.total} cells (${(r.elapsedMs / 1000).toFixed(1)} s).`;
    signOut.replaceChildren(signMapChart(signCells, { width: width(), lr: Number(signLr.value) }));
    if (r.type === "done") { signCancel.disabled = true; sign.dataset.state = "done"; }
  });
  const EPS_LOW = [0.1, 0.15, 0.2, 0.25, 0.3], EPS_HIGH = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4];
  signBtn.addEventListener("click", () => {
    const base = { ...structuredClone(state.config), lr: Number(signLr.value) };
    const n = Number(signSeeds.value);
    signCells = [];
    sign.dataset.state = "running";
    signCancel.disabled = false;
    signStatus.textContent = "Computing: 0 cells…";
    signJob.post({ type: "signmap", base, epsLows: EPS_LOW, epsHighs: EPS_HIGH, seeds: n }, async (signal, id) => {
      const t0 = performance.now();
      await streamSignMap(resolveTokenConfig(base), EPS_LOW, EPS_HIGH, n, 100000, { signal, onCell: (cells, done, total) => { if (signJob.isCurrent(id)) signJob.onReply({ type: done === total ? "done" : "partial", kind: "signmap", id, cells, done, total, elapsedMs: performance.now() - t0 }); } });
    });
  });
  signCancel.addEventListener("click", () => signJob.cancel());

  // re-render at a new width (phones turning, windows resizing)
  if (typeof ResizeObserver !== "undefined") {
    let t: ReturnType<typeof setTimeout> | null = null;
    // not on the first callback (the page's first layout): nothing drawn yet, or drawn at this width already
    new ResizeObserver(() => { const w = width(); if (drawnWidth === 0 || Math.abs(w - drawnWidth) < 30) return; drawnWidth = w; if (t) clearTimeout(t); t = setTimeout(() => { redraw(); drawBand(); if (signCells.length) signOut.replaceChildren(signMapChart(signCells, { width: width(), lr: Number(signLr.value) })); }, 150); }).observe(root);
  }
  setTimeout(start, 0);
  return { head: root, body };
}

/** Overrides of a config relative to the defaults (so controls apply on top of a link's other settings). */
function stripDefaults(c: TokenToyConfig): Record<string, unknown> {
  const d = defaultTokenConfig();
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c)) if (JSON.stringify(v) !== JSON.stringify((d as unknown as Record<string, unknown>)[k])) out[k] = v;
  return out;
}
