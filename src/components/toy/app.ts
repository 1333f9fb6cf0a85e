// The interactive clipping-bias toy: the stage (controls beside a sticky main chart and the run's reading),
// the guided tour, the other charts, the "why" panel, the single-seed rollout view and the runs table.
// Runs go to a pool of Web Workers (pool-client.ts) when an input settles; every chart is drawn in its own
// task so no main-thread task grows long; the URL always holds the state (url-state.ts).
import { copyButton } from "../copy-button.js";
import {
  checkEnsembleSize, checkWorkBudget, presetById, presetConfig, PRESETS, previewBudget, stateFromSearch, stateToSearch, TOUR, ToyConfigError,
  ToySimulator, validateConfig, type EnsembleResult, type PageState, type StepTrace, type ToyConfig,
} from "../../lib/toy/index.js";
import type { WorkerReply } from "../../lib/toy/pool.js";
import type { ToyAnchor } from "../../lib/toy/anchors.js";
import { clipChart, fanChart, meanChart, rolloutChart, runLabels } from "./charts.js";
import { toyControls, type ChangePhase } from "./controls.js";
import { lazyDownload, resultToCsv, runRow, runsPanel } from "./runs.js";
import { whyPanel } from "./why.js";
import { presetPaperNumbers } from "./anchors.js";
import { defaultPoolSize, forcedPoolSize, PoolClient } from "./pool-client.js";
import { originText, readingPanel } from "./reading.js";
import { tourPanel } from "./tour.js";
import { UrlHistory } from "./url-state.js";

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

/** One macrotask later (MessageChannel: no 4 ms timer clamp), so each chart is drawn in its own task. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => { ch.port1.close(); resolve(); };
    ch.port2.postMessage(null);
  });
}

/** How long a slider must rest before a run starts while it is still held (release starts one at once). */
export const SETTLE_MS = 250;
/** the longest the explanation panel and the traced step wait for a run's first chart */
const FIRST_CHART_WAIT_MS = 500;
/** Partial results redraw the secondary charts at most this often. */
const SECONDARY_MS = 1000;
/**
 * Partial results redraw the main chart at most this often, and the pool sends a partial summary at most this
 * often: drawing on the main thread takes a core from the pool on a machine with as many cores as workers. On
 * 2 cores, 300 ms (and 1 s for the others) against 150 ms (and 400 ms) made the default run after a slider
 * change about 20% faster with the pool of 2 and left one worker's time unchanged (npm run bench, toy-page).
 */
const PARTIAL_MS = 300;
/** Below this width the stage stacks: the chart sticks to the top and the reading follows the controls. */
const NARROW = "(max-width: 760px)";

/** presetAnchors: per preset id, the paper numbers its settings come from (src/data/toy-anchors.json). */
export function toyApp({ workerUrl, presetAnchors = {} }: { workerUrl: string | null; presetAnchors?: Record<string, ToyAnchor[]> }): HTMLElement {
  const parsed = stateFromSearch(location.search);
  let cfg: ToyConfig = parsed.state.config;
  let seeds = parsed.state.seeds;
  let fromPreset: string | null = parsed.state.preset;
  let tour: number | null = parsed.state.tour ?? null;
  // pool size: the machine's cores (capped), or ?workers=N (kept in the URL; used by tests and the bench)
  const forcedWorkers = forcedPoolSize(location.search);
  const poolSize = forcedWorkers ?? defaultPoolSize();
  const urlHistory = new UrlHistory(forcedWorkers ? { workers: String(forcedWorkers) } : {});

  let latest: { r: EnsembleResult; c: ToyConfig } | null = null;
  let runCfg: ToyConfig | null = null;
  let runState: PageState | null = null;
  let settledAt = 0;
  let firstChartPending = false;
  let finalPending = false;

  const root = el("div", { class: "toy-app", "data-testid": "toy-app", id: "toy-app" });
  if (workerUrl) root.dataset.workerUrl = workerUrl; // lets the bench time the worker on its own
  root.dataset.poolSize = String(poolSize);
  const setRunState = (s: "idle" | "running" | "done" | "cancelled", legacy: string = s) => {
    root.dataset.runState = s;
    root.dataset.state = legacy; // older name, still read by scripts/bench-sim.ts
  };
  setRunState("idle", "pending");

  const urlProblems = el("div", { role: "alert", class: "toy-error", "data-testid": "toy-url-problems" });
  const showUrlProblems = (problems: string[]) => {
    urlProblems.hidden = problems.length === 0;
    urlProblems.textContent = problems.length ? `Some settings in the link were not usable: ${problems.join("; ")}.` : "";
  };
  showUrlProblems(parsed.problems);

  // ---- presets and where the settings came from
  const presetSelect = el("select", { id: "toy-preset", "data-testid": "toy-preset" });
  presetSelect.append(el("option", { value: "" }, "custom settings"));
  for (const p of PRESETS) presetSelect.append(el("option", { value: p.id }, p.label + (p.advanced ? " (advanced)" : "")));
  const origin = el("p", { "data-testid": "toy-preset-origin", class: "toy-origin" });
  const presetDesc = el("p", { "data-testid": "toy-preset-description", class: "toy-preset-description" });
  function showPreset() {
    const o = originText(fromPreset, cfg);
    presetSelect.value = o.exact && fromPreset ? fromPreset : "";
    origin.textContent = o.line;
    const p = fromPreset ? presetById(fromPreset) : undefined;
    presetDesc.replaceChildren();
    if (p) {
      presetDesc.append(el("strong", {}, o.exact ? "This preset mirrors: " : `The preset these settings started from (${p.label}) mirrors: `), document.createTextNode(p.mirrors));
      const numbers = presetAnchors[p.id];
      if (numbers?.length) presetDesc.append(document.createTextNode(" "), presetPaperNumbers(numbers));
    }
    presetDesc.hidden = !p;
  }

  const configError = el("div", { role: "alert", class: "toy-error", "data-testid": "toy-config-error" });
  configError.hidden = true;

  const controls = toyControls(cfg, seeds, (next, nextSeeds, phase) => {
    cfg = next;
    seeds = nextSeeds;
    if (tour !== null) { tour = null; tourUi.show(null); }
    changed(phase);
  });

  presetSelect.addEventListener("change", () => {
    const p = presetById(presetSelect.value);
    if (!p) { showPreset(); return; }
    fromPreset = p.id;
    cfg = presetConfig(p.id)!;
    if (tour !== null) { tour = null; tourUi.show(null); }
    controls.sync(cfg, seeds);
    changed("commit");
  });

  // ---- tour
  const tourUi = tourPanel((step) => {
    tour = step;
    if (step !== null) {
      const s = TOUR[step - 1];
      fromPreset = s.preset;
      cfg = presetConfig(s.preset)!;
      controls.sync(cfg, seeds);
    }
    tourUi.show(step);
    urlHistory.navigate(currentSearch());
    changed("commit", { keepUrl: true, clearProblems: true });
    // keep the keyboard where it was: on the tour's buttons
    const focus = step === null ? root.querySelector<HTMLElement>('[data-testid="toy-tour-start"]') : root.querySelector<HTMLElement>(`[data-testid="toy-tour-${step === TOUR.length ? "prev" : "next"}"]`);
    focus?.focus();
  });
  tourUi.show(tour);

  // ---- run bar
  const runBtn = el("button", { type: "button", "data-testid": "toy-run" }, "Run again");
  const cancelBtn = el("button", { type: "button", "data-testid": "toy-cancel" }, "Cancel");
  cancelBtn.disabled = true;
  const progress = el("progress", { max: "1", value: "0", "aria-label": "Ensemble progress", "data-testid": "toy-progress" });
  const status = el("span", { role: "status", "data-testid": "toy-status", class: "toy-status" }, "Starting…");
  const shareLink = el("a", { "data-testid": "toy-link", href: "" }, "Link to these settings");
  const linkNote = el("span", { "data-testid": "toy-link-note" });
  const exportLinks = el("span", { "data-testid": "toy-exports" });

  // ---- main chart and reading (the stage), the other charts below
  const mainChart = el("div", { class: "toy-main-chart", "data-testid": "toy-main-chart" });
  mainChart.append(el("p", { class: "toy-placeholder" }, "The first seeds are running…"));
  const reading = readingPanel();
  reading.clear("The reading of the run appears here as soon as the first seeds are in.");
  const charts = el("div", { class: "toy-charts", "data-testid": "toy-charts" });
  const why = el("div");

  // ---- single-seed rollout view
  const stepBtn = el("button", { type: "button", "data-testid": "toy-step" }, "Step");
  const step10Btn = el("button", { type: "button", "data-testid": "toy-step10" }, "Step ×10");
  const resetBtn = el("button", { type: "button", "data-testid": "toy-reset" }, "Reset");
  const rolloutInfo = el("p", { "data-testid": "toy-rollout-info", "aria-live": "polite" });
  const rolloutChartBox = el("div");
  let sim: ToySimulator | null = null;
  let trace: StepTrace | null = null;

  const runs = runsPanel();
  let runCount = runs.lastRun();

  const runner = new PoolClient(workerUrl, poolSize, onReply, undefined, PARTIAL_MS);

  const narrow = typeof matchMedia === "function" ? matchMedia(NARROW) : null;
  function stageWidth(): number {
    const w = view.getBoundingClientRect().width;
    return Math.max(260, Math.floor(w || 600));
  }
  function fullWidth(): number {
    return Math.max(280, Math.floor(root.getBoundingClientRect().width || 640));
  }

  // ---- drawing: one chart per task, always from the newest result
  let drawing = false, dirty = false, lastSecondaryDraw = 0, maxDrawMs = 0, lastDraw = 0;
  let drawTimer: ReturnType<typeof setTimeout> | null = null;
  // whether the secondary charts are near the viewport (always, without IntersectionObserver), and whether
  // they show an older result than the main chart
  let chartsNear = typeof IntersectionObserver !== "function", secondaryStale = false, forceSecondary = false;
  if (!chartsNear) new IntersectionObserver((entries) => {
    chartsNear = entries.at(-1)!.isIntersecting;
    if (chartsNear && secondaryStale) scheduleDraw();
  }, { rootMargin: "200px 0px" }).observe(charts);
  function scheduleDraw() {
    if (drawing) { dirty = true; return; }
    // the first and the final result draw at once; the partials in between at most every PARTIAL_MS
    const wait = latest && !latest.r.done && !firstChartPending ? PARTIAL_MS - (performance.now() - lastDraw) : 0;
    if (wait > 0) {
      drawTimer ??= setTimeout(() => { drawTimer = null; scheduleDraw(); }, wait);
      return;
    }
    if (drawTimer) { clearTimeout(drawTimer); drawTimer = null; }
    drawing = true;
    lastDraw = performance.now();
    void drawAll().finally(() => {
      drawing = false;
      if (dirty) { dirty = false; scheduleDraw(); }
    });
  }
  async function drawAll() {
    if (!latest) return;
    const jobs: (() => void)[] = [
      () => {
        if (!latest) return;
        const { r, c } = latest;
        const small = narrow?.matches ?? false;
        mainChart.replaceChildren(fanChart(r, runLabels(c.clip.enabled), c.strategies[0], stageWidth(), small ? 185 : 300));
        reading.update(r, c);
        if (firstChartPending) {
          firstChartPending = false;
          root.dataset.firstChartMs = String(Math.round(performance.now() - settledAt));
          firstChartDrawn();
        }
      },
    ];
    const w = fullWidth();
    const half = w >= 900 ? Math.floor((w - 24) / 2) : w;
    // the grid of secondary charts, rebuilt when missing (a resize empties it, possibly mid-drawing)
    const slot = (name: string): HTMLElement => {
      let found = charts.querySelector<HTMLElement>(`[data-slot="${name}"]`);
      if (!found) {
        const grid = el("div", { class: w >= 900 ? "toy-grid toy-grid-2" : "toy-grid" });
        for (const s of ["drift", "accuracy", "entropy", "clip"]) grid.append(el("div", { "data-slot": s, class: "toy-chart-slot" }));
        charts.replaceChildren(grid);
        found = charts.querySelector<HTMLElement>(`[data-slot="${name}"]`)!;
      }
      return found;
    };
    jobs.push(
      () => { if (!latest) return;
        const { r, c } = latest; slot("drift").replaceChildren(meanChart(r, runLabels(c.clip.enabled), { metric: "du", title: `Drift of the logit gap u = logit p(${c.strategies[0]}) (mean ± 2 SE)`, yLabel: "Δu", testid: "toy-chart-drift", width: half, withDiff: true, zeroLine: true, note: "Without the bias the mean stays at 0 (a martingale); the paired difference removes most of the shared noise." })); },
      () => {
        if (!latest) return;
        const { r, c } = latest;
        let ceiling = -Infinity;
        for (const q of c.acc) ceiling = Math.max(ceiling, q);
        slot("accuracy").replaceChildren(meanChart(r, runLabels(c.clip.enabled), { metric: "accuracy", title: "Expected accuracy (the toy's benchmark score)", yLabel: "expected accuracy", testid: "toy-chart-accuracy", width: half, withDiff: true, note: `It starts at ${r.a.stats.accuracy.mean[0].toFixed(3)} and can never exceed the best strategy's accuracy, ${ceiling.toFixed(3)}.` }));
      },
      () => { if (!latest) return;
        const { r, c } = latest; slot("entropy").replaceChildren(meanChart(r, runLabels(c.clip.enabled), { metric: "entropy", title: "Policy entropy (nats)", yLabel: "entropy", testid: "toy-chart-entropy", width: half, withDiff: true, note: "Random-walk noise alone lowers mean entropy, so compare with the paired run rather than with the start." })); },
      () => { if (!latest) return;
        const { r, c } = latest; slot("clip").replaceChildren(clipChart(r, runLabels(c.clip.enabled), half)); },
    );
    // on partial results only the main chart and the reading follow every update; the other charts follow
    // at most every SECONDARY_MS and only when near the viewport (else they wait, stale, and are drawn when
    // scrolled to: on 2 cores their drawing at a run's start slowed its workers); all draw the final result
    const final = latest.r.done;
    const none = charts.querySelector(".toy-figure") === null;
    const secondary = final || none || forceSecondary || (chartsNear && (secondaryStale || performance.now() - lastSecondaryDraw >= SECONDARY_MS));
    if (secondary) { lastSecondaryDraw = performance.now(); secondaryStale = forceSecondary = false; }
    else if (!chartsNear) secondaryStale = true;
    for (const [i, job] of jobs.entries()) {
      if (i > 0 && !secondary) break;
      const t0 = performance.now();
      job();
      // the longest single drawing task of the page, for the bench (budget: 50 ms)
      maxDrawMs = Math.max(maxDrawMs, performance.now() - t0);
      root.dataset.maxDrawMs = String(Math.round(maxDrawMs));
      await nextTask();
    }
    // "done" once the final result is on screen (charts, reading), not merely received
    if (finalPending && latest?.r.done) {
      finalPending = false;
      setRunState("done");
    }
  }

  function onReply(msg: WorkerReply) {
    if (msg.type === "partial" || msg.type === "done") {
      latest = { r: msg.result, c: runCfg! };
      scheduleDraw();
      progress.max = msg.total;
      progress.value = msg.completed;
      const split = msg.perWorker && msg.perWorker.length > 1 ? ` (${msg.perWorker.length} workers: ${msg.perWorker.join(" + ")})` : "";
      if (msg.type === "done") {
        const wallMs = performance.now() - settledAt;
        const where = msg.workers === 0 ? " on this page" : msg.workers === 1 ? " in a background worker" : ` in ${msg.workers} background workers${split}`;
        status.textContent = `Done: ${msg.total} ${msg.total === 1 ? "seed" : "seeds"} in ${(wallMs / 1000).toFixed(2)} s${where}.`;
        root.dataset.runMs = String(Math.round(wallMs));
        root.dataset.lastRunMs = root.dataset.runMs; // older name, still read by scripts/bench-sim.ts
        root.dataset.workersUsed = String(msg.workers ?? 1);
        finalPending = true; // the state turns "done" when the drawing of this result has finished
        cancelBtn.disabled = true;
        runBtn.disabled = false;
        const st = runState!;
        const search = stateToSearch(st);
        const written = urlHistory.completed(search);
        shareLink.href = location.href;
        linkNote.textContent = written ? "" : " (these settings are too long for a link; the address bar keeps the last ones that fit)";
        const o = originText(st.preset, runCfg!);
        runs.add(
          runRow(++runCount, o.exact ? st.preset : null, runCfg!, msg.result, location.href, { from: st.preset, changes: o.changes }),
          { link: location.href, preset: st.preset, config: runCfg, pairedConfig: toggledClip(runCfg!), seeds: msg.result.a.seeds, result: msg.result },
        );
        renderExports(msg.result, runCfg!);
      } else {
        status.textContent = `Running: ${msg.completed} of ${msg.total} seeds${split}…`;
        setRunState("running");
      }
    } else if (msg.type === "cancelled") {
      root.dataset.workersStopped = String(msg.stopped ?? 0);
      if (settleTimer) { setRunState("idle", "pending"); return; } // stopped because a setting is moving
      status.textContent = latest ? `Cancelled; the charts show the ${latest.r.a.seeds.length} seeds finished before cancelling.` : "Cancelled.";
      setRunState("cancelled");
      // every chart shows those seeds: the charts below the main one may be a throttled or off-screen draw behind
      if (latest) { forceSecondary = true; scheduleDraw(); }
      cancelBtn.disabled = true;
      runBtn.disabled = false;
    } else if (msg.type === "error") {
      status.textContent = `The run failed: ${msg.message}`;
      setRunState("idle", "error");
      if (latest) { forceSecondary = true; scheduleDraw(); }
      cancelBtn.disabled = true;
      runBtn.disabled = false;
    }
  }

  function renderExports(r: EnsembleResult, c: ToyConfig) {
    const l = runLabels(c.clip.enabled);
    const link = location.href;
    // made when followed (lazyDownload): building a run's CSV and JSON as it ended was one long task
    for (const a of exportLinks.querySelectorAll("a")) if (a.href.startsWith("blob:")) URL.revokeObjectURL(a.href);
    exportLinks.replaceChildren(
      lazyDownload(() => resultToCsv(r, l), "text/csv", "toy-run.csv", "Download this run (CSV)", "toy-export-csv"),
      document.createTextNode(" · "),
      lazyDownload(() => JSON.stringify({ link, config: c, pairedConfig: toggledClip(c), labels: l, result: r }, null, 1), "application/json", "toy-run.json", "(JSON)", "toy-export-json"),
    );
  }

  const currentState = (): PageState => ({ config: cfg, seeds, preset: fromPreset, tour });
  const currentSearch = () => stateToSearch(currentState());

  function problemsNow(): string[] {
    const problems = validateConfig(cfg);
    if (!problems.length) problems.push(...checkEnsembleSize(cfg, seeds));
    if (!problems.length) problems.push(...checkWorkBudget(cfg, seeds));
    return problems;
  }

  function startRun() {
    if (problemsNow().length) return;
    runCfg = structuredClone(cfg);
    runState = structuredClone(currentState());
    latest = null;
    finalPending = false;
    settledAt = performance.now();
    firstChartPending = true;
    setRunState("running");
    status.textContent = `Running: 0 of ${seeds} ${seeds === 1 ? "seed" : "seeds"}…`;
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
    const budget = previewBudget(cfg);
    stepBtn.disabled = step10Btn.disabled = resetBtn.disabled = !budget.ok || validateConfig(cfg).length > 0;
    if (validateConfig(cfg).length) { sim = null; trace = null; renderRollout(); return; }
    if (!budget.ok) {
      sim = null; trace = null;
      rolloutChartBox.replaceChildren();
      rolloutInfo.textContent = `The step-by-step view is off for these settings: ${budget.reason}. The ensemble still runs in the background workers.`;
      return;
    }
    sim = new ToySimulator(cfg, cfg.seed);
    trace = sim.advance(true);
    renderRollout();
  }

  // The rollout view is below the first screen: its chart (one of the page's slowest to draw) is drawn when
  // it comes near the viewport, and redrawn there as settings change; elsewhere only its text follows.
  let rolloutNear = typeof IntersectionObserver !== "function";
  let rolloutStale = false;
  if (!rolloutNear) new IntersectionObserver((entries) => {
    rolloutNear = entries.some((e) => e.isIntersecting);
    if (rolloutNear && rolloutStale) renderRollout();
  }, { rootMargin: "300px 0px" }).observe(rolloutInfo);
  function renderRollout() {
    rolloutStale = !rolloutNear;
    if (rolloutNear) rolloutChartBox.replaceChildren(rolloutChart(trace, Math.min(fullWidth(), 900)));
    if (!sim) { rolloutInfo.textContent = "Fix the settings above to step through a rollout."; return; }
    const p = Array.from(sim.z, (z) => Math.exp(z));
    const s = p.reduce((a, b) => a + b, 0);
    rolloutInfo.textContent = `Seed ${cfg.seed}, after step ${sim.step}: ` + cfg.strategies.map((n, k) => `p(${n}) = ${(p[k] / s).toFixed(4)}`).join(", ") + `, Δu = ${(sim.logitGap() - sim.u0).toFixed(4)}.`;
  }

  let settleTimer: ReturnType<typeof setTimeout> | null = null;
  let lastSettledSearch = "";
  /** A setting changed. "input": still moving (run after a pause); "commit": run now. */
  function changed(phase: ChangePhase, o: { keepUrl?: boolean; clearProblems?: boolean } = {}) {
    if (!o.keepUrl) {
      const ok = urlHistory.live(currentSearch());
      linkNote.textContent = ok ? "" : " (these settings are too long for a link; the address bar keeps the last ones that fit)";
    }
    shareLink.href = location.href;
    // the link's problems described the link we arrived with, which the address bar no longer holds
    if ((o.clearProblems ?? !o.keepUrl) && !urlProblems.hidden) showUrlProblems([]);
    showPreset();
    const problems = problemsNow();
    if (problems.length) {
      if (settleTimer) clearTimeout(settleTimer);
      configError.hidden = false;
      configError.textContent = `These settings cannot run: ${problems.join("; ")}.`;
      runner.cancel();
      runBtn.disabled = true;
      status.textContent = "Waiting for settings that can run.";
      why.replaceChildren();
      sim = null; trace = null;
      rolloutChartBox.replaceChildren();
      rolloutInfo.textContent = "Fix the settings above to step through a rollout.";
      setRunState("idle", "pending");
      return;
    }
    configError.hidden = true;
    runBtn.disabled = false;
    if (settleTimer) clearTimeout(settleTimer);
    if (phase === "input") {
      // a stale run stops at once (its CPU goes to the next one); the new one waits for the input to settle
      if (root.dataset.runState === "running") runner.cancel();
      setRunState("idle", "pending");
      status.textContent = "Settings changing: the run starts when you let go…";
      settleTimer = setTimeout(() => settle(), SETTLE_MS);
    } else settle();
  }

  function settle() {
    settleTimer = null;
    const search = currentSearch();
    // a slider released where its last pause already started a run: nothing new to run
    if (search === lastSettledSearch && (root.dataset.runState === "running" || root.dataset.runState === "done")) return;
    lastSettledSearch = search;
    startRun();
    // the explanation panel and the traced step (one task each) wait until the first chart is drawn: on
    // 2 cores their main-thread work took CPU from the workers computing its first seeds
    afterFirstChart(() => void nextTask().then(() => {
      why.replaceChildren(whyPanel(cfg));
      return nextTask();
    }).then(() => resetSim()));
  }

  // work that waits for the first chart of the run just started, or FIRST_CHART_WAIT_MS at most (a run that
  // fails to start draws none); a newer run's work first runs the older one's
  let waitingForChart: (() => void) | null = null;
  let chartWaitTimer: ReturnType<typeof setTimeout> | null = null;
  function afterFirstChart(fn: () => void) {
    firstChartDrawn();
    waitingForChart = fn;
    chartWaitTimer = setTimeout(firstChartDrawn, FIRST_CHART_WAIT_MS);
  }
  function firstChartDrawn() {
    if (chartWaitTimer) { clearTimeout(chartWaitTimer); chartWaitTimer = null; }
    const fn = waitingForChart;
    waitingForChart = null;
    fn?.();
  }

  runBtn.addEventListener("click", () => { lastSettledSearch = ""; settle(); });
  cancelBtn.addEventListener("click", () => runner.cancel());
  stepBtn.addEventListener("click", () => { if (sim) { trace = sim.advance(true); renderRollout(); } });
  step10Btn.addEventListener("click", () => { if (sim) { for (let i = 0; i < 9; i++) sim.advance(false); trace = sim.advance(true); renderRollout(); } });
  resetBtn.addEventListener("click", () => { if (sim) { sim = new ToySimulator(cfg, cfg.seed); trace = null; renderRollout(); } });

  // Back / Forward: the entry's settings come back and run again
  addEventListener("popstate", () => {
    const st = stateFromSearch(location.search);
    cfg = st.state.config;
    seeds = st.state.seeds;
    fromPreset = st.state.preset;
    tour = st.state.tour ?? null;
    urlHistory.restored();
    controls.sync(cfg, seeds);
    tourUi.show(tour);
    showUrlProblems(st.problems);
    lastSettledSearch = "";
    changed("commit", { keepUrl: true });
  });

  // ---- layout
  const presetP = el("p", { class: "toy-preset-row" });
  presetP.append(el("label", { for: "toy-preset" }, "Preset "), presetSelect);
  const runBar = el("div", { class: "toy-runbar" });
  runBar.append(runBtn, cancelBtn, progress, status);
  const panel = el("div", { class: "toy-panel", "data-testid": "toy-panel" });
  panel.append(presetP, controls.key, runBar, configError);
  const view = el("div", { class: "toy-view", "data-testid": "toy-view" });
  view.append(mainChart);
  const stage = el("div", { class: "toy-stage", "data-testid": "toy-stage" });
  stage.append(panel, view);
  // the reading sits under the chart on wide screens and after the controls on narrow ones (the chart sticks)
  // and the tour's narration goes after the controls on narrow screens, so chart and controls share the first screen
  const placeReading = () => {
    if (narrow?.matches) { panel.after(reading.element); panel.after(tourUi.element); }
    else { view.append(reading.element); stage.before(tourUi.element); }
  };
  narrow?.addEventListener("change", () => { placeReading(); scheduleDraw(); });

  const linkP = el("p");
  linkP.append(shareLink, linkNote, document.createTextNode(" (the address bar always holds the full state) · "), exportLinks);
  // its own line: the export links above fill in when a run completes, and must not re-wrap what follows
  const copyP = el("p");
  copyP.append(copyButton(() => location.href, { label: "Copy the link to these settings", testid: "toy-copy-link" }));
  const rolloutSection = el("section", { "aria-labelledby": "toy-rollout-title", "data-testid": "toy-rollout" });
  const rolloutBar = el("p");
  rolloutBar.append(stepBtn, document.createTextNode(" "), step10Btn, document.createTextNode(" "), resetBtn);
  rolloutSection.append(
    el("h3", { id: "toy-rollout-title" }, "Inside a rollout: one seed, step by step"),
    el("p", {}, "One seed (the ensemble's first) with the settings above. Each Step draws a new rollout batch and takes all its mini-batch updates; the chart shows, for each mini-batch, the ratio of each strategy, split by the sign of the advantage. Hollow crosses are groups the clip masked (their gradient is dropped)."),
    rolloutBar, rolloutInfo, rolloutChartBox,
  );
  const originBox = el("div", { class: "toy-origin-box" });
  originBox.append(origin, presetDesc);

  panel.append(originBox); // the preset's point stays beside the controls, under the run bar
  root.append(urlProblems, stage, controls.more, copyP, linkP, charts, why, rolloutSection, runs.element);
  placeReading();

  if (typeof ResizeObserver !== "undefined") {
    let last = 0;
    new ResizeObserver(() => {
      const w = fullWidth();
      if (Math.abs(w - last) < 20) return;
      last = w;
      charts.replaceChildren(); // the grid's columns depend on the width
      scheduleDraw();
      if (sim) renderRollout();
    }).observe(root);
  }

  showPreset();
  // the address bar shows the canonical form of the settings from the start (Back then has one entry per run)
  urlHistory.live(currentSearch());
  urlHistory.restored();
  shareLink.href = location.href;
  // first run once the element is in the document (so widths are known)
  requestAnimationFrame(() => changed("commit", { keepUrl: true }));
  return root;
}

export { ToyConfigError };
