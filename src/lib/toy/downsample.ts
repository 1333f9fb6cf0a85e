// Downsampling for the toy's charts (pure): never hand a chart more points than it has pixel columns.
// Lines keep, per column, the first and last point and the minimum and maximum of every series, so no peak or
// dip disappears; grouped items (mini-batches of a traced step) are merged into consecutive ranges.

/**
 * Indices 0..n−1 to draw when `series` (all of length n, sharing x = index) are shown in `columns` pixel
 * columns: every index when n ≤ 2 × columns, otherwise per column its first, last, and each series' argmin
 * and argmax, ascending and without repeats.
 */
export function minMaxIndices(n: number, columns: number, series: readonly ArrayLike<number>[]): number[] {
  const cols = Math.max(1, Math.floor(columns));
  if (n <= 2 * cols) return Array.from({ length: n }, (_, i) => i);
  const keep = new Uint8Array(n);
  for (let c = 0; c < cols; c++) {
    const lo = Math.floor((c * n) / cols), hi = Math.floor(((c + 1) * n) / cols); // [lo, hi)
    if (hi <= lo) continue;
    keep[lo] = 1;
    keep[hi - 1] = 1;
    for (const s of series) {
      let iMin = lo, iMax = lo;
      for (let i = lo + 1; i < hi; i++) {
        if (s[i] < s[iMin]) iMin = i;
        if (s[i] > s[iMax]) iMax = i;
      }
      keep[iMin] = 1;
      keep[iMax] = 1;
    }
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(i);
  return out;
}

/** Splits 0..n−1 into at most `maxGroups` consecutive ranges [start, end) of near-equal size. */
export function consecutiveRanges(n: number, maxGroups: number): [number, number][] {
  const g = Math.max(1, Math.min(n, Math.floor(maxGroups)));
  const out: [number, number][] = [];
  for (let i = 0; i < g; i++) {
    const lo = Math.floor((i * n) / g), hi = Math.floor(((i + 1) * n) / g);
    if (hi > lo) out.push([lo, hi]);
  }
  return out;
}

/** Minimum and maximum of an array without spreading it into arguments (safe for any length). */
export function extent(values: Iterable<number>): [number, number] | null {
  let lo = Infinity, hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : null;
}
