// The "Query the numbers" UI: DuckDB is loaded only when the reader asks (Load or Run), with a visible
// loading state; SQL errors are shown inline and the page keeps working; a running query can be cancelled;
// results get a table (at most 500 rows, printed by DuckDB, with a note when more exist), a quick chart
// when there is a numeric column, and a CSV download. The typed SQL survives a reload (sessionStorage).
import * as Plot from "./plot.js";
import {html} from "./paper-html.js";
import {MARK_PREFIX, openDuckDB, QueryCancelledError, type DuckClient, type LazyCsvTable, type LoadStage, type QueryResult, type StartTable} from "./duckdb-client.js";
import {rowCountText} from "../lib/sql/reader-query.js";
import {duckdbDownloadText} from "../lib/sql/duckdb-download.js";
import {accessiblePlot} from "./plot-a11y.js";
import {rewardColor} from "../lib/palette.js";
import {ARXIV_V1, PREPRINT} from "../lib/paper-vocabulary.js";
import {groupThousands} from "../lib/count-format.js";

export interface ExampleQuery {
  label: string;
  sql: string;
}


export const EXAMPLE_QUERIES: readonly ExampleQuery[] = [
  {
    label: "Qwen2.5-Math-7B, arXiv v1 Figure 1: MATH-500 change per reward",
    sql: `SELECT reward, text AS printed, value AS change_points, status, locator
FROM numbers
WHERE version = '${ARXIV_V1}' AND model = 'Qwen2.5-Math-7B' AND place = 'Figure 1'
  AND benchmark = 'MATH-500' AND quantity = 'delta'
ORDER BY row`,
  },
  {
    label: "Gain of each spurious reward as a share of the ground-truth gain, per model",
    sql: `WITH d AS (
  SELECT version_label, model, reward, reward_group, status, value
  FROM numbers
  WHERE place = 'Figure 1' AND benchmark = 'MATH-500' AND quantity = 'delta'
    AND source_kind = 'paper' AND status <> 'unresolved'
)
SELECT s.version_label AS version, s.model, s.reward, s.value AS gain_points,
       g.value AS ground_truth_gain_points,
       round(100 * s.value / g.value, 1) AS share_of_ground_truth_pct,
       s.status
FROM d s
JOIN d g ON g.version_label = s.version_label AND g.model = s.model AND g.reward = 'ground_truth'
WHERE s.reward_group = 'spurious'
ORDER BY version, s.model, s.reward`,
  },
  {
    // the training lengths are read from the setup rows, not typed here
    label: "What changed between the May preprint and arXiv v1 (Figure 1 gains, with each version's training steps)",
    sql: `WITH steps AS (
  SELECT version, text AS steps FROM numbers WHERE file = 'setup' AND metric = 'training steps (Figure 1)'
)
SELECT a.model, a.reward, a.text AS preprint_gain, sa.steps AS preprint_steps, b.text AS v1_gain, sb.steps AS v1_steps,
       round(b.value - a.value, 1) AS difference_points, b.status AS v1_status
FROM numbers a
JOIN numbers b ON b.model = a.model AND b.reward = a.reward AND b.place = 'Figure 1' AND b.quantity = 'delta'
  AND b.version = '${ARXIV_V1}'
LEFT JOIN steps sa ON sa.version = a.version
LEFT JOIN steps sb ON sb.version = b.version
WHERE a.version = '${PREPRINT}' AND a.place = 'Figure 1' AND a.quantity = 'delta'
ORDER BY a.model, difference_points`,
  },
  {
    label: "Audit findings per check",
    sql: `SELECT "check", count(*) AS findings, round(max(gap), 2) AS largest_gap
FROM findings GROUP BY "check" ORDER BY findings DESC`,
  },
  {
    label: "Table 3: code-forcing prompt, every version",
    sql: `SELECT version_label AS version, model, quantity, text AS printed, value
FROM numbers WHERE place = 'Table 3' ORDER BY model, version, quantity`,
  },
  {
    label: "The raw source table main_results.csv (verbatim text)",
    sql: `SELECT * FROM main_results LIMIT 20`,
  },
];

/** CSV text for a query result (RFC 4180 quoting); by position when the result has `cells`. */
export function resultToCsv(result: Pick<QueryResult, "columns" | "rows"> & {cells?: (string | null)[][]}): string {
  const cell = (v: unknown) => {
    const s = v == null ? "" : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [result.columns.map((c) => cell(c.name)).join(",")];
  if (result.cells) for (const r of result.cells) lines.push(r.map(cell).join(","));
  else for (const r of result.rows) lines.push(result.columns.map((c) => cell(r[c.name])).join(","));
  return lines.join("\n") + "\n";
}

const LONG_CELL_CHARS = 40;

const STAGE_TEXT: Record<LoadStage, string> = {
  "downloading": `Downloading DuckDB (${duckdbDownloadText()})…`,
  "starting": "Starting DuckDB…",
  "loading tables": "Loading the tables…",
  "ready": "DuckDB is ready.",
  "restarting": "DuckDB did not stop the cancelled query in time: starting a fresh copy and reloading the tables (tables you created are gone)…",
};

/** Resolves after the browser has painted what is in the page now (a frame, then a task after it). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Where the typed SQL is kept so that a reload (or a crash of the tab) does not lose it. */
export const SQL_STORAGE_KEY = "spurious-rewards:query-sql";

function stored(): string | null {
  try {
    return sessionStorage.getItem(SQL_STORAGE_KEY);
  } catch {
    return null; // storage can be blocked; the page works without it
  }
}

function store(text: string): void {
  try {
    sessionStorage.setItem(SQL_STORAGE_KEY, text);
  } catch {
    // quota or blocked storage: nothing to do
  }
}

function quickChart(result: QueryResult, width: number): Element | null {
  const numIndex = result.columns.findIndex((c) => c.numeric);
  const labelIndexes = result.columns.map((c, i) => (c.numeric ? -1 : i)).filter((i) => i >= 0).slice(0, 3);
  if (numIndex < 0 || !labelIndexes.length || !result.cells.length) return null;
  const num = result.columns[numIndex];
  const rewardIndex = result.columns.findIndex((c) => c.name === "reward");
  // the chart draws the printed values as numbers (approximate for very long integers; the table is exact)
  const data = result.cells.map((r) => ({r, v: r[numIndex] == null ? NaN : Number(r[numIndex])})).filter((d) => Number.isFinite(d.v)).slice(0, 60);
  if (!data.length) return null;
  const rows = data.map(({r, v}, i) => ({
    label: `${i + 1}. ${labelIndexes.map((j) => r[j] ?? "").join(" · ")}`,
    value: v,
    reward: rewardIndex >= 0 ? String(r[rewardIndex] ?? "") : "",
  }));
  return accessiblePlot(
    Plot.plot({
      width,
      height: 40 + rows.length * 22,
      marginLeft: Math.min(320, width * 0.5),
      x: {label: num.name, grid: true},
      y: {label: null, domain: rows.map((r) => r.label)},
      marks: [
        Plot.barX(rows, {
          x: "value", y: "label",
          fill: rewardIndex >= 0 ? (d: {reward: string}) => rewardColor(d.reward) : "#1F5FA8",
          title: (d: {label: string; value: number}) => `${d.label}: ${d.value}`,
        }),
        Plot.ruleX([0]),
      ],
      ariaLabel: `Bar chart of ${num.name} for each result row`,
    }),
  );
}

/** The caption's count: "6 rows", or how many of more are shown and why. */
export function resultCaption(result: Pick<QueryResult, "cells" | "truncated" | "maxRows" | "elapsedMs">): string {
  return `${rowCountText(result.cells.length, result.truncated, result)} · ${result.elapsedMs.toFixed(0)} ms`;
}

function resultTable(result: QueryResult): HTMLElement {
  // plain DOM rather than a template per row: 500 rows × many columns must render in one short task
  const table = document.createElement("table");
  table.dataset.testid = "query-results";
  const caption = table.createCaption();
  caption.dataset.testid = "query-caption";
  caption.textContent = resultCaption(result);
  const head = table.createTHead().insertRow();
  for (const c of result.columns) {
    const th = document.createElement("th");
    th.scope = "col";
    th.title = c.type;
    th.textContent = c.name;
    head.append(th);
  }
  const body = table.createTBody();
  for (const r of result.cells) {
    const tr = body.insertRow();
    tr.dataset.testid = "query-row";
    r.forEach((v, j) => {
      const td = tr.insertCell();
      if (result.columns[j].numeric) td.className = "num";
      // a long text (a locator, a quote) would otherwise be squeezed into a column a word wide on a phone
      else if (v && v.length > LONG_CELL_CHARS) td.className = "long-text";
      td.textContent = v ?? "";
    });
  }
  const wrap = html`<div class="paper-table-wrap" tabindex="0" role="region" aria-label="Query results"></div>` as HTMLElement;
  wrap.append(table);
  return wrap;
}

export interface QueryPanelOptions {
  width?: number;
  /** Tables fetched and read in only before the first query that names them. */
  lazyTables?: LazyCsvTable[];
}

/**
 * The query panel. `loadTables` fetches the tables DuckDB starts with; `lazyTables` are fetched and read in only
 * before the first query that names them (the training curves: most of the data, few of the queries).
 */
export function queryPanel(loadTables: () => Promise<StartTable[]>, {width = 640, lazyTables = []}: QueryPanelOptions = {}): HTMLElement {
  let client: Promise<DuckClient> | null = null;
  let lastCsvUrl: string | null = null;
  let running: AbortController | null = null;

  const status = html`<p class="query-status" role="status" aria-live="polite" data-testid="duckdb-status">DuckDB is not loaded yet: nothing has been downloaded. It loads when you point at or focus the SQL box, or press Load or Run (${duckdbDownloadText()}).</p>` as HTMLElement;
  const loadButton = html`<button type="button" data-testid="duckdb-load">Load DuckDB</button>` as HTMLButtonElement;
  const examples = html`<select id="query-example" data-testid="query-examples">
    ${EXAMPLE_QUERIES.map((q, i) => html`<option value=${i}>${q.label}</option>`)}
  </select>` as HTMLSelectElement;
  const sql = html`<textarea id="query-sql" data-testid="query-sql" rows="10" spellcheck="false" autocapitalize="off"></textarea>` as HTMLTextAreaElement;
  sql.value = stored() ?? EXAMPLE_QUERIES[0].sql;
  const runButton = html`<button type="button" data-testid="query-run">Run query</button>` as HTMLButtonElement;
  const cancelButton = html`<button type="button" data-testid="query-cancel" hidden>Cancel the query</button>` as HTMLButtonElement;
  const progress = html`<span class="query-progress" data-testid="query-progress" hidden>Running…</span>` as HTMLElement;
  const error = html`<div role="alert" class="query-error" data-testid="query-error" hidden></div>` as HTMLElement;
  const output = html`<div data-testid="query-output"></div>` as HTMLElement;
  const note = html`<p class="query-note" data-testid="query-note" hidden></p>` as HTMLElement;
  const chart = html`<div data-testid="query-chart"></div>` as HTMLElement;
  const download = html`<a data-testid="query-download" download="query-result.csv" hidden>Download these results as CSV</a>` as HTMLAnchorElement;

  function ensureClient(): Promise<DuckClient> {
    if (!client) {
      loadButton.disabled = true;
      loadButton.setAttribute("aria-busy", "true");
      delete status.dataset.state;
      // the tables download while the engine starts, not before it
      const tables = loadTables();
      void tables.then(() => performance.mark(`${MARK_PREFIX}tables-fetched`), () => {});
      client = openDuckDB(tables, (stage) => (status.textContent = STAGE_TEXT[stage]), {
        lazyTables,
        onLazyTable: (name, state) => (progress.textContent = state === "loading" ? `Loading the table ${name} (first use)…` : "Running…"),
      });
      client.then(
        async () => {
          loadButton.removeAttribute("aria-busy");
          loadButton.textContent = "DuckDB loaded";
          // the names are known here: asking DuckDB would queue a statement ahead of the reader's first query
          const names = [...(await tables).map((t) => t.name), ...lazyTables.map((t) => t.name)].sort();
          status.textContent = `DuckDB is ready. Tables: ${names.join(", ")}.`;
          status.dataset.state = "ready";
        },
        (e: unknown) => {
          const text = e instanceof Error ? e.message : String(e);
          status.textContent = /^DuckDB could not start/.test(text) ? text : `DuckDB could not start: ${text}`;
          status.dataset.state = "failed";
          client = null;
          loadButton.disabled = false;
          loadButton.textContent = "Try loading DuckDB again";
          loadButton.removeAttribute("aria-busy");
        },
      );
    }
    return client;
  }

  function setRunning(on: boolean): void {
    runButton.disabled = on;
    if (on) runButton.setAttribute("aria-busy", "true");
    else runButton.removeAttribute("aria-busy");
    cancelButton.hidden = !on;
    progress.hidden = !on;
  }

  async function run(): Promise<void> {
    if (running) return;
    const controller = (running = new AbortController());
    setRunning(true);
    // "ok" only once this query's table, chart and download are all there (tests and tools wait for it)
    output.dataset.state = "running";
    error.hidden = true;
    error.textContent = "";
    let c: DuckClient;
    try {
      // Cancel also ends the wait for DuckDB to start (the start goes on; a later Run uses it)
      const aborted = new Promise<never>((_, reject) => controller.signal.addEventListener("abort", () => reject(new QueryCancelledError()), {once: true}));
      c = await Promise.race([ensureClient(), aborted]);
    } catch (e) {
      if (e instanceof QueryCancelledError) {
        error.textContent = "The query was cancelled before DuckDB had started.";
        error.hidden = false;
        output.dataset.state = "cancelled";
        running = null;
        setRunning(false);
        return;
      }
      error.textContent = "The query could not run: DuckDB did not start (the reason is given above).";
      error.hidden = false;
      output.dataset.state = "error";
      running = null;
      setRunning(false);
      return;
    }
    try {
      if (controller.signal.aborted) throw new QueryCancelledError();
      const result = await c.query(sql.value, {signal: controller.signal});
      output.replaceChildren(resultTable(result));
      performance.mark(`${MARK_PREFIX}rendered`);
      // the rows are painted before the quick chart and the CSV are made (Plot's first chart on the page takes
      // a few hundred milliseconds on a slow machine): the previous query's chart and link go at once
      chart.replaceChildren();
      download.hidden = true;
      const notes = [
        "Values are printed by DuckDB (CAST AS VARCHAR): integers and DECIMALs exactly, dates as dates, DOUBLE as the shortest decimal that reads back as the same stored double (so a sum of doubles may show a long tail such as 2.0000000000000018; round() it).",
      ];
      if (result.printedBy === "page") notes[0] = "This statement is not a single query, so the values are printed by the page from DuckDB's result (whole numbers and DECIMALs exactly).";
      if (result.truncated) notes.push(`Only the first ${result.cells.length} rows reached the page: DuckDB stopped there, so the rest never left it.`);
      if (result.cells.some((r) => r.some((v) => v != null && / characters in all\)$/.test(v)))) notes.push(`Cells longer than ${groupThousands(result.maxCellChars)} characters are cut; their full length is given.`);
      note.textContent = notes.join(" ");
      note.hidden = false;
      await afterPaint();
      chart.replaceChildren(...[quickChart(result, width)].filter((x): x is Element => !!x));
      performance.mark(`${MARK_PREFIX}charted`);
      if (lastCsvUrl) URL.revokeObjectURL(lastCsvUrl);
      lastCsvUrl = URL.createObjectURL(new Blob([resultToCsv(result)], {type: "text/csv"}));
      download.href = lastCsvUrl;
      download.textContent = result.truncated ? `Download the ${result.cells.length} rows shown as CSV` : "Download these results as CSV";
      download.hidden = false;
      output.dataset.state = "ok";
    } catch (e) {
      if (e instanceof QueryCancelledError) {
        error.textContent = "The query was cancelled. The results above, if any, are from the previous query.";
        output.dataset.state = "cancelled";
      } else {
        error.textContent = `The query failed: ${e instanceof Error ? e.message : String(e)}`;
        output.dataset.state = "error";
      }
      error.hidden = false;
    } finally {
      running = null;
      setRunning(false);
    }
  }

  loadButton.addEventListener("click", () => void ensureClient().catch(() => {}));
  // Warm-up on intent: pointing at or focusing the SQL box starts the download and start-up, so a Run that
  // follows finds the engine (nearly) ready. A failure shows in the status and the next Run retries.
  const warmUp = () => void ensureClient().catch(() => {});
  sql.addEventListener("focus", warmUp, {once: true});
  sql.addEventListener("pointerenter", warmUp, {once: true});
  runButton.addEventListener("click", () => void run());
  cancelButton.addEventListener("click", () => running?.abort());
  sql.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void run();
    } else if (e.key === "Escape" && running) {
      e.preventDefault();
      running.abort();
    }
  });
  sql.addEventListener("input", () => store(sql.value));
  examples.addEventListener("change", () => {
    sql.value = EXAMPLE_QUERIES[Number(examples.value)].sql;
    store(sql.value);
  });

  return html`<div class="paper-query" data-testid="query-panel">
    <p>${loadButton}</p>
    ${status}
    <p><label for="query-example">Example queries</label><br>${examples}</p>
    <p><label for="query-sql">SQL query (DuckDB dialect; Ctrl+Enter runs it, Escape cancels it; kept if you reload)</label><br>${sql}</p>
    <p>${runButton} ${cancelButton} ${progress}</p>
    ${error}
    ${output}
    ${note}
    ${chart}
    <p>${download}</p>
  </div>` as HTMLElement;
}
