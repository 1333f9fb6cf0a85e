// The shape of a `npm run bench` module. A module is a file scripts/bench-NAME.ts exporting `bench`; the
// driver (scripts/bench.ts) finds it by name, runs it, and prints every figure in one table with its target
// and the ratio against the previous approach. Figures are printed, never asserted (no timed tests).

export interface Figure {
  /** what was measured, e.g. "/toy: 64 seeds × 200 steps in the page" */
  figure: string;
  measured: number;
  /** "ms", "kB", "seeds·steps/s", "files", "errors" … */
  unit: string;
  /** the goal, e.g. {op: "≤", value: 600} */
  target?: {op: "≤" | "≥"; value: number};
  /** the previous approach's value of the same figure and where it comes from */
  previous?: {value: number; source: string};
  /** which way is better; defaults to the target's direction, else lower */
  better?: "lower" | "higher";
  note?: string;
}

export interface BenchContext {
  /** the repository root */
  root: string;
  /** a freshly built site (built once, only when some module asked for it with needsSite) */
  dist: string;
}

export interface BenchModule {
  title: string;
  /** modules run in ascending order (default 100), then by name */
  order?: number;
  /** true when the module measures the built site */
  needsSite?: boolean;
  run(ctx: BenchContext): Promise<Figure[]>;
}

function betterOf(f: Figure): "lower" | "higher" {
  return f.better ?? (f.target?.op === "≥" ? "higher" : "lower");
}

/** How many times better than the previous approach (> 1 = improvement), or null when not comparable. */
export function ratioAgainstPrevious(f: Figure): number | null {
  if (!f.previous || !(f.previous.value > 0) || !(f.measured > 0)) return null;
  return betterOf(f) === "lower" ? f.previous.value / f.measured : f.measured / f.previous.value;
}

export function meetsTarget(f: Figure): boolean | null {
  if (!f.target || !Number.isFinite(f.measured)) return null;
  return f.target.op === "≤" ? f.measured <= f.target.value : f.measured >= f.target.value;
}

function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  return abs >= 100 || Number.isInteger(n) ? Math.round(n).toLocaleString("en") : abs >= 10 ? n.toFixed(1) : n.toFixed(2);
}

/** The figures as an aligned text table: figure | measured | target | previous | ratio. */
export function formatTable(rows: {module: string; figure: Figure}[]): string {
  const header = ["figure", "measured", "target", "previous", "ratio (× better)"];
  const cells = rows.map(({module, figure: f}) => {
    const ok = meetsTarget(f);
    const ratio = ratioAgainstPrevious(f);
    return [
      `${module}: ${f.figure}${f.note ? ` (${f.note})` : ""}`,
      `${formatNumber(f.measured)} ${f.unit}`,
      f.target ? `${f.target.op} ${formatNumber(f.target.value)} ${f.unit} ${ok ? "✓ met" : "✗ MISSED"}` : "—",
      f.previous ? `${formatNumber(f.previous.value)} ${f.unit} (${f.previous.source})` : "—",
      ratio === null ? "—" : `×${ratio.toFixed(2)}`
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((s, i) => (i === 1 || i === 4 ? s.padStart(widths[i]!) : s.padEnd(widths[i]!))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...cells.map(line)].join("\n");
}

/** Adapts the older bench functions that return {"label": "512 ms"} to figures. */
export function figuresFromRecord(record: Record<string, number | string>, extra: Record<string, Partial<Figure>> = {}): Figure[] {
  return Object.entries(record).map(([figure, value]) => {
    const m = /^\s*(-?[\d.,]+)\s*(.*)$/.exec(String(value));
    const measured = m ? Number(m[1]!.replace(/,/g, "")) : NaN;
    const unit = m ? m[2]!.replace(/^\((.*)\)$/, "$1") : String(value);
    return {figure, measured, unit, ...extra[figure]};
  });
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const h = (s.length - 1) * q, lo = Math.floor(h), hi = Math.min(lo + 1, s.length - 1);
  return s[lo]! + (h - lo) * (s[hi]! - s[lo]!);
}
