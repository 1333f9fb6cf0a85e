// Web Worker of the token-level toy page. Bundled by src/data/toy-tokens-worker.js.ts.
// Ensembles run on the toys' shared worker pool (src/lib/toy/pool-worker.ts, protocol in src/lib/toy/pool.ts):
// this script is the coordinator the page starts and each of its seed workers. It also computes the
// sign-rule map: main → worker {type: "signmap", id, base, epsLows, epsHighs, seeds, firstSeed?},
// {type: "signmap-cancel"}; worker → main {type: "partial" | "done", kind: "signmap", id, cells, done, total,
// elapsedMs}, {type: "cancelled", id}, {type: "error", id, message}. A new map cancels the previous one.
import { ToyConfigError } from "../config.js";
import { installPoolWorker } from "../pool-worker.js";
import { resolveTokenConfig } from "./config.js";
import { tokenPoolModel } from "./pool-model.js";
import { streamSignMap, type SignMapCell } from "./stream.js";

export interface TokenSignMapRequest { type: "signmap"; id: number; base: unknown; epsLows: number[]; epsHighs: number[]; seeds: number; firstSeed?: number }
export type TokenSignMapReply =
  | { type: "partial" | "done"; kind: "signmap"; id: number; cells: SignMapCell[]; done: number; total: number; elapsedMs: number }
  | { type: "cancelled"; id: number }
  | { type: "error"; id: number; message: string };

interface WorkerScope { postMessage(msg: unknown): void }
const scope = globalThis as unknown as WorkerScope;
let currentMap: AbortController | null = null;

async function signMap(msg: TokenSignMapRequest): Promise<void> {
  currentMap?.abort();
  const ac = (currentMap = new AbortController());
  const t0 = performance.now();
  try {
    const base = resolveTokenConfig(msg.base);
    await streamSignMap(base, msg.epsLows, msg.epsHighs, msg.seeds, msg.firstSeed ?? 100000, {
      signal: ac.signal,
      onCell: (cells, done, total) => scope.postMessage({ type: done === total ? "done" : "partial", kind: "signmap", id: msg.id, cells, done, total, elapsedMs: performance.now() - t0 } satisfies TokenSignMapReply),
    });
  } catch (e) {
    const err = e as Error;
    if (err.name === "AbortError") scope.postMessage({ type: "cancelled", id: msg.id } satisfies TokenSignMapReply);
    else scope.postMessage({ type: "error", id: msg.id, message: e instanceof ToyConfigError ? e.problems.join("; ") : err.message } satisfies TokenSignMapReply);
  } finally {
    if (currentMap === ac) currentMap = null;
  }
}

installPoolWorker(tokenPoolModel, {
  onMessage(msg) {
    if (msg.type === "signmap") { void signMap(msg as TokenSignMapRequest); return true; }
    if (msg.type === "signmap-cancel") { currentMap?.abort(); return true; }
    return false;
  },
});
