// A seed worker thread: runs the seed range it is sent with the named model and posts each seed's result
// back (buffers moved, not copied). Loaded through worker-boot.mjs by scripts/sim/workers.ts.
import { parentPort } from "node:worker_threads";
import { modelById } from "./models.js";

export interface RunMessage { type: "run"; model: string; a: unknown; b: unknown; start: number; end: number }
export type WorkerReply =
  | { type: "seed"; index: number; result: unknown }
  | { type: "ready" }
  | { type: "done" }
  | { type: "error"; message: string };

const port = parentPort!;
port.postMessage({ type: "ready" } satisfies WorkerReply);
port.on("message", (m: RunMessage) => {
  try {
    const model = modelById(m.model);
    for (let i = m.start; i < m.end; i++) {
      const result = model.runSeed(m.a, i, m.b);
      port.postMessage({ type: "seed", index: i, result } satisfies WorkerReply, model.transferables(result));
    }
    port.postMessage({ type: "done" } satisfies WorkerReply);
  } catch (e) {
    port.postMessage({ type: "error", message: (e as Error).stack ?? String(e) } satisfies WorkerReply);
  }
});
