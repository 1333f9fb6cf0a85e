// The "Query the numbers" UI: DuckDB is loaded only when the reader asks (Load or Run), with a visible
// loading state; SQL errors are shown inline and the page keeps working; results get a table, a quick
// chart when there is a numeric column, and a CSV download.
import * as Plot from "@observablehq/plot";
import {html} from "./paper-html.js";
import {openDuckDB, type CsvTable, type DuckClient, type LoadStage, type QueryResult} from "./duckdb-client.js";
import {accessiblePlot} from "./plot-a11y.js";
import {rewardColor} from "../lib/palette.js";
import {ARXIV_V1, PREPRINT} from "../lib/paper-vocabulary.js";

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

/** CSV text for a query result (RFC 4180 quoting). */
export function resultToCsv(result: Pick<QueryResult, "columns" | "rows">): string {
  const cell = (v: unknown) => {
    const s = v == null ? "" : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [result.columns.map((c) => cell(c.name)).join(",")];
  for (const r of result.rows) lines.push(result.columns.map((c) => cell(r[c.name])).join(","));
  return lines.join("\n") + "\n";
}

const STAGE_TEXT: Record<LoadStage, string> = {
  "downloading": "Downloading DuckDB (about 7 MB compressed)…",
  "starting": "Starting DuckDB…",
  "loading tables": "Loading the tables…",
  "ready": "DuckDB is ready.",
};

const MAX_ROWS_SHOWN = 500;

function quickChart(result: QueryResult, width: number): Element | null {
  const num = result.columns.find((c) => c.numeric);
  const label = result.columns.find((c) => !c.numeric);
  if (!num || !label || !result.rows.length) return null;
  const data = result.rows.filter((r) => typeof r[num.name] === "number" && Number.isFinite(r[num.name] as number)).slice(0, 60);
  if (!data.length) return null;
  const hasReward = result.columns.some((c) => c.name === "reward");
  const rowLabel = (r: Record<string, unknown>, i: number) => {
    const parts = result.columns.filter((c) => !c.numeric).slice(0, 3).map((c) => String(r[c.name] ?? ""));
    return `${i + 1}. ${parts.join(" · ")}`;
  };
  const rows = data.map((r, i) => ({label: rowLabel(r, i), value: r[num.name] as number, reward: String(r.reward ?? "")}));
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
          fill: hasReward ? (d: {reward: string}) => rewardColor(d.reward) : "#1F5FA8",
          title: (d: {label: string; value: number}) => `${d.label}: ${d.value}`,
        }),
        Plot.ruleX([0]),
      ],
      ariaLabel: `Bar chart of ${num.name} for each result row`,
    }),
  );
}

function resultTable(result: QueryResult): HTMLElement {
  const shown = result.rows.slice(0, MAX_ROWS_SHOWN);
  const fmt = (v: unknown) => (v == null ? "" : typeof v === "object" ? JSON.stringify(v) : String(v));
  return html`<div class="paper-table-wrap" tabindex="0" role="region" aria-label="Query results">
    <table data-testid="query-results">
      <caption>${result.rows.length} row${result.rows.length === 1 ? "" : "s"}${result.rows.length > shown.length ? ` (first ${shown.length} shown)` : ""} · ${result.elapsedMs.toFixed(0)} ms</caption>
      <thead><tr>${result.columns.map((c) => html`<th scope="col">${c.name}</th>`)}</tr></thead>
      <tbody>${shown.map((r) => html`<tr data-testid="query-row">${result.columns.map((c) => html`<td class=${c.numeric ? "num" : ""}>${fmt(r[c.name])}</td>`)}</tr>`)}</tbody>
    </table>
  </div>`;
}

/**
 * The whole query panel. `loadTables` fetches the CSV texts (called only when the reader asks).
 */
export function queryPanel(loadTables: () => Promise<CsvTable[]>, {width = 640}: {width?: number} = {}): HTMLElement {
  let client: Promise<DuckClient> | null = null;
  let lastCsvUrl: string | null = null;

  const status = html`<p class="query-status" role="status" aria-live="polite" data-testid="duckdb-status">DuckDB is not loaded yet: nothing has been downloaded. It loads when you press Load or Run (about 7 MB compressed).</p>` as HTMLElement;
  const loadButton = html`<button type="button" data-testid="duckdb-load">Load DuckDB</button>` as HTMLButtonElement;
  const examples = html`<select id="query-example" data-testid="query-examples">
    ${EXAMPLE_QUERIES.map((q, i) => html`<option value=${i}>${q.label}</option>`)}
  </select>` as HTMLSelectElement;
  const sql = html`<textarea id="query-sql" data-testid="query-sql" rows="10" spellcheck="false" autocapitalize="off">${EXAMPLE_QUERIES[0].sql}</textarea>` as HTMLTextAreaElement;
  const runButton = html`<button type="button" data-testid="query-run">Run query</button>` as HTMLButtonElement;
  const error = html`<div role="alert" class="query-error" data-testid="query-error" hidden></div>` as HTMLElement;
  const output = html`<div data-testid="query-output"></div>` as HTMLElement;
  const chart = html`<div data-testid="query-chart"></div>` as HTMLElement;
  const download = html`<a data-testid="query-download" download="query-result.csv" hidden>Download these results as CSV</a>` as HTMLAnchorElement;

  function ensureClient(): Promise<DuckClient> {
    if (!client) {
      loadButton.disabled = true;
      loadButton.setAttribute("aria-busy", "true");
      client = (async () => {
        const tables = await loadTables();
        return openDuckDB(tables, (stage) => (status.textContent = STAGE_TEXT[stage]));
      })();
      client.then(
        async (c) => {
          loadButton.removeAttribute("aria-busy");
          loadButton.textContent = "DuckDB loaded";
          status.textContent = `DuckDB is ready. Tables: ${(await c.tables()).join(", ")}.`;
          status.dataset.state = "ready";
        },
        (e: unknown) => {
          status.textContent = `DuckDB could not start: ${e instanceof Error ? e.message : String(e)}`;
          status.dataset.state = "failed";
          client = null;
          loadButton.disabled = false;
          loadButton.removeAttribute("aria-busy");
        },
      );
    }
    return client;
  }

  async function run(): Promise<void> {
    runButton.disabled = true;
    runButton.setAttribute("aria-busy", "true");
    error.hidden = true;
    error.textContent = "";
    try {
      const c = await ensureClient();
      const result = await c.query(sql.value);
      output.replaceChildren(resultTable(result));
      chart.replaceChildren(...[quickChart(result, width)].filter((x): x is Element => !!x));
      if (lastCsvUrl) URL.revokeObjectURL(lastCsvUrl);
      lastCsvUrl = URL.createObjectURL(new Blob([resultToCsv(result)], {type: "text/csv"}));
      download.href = lastCsvUrl;
      download.hidden = false;
      output.dataset.state = "ok";
    } catch (e) {
      error.textContent = `The query failed: ${e instanceof Error ? e.message : String(e)}`;
      error.hidden = false;
      output.dataset.state = "error";
    } finally {
      runButton.disabled = false;
      runButton.removeAttribute("aria-busy");
    }
  }

  loadButton.addEventListener("click", () => void ensureClient().catch(() => {}));
  runButton.addEventListener("click", () => void run());
  sql.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void run();
    }
  });
  examples.addEventListener("change", () => {
    sql.value = EXAMPLE_QUERIES[Number(examples.value)].sql;
  });

  return html`<div class="paper-query" data-testid="query-panel">
    <p>${loadButton}</p>
    ${status}
    <p><label for="query-example">Example queries</label><br>${examples}</p>
    <p><label for="query-sql">SQL query (DuckDB dialect; Ctrl+Enter runs it)</label><br>${sql}</p>
    <p>${runButton}</p>
    ${error}
    ${output}
    ${chart}
    <p>${download}</p>
  </div>` as HTMLElement;
}
