// The runs table: every completed ensemble is a row (settings + final numbers) that can be queried with
// DuckDB-wasm (loaded only when asked, via the shared client) and exported as CSV or JSON.
import { stepQuantiles, type EnsembleResult, type ToyConfig } from "../../lib/toy/index.js";
import { openDuckDB, QueryCancelledError, type DuckClient, type QueryResult } from "../duckdb-client.js";
import { duckdbDownloadText } from "../../lib/sql/duckdb-download.js";
import { rowCountText } from "../../lib/sql/reader-query.js";

export interface RunRow {
  run: number;
  preset: string;
  reward: string;
  gamma: number;
  clip: boolean;
  eps_low: number;
  eps_high: number;
  G: number;
  prompts_per_step: number;
  mini_batches: number;
  epochs: number;
  lr: number;
  optimizer: string;
  steps: number;
  seeds: number;
  first_seed: number;
  p0_init: number;
  p0_final_mean: number;
  p0_final_median: number;
  du_final_mean: number;
  du_final_se: number;
  accuracy_init: number;
  accuracy_final_mean: number;
  entropy_final_mean: number;
  clip_frac_low_mean: number;
  clip_frac_high_mean: number;
  paired_du_clip_on_minus_off: number;
  paired_du_se: number;
  /** the preset the settings started from ("" when none) and what was changed from it */
  started_from: string;
  changes: string;
  link: string;
}

export const RUN_COLUMNS: (keyof RunRow)[] = [
  "run", "preset", "reward", "gamma", "clip", "eps_low", "eps_high", "G", "prompts_per_step", "mini_batches", "epochs", "lr", "optimizer",
  "steps", "seeds", "first_seed", "p0_init", "p0_final_mean", "p0_final_median", "du_final_mean", "du_final_se", "accuracy_init",
  "accuracy_final_mean", "entropy_final_mean", "clip_frac_low_mean", "clip_frac_high_mean", "paired_du_clip_on_minus_off", "paired_du_se", "started_from", "changes", "link",
];

/** SQL type of every column, so DuckDB computes in DOUBLE (a literal such as 0.826 would otherwise be DECIMAL). */
export const RUN_COLUMN_TYPES: Record<keyof RunRow, "INTEGER" | "BIGINT" | "DOUBLE" | "BOOLEAN" | "VARCHAR"> = {
  run: "INTEGER", preset: "VARCHAR", reward: "VARCHAR", gamma: "DOUBLE", clip: "BOOLEAN", eps_low: "DOUBLE", eps_high: "DOUBLE", G: "INTEGER",
  prompts_per_step: "INTEGER", mini_batches: "INTEGER", epochs: "INTEGER", lr: "DOUBLE", optimizer: "VARCHAR", steps: "INTEGER", seeds: "INTEGER",
  first_seed: "BIGINT", p0_init: "DOUBLE", p0_final_mean: "DOUBLE", p0_final_median: "DOUBLE", du_final_mean: "DOUBLE", du_final_se: "DOUBLE",
  accuracy_init: "DOUBLE", accuracy_final_mean: "DOUBLE", entropy_final_mean: "DOUBLE", clip_frac_low_mean: "DOUBLE", clip_frac_high_mean: "DOUBLE",
  paired_du_clip_on_minus_off: "DOUBLE", paired_du_se: "DOUBLE", started_from: "VARCHAR", changes: "VARCHAR", link: "VARCHAR",
};

/**
 * One row of the runs table. `preset` is the preset the run is exactly (null: changed or none);
 * `origin` the preset the settings started from and the changes made to it.
 */
export function runRow(run: number, preset: string | null, cfg: ToyConfig, r: EnsembleResult, link: string, origin: { from: string | null; changes: string } = { from: preset, changes: "" }): RunRow {
  const a = r.a;
  const T = a.steps;
  const avg = (k: "clipFracLow" | "clipFracHigh") => a.stats[k].mean.slice(1).reduce((x, y) => x + y, 0) / Math.max(1, T);
  const sign = cfg.clip.enabled ? 1 : -1;
  return {
    run, preset: preset ?? "custom", reward: cfg.reward.type, gamma: cfg.reward.gamma, clip: cfg.clip.enabled, eps_low: cfg.clip.epsLow, eps_high: cfg.clip.epsHigh,
    G: cfg.G, prompts_per_step: cfg.promptsPerStep, mini_batches: cfg.miniBatches, epochs: cfg.epochs, lr: cfg.lr, optimizer: cfg.optimizer,
    steps: T, seeds: a.seeds.length, first_seed: cfg.seed, p0_init: a.stats.p0.mean[0], p0_final_mean: a.final.p0.mean, p0_final_median: a.final.p0.q50,
    du_final_mean: a.final.du.mean, du_final_se: a.final.du.se, accuracy_init: a.stats.accuracy.mean[0], accuracy_final_mean: a.final.accuracy.mean,
    entropy_final_mean: a.final.entropy.mean, clip_frac_low_mean: avg("clipFracLow"), clip_frac_high_mean: avg("clipFracHigh"),
    paired_du_clip_on_minus_off: r.diff ? sign * r.diff.final.du.mean : 0, paired_du_se: r.diff ? r.diff.final.du.se : 0, started_from: origin.from ?? "", changes: origin.changes, link,
  };
}

function csvCell(v: unknown): string {
  const s = v == null ? "" : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function rowsToCsv(columns: string[], rows: Record<string, unknown>[]): string {
  return [columns.map(csvCell).join(","), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(","))].join("\n") + "\n";
}

/** Per-step CSV of an ensemble result: one row per (run, step) with mean/SE/quantiles of every metric. */
export function resultToCsv(r: EnsembleResult, labels: { a: string; b: string }): string {
  const cols = ["run", "step"];
  for (const m of r.a.metricNames) cols.push(`${m}_mean`, `${m}_se`, `${m}_q05`, `${m}_q50`, `${m}_q95`);
  const rows: Record<string, unknown>[] = [];
  for (const [label, s] of [[labels.a, r.a], [labels.b, r.b]] as const) {
    if (!s) continue;
    for (let t = 0; t <= s.steps; t++) {
      const row: Record<string, unknown> = { run: label, step: t };
      for (const m of s.metricNames) {
        const st = stepQuantiles(s, m);
        row[`${m}_mean`] = st.mean[t]; row[`${m}_se`] = st.se[t]; row[`${m}_q05`] = st.q05[t]; row[`${m}_q50`] = st.q50[t]; row[`${m}_q95`] = st.q95[t];
      }
      rows.push(row);
    }
  }
  return rowsToCsv(cols, rows);
}

const sqlLiteral = (v: unknown) => (typeof v === "number" ? (Number.isFinite(v) ? String(v) : "NULL") : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : `'${String(v).replace(/'/g, "''")}'`);

/** SQL that (re)creates the runs table from rows (pure; exported for tests). */
export function runsTableSql(rows: RunRow[]): string {
  const typed = RUN_COLUMNS.map((c) => `CAST(${c} AS ${RUN_COLUMN_TYPES[c]}) AS ${c}`).join(", ");
  if (!rows.length) return `CREATE OR REPLACE TABLE runs AS SELECT ${typed} FROM (SELECT ${RUN_COLUMNS.map((c) => `NULL AS ${c}`).join(", ")}) WHERE FALSE`;
  const values = rows.map((r) => `(${RUN_COLUMNS.map((c) => sqlLiteral(r[c])).join(", ")})`).join(",\n");
  return `CREATE OR REPLACE TABLE runs AS SELECT ${typed} FROM (VALUES ${values}) AS t(${RUN_COLUMNS.join(", ")})`;
}

/** A query result cell as text: numbers without float noise (0.8260000000000001 → 0.826, 15 significant digits). */
export function cellText(v: unknown): string {
  if (v == null) return "";
  if (typeof v === "number") return Number.isInteger(v) || !Number.isFinite(v) ? String(v) : String(Number(v.toPrecision(15)));
  return String(v);
}

/** Where the runs table and the typed SQL survive a reload (this tab only). */
export const RUNS_STORAGE_KEY = "toy-runs-v2";
/**
 * The runs' full per-step results, kept apart from the table: the table is saved as each run ends, the
 * results (large strings) when the page is idle, so a run's end is not one long task.
 */
export const RUNS_JSON_STORAGE_KEY = "toy-runs-json-v2";
/** Full per-step results are kept across reloads only while they fit in this many characters. */
export const STORED_JSON_LIMIT = 2_000_000;

interface StoredRuns { rows: RunRow[]; jsons: unknown[] | null }
/** The typed SQL, kept on its own so typing never rewrites the (large) table. */
export const SQL_STORAGE_KEY = "toy-runs-sql-v1";

function loadStored(): StoredRuns | null {
  try {
    const raw = sessionStorage.getItem(RUNS_STORAGE_KEY);
    if (!raw) return null;
    const rows = JSON.parse(raw) as RunRow[];
    if (!Array.isArray(rows)) return null;
    // results saved for fewer runs (the tab closed before an idle moment) are dropped, not misattributed
    let jsons: unknown[] | null = null;
    try {
      const j = JSON.parse(sessionStorage.getItem(RUNS_JSON_STORAGE_KEY) ?? "null") as unknown;
      if (Array.isArray(j) && j.length === rows.length) jsons = j;
    } catch { /* unreadable results: the table alone is restored */ }
    return { rows, jsons };
  } catch { return null; }
}

export const DEFAULT_RUNS_SQL = `SELECT run, preset, clip, eps_low, eps_high, gamma, lr,
       round(p0_final_mean, 3) AS p_code_final, round(du_final_mean, 3) AS drift,
       round(paired_du_clip_on_minus_off / nullif(paired_du_se, 0), 1) AS paired_z
FROM runs ORDER BY run`;

/** Runs `f` when the main thread is idle (within 2 s), or on the next task where there is no idle callback. */
function whenIdle(f: () => void): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(f, { timeout: 2000 });
  else setTimeout(f, 0);
}

/**
 * A download link whose file is made when it is clicked (the blob URL is set before the browser follows it),
 * so large exports cost nothing until someone asks for them.
 */
export function lazyDownload(make: () => string, type: string, name: string, label: string, testid: string): HTMLAnchorElement {
  const a = document.createElement("a");
  a.href = "#";
  a.download = name;
  a.textContent = label;
  a.dataset.testid = testid;
  a.addEventListener("click", () => {
    if (a.href.startsWith("blob:")) URL.revokeObjectURL(a.href);
    a.href = URL.createObjectURL(new Blob([make()], { type }));
  });
  return a;
}

export interface RunsHandle {
  element: HTMLElement;
  add(row: RunRow, json: unknown): void;
  /** the highest run number so far (restored runs included), so numbering continues after a reload */
  lastRun(): number;
}

export function runsPanel(): RunsHandle {
  const stored = loadStored();
  const rows: RunRow[] = stored?.rows ?? [];
  // per-step results of restored runs are kept only if they fitted into sessionStorage
  const jsons: (unknown | null)[] = stored ? (stored.jsons ?? rows.map(() => null)) : [];
  // each run's JSON text, made once and on an idle turn (saveJson): a run's per-step results are hundreds of kB
  const jsonTexts: (string | undefined)[] = [];
  const storageNote = document.createElement("p");
  storageNote.dataset.testid = "toy-runs-storage";
  storageNote.className = "toy-note";
  let client: Promise<DuckClient> | null = null;
  const root = document.createElement("section");
  root.className = "toy-runs";
  root.dataset.testid = "toy-runs";
  const h = document.createElement("h3");
  h.textContent = "Runs table";
  const p = document.createElement("p");
  p.textContent = `Every completed ensemble is added here. Query the table with SQL (DuckDB-wasm, ${duckdbDownloadText()}, downloaded only when you press Run query); for example, compare the final code share across ε, γ and clip settings.`;
  const tableWrap = scrollRegion("Runs table");
  const links = document.createElement("p");
  const sqlLabel = document.createElement("label");
  sqlLabel.htmlFor = "toy-runs-sql";
  sqlLabel.textContent = "SQL over the table runs (Ctrl+Enter runs it)";
  const sql = document.createElement("textarea");
  sql.id = "toy-runs-sql";
  sql.rows = 5;
  sql.spellcheck = false;
  sql.value = (() => { try { return sessionStorage.getItem(SQL_STORAGE_KEY); } catch { return null; } })() ?? DEFAULT_RUNS_SQL;
  sql.dataset.testid = "toy-query-sql";
  const run = document.createElement("button");
  run.type = "button";
  run.textContent = "Run query";
  run.dataset.testid = "toy-query-run";
  // a reader's SQL can run for ever (a cross join of ranges): Cancel interrupts it inside DuckDB (or, if DuckDB
  // does not stop in time, the client replaces its worker); shown only while a query runs
  const cancel = document.createElement("button");
  cancel.type = "button";
  cancel.textContent = "Cancel query";
  cancel.dataset.testid = "toy-query-cancel";
  cancel.hidden = true;
  let running: AbortController | null = null;
  cancel.addEventListener("click", () => running?.abort());
  const clear = document.createElement("button");
  clear.type = "button";
  clear.textContent = "Clear the table";
  const status = document.createElement("p");
  status.setAttribute("role", "status");
  status.dataset.testid = "toy-query-status";
  const out = document.createElement("div");
  out.dataset.testid = "toy-query-results";

  /** Saves the table now, and the per-step results when the page is idle. */
  function save() {
    try {
      sessionStorage.setItem(RUNS_STORAGE_KEY, JSON.stringify(rows));
      storageNote.textContent = rows.length ? `Kept in this tab: a reload restores the table${jsonsKept ? "" : " (without the per-step results of its runs, too large to keep)"}.` : "";
    } catch {
      storageNote.textContent = "This browser did not let the page keep the runs table: a reload will start a new one.";
      return;
    }
    whenIdle(saveJson);
  }
  let jsonsKept = true;
  function saveJson() {
    // made here, on an idle turn: a run's JSON is several hundred kB
    for (let i = 0; i < jsons.length; i++) jsonTexts[i] ??= JSON.stringify(jsons[i]);
    jsonTexts.length = jsons.length;
    const size = jsonTexts.reduce((n: number, t) => n + (t ?? "").length + 1, 2);
    jsonsKept = size <= STORED_JSON_LIMIT;
    try {
      sessionStorage.setItem(RUNS_JSON_STORAGE_KEY, jsonsKept ? `[${jsonTexts.join(",")}]` : "null");
    } catch { jsonsKept = false; }
    if (rows.length) storageNote.textContent = `Kept in this tab: a reload restores the table${jsonsKept ? "" : " (without the per-step results of its runs, too large to keep)"}.`;
  }

  function renderTable() {
    const t = document.createElement("table");
    t.dataset.testid = "toy-runs-table";
    const cap = document.createElement("caption");
    cap.textContent = `${rows.length} run${rows.length === 1 ? "" : "s"}`;
    const shown: (keyof RunRow)[] = ["run", "preset", "started_from", "changes", "reward", "gamma", "clip", "eps_low", "eps_high", "mini_batches", "lr", "steps", "seeds", "p0_final_mean", "du_final_mean", "du_final_se", "paired_du_clip_on_minus_off"];
    const hr = document.createElement("tr");
    for (const c of shown) { const th = document.createElement("th"); th.scope = "col"; th.textContent = c; hr.append(th); }
    const thead = document.createElement("thead");
    thead.append(hr);
    const tb = document.createElement("tbody");
    for (const r of rows) {
      const tr = document.createElement("tr");
      for (const c of shown) {
        const td = document.createElement("td");
        const v = r[c];
        td.textContent = typeof v === "number" && !Number.isInteger(v) ? v.toPrecision(4) : String(v);
        tr.append(td);
      }
      tb.append(tr);
    }
    t.append(cap, thead, tb);
    tableWrap.replaceChildren(t);
    links.replaceChildren(
      lazyDownload(() => rowsToCsv(RUN_COLUMNS, rows as unknown as Record<string, unknown>[]), "text/csv", "toy-runs.csv", "Download the runs table (CSV)", "toy-runs-csv"),
      document.createTextNode(" · "),
      lazyDownload(() => `[${jsons.map((j) => JSON.stringify(j)).join(",\n")}]`, "application/json", "toy-runs.json", "all runs with full settings and per-step results (JSON)", "toy-runs-json"),
    );
    save();
  }

  async function query() {
    run.disabled = true;
    run.setAttribute("aria-busy", "true");
    const ac = (running = new AbortController());
    cancel.hidden = false;
    try {
      if (!client) {
        client = openDuckDB([], (stage) => (status.textContent = `DuckDB: ${stage}…`));
        client.catch(() => (client = null));
      }
      const c = await client;
      await c.query(runsTableSql(rows));
      const res = await c.query(sql.value, { signal: ac.signal });
      status.textContent = `${rowCountText(res.cells.length, res.truncated, res)} in ${res.elapsedMs.toFixed(0)} ms.`;
      out.replaceChildren(resultTable(res));
    } catch (e) {
      status.textContent = e instanceof QueryCancelledError ? "The query was cancelled." : `The query failed: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      running = null;
      cancel.hidden = true;
      run.disabled = false;
      run.removeAttribute("aria-busy");
    }
  }
  run.addEventListener("click", () => void query());
  sql.addEventListener("input", () => { try { sessionStorage.setItem(SQL_STORAGE_KEY, sql.value); } catch { /* storage refused: the note says so */ } });
  sql.addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); void query(); } });
  clear.addEventListener("click", () => { rows.length = 0; jsons.length = 0; jsonTexts.length = 0; renderTable(); });
  renderTable();
  const controls = document.createElement("p");
  controls.append(run, document.createTextNode(" "), cancel, document.createTextNode(" "), clear);
  root.append(h, p, tableWrap, links, storageNote, sqlLabel, sql, controls, status, out);
  return {
    element: root,
    add(row: RunRow, json: unknown) { rows.push(row); jsons.push(json); renderTable(); },
    lastRun: () => rows.reduce((m, r) => Math.max(m, r.run), 0),
  };
}

/** A horizontally scrollable, keyboard-focusable region for a wide table (focusable so it can be scrolled by keys). */
function scrollRegion(label: string): HTMLDivElement {
  const wrap = document.createElement("div");
  wrap.className = "toy-table-wrap";
  wrap.tabIndex = 0;
  wrap.setAttribute("role", "region");
  wrap.setAttribute("aria-label", label);
  return wrap;
}

const RESULT_ROW_LIMIT = 500;

function resultTable(res: QueryResult): HTMLElement {
  const wrap = scrollRegion("Query results");
  const t = document.createElement("table");
  const hr = document.createElement("tr");
  for (const c of res.columns) { const th = document.createElement("th"); th.scope = "col"; th.textContent = c.name; hr.append(th); }
  const thead = document.createElement("thead");
  thead.append(hr);
  const tb = document.createElement("tbody");
  for (const r of res.rows.slice(0, RESULT_ROW_LIMIT)) {
    const tr = document.createElement("tr");
    for (const c of res.columns) { const td = document.createElement("td"); td.textContent = cellText(r[c.name]); tr.append(td); }
    tb.append(tr);
  }
  t.append(thead, tb);
  wrap.append(t);
  return wrap;
}
