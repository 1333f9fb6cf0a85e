// The toys' worker pool, inside a Web Worker: `installPoolWorker(model)` makes this script both roles.
// - The coordinator (started by the page) receives runs, summarises, and streams partial results. With
//   `workers: n > 1` it starts a pool of n seed workers (this same script) and hands them seed indices in
//   small chunks; their results are merged by the model's merger, which makes the pooled result equal the
//   sequential one bit for bit (test/unit/toy-ensemble.test.ts, test/unit/toy-tokens-pool.test.ts, and the
//   pages' e2e tests). Without `workers` (or with 1) it runs every seed itself, streaming.
// - A seed worker receives {type: "seeds"} chunks and answers one {type: "seed"} message per seed.
// Summaries stay in the coordinator, so the page's main thread only draws.
//
// Page → coordinator: {type: "run", id, a, b?, seeds, partialMs?, workers?, options?} (configs as
//   overrides); {type: "cancel", id?}. A new "run" cancels the previous one.
// Coordinator → page: {type: "partial" | "done", id, result, completed, total, progress?, elapsedMs, workers,
//   perWorker}, {type: "cancelled", id, stopped} (sent once every seed worker has confirmed it stopped),
//   {type: "error", id, message}.
import { ToyConfigError } from "./config.js";
import { yieldTurn } from "./yield-turn.js";
import { MAX_POOL, type CancelRequest, type PoolModel, type RunRequest, type SeedCancelRequest, type SeedReply, type SeedsRequest, type WorkerReply } from "./pool.js";

interface WorkerScope {
  onmessage: ((ev: MessageEvent) => void) | null;
  postMessage(msg: unknown, transfer?: Transferable[]): void;
  location?: { href: string };
}
const now = () => performance.now();
const messageOf = (e: unknown) => (e instanceof ToyConfigError ? e.problems.join("; ") : e instanceof Error ? e.message : String(e));

export interface PoolWorkerOptions {
  /** other messages this worker understands (e.g. the token toy's sign-rule map); true when handled */
  onMessage?: (msg: { type: string }) => boolean;
}

export function installPoolWorker<C, R, S>(model: PoolModel<C, R, S>, opts: PoolWorkerOptions = {}): void {
  const scope = globalThis as unknown as WorkerScope;

  // -------------------------------------------------------------------------------------------------------
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
            const result = model.runSeed(chunk.a as C, index, chunk.b as C | undefined);
            scope.postMessage({ type: "seed", id: chunk.id, index, result } satisfies SeedReply, model.transferables(result));
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

  // -------------------------------------------------------------------------------------------------------
  // Coordinator role

  interface PoolWorker { worker: Worker; outstanding: number }
  type Current = { id: number; ac: AbortController; cancel?: () => void };
  let pool: PoolWorker[] = [];
  let current: Current | null = null;

  function ensurePool(n: number): PoolWorker[] {
    const url = scope.location?.href;
    if (!url || typeof Worker === "undefined") throw new Error("this browser cannot start workers from a worker");
    while (pool.length < n) pool.push({ worker: new Worker(url, { type: "module" }), outstanding: 0 });
    return pool.slice(0, n);
  }

  const reply = (msg: WorkerReply<S>) => scope.postMessage(msg);

  async function runSingleWorker(req: RunRequest, mine: Current): Promise<void> {
    const t0 = now();
    const a = model.resolve(req.a);
    const b = req.b === undefined ? undefined : model.resolve(req.b);
    let doneSent = false;
    await model.stream(a, req.seeds, b, req.options, {
      signal: mine.ac.signal,
      partialMs: req.partialMs ?? 120,
      onPartial: (result, completed, total, progress) => {
        const type = completed === total ? "done" : "partial";
        if (type === "done") { if (doneSent) return; doneSent = true; }
        reply({ type, id: req.id, result, completed, total, progress, elapsedMs: now() - t0, workers: 1, perWorker: [completed] });
      },
    });
  }

  function runPooled(req: RunRequest, n: number, mine: Current): Promise<void> {
    const t0 = now();
    const a = model.resolve(req.a);
    const b = req.b === undefined ? undefined : model.resolve(req.b);
    const merger = model.merger(a, req.seeds, b, req.options);
    const workers = ensurePool(n);
    const total = merger.total;
    // guided chunks: about a quarter of each worker's share of what is left, at most 8 seeds, so the first
    // seeds arrive early and the last chunks are single seeds (no worker idles while another still has a
    // long chunk queued); two in flight keep a worker busy between chunks
    const chunkSize = () => Math.max(1, Math.min(8, Math.ceil((total - next) / (n * 4))));
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
        for (let i = 0, size = chunkSize(); i < size && next < total; i++) indices.push(next++);
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
          try { merger.ingest(msg.index, msg.result as R); } catch (e) { return fail(messageOf(e)); }
          perWorker[wi]++;
          if (merger.done) {
            finished = true;
            detach();
            reply({ type: "done", id: req.id, result: merger.result(), completed: total, total, progress: total, elapsedMs: now() - t0, workers: n, perWorker: perWorker.slice() });
            resolve();
            return;
          }
          // first partial as early as possible, then every partialMs, never spending over ~20% on summaries
          if (!firstSent || now() - lastPartial >= Math.max(partialMs, 4 * summaryMs)) {
            const s0 = now();
            const result = merger.partial?.() ?? merger.result();
            summaryMs = now() - s0;
            reply({ type: "partial", id: req.id, result, completed: merger.completed, total, progress: merger.completed, elapsedMs: now() - t0, workers: n, perWorker: perWorker.slice() });
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
    const mine: Current = { id: req.id, ac: new AbortController() };
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
    if (opts.onMessage?.(msg)) return;
    if (msg.type === "seeds") { seedQueue.push(msg); void drainSeeds(); return; }
    if (msg.type === "cancel") { cancelCurrent(msg.id); return; }
    if (msg.type === "seed-cancel") { seedWorkerCancel(msg.id); return; }
    if (msg.type === "run") void run(msg);
  };
}
