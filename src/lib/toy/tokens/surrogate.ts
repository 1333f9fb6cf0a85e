// Reference (per-token, unoptimised) surrogate of the token note §2.4, written independently of the
// simulator's fast paths: the tests compare the simulator's gradient with finite differences of this.

import type { Aggregation, TokenClipConfig } from "./config.js";
import type { TokenBatch } from "./sim.js";

export interface TokenSurrogateOptions {
  clip: TokenClipConfig;
  lossVariant: "ratio" | "pi";
  aggregation: Aggregation;
  microBatch: number;
}

function logSoftmax(v: number[]): number[] {
  const mx = Math.max(...v);
  const lse = mx + Math.log(v.reduce((a, x) => a + Math.exp(x - mx), 0));
  return v.map((x) => x - lse);
}

/** ω_i of the note's aggregation table, from the responses' lengths in mini-batch order. */
export function aggregationWeights(lengths: number[], aggregation: Aggregation, microBatch: number, Lmax: number): number[] {
  const n = lengths.length;
  const total = lengths.reduce((a, b) => a + b, 0);
  if (aggregation === "seq-mean") return lengths.map((L) => 1 / L);
  if (aggregation === "token-mean") return lengths.map(() => n / total);
  if (aggregation === "token-sum") return lengths.map(() => 1 / Lmax);
  const nMicro = Math.ceil(n / microBatch);
  return lengths.map((_, i) => {
    const u = Math.floor(i / microBatch) * microBatch;
    const micro = lengths.slice(u, Math.min(u + microBatch, n)).reduce((a, b) => a + b, 0);
    return n / (nMicro * micro);
  });
}

/** One token's term of J: min(ρA, clip(ρ)A) (dual clip: max(·, cA) for A < 0), or the 'pi' loss. */
function term(logp: number, logpOld: number, A: number, clipped: boolean, o: TokenSurrogateOptions): number {
  const rho = Math.exp(logp - logpOld);
  const { epsLow, epsHigh, dualClipC } = o.clip;
  if (o.lossVariant === "pi") {
    let m = 1;
    if (clipped) {
      if (A > 0 && rho > 1 + epsHigh) m = 0;
      else if (A < 0 && rho < 1 - epsLow) m = 0;
      else if (A < 0 && dualClipC > 0 && rho > dualClipC) m = 0;
    }
    return m * Math.exp(logp) * A;
  }
  let t = rho * A;
  if (clipped) {
    t = Math.min(t, Math.min(Math.max(rho, 1 - epsLow), 1 + epsHigh) * A);
    if (A < 0 && dualClipC > 0) t = Math.max(t, dualClipC * A);
  }
  return t;
}

/** J_M(z) for all logits z (K mode logits, then S·V table logits). */
export function tokenSurrogate(z: ArrayLike<number>, batch: TokenBatch, o: TokenSurrogateOptions): number {
  const { K, V } = batch, n = batch.responses.length;
  const zMode = Array.from({ length: K }, (_, k) => z[k]);
  const tableLogp = (s: number) => logSoftmax(Array.from({ length: V }, (_, j) => z[K + s * V + j]));
  const cache = new Map<number, number[]>();
  const lpTab = (s: number) => { let v = cache.get(s); if (!v) { v = tableLogp(s); cache.set(s, v); } return v; };
  const omega = aggregationWeights(batch.responses.map((r) => 1 + r.tokens.length), o.aggregation, o.microBatch, batch.Lmax);
  const clipMode = o.clip.enabled && o.clip.scope !== "content";
  const clipContent = o.clip.enabled && o.clip.scope !== "mode";
  let J = 0;
  batch.responses.forEach((r, i) => {
    const lpm = logSoftmax(zMode.map((v, k) => v + (r.offsets ? r.offsets[k] : 0)));
    let sum = term(lpm[r.mode], r.logpOldMode, r.adv, clipMode, o);
    for (const t of r.tokens) sum += term(lpTab(t.table)[t.y], t.logpOld, r.adv, clipContent, o);
    J += (omega[i] * sum) / n;
  });
  return J;
}
