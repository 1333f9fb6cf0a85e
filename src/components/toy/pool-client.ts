// The page's side of the toy's worker pool: one coordinator worker (src/lib/toy/worker.ts) that starts
// `size` seed workers, merges their seeds exactly and streams summaries back. The main thread only sends
// settings and draws what comes back. Without Worker support, runs stream on the page instead.
import { runEnsembleStreaming, type ToyConfig } from "../../lib/toy/index.js";
import { MAX_POOL, type WorkerReply } from "../../lib/toy/pool.js";

/** Seed workers to start: the machine's logical cores (navigator.hardwareConcurrency), at most MAX_POOL. */
export function defaultPoolSize(): number {
  const hc = typeof navigator !== "undefined" && Number.isInteger(navigator.hardwareConcurrency) ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(MAX_POOL, hc));
}

export class PoolClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private current = 0;
  private fallback: AbortController | null = null;
  /** @param size seed workers per run (1: the coordinator runs every seed itself) */
  constructor(workerUrl: string | null, readonly size: number, private readonly onReply: (r: WorkerReply) => void) {
    if (workerUrl && typeof Worker !== "undefined") {
      try {
        this.worker = new Worker(workerUrl, { type: "module" });
        this.worker.onmessage = (ev: MessageEvent<WorkerReply>) => { if (ev.data.id === this.current) this.onReply(ev.data); };
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
  /** Starts a run (cancelling the previous one); replies for older runs are dropped. */
  run(a: ToyConfig, b: ToyConfig, seeds: number): number {
    this.cancel();
    const id = (this.current = this.nextId++);
    if (this.worker) {
      this.worker.postMessage({ type: "run", id, a, b, seeds, partialMs: 100, workers: this.size });
    } else {
      const ac = (this.fallback = new AbortController());
      const t0 = performance.now();
      runEnsembleStreaming(a, seeds, b, {
        signal: ac.signal, partialMs: 100,
        onPartial: (result, completed, total) => { if (id === this.current) this.onReply({ type: completed === total ? "done" : "partial", id, result, completed, total, elapsedMs: performance.now() - t0, workers: 0, perWorker: [completed] }); },
      }).catch((e: Error) => { if (id === this.current) this.onReply(e.name === "AbortError" ? { type: "cancelled", id, stopped: 0 } : { type: "error", id, message: e.message }); });
    }
    return id;
  }
  /** Cancels the current run; its "cancelled" reply comes once every seed worker has stopped. */
  cancel(): void {
    if (this.worker) this.worker.postMessage({ type: "cancel", id: this.current });
    this.fallback?.abort();
  }
}
