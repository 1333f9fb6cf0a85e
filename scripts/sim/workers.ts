// A pool of Node worker threads that runs an ensemble's seeds in parallel. Seeds go out in small ranges to
// whichever thread is free; results come back in any order and the caller ingests them by seed index, so
// the summary is the one a single thread gives, bit for bit (src/lib/toy/ensemble.ts, EnsembleRunner.ingest).
// A pool of size N is N − 1 worker threads plus the main thread, which runs ranges too: it starts at once
// while the workers are still loading (about a second each), so a pool costs little on small runs.
import { Worker } from "node:worker_threads";
import type { SimModel } from "./model.js";
import type { RunMessage, WorkerReply } from "./worker.js";

const BOOT = new URL("./worker-boot.mjs", import.meta.url);
const ENTRY = new URL("./worker.ts", import.meta.url).href;

interface Job {
  ranges: [number, number][];
  running: number;
  onResult: (index: number, result: unknown) => void;
  resolve: () => void;
  reject: (e: Error) => void;
  message: Omit<RunMessage, "start" | "end">;
  failed: boolean;
}

export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private job: Job | null = null;

  constructor(readonly size: number) {}

  private spawn(): Worker {
    const w = new Worker(BOOT, { workerData: { entry: ENTRY } });
    w.on("message", (m: WorkerReply) => this.onMessage(w, m));
    w.on("error", (e) => this.fail(new Error(`a worker thread failed: ${e.message}`)));
    w.on("exit", (code) => {
      if (this.workers.includes(w) && code !== 0) this.fail(new Error(`a worker thread exited with code ${code}`));
    });
    this.workers.push(w);
    return w;
  }

  private onMessage(w: Worker, m: WorkerReply): void {
    if (m.type === "ready") {
      // loaded: from now on it takes ranges (until then the main thread and the other workers do)
      this.idle.push(w);
      if (this.job && !this.job.failed) this.dispatch();
      return;
    }
    const job = this.job;
    if (!job || job.failed) return;
    if (m.type === "seed") {
      try { job.onResult(m.index, m.result); } catch (e) { this.fail(e as Error); }
    } else if (m.type === "error") this.fail(new Error(m.message));
    else {
      job.running--;
      this.idle.push(w);
      this.dispatch();
    }
  }

  private fail(e: Error): void {
    const job = this.job;
    if (!job || job.failed) return;
    job.failed = true;
    this.job = null;
    job.reject(e);
  }

  private dispatch(): void {
    const job = this.job;
    if (!job) return;
    while (job.ranges.length && this.idle.length) {
      const [start, end] = job.ranges.shift()!;
      job.running++;
      this.idle.pop()!.postMessage({ ...job.message, start, end } satisfies RunMessage);
    }
    if (!job.ranges.length && job.running === 0) {
      this.job = null;
      job.resolve();
    }
  }

  /** Runs seeds 0 … seeds−1 of (a, b) on the pool, calling onResult(index, result) for each as it arrives. */
  run<C, R>(model: SimModel<C, R>, a: C, b: C | null, seeds: number, onResult: (index: number, result: R) => void): Promise<void> {
    if (this.job) return Promise.reject(new Error("the worker pool is already running an ensemble"));
    while (this.workers.length < Math.min(this.size - 1, seeds - 1)) this.spawn();
    // about four ranges per thread: small enough to balance uneven seeds, large enough to keep messages few
    const chunk = Math.max(1, Math.ceil(seeds / ((this.workers.length + 1) * 4)));
    const ranges: [number, number][] = [];
    for (let s = 0; s < seeds; s += chunk) ranges.push([s, Math.min(seeds, s + chunk)]);
    return new Promise<void>((resolve, reject) => {
      this.job = {
        ranges, running: 0, resolve, reject, failed: false,
        onResult: onResult as (index: number, result: unknown) => void,
        message: { type: "run", model: model.id, a, b },
      };
      this.dispatch();
      void this.runOnMainThread(model, a, b);
    });
  }

  /** The main thread's share: takes ranges like a worker, yielding between them so replies are handled. */
  private async runOnMainThread<C, R>(model: SimModel<C, R>, a: C, b: C | null): Promise<void> {
    const job = this.job;
    while (job && !job.failed && job.ranges.length) {
      const [start, end] = job.ranges.shift()!;
      job.running++;
      try {
        for (let i = start; i < end; i++) job.onResult(i, model.runSeed(a, i, b));
      } catch (e) {
        return this.fail(e as Error);
      }
      job.running--;
      await new Promise((r) => setImmediate(r));
    }
    if (job && this.job === job && !job.ranges.length && job.running === 0) {
      this.job = null;
      job.resolve();
    }
  }

  /** Stops every worker thread (also the ones still running a failed job's seeds). */
  async close(): Promise<void> {
    const all = this.workers.splice(0);
    this.idle.length = 0;
    await Promise.all(all.map((w) => w.terminate()));
  }
}
