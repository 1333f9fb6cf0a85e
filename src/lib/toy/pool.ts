// The message protocol of the toy's worker pool (src/lib/toy/worker.ts), shared by the worker and the page
// (pure types and constants: importing the worker module itself would install its message handler).
import type { EnsembleResult, SeedRows } from "./ensemble.js";
import type { ToyConfig } from "./config.js";

export interface RunRequest { type: "run"; id: number; a: unknown; b?: unknown; seeds: number; partialMs?: number; workers?: number }
export interface CancelRequest { type: "cancel"; id?: number }
export type WorkerReply =
  | { type: "partial" | "done"; id: number; result: EnsembleResult; completed: number; total: number; elapsedMs: number; workers?: number; perWorker?: number[] }
  | { type: "cancelled"; id: number; stopped?: number }
  | { type: "error"; id: number; message: string };

/** Coordinator → seed worker. */
export interface SeedsRequest { type: "seeds"; id: number; a: ToyConfig; b?: ToyConfig; indices: number[] }
/** Coordinator → seed worker: drop every chunk of run `id` and confirm with "stopped". */
export interface SeedCancelRequest { type: "seed-cancel"; id: number }
/** Seed worker → coordinator. */
export type SeedReply =
  | { type: "seed"; id: number; index: number; a: SeedRows; b?: SeedRows }
  | { type: "chunk-done"; id: number }
  | { type: "stopped"; id: number }
  | { type: "error"; id: number; message: string };

/** Largest pool the coordinator starts, whatever the machine reports. */
export const MAX_POOL = 8;

