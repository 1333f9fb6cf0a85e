// The page's side of the toys' worker pool: one coordinator worker (src/lib/toy/pool-worker.ts) that starts
// `size` seed workers, merges their seeds exactly and streams summaries back. The main thread only sends
// settings and draws what comes back. Without Worker support, runs stream on the page instead, with the
// same model (src/lib/toy/pool-model.ts, src/lib/toy/tokens/pool-model.ts). Used by /toy and /toy-tokens.
import { toyPoolModel } from "../../lib/toy/pool-model.js";
import { MAX_POOL, type PoolModel, type WorkerReply } from "../../lib/toy/pool.js";
import type { EnsembleResult } from "../../lib/toy/ensemble.js";

/** Seed workers to start: the machine's logical cores (navigator.hardwareConcurrency), at most MAX_POOL. */
export function defaultPoolSize(): number {
  const hc = typeof navigator !== "undefined" && Number.isInteger(navigator.hardwareConcurrency) ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(MAX_POOL, hc));
}

/** `?workers=N` (1 … MAX_POOL) in a page's query fixes the pool size (tests, the bench); null otherwise. */
export function forcedPoolSize(search: string): number | null {
  const v = new URLSearchParams(search).get("workers");
  return v !== null && /^[1-9]$/.test(v) && Number(v) <= MAX_POOL ? Number(v) : null;
}

export class PoolClient<S = EnsembleResult> {
  private worker: Worker | null = null;
  private nextId = 1;
  private current = 0;
  private fallback: AbortController | null = null;
  /**
   * @param size seed workers per run (1: the coordinator runs every seed itself)
   * @param model the model the worker runs, used on the page when workers are unavailable
   * @param partialMs partial summaries at most this often (after the first, which comes as soon as a seed is in)
   */
  constructor(workerUrl: string | null, readonly size: number, private readonly onReply: (r: WorkerReply<S>) => void,
    private readonly model: PoolModel<any, any, S> = toyPoolModel as unknown as PoolModel<any, any, S>, private readonly partialMs = 100) {
    if (workerUrl && typeof Worker !== "undefined") {
      try {
        this.worker = new Worker(workerUrl, { type: "module" });
        this.worker.onmessage = (ev: MessageEvent<WorkerReply<S>>) => { if (ev.data.id === this.current) this.onReply(ev.data); };
        this.worker.onerror = (ev) => {
          ev.preventDefault();
          this.worker?.terminate();
          this.worker = null;
          this.onReply({ type: "error", id: this.current, message: "the background worker failed; runs continue on the page" });
        };
      } catch { this.worker = null; }
    }
  }
  get usesWorker(): boolean { return this.worker !== null; }
  /** Starts a run (cancelling the previous one); replies for older runs are dropped. `options` go to the model. */
  run(a: unknown, b: unknown, seeds: number, options?: unknown): number {
    this.cancel();
    const id = (this.current = this.nextId++);
    if (this.worker) {
      this.worker.postMessage({ type: "run", id, a, b, seeds, partialMs: this.partialMs, workers: this.size, options });
    } else {
      const ac = (this.fallback = new AbortController());
      const t0 = performance.now();
      const m = this.model;
      Promise.resolve().then(() => m.stream(m.resolve(a), seeds, b === undefined ? undefined : m.resolve(b), options, {
        signal: ac.signal, partialMs: this.partialMs,
        onPartial: (result, completed, total, progress) => { if (id === this.current) this.onReply({ type: completed === total ? "done" : "partial", id, result, completed, total, progress, elapsedMs: performance.now() - t0, workers: 0, perWorker: [completed] }); },
      })).catch((e: Error) => { if (id === this.current) this.onReply(e.name === "AbortError" ? { type: "cancelled", id, stopped: 0 } : { type: "error", id, message: e.message }); });
    }
    return id;
  }
  /** Cancels the current run; its "cancelled" reply comes once every seed worker has stopped. */
  cancel(): void {
    if (this.worker) this.worker.postMessage({ type: "cancel", id: this.current });
    this.fallback?.abort();
  }
}
