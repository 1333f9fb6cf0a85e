// A small DuckDB-wasm (1.32.0) client, loaded on demand only: nothing of DuckDB is fetched until
// openDuckDB() is called. Assets are self-hosted from node_modules via import.meta.resolve, the worker is
// a module worker, logging is off, and only CSV text is fed in (the json/parquet extensions would be
// downloaded from another host); the query page's start-up tables come ready-typed as Arrow IPC streams made at
// build time (src/lib/sql/query-tables.ts). Reusable: the query page loads the paper tables; the toy page loads its
// runs table the same way.
//
// What a reader types cannot hurt the page (see src/lib/sql/reader-query.ts): DuckDB stops after the rows
// shown and prints every value as text, so only those rows cross into the page; a query can be cancelled
// (DuckDB's own cancel, or, when DuckDB does not stop in time, a fresh worker with the tables reloaded); and
// a failure to start (wasm missing, served with the wrong type, or forbidden by a Content-Security-Policy) is
// reported with its cause instead of waiting forever.
import type {AsyncDuckDB, AsyncDuckDBConnection} from "@duckdb/duckdb-wasm";
import {cellText, DEFAULT_LIMITS, describeSql, displaySql, isNumericSqlType, queryBody} from "../lib/sql/reader-query.js";
import {arrowCellText, type ArrowCellKind} from "../lib/sql/arrow-cells.js";
import {readableDuckDbError} from "../lib/sql/errors.js";
import {referencedTables} from "../lib/sql/table-references.js";
import {createTableSql, csvFileName, type CsvTable} from "../lib/sql/create-table.js";
import type {ArrowTable} from "../lib/sql/query-tables.js";

/** A table DuckDB starts with: CSV text read in on the page, or an Arrow stream read as it is. */
export type StartTable = CsvTable | ArrowTable;

/** A table loaded on first use: fetched and read into DuckDB before the first query that names it. */
export interface LazyCsvTable {
  name: string;
  fetchCsv: () => Promise<string>;
  types?: Record<string, string>;
}

export interface QueryColumn {
  name: string;
  /** DuckDB's type name ("DECIMAL(4,3)", "BIGINT"); for unwrapped statements, the Arrow type. */
  type: string;
  numeric: boolean;
}

export interface QueryOptions {
  /** Rows shown (default 500); DuckDB stops after one more. */
  maxRows?: number;
  /** Size guard: characters of all shown cells together (default 4 million); long cells are cut to fit. */
  maxChars?: number;
  /** Cancels the query: the promise rejects with QueryCancelledError at once. */
  signal?: AbortSignal;
}

export interface QueryResult {
  columns: QueryColumn[];
  /** The shown rows by column name; every value is display text (string) or null. */
  rows: Record<string, unknown>[];
  /** The same cells by position (use this when two columns share a name). */
  cells: (string | null)[][];
  elapsedMs: number;
  /** Why fewer rows are shown than the query returns: the row limit, the size guard, or nothing (null). */
  truncated: null | "rows" | "bytes";
  /** The row limit that applied. */
  maxRows: number;
  /** Longest cell text shown before cutting (characters). */
  maxCellChars: number;
  /** "duckdb" when DuckDB printed the values (a single query); "page" for other statements, printed here. */
  printedBy: "duckdb" | "page";
}

export interface DuckClient {
  query(sql: string, options?: QueryOptions): Promise<QueryResult>;
  /** Runs the site's own statements (CREATE TABLE …), no result. */
  exec(sql: string): Promise<void>;
  tables(): Promise<string[]>;
  close(): Promise<void>;
}

export type LoadStage = "downloading" | "starting" | "loading tables" | "ready" | "restarting";

export interface OpenOptions {
  /** Startup fails when it makes no progress for this long (default 90 s). */
  stallTimeoutMs?: number;
  /** Tables loaded on first use (a query naming them waits for them). */
  lazyTables?: LazyCsvTable[];
  /** Called when a lazy table starts ("loading") and ends ("loaded") loading. */
  onLazyTable?: (name: string, state: "loading" | "loaded") => void;
}

/** Thrown by query() when its signal aborts. */
export class QueryCancelledError extends Error {
  constructor() {
    super("The query was cancelled.");
    this.name = "AbortError";
  }
}

/** Thrown by openDuckDB() with a reader-facing cause ("the server answered 404 for …"). */
export class DuckDBStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DuckDBStartError";
  }
}

/**
 * A User Timing mark per start-up stage ("duckdb:instantiated", …): the bench and devtools read where the
 * cold start goes (scripts/bench-duckdb.ts); a mark costs microseconds.
 */
export const MARK_PREFIX = "duckdb:";
function mark(stage: string): void {
  try {
    performance.mark(MARK_PREFIX + stage);
  } catch {
    // User Timing missing (very old browser, some test stubs): nothing to record
  }
}

/** Registers the CSV text as an in-memory file and reads it into its table. */
async function loadCsvTable(db: {registerFileText(name: string, text: string): Promise<void>}, conn: {query(sql: string): Promise<unknown>}, t: CsvTable): Promise<void> {
  const file = csvFileName(t.name);
  await db.registerFileText(file, t.csv);
  await conn.query(createTableSql(t, file));
}

/** Reads one start-up table into DuckDB; an Arrow stream goes over as a copy (the worker takes the bytes it is
 * sent, and a restart after a cancel reads the same table again). */
async function loadStartTable(db: AsyncDuckDB, conn: AsyncDuckDBConnection, t: StartTable): Promise<void> {
  if ("arrow" in t) await conn.insertArrowFromIPCStream(t.arrow.slice(), {name: t.name, create: true});
  else await loadCsvTable(db, conn, t);
}

/** Longest cell shown, from the size guard shared by all cells (at least 16 characters, at most 2000). */
export function cellBudget(columns: number, maxRows: number, maxChars: number): number {
  return Math.max(16, Math.min(2000, Math.floor(maxChars / Math.max(1, columns * (maxRows + 1)))));
}

const DEFAULT_MAX_CHARS = 4_000_000;
/** Time DuckDB gets to honour a cancel before its worker is replaced. */
const CANCEL_GRACE_MS = 1500;

interface Engine {
  db: AsyncDuckDB;
  conn: AsyncDuckDBConnection;
  worker: Worker;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Why the engine file could not run, found by asking the server about it (only after a failure). */
async function diagnoseStart(wasmUrl: string, cause: string): Promise<string> {
  const file = wasmUrl.split("/").pop()?.split("?")[0] ?? "the DuckDB engine";
  if (/Content.Security.Policy|unsafe-eval|Refused to compile/i.test(cause)) {
    return `DuckDB could not start: this site's Content-Security-Policy forbids WebAssembly (its script-src needs 'wasm-unsafe-eval'). Browser message: ${cause}`;
  }
  try {
    const response = await fetch(wasmUrl, {method: "HEAD", cache: "no-store"});
    if (!response.ok) return `DuckDB could not start: the engine file ${file} could not be downloaded (the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""}).`;
    const type = (response.headers.get("content-type") ?? "").split(";")[0].trim();
    if (type !== "application/wasm") {
      return `DuckDB could not start: the server sends ${file} as "${type || "no type"}", and browsers run WebAssembly only when it is served as application/wasm.`;
    }
  } catch (e) {
    return `DuckDB could not start: the engine file ${file} could not be downloaded (${message(e)}).`;
  }
  return `DuckDB could not start: ${cause}`;
}

/** The smallest WebAssembly module: compiling it fails exactly when the page's CSP forbids WebAssembly. */
const EMPTY_WASM = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

/**
 * Before starting the worker: may this page compile WebAssembly, and does the server send the engine file
 * with status 200 and type application/wasm? Returns the reader-facing problem, or null. A host that does
 * not answer HEAD requests (405/501) is not held against it.
 */
export async function preflight(wasmUrl: string): Promise<string | null> {
  try {
    await WebAssembly.compile(EMPTY_WASM);
  } catch (e) {
    return diagnoseStart(wasmUrl, message(e));
  }
  const file = wasmUrl.split("/").pop()?.split("?")[0] ?? "the DuckDB engine";
  let response: Response;
  try {
    response = await fetch(wasmUrl, {method: "HEAD"});
  } catch (e) {
    return `DuckDB could not start: the engine file ${file} could not be downloaded (${message(e)}).`;
  }
  if (response.status === 405 || response.status === 501) return null;
  if (!response.ok) return `DuckDB could not start: the engine file ${file} could not be downloaded (the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""}).`;
  const type = (response.headers.get("content-type") ?? "").split(";")[0].trim();
  if (type && type !== "application/wasm") {
    return `DuckDB could not start: the server sends ${file} as "${type}", and browsers run WebAssembly only when it is served as application/wasm.`;
  }
  return null;
}

/** wasm-feature-detect's exception-handling probe, which DuckDB's selectBundle uses to choose the "eh" build. */
const EH_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11]);

/**
 * Starts DuckDB's worker. An error thrown inside it (the wasm answered 404, has the wrong MIME type, or may not
 * be compiled) never answers DuckDB's pending request; `failed` catching it is what ends "Starting DuckDB…".
 */
function spawnWorker(url: string): {worker: Worker; failed: Promise<never>} {
  // a classic worker fails: Framework serves the worker file as an ES module
  const worker = new Worker(url, {type: "module"});
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      reject(new Error(event.message || "the DuckDB worker stopped"));
    });
  });
  failed.catch(() => {});
  return {worker, failed};
}

/** Rejects when `work` makes no progress for `ms` (progress() pushes the deadline back). */
function watchdog(ms: number, what: () => string): {promise: Promise<never>; progress(): void; stop(): void} {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let reject: (e: Error) => void = () => {};
  const promise = new Promise<never>((_, r) => (reject = r));
  promise.catch(() => {});
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => reject(new DuckDBStartError(`DuckDB could not start: nothing happened for ${Math.round(ms / 1000)} s while ${what()}.`)), ms);
  };
  arm();
  return {promise, progress: arm, stop: () => clearTimeout(timer)};
}

async function startEngine(tablesToLoad: StartTable[] | Promise<StartTable[]>, onStage: (stage: LoadStage) => void, options: OpenOptions): Promise<Engine> {
  let stage: LoadStage = "downloading";
  const report = (s: LoadStage) => {
    stage = s;
    onStage(s);
  };
  const dog = watchdog(options.stallTimeoutMs ?? 90_000, () => (stage === "downloading" ? "downloading DuckDB" : stage === "starting" ? "starting DuckDB" : "loading the tables"));
  let worker: Worker | undefined;
  let wasmUrl = "";
  mark("start");
  try {
    const bundles = {
      mvp: {
        mainModule: import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm"),
        mainWorker: import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js"),
      },
      eh: {
        mainModule: import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm"),
        mainWorker: import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js"),
      },
    };
    // The worker's script (750 kB) downloads and compiles while the page imports DuckDB's API and checks the
    // engine file: started on the bundle DuckDB will pick (the same probe as its selectBundle), replaced if not.
    const guess = WebAssembly.validate(EH_PROBE) ? bundles.eh : bundles.mvp;
    let spawned = spawnWorker(guess.mainWorker);
    worker = spawned.worker;
    const guessChecked = preflight(guess.mainModule);
    const duckdb = await Promise.race([import("@duckdb/duckdb-wasm"), dog.promise]);
    mark("imported");
    const bundle = await duckdb.selectBundle(bundles);
    mark(`bundle-${bundle.mainModule.includes("-eh.") ? "eh" : "mvp"}`);
    wasmUrl = bundle.mainModule;
    if (bundle.mainWorker !== guess.mainWorker) {
      spawned.worker.terminate();
      spawned = spawnWorker(bundle.mainWorker!);
      worker = spawned.worker;
    }
    // An error inside DuckDB's worker while it compiles the engine is never answered (the worker leaves the
    // rejection unhandled), so the usual causes are checked here first, and the watchdog catches the rest.
    const problem = await Promise.race([bundle.mainModule === guess.mainModule ? guessChecked : preflight(wasmUrl), dog.promise]);
    if (problem) throw new DuckDBStartError(problem);
    mark("preflight-done");
    const {worker: w, failed: workerFailed} = spawned;
    const step = <T>(p: Promise<T>) => Promise.race([p, workerFailed, dog.promise]);
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), w);
    report("starting");
    await step(db.instantiate(bundle.mainModule, bundle.pthreadWorker, () => dog.progress()));
    mark("instantiated");
    dog.progress();
    await step(db.open({query: {castDecimalToDouble: false, castBigIntToDouble: false, castTimestampToDate: false}}));
    mark("opened");
    const conn = await step(db.connect());
    // the tables were being fetched while the engine started (a failed fetch fails the start, with its cause)
    const tables = await step(Promise.resolve(tablesToLoad).catch((e: unknown) => {
      throw new DuckDBStartError(`DuckDB could not start: the tables could not be downloaded (${message(e)}).`);
    }));
    report("loading tables");
    dog.progress();
    for (const t of tables) {
      await step(loadStartTable(db, conn, t));
      mark(`table-${t.name}`);
    }
    // Once the tables are in, DuckDB may touch nothing outside this page: no extension downloads (they come
    // from another host) and no reads of URLs or files, whatever SQL a reader types — except the in-memory
    // files of the tables loaded on first use.
    await step(conn.query("SET autoinstall_known_extensions = false"));
    await step(conn.query("SET autoload_known_extensions = false"));
    const lazyFiles = (options.lazyTables ?? []).map((t) => `'${csvFileName(t.name)}'`);
    if (lazyFiles.length) await step(conn.query(`SET allowed_paths = [${lazyFiles.join(", ")}]`));
    await step(conn.query("SET enable_external_access = false"));
    mark("locked-down");
    return {db, conn, worker: w};
  } catch (e) {
    worker?.terminate();
    if (e instanceof DuckDBStartError) throw e;
    throw new DuckDBStartError(wasmUrl ? await diagnoseStart(wasmUrl, message(e)) : `DuckDB could not start: ${message(e)}`);
  } finally {
    dog.stop();
  }
}

// Arrow type ids (apache-arrow's Type enum; not imported so that this module loads nothing of DuckDB eagerly)
const ARROW_DECIMAL = 7, ARROW_DATE = 8, ARROW_TIMESTAMP = 10, ARROW_BINARY = 4, ARROW_LARGE_BINARY = 19, ARROW_FIXED_BINARY = 15;

function arrowKind(type: {typeId: number; scale?: number}): ArrowCellKind {
  switch (type.typeId) {
    case ARROW_DECIMAL: return {kind: "decimal", scale: type.scale ?? 0};
    case ARROW_DATE: return {kind: "date"};
    // apache-arrow hands timestamps over as epoch milliseconds whatever their unit
    case ARROW_TIMESTAMP: return {kind: "timestamp", unit: "ms"};
    case ARROW_BINARY: case ARROW_LARGE_BINARY: case ARROW_FIXED_BINARY: return {kind: "binary"};
    default: return {kind: "other"};
  }
}

interface Batch {
  numRows: number;
  numCols: number;
  getChildAt(i: number): {get(row: number): unknown} | null;
  schema?: {fields: unknown[]};
}

/**
 * Start DuckDB in a module worker and load the given CSV tables.
 * onStage reports progress so the page can show a loading state; a failure rejects with DuckDBStartError.
 * `tables` may still be on its way: the engine starts meanwhile and reads them in once both are there.
 */
export async function openDuckDB(tablesToLoad: StartTable[] | Promise<StartTable[]>, onStage: (stage: LoadStage) => void = () => {}, options: OpenOptions = {}): Promise<DuckClient> {
  // a rejected fetch is reported by startEngine; this copy only must not count as unhandled meanwhile
  const tablesPromise = Promise.resolve(tablesToLoad);
  tablesPromise.catch(() => {});
  let engine = startEngine(tablesPromise, onStage, options);
  await engine;
  const tables = await tablesPromise;
  onStage("ready");
  // tables loaded on first use: fetched once, read into DuckDB before the first query naming them, and read
  // again into a fresh worker after a restart
  const lazy = options.lazyTables ?? [];
  const loaded = new Map<string, StartTable>();
  const everyLoadedTable = () => [...tables, ...loaded.values()];
  async function loadReferenced(e: Engine, sql: string): Promise<void> {
    for (const name of referencedTables(sql, lazy.filter((t) => !loaded.has(t.name)).map((t) => t.name))) {
      const t = lazy.find((x) => x.name === name)!;
      options.onLazyTable?.(name, "loading");
      const table: CsvTable = {name, csv: await t.fetchCsv(), types: t.types};
      await loadCsvTable(e.db, e.conn, table);
      loaded.set(name, table);
      options.onLazyTable?.(name, "loaded");
    }
  }
  // one statement at a time on the one connection; a cancelled query's recovery is part of the chain
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work, work);
    chain = next.catch(() => {});
    return next;
  };

  /** After a cancel: ask DuckDB to stop; if the statement has not ended soon, replace the worker. */
  async function recover(running: Promise<unknown>, e: Engine): Promise<void> {
    const ended = running.then(() => true, () => true);
    void e.conn.cancelSent().catch(() => {});
    const stopped = await Promise.race([ended, new Promise<boolean>((done) => setTimeout(() => done(false), CANCEL_GRACE_MS))]);
    if (stopped) return;
    onStage("restarting");
    e.worker.terminate();
    engine = startEngine(everyLoadedTable(), onStage, options);
    await engine.then(() => onStage("ready"), () => {});
  }

  async function readWrapped(e: Engine, body: string, maxRows: number, maxChars: number, isCancelled: () => boolean): Promise<Omit<QueryResult, "elapsedMs"> | null> {
    let described: {name: string; type: string}[];
    try {
      const d = await e.conn.query(describeSql(body));
      described = d.toArray().map((r) => {
        const o = r.toJSON() as {column_name: unknown; column_type: unknown};
        return {name: String(o.column_name), type: String(o.column_type)};
      });
    } catch {
      return null; // not a single query: run it as typed
    }
    if (isCancelled()) throw new QueryCancelledError();
    const maxCellChars = cellBudget(described.length, maxRows, maxChars);
    const reader = await e.conn.send(displaySql(body, {maxRows, maxCellChars}), true);
    const n = described.length;
    const cells: (string | null)[][] = [];
    for await (const batch of reader as AsyncIterable<Batch>) {
      if (isCancelled()) throw new QueryCancelledError();
      for (let i = 0; i < batch.numRows; i++) {
        const row: (string | null)[] = [];
        for (let j = 0; j < n; j++) {
          const text = batch.getChildAt(j)?.get(i);
          const length = batch.getChildAt(n + j)?.get(i);
          row.push(cellText(text == null ? null : String(text), length == null ? null : Number(length), maxCellChars));
        }
        cells.push(row);
      }
    }
    const truncated = cells.length > maxRows ? "rows" : null;
    if (truncated) cells.length = maxRows;
    return {
      columns: described.map((c) => ({name: c.name, type: c.type, numeric: isNumericSqlType(c.type)})),
      rows: [], cells, truncated, maxRows, maxCellChars, printedBy: "duckdb",
    };
  }

  /** A statement that is not one query, streamed: rows are printed here until the row limit or size guard. */
  async function readStatement(e: Engine, sql: string, maxRows: number, maxChars: number, isCancelled: () => boolean): Promise<Omit<QueryResult, "elapsedMs">> {
    const reader = await e.conn.send(sql, true);
    // a statement without rows (SET, CREATE …) may send no batch: its columns come from the stream's schema
    const streamSchema = (reader as unknown as {schema?: {fields: unknown[]}}).schema;
    const cells: (string | null)[][] = [];
    let columns: QueryColumn[] = [];
    let kinds: ArrowCellKind[] = [];
    let chars = 0;
    let truncated: QueryResult["truncated"] = null;
    const maxCellChars = 2000;
    type Fields = {name: string; type: {typeId: number; scale?: number; toString(): string}}[];
    const useSchema = (fields: Fields) => {
      columns = fields.map((f) => ({name: f.name, type: String(f.type), numeric: /^(Int|Uint|Float|Decimal)/i.test(String(f.type))}));
      kinds = fields.map((f) => arrowKind(f.type));
    };
    let known = false;
    if (streamSchema?.fields?.length) {
      useSchema(streamSchema.fields as Fields);
      known = true;
    }
    outer: for await (const batch of reader as AsyncIterable<Batch>) {
      if (isCancelled()) throw new QueryCancelledError();
      if (!known && batch.schema) {
        useSchema(batch.schema.fields as Fields);
        known = true;
      }
      for (let i = 0; i < batch.numRows; i++) {
        if (cells.length === maxRows) { truncated = "rows"; break outer; }
        const row: (string | null)[] = [];
        for (let j = 0; j < columns.length; j++) {
          const full = arrowCellText(batch.getChildAt(j)?.get(i), kinds[j]);
          const shown = full != null && full.length > maxCellChars ? cellText(full.slice(0, maxCellChars), full.length, maxCellChars) : full;
          chars += shown?.length ?? 0;
          row.push(shown);
        }
        cells.push(row);
        if (chars > maxChars) { truncated = "bytes"; break outer; }
      }
    }
    // stop the rest of the stream inside DuckDB
    if (truncated) await e.conn.cancelSent().catch(() => {});
    return {columns, rows: [], cells, truncated, maxRows, maxCellChars, printedBy: "page"};
  }

  return {
    query(sql: string, opts: QueryOptions = {}): Promise<QueryResult> {
      const maxRows = Math.max(1, Math.floor(opts.maxRows ?? DEFAULT_LIMITS.maxRows));
      const maxChars = opts.maxChars ?? DEFAULT_MAX_CHARS;
      const signal = opts.signal;
      if (signal?.aborted) return Promise.reject(new QueryCancelledError());
      let cancelled = false;
      const isCancelled = () => cancelled;
      let current: Engine | undefined;
      const running = serial(async () => {
        const e = (current = await engine);
        if (cancelled) throw new QueryCancelledError();
        await loadReferenced(e, sql);
        if (cancelled) throw new QueryCancelledError();
        const started = performance.now();
        mark("query-start");
        const body = queryBody(sql);
        if (body == null) throw new Error("The query is empty: type a SELECT statement.");
        let result = await readWrapped(e, body, maxRows, maxChars, isCancelled).catch((err: unknown) => {
          if (err instanceof QueryCancelledError || cancelled) throw new QueryCancelledError();
          return null; // the wrapped query failed: run the reader's own text so the error quotes their SQL
        });
        if (cancelled) throw new QueryCancelledError();
        result ??= await readStatement(e, sql, maxRows, maxChars, isCancelled).catch((err: unknown) => {
          if (err instanceof QueryCancelledError || cancelled) throw new QueryCancelledError();
          throw new Error(readableDuckDbError(message(err)));
        });
        mark("query-end");
        const rows = result.cells.map((r) => Object.fromEntries(result!.columns.map((c, j) => [c.name, r[j]])));
        return {...result, rows, elapsedMs: performance.now() - started};
      });
      if (!signal) return running;
      return new Promise<QueryResult>((resolve, reject) => {
        const onAbort = () => {
          cancelled = true;
          reject(new QueryCancelledError());
          // recovery starts now (the cancelled statement may never end); later statements wait for it alone
          if (current) chain = recover(running, current).catch(() => {});
        };
        signal.addEventListener("abort", onAbort, {once: true});
        running.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
      });
    },
    exec(sql: string): Promise<void> {
      return serial(async () => {
        await (await engine).conn.query(sql);
      });
    },
    tables(): Promise<string[]> {
      return serial(async () => {
        const r = await (await engine).conn.query("SELECT table_name FROM information_schema.tables ORDER BY table_name");
        const present = r.toArray().map((x) => String(x.toJSON().table_name));
        // the tables loaded on first use count as there: a query naming them finds them
        return [...new Set([...present, ...lazy.map((t) => t.name)])].sort();
      });
    },
    async close(): Promise<void> {
      const e = await engine;
      await e.conn.close().catch(() => {});
      await e.db.terminate();
      e.worker.terminate();
    },
  };
}
