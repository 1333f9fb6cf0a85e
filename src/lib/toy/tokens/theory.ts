// Closed forms of the token note §3: which side of the band can clip as a function of π_old (§3.2),
// and the log-ratio noise factor v_y of one token under a table's SGD step covariance (§3.3).

/** v_y = (e_y − π)ᵀ(diag π − ππᵀ)(e_y − π) = π_y − 3π_y² + 2π_y‖π‖² + Σπ³ − ‖π‖⁴ (note §3.3). */
export function logRatioNoiseFactor(pi: ArrayLike<number>, y: number): number {
  let s2 = 0, s3 = 0;
  for (let j = 0; j < pi.length; j++) { s2 += pi[j] * pi[j]; s3 += pi[j] * pi[j] * pi[j]; }
  const p = pi[y];
  return p - 3 * p * p + 2 * p * s2 + s3 - s2 * s2;
}

/** Clip-high of a token is impossible iff π_old ≥ 1/(1+ε_high): its ratio is at most 1/π_old. */
export const clipHighCeiling = (epsHigh: number): number => 1 / (1 + epsHigh);

/** The absolute band [π_old(1−ε_low), π_old(1+ε_high)] of a token (its upper edge capped at 1). */
export function absoluteBand(piOld: number, epsLow: number, epsHigh: number): [number, number] {
  return [piOld * Math.max(0, 1 - epsLow), Math.min(1, piOld * (1 + epsHigh))];
}

/** The band in log-ratio units, the same for every token: [ln(1−ε_low), ln(1+ε_high)]. */
export function logBand(epsLow: number, epsHigh: number): [number, number] {
  return [epsLow >= 1 ? -Infinity : Math.log(1 - epsLow), Math.log(1 + epsHigh)];
}
