// The message protocol of the toys' worker pool (src/lib/toy/pool-worker.ts), shared by the workers and the
// pages, and what a model must provide to run on it (pure types and constants: importing a worker module
// itself would install its message handler). The strategy toy (src/lib/toy/pool-model.ts) and the token toy
// (src/lib/toy/tokens/pool-model.ts) are the two models.
import type { EnsembleResult } from "./ensemble.js";

export interface RunRequest { type: "run"; id: number; a: unknown; b?: unknown; seeds: number; partialMs?: number; workers?: number; options?: unknown }
export interface CancelRequest { type: "cancel"; id?: number }
/** Coordinator → page. `S` is the model's summary (the strategy toy's EnsembleResult by default). */
export type WorkerReply<S = EnsembleResult> =
  | {
    type: "partial" | "done"; id: number; result: S; completed: number; total: number;
    /** seeds completed plus the running seed's fraction, when the run can tell (one worker) */
    progress?: number;
    elapsedMs: number; workers?: number; perWorker?: number[];
  }
  | { type: "cancelled"; id: number; stopped?: number }
  | { type: "error"; id: number; message: string };

/** Coordinator → seed worker (configurations already resolved). */
export interface SeedsRequest { type: "seeds"; id: number; a: unknown; b?: unknown; indices: number[] }
/** Coordinator → seed worker: drop every chunk of run `id` and confirm with "stopped". */
export interface SeedCancelRequest { type: "seed-cancel"; id: number }
/** Seed worker → coordinator. */
export type SeedReply =
  | { type: "seed"; id: number; index: number; result: unknown }
  | { type: "chunk-done"; id: number }
  | { type: "stopped"; id: number }
  | { type: "error"; id: number; message: string };

/** Largest pool the coordinator starts, whatever the machine reports. */
export const MAX_POOL = 8;

/** Seeds gathered in any order into a summary that equals the sequential one bit for bit once all are in. */
export interface PoolMerger<R, S> {
  ingest(index: number, seedResult: R): void;
  result(): S;
  /** a cheaper summary for drawing while the run streams (default: result()) */
  partial?(): S;
  readonly completed: number;
  readonly total: number;
  readonly done: boolean;
}

export interface PoolStreamOptions<S> {
  signal: AbortSignal;
  partialMs: number;
  onPartial: (summary: S, completed: number, total: number, progress: number) => void;
}

/**
 * A model the pool can run: C its resolved configuration, R one seed's result, S the summary the page draws.
 * `runSeed` must depend only on (configs, index) so any worker can run any seed.
 */
export interface PoolModel<C, R, S> {
  /** a configuration from overrides (throws ToyConfigError when invalid) */
  resolve(overrides: unknown): C;
  runSeed(a: C, index: number, b: C | undefined): R;
  transferables(r: R): ArrayBuffer[];
  /** `options`: the run request's model-specific options (e.g. which metrics to summarise) */
  merger(a: C, seeds: number, b: C | undefined, options: unknown): PoolMerger<R, S>;
  /** the whole run in one thread, streaming partial summaries; rejects with an AbortError when cancelled */
  stream(a: C, seeds: number, b: C | undefined, options: unknown, o: PoolStreamOptions<S>): Promise<unknown>;
}
