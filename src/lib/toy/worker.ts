// Web Worker running toy-model ensembles off the main thread. Bundled by src/data/toy-worker.js.ts.
// Protocol (main → worker): {type: "run", id, a, b?, seeds} with config overrides; {type: "cancel", id}.
// Worker → main: {type: "partial" | "done", id, result, completed, total, elapsedMs}, {type: "cancelled", id},
// {type: "error", id, message}. A new "run" cancels the previous one (stale-run cancellation).
import { resolveConfig, runEnsembleStreaming, ToyConfigError, type EnsembleResult } from "./index.js";

export interface RunRequest { type: "run"; id: number; a: unknown; b?: unknown; seeds: number; partialMs?: number }
export interface CancelRequest { type: "cancel"; id?: number }
export type WorkerReply =
  | { type: "partial" | "done"; id: number; result: EnsembleResult; completed: number; total: number; elapsedMs: number }
  | { type: "cancelled"; id: number }
  | { type: "error"; id: number; message: string };

interface WorkerScope { onmessage: ((ev: MessageEvent) => void) | null; postMessage(msg: unknown): void }
const scope = globalThis as unknown as WorkerScope;

let current: { id: number; ac: AbortController } | null = null;

async function run(req: RunRequest): Promise<void> {
  current?.ac.abort();
  const mine = { id: req.id, ac: new AbortController() };
  current = mine;
  const t0 = performance.now();
  try {
    const a = resolveConfig(req.a);
    const b = req.b === undefined ? undefined : resolveConfig(req.b);
    await runEnsembleStreaming(a, req.seeds, b, {
      signal: mine.ac.signal,
      partialMs: req.partialMs ?? 120,
      onPartial: (result, completed, total) => {
        const reply: WorkerReply = { type: completed === total ? "done" : "partial", id: req.id, result, completed, total, elapsedMs: performance.now() - t0 };
        scope.postMessage(reply);
      },
    });
  } catch (e) {
    const err = e as Error;
    if (err.name === "AbortError") scope.postMessage({ type: "cancelled", id: req.id } satisfies WorkerReply);
    else scope.postMessage({ type: "error", id: req.id, message: e instanceof ToyConfigError ? e.problems.join("; ") : err.message } satisfies WorkerReply);
  } finally {
    if (current === mine) current = null;
  }
}

scope.onmessage = (ev: MessageEvent) => {
  const msg = ev.data as RunRequest | CancelRequest;
  if (msg.type === "cancel") {
    if (current && (msg.id === undefined || msg.id === current.id)) current.ac.abort();
  } else if (msg.type === "run") void run(msg);
};
