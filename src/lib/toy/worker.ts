// Web Worker running toy-model ensembles off the main thread. Bundled by src/data/toy-worker.js.ts.
// One bundle, two roles:
// - the coordinator (started by the page) receives runs, summarises, and streams partial results. With
//   `workers: n > 1` it starts a pool of n seed workers (this same script) and hands them seed indices in
//   small chunks; their rows are merged with EnsembleRunner.ingest, which makes the pooled result equal the
//   sequential one bit for bit (test/unit/toy-ensemble.test.ts, test/e2e/toy.test.ts). Without `workers`
//   (or with 1) it runs every seed itself.
// - a seed worker receives {type: "seeds"} chunks and answers one {type: "seed"} message per seed.
// Summaries (quantiles over seeds) stay in the coordinator, so the page's main thread only draws.
//
// Page → coordinator: {type: "run", id, a, b?, seeds, partialMs?, workers?} (configs as overrides);
//   {type: "cancel", id?}. A new "run" cancels the previous one.
// Coordinator → page: {type: "partial" | "done", id, result, completed, total, elapsedMs, workers, perWorker},
//   {type: "cancelled", id, stopped} (sent once every seed worker has confirmed it stopped),
//   {type: "error", id, message}.
import { EnsembleRunner, resolveConfig, runEnsembleStreaming, runSeedRows, ToyConfigError } from "./index.js";
import { MAX_POOL, type CancelRequest, type RunRequest, type SeedCancelRequest, type SeedReply, type SeedsRequest, type WorkerReply } from "./pool.js";

export type { CancelRequest, RunRequest, SeedCancelRequest, SeedReply, SeedsRequest, WorkerReply } from "./pool.js";

interface WorkerScope {
  onmessage: ((ev: MessageEvent) => void) | null;
  postMessage(msg: unknown, transfer?: Transferable[]): void;
  location?: { href: string };
}
const scope = globalThis as unknown as WorkerScope;
const now = () => performance.now();
const messageOf = (e: unknown) => (e instanceof ToyConfigError ? e.problems.join("; ") : e instanceof Error ? e.message : String(e));

// A turn of the event loop without setTimeout's 4 ms clamp, so cancel messages are read between seeds.
function yieldTurn(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => { ch.port1.close(); resolve(); };
    ch.port2.postMessage(null);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Seed worker role

const seedQueue: SeedsRequest[] = [];
let seedBusy = false;
let seedCancelledUpTo = 0;

async function drainSeeds(): Promise<void> {
  if (seedBusy) return;
  seedBusy = true;
  let lastYield = now();
  try {
    while (seedQueue.length) {
      const chunk = seedQueue.shift()!;
      if (chunk.id <= seedCancelledUpTo) continue;
      for (const index of chunk.indices) {
        if (chunk.id <= seedCancelledUpTo) break;
        try {
          const r = runSeedRows(chunk.a, index, chunk.b);
          const transfer: Transferable[] = [r.a.rows.buffer as ArrayBuffer];
          if (r.b) transfer.push(r.b.rows.buffer as ArrayBuffer);
          scope.postMessage({ type: "seed", id: chunk.id, index, a: r.a, b: r.b } satisfies SeedReply, transfer);
        } catch (e) {
          scope.postMessage({ type: "error", id: chunk.id, message: messageOf(e) } satisfies SeedReply);
          seedCancelledUpTo = Math.max(seedCancelledUpTo, chunk.id);
          break;
        }
        if (now() - lastYield > 15) { await yieldTurn(); lastYield = now(); }
      }
      if (chunk.id > seedCancelledUpTo) scope.postMessage({ type: "chunk-done", id: chunk.id } satisfies SeedReply);
    }
  } finally {
    seedBusy = false;
  }
}

function seedWorkerCancel(id: number): void {
  seedCancelledUpTo = Math.max(seedCancelledUpTo, id);
  for (let i = seedQueue.length - 1; i >= 0; i--) if (seedQueue[i].id <= id) seedQueue.splice(i, 1);
  // the loop checks the mark before every seed; once it has returned to the event loop it has stopped
  const ack = () => scope.postMessage({ type: "stopped", id } satisfies SeedReply);
  if (!seedBusy) ack();
  else void (async () => { while (seedBusy) await yieldTurn(); ack(); })();
}

// ---------------------------------------------------------------------------------------------------------
// Coordinator role

interface PoolWorker { worker: Worker; outstanding: number; done: number }
let pool: PoolWorker[] = [];
let current: { id: number; ac: AbortController; cancel?: () => void } | null = null;

function ensurePool(n: number): PoolWorker[] {
  const url = scope.location?.href;
  if (!url || typeof Worker === "undefined") throw new Error("this browser cannot start workers from a worker");
  while (pool.length < n) pool.push({ worker: new Worker(url, { type: "module" }), outstanding: 0, done: 0 });
  return pool.slice(0, n);
}

function reply(msg: WorkerReply): void {
  scope.postMessage(msg);
}

async function runSingleWorker(req: RunRequest, mine: { id: number; ac: AbortController }): Promise<void> {
  const t0 = now();
  const a = resolveConfig(req.a);
  const b = req.b === undefined ? undefined : resolveConfig(req.b);
  await runEnsembleStreaming(a, req.seeds, b, {
    signal: mine.ac.signal,
    partialMs: req.partialMs ?? 120,
    onPartial: (result, completed, total) => reply({ type: completed === total ? "done" : "partial", id: req.id, result, completed, total, elapsedMs: now() - t0, workers: 1, perWorker: [completed] }),
  });
}

function runPooled(req: RunRequest, n: number, mine: { id: number; ac: AbortController; cancel?: () => void }): Promise<void> {
  const t0 = now();
  const a = resolveConfig(req.a);
  const b = req.b === undefined ? undefined : resolveConfig(req.b);
  const runner = new EnsembleRunner(a, req.seeds, b);
  const workers = ensurePool(n);
  const total = runner.seeds.length;
  // small chunks balance the load and let partial results arrive early; two in flight keep a worker busy
  const chunk = Math.max(1, Math.min(8, Math.ceil(total / (n * 6))));
  let next = 0;
  const perWorker = workers.map(() => 0);
  const partialMs = req.partialMs ?? 120;
  let lastPartial = 0, summaryMs = 0, firstSent = false;
  return new Promise<void>((resolve, reject) => {
    let finished = false;
    const detach = () => { for (const w of workers) w.worker.onmessage = w.worker.onerror = null; };
    const send = (w: PoolWorker) => {
      if (next >= total) return;
      const indices: number[] = [];
      for (let i = 0; i < chunk && next < total; i++) indices.push(next++);
      w.outstanding++;
      w.worker.postMessage({ type: "seeds", id: req.id, a, b, indices } satisfies SeedsRequest);
    };
    const fail = (message: string) => {
      if (finished) return;
      finished = true;
      for (const w of workers) { w.worker.postMessage({ type: "seed-cancel", id: req.id } satisfies SeedCancelRequest); w.outstanding = 0; }
      detach();
      reject(new Error(message));
    };
    mine.cancel = () => {
      if (finished) return;
      finished = true;
      // every seed worker stops and confirms; only then is the run reported as cancelled
      let waiting = workers.length;
      for (const w of workers) {
        w.worker.onmessage = (ev: MessageEvent<SeedReply>) => {
          if (ev.data.type === "stopped" && ev.data.id === req.id && --waiting === 0) {
            for (const x of workers) x.outstanding = 0;
            detach();
            reply({ type: "cancelled", id: req.id, stopped: workers.length });
            resolve();
          }
        };
        w.worker.postMessage({ type: "seed-cancel", id: req.id } satisfies SeedCancelRequest);
      }
    };
    workers.forEach((w, wi) => {
      w.worker.onerror = (ev) => { ev.preventDefault(); pool = pool.filter((p) => p !== w); w.worker.terminate(); fail("a seed worker failed to start or crashed"); };
      w.worker.onmessage = (ev: MessageEvent<SeedReply>) => {
        const msg = ev.data;
        if (finished || msg.id !== req.id) return;
        if (msg.type === "error") return fail(msg.message);
        if (msg.type === "chunk-done") { w.outstanding--; send(w); return; }
        if (msg.type !== "seed") return;
        runner.ingest(msg.index, msg.a, msg.b);
        perWorker[wi]++;
        if (runner.done) {
          finished = true;
          detach();
          reply({ type: "done", id: req.id, result: runner.result(), completed: total, total, elapsedMs: now() - t0, workers: n, perWorker: perWorker.slice() });
          resolve();
          return;
        }
        // first partial as early as possible, then every partialMs, never spending over ~20% on summaries
        if (!firstSent || now() - lastPartial >= Math.max(partialMs, 4 * summaryMs)) {
          const s0 = now();
          const result = runner.result();
          summaryMs = now() - s0;
          reply({ type: "partial", id: req.id, result, completed: runner.completed, total, elapsedMs: now() - t0, workers: n, perWorker: perWorker.slice() });
          lastPartial = now();
          firstSent = true;
        }
      };
      send(w);
      send(w);
    });
  });
}

async function run(req: RunRequest): Promise<void> {
  cancelCurrent();
  const mine: { id: number; ac: AbortController; cancel?: () => void } = { id: req.id, ac: new AbortController() };
  current = mine;
  const n = Math.max(1, Math.min(MAX_POOL, Math.floor(req.workers ?? 1)));
  try {
    if (n === 1) await runSingleWorker(req, mine);
    else await runPooled(req, n, mine);
  } catch (e) {
    if ((e as Error).name === "AbortError") reply({ type: "cancelled", id: req.id, stopped: 1 });
    else reply({ type: "error", id: req.id, message: messageOf(e) });
  } finally {
    if (current === mine) current = null;
  }
}

function cancelCurrent(id?: number): void {
  if (!current || (id !== undefined && id !== current.id)) return;
  current.ac.abort();
  current.cancel?.();
}

scope.onmessage = (ev: MessageEvent) => {
  const msg = ev.data as RunRequest | CancelRequest | SeedsRequest | SeedCancelRequest;
  if (msg.type === "seeds") { seedQueue.push(msg); void drainSeeds(); return; }
  if (msg.type === "cancel") {
    cancelCurrent(msg.id);
    return;
  }
  if (msg.type === "seed-cancel") { seedWorkerCancel(msg.id); return; }
  if (msg.type === "run") void run(msg);
};
