// Closed-form pieces of the note's §3: the clip thresholds of §3.3 with the sign rule, and the
// advantage moments µ(γ) = E[max(Â, 0)] and E[Â²] used by the "why" panel.

export type Push = "toward0" | "away0";

export interface ThresholdRow {
  id: "minorityClipHigh" | "minorityClipLow" | "majorityClipHigh" | "majorityClipLow";
  /** plain-words event, using strategy names */
  event: string;
  /** which side of δ = 0 triggers it */
  side: "below" | "above";
  /** δ = u − u0 at which it starts; null = can never fire */
  delta: number | null;
  /** which way the masked (dropped) updates push u once it fires */
  push: Push;
}

export interface ThresholdTable {
  p0: number;
  u0: number;
  epsLow: number;
  epsHigh: number;
  rows: ThresholdRow[];
  /** (1 − ε_low)(1 + ε_high) */
  bandProduct: number;
  /** ln(1+ε_high) and −ln(1−ε_low): the two band edges in log-ratio units */
  logHigh: number;
  logLow: number;
  /** small-excursion sign rule: 'toward0' = drift toward strategy 0 when p0 > ½ (majority) */
  signRule: "majority" | "neutral" | "minority";
  /** strategy 0's ratio cannot exceed 1/p0: its clip-high never fires when p0(1+ε_high) ≥ 1 */
  ceiling: boolean;
  /** nearest toward-0 trigger and nearest away-from-0 trigger, |δ| */
  nearestToward: number | null;
  nearestAway: number | null;
}

const logit = (p: number) => Math.log(p / (1 - p));

/**
 * Thresholds in δ = u − u0 at which each clip event starts, for K = 2 with p0 = π_old(strategy 0)
 * (note §3.3). Derivation: ρ_0 = σ(u0+δ)/p0 and ρ_1 = σ(−u0−δ)/(1−p0); solve ρ = 1+ε_high or 1−ε_low for δ.
 */
export function clipThresholds(p0: number, epsLow: number, epsHigh: number, names: [string, string] = ["code", "nl"]): ThresholdTable {
  if (!(p0 > 0 && p0 < 1)) throw new RangeError(`p0 must be in (0, 1) (got ${p0})`);
  if (!(epsLow >= 0 && epsLow < 1) || !(epsHigh >= 0 && epsHigh < 1)) throw new RangeError("ε_low and ε_high must be in [0, 1)");
  const u0 = logit(p0);
  const q0 = 1 - p0;
  const hiMinor = (1 + epsHigh) * q0;
  const loMinor = (1 - epsLow) * q0;
  const hiMajor = (1 + epsHigh) * p0;
  const loMajor = (1 - epsLow) * p0;
  const rows: ThresholdRow[] = [
    { id: "minorityClipHigh", event: `${names[1]} clip-high (ρ_${names[1]} > 1+ε_high)`, side: "below", delta: hiMinor >= 1 ? null : -u0 - logit(hiMinor), push: "toward0" },
    { id: "minorityClipLow", event: `${names[1]} clip-low (ρ_${names[1]} < 1−ε_low)`, side: "above", delta: loMinor <= 0 ? null : -u0 - logit(loMinor), push: "away0" },
    { id: "majorityClipHigh", event: `${names[0]} clip-high (ρ_${names[0]} > 1+ε_high)`, side: "above", delta: hiMajor >= 1 ? null : logit(hiMajor) - u0, push: "away0" },
    { id: "majorityClipLow", event: `${names[0]} clip-low (ρ_${names[0]} < 1−ε_low)`, side: "below", delta: loMajor <= 0 ? null : logit(loMajor) - u0, push: "toward0" },
  ];
  const bandProduct = (1 - epsLow) * (1 + epsHigh);
  const tol = 1e-12;
  const signRule = bandProduct < 1 - tol ? "majority" : bandProduct > 1 + tol ? "minority" : "neutral";
  const absMin = (push: Push) => {
    const ds = rows.filter((r) => r.push === push && r.delta !== null).map((r) => Math.abs(r.delta!));
    return ds.length ? Math.min(...ds) : null;
  };
  return {
    p0, u0, epsLow, epsHigh, rows, bandProduct,
    logHigh: Math.log1p(epsHigh),
    logLow: -Math.log1p(-epsLow),
    signRule,
    ceiling: hiMajor >= 1,
    nearestToward: absMin("toward0"),
    nearestAway: absMin("away0"),
  };
}

/** ε_high on the neutral curve (1 − ε_low)(1 + ε_high) = 1. */
export function neutralEpsHigh(epsLow: number): number {
  return 1 / (1 - epsLow) - 1;
}

export function binomialPmf(n: number, p: number): Float64Array {
  const out = new Float64Array(n + 1);
  // C(n,k) p^k (1−p)^(n−k) via logs, exact zeros at p ∈ {0,1}
  if (p <= 0) { out[0] = 1; return out; }
  if (p >= 1) { out[n] = 1; return out; }
  const lp = Math.log(p), lq = Math.log1p(-p);
  let lc = 0; // ln C(n,k)
  for (let k = 0; k <= n; k++) {
    if (k > 0) lc += Math.log((n - k + 1) / k);
    out[k] = Math.exp(lc + k * lp + (n - k) * lq);
  }
  return out;
}

export interface AdvantageOptions {
  stdNorm: boolean;
  stdKind: "unbiased" | "population";
  eps: number;
}

/** Advantages of a group with `ones` rewards of 1 among G: [Â for r = 1, Â for r = 0] (0,0 if all equal). */
export function groupAdvantages(G: number, ones: number, adv: AdvantageOptions): [number, number] {
  if (ones === 0 || ones === G) return [0, 0];
  const mean = ones / G;
  let a1 = 1 - mean, a0 = -mean;
  if (adv.stdNorm) {
    const div = adv.stdKind === "unbiased" ? G - 1 : G;
    const den = Math.sqrt((ones * a1 * a1 + (G - ones) * a0 * a0) / div) + adv.eps;
    a1 /= den;
    a0 /= den;
  }
  return [a1, a0];
}

/** µ(γ) = E[max(Â,0)] per sample and E[Â²] for i.i.d. Bernoulli(γ) rewards in groups of G (no whitening). */
export function advantageMoments(G: number, gamma: number, adv: AdvantageOptions = { stdNorm: true, stdKind: "unbiased", eps: 1e-6 }) {
  const pmf = binomialPmf(G, gamma);
  let mu = 0, m2 = 0, nondegenerate = 0;
  for (let k = 1; k < G; k++) {
    const [a1, a0] = groupAdvantages(G, k, adv);
    mu += (pmf[k] * k * a1) / G;
    m2 += (pmf[k] * (k * a1 * a1 + (G - k) * a0 * a0)) / G;
    nondegenerate += pmf[k];
  }
  return { mu, meanSquare: m2, nondegenerateGroups: nondegenerate };
}
