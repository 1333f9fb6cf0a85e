// Web Worker of the token-level toy page. Bundled by src/data/toy-tokens-worker.js.ts.
// main → worker: {type: "run", id, a, b?, seeds, metrics?} (config overrides), {type: "signmap", id, base,
// epsLows, epsHighs, seeds}, {type: "cancel"}. worker → main: {type: "partial" | "done", id, ...},
// {type: "cancelled", id}, {type: "error", id, message}. A new request cancels the previous one.
import { ToyConfigError } from "../config.js";
import { resolveTokenConfig } from "./config.js";
import { streamSignMap, streamTokenEnsemble, type SignMapCell, type StreamProgress } from "./stream.js";

export interface TokenRunRequest { type: "run"; id: number; a: unknown; b?: unknown; seeds: number; metrics?: string[] }
export interface TokenSignMapRequest { type: "signmap"; id: number; base: unknown; epsLows: number[]; epsHighs: number[]; seeds: number; firstSeed?: number }
export type TokenWorkerReply =
  | ({ type: "partial" | "done"; kind: "run"; id: number; seeds: number; elapsedMs: number } & StreamProgress)
  | { type: "partial" | "done"; kind: "signmap"; id: number; cells: SignMapCell[]; done: number; total: number; elapsedMs: number }
  | { type: "cancelled"; id: number }
  | { type: "error"; id: number; message: string };

interface WorkerScope { onmessage: ((ev: MessageEvent) => void) | null; postMessage(msg: unknown): void }
const scope = globalThis as unknown as WorkerScope;
let current: AbortController | null = null;

async function handle(msg: TokenRunRequest | TokenSignMapRequest): Promise<void> {
  current?.abort();
  const ac = (current = new AbortController());
  const t0 = performance.now();
  try {
    if (msg.type === "run") {
      const a = resolveTokenConfig(msg.a);
      const b = msg.b === undefined ? undefined : resolveTokenConfig(msg.b);
      await streamTokenEnsemble(a, msg.seeds, b, {
        signal: ac.signal, metrics: msg.metrics,
        onPartial: (p) => scope.postMessage({ type: p.progress >= msg.seeds ? "done" : "partial", kind: "run", id: msg.id, seeds: msg.seeds, elapsedMs: performance.now() - t0, ...p } satisfies TokenWorkerReply),
      });
    } else {
      const base = resolveTokenConfig(msg.base);
      await streamSignMap(base, msg.epsLows, msg.epsHighs, msg.seeds, msg.firstSeed ?? 100000, {
        signal: ac.signal,
        onCell: (cells, done, total) => scope.postMessage({ type: done === total ? "done" : "partial", kind: "signmap", id: msg.id, cells, done, total, elapsedMs: performance.now() - t0 } satisfies TokenWorkerReply),
      });
    }
  } catch (e) {
    const err = e as Error;
    if (err.name === "AbortError") scope.postMessage({ type: "cancelled", id: msg.id } satisfies TokenWorkerReply);
    else scope.postMessage({ type: "error", id: msg.id, message: e instanceof ToyConfigError ? e.problems.join("; ") : err.message } satisfies TokenWorkerReply);
  } finally {
    if (current === ac) current = null;
  }
}

scope.onmessage = (ev: MessageEvent) => {
  const msg = ev.data as TokenRunRequest | TokenSignMapRequest | { type: "cancel" };
  if (msg.type === "cancel") current?.abort();
  else void handle(msg);
};
