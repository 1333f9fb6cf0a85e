// Configuration of the token-level toy (token note §2.2): every strategy-bandit field keeps its
// meaning (strategies are the response's "mode"), plus the response length, vocabulary, per-(mode,
// position) tables, clip scope and loss aggregation. Defaults, deep merge and validation.

import { defaultConfig, LIMITS, mergeConfig, ToyConfigError, validateConfig, type ClipConfig, type ToyConfig } from "../config.js";

export type TableLayout = "position" | "shared";
export type ClipScope = "all" | "mode" | "content";
export type Aggregation = "seq-mean" | "token-mean" | "token-sum" | "packed";

export interface TokenClipConfig extends ClipConfig {
  /** which tokens are masked: all, only the mode token, only the content tokens */
  scope: ClipScope;
}

export interface TokenToyConfig extends Omit<ToyConfig, "klBeta" | "clip"> {
  /** tokens per response including the mode token */
  L: number;
  /** optional per-mode lengths (overrides L) */
  lengths: number[] | null;
  /** content vocabulary size */
  V: number;
  tables: TableLayout;
  /** per mode, per content position: the initial probability of the table's top token (cycled) */
  pTop: number[][];
  tail: "zipf" | "uniform";
  /** explicit initial tables [mode][position − 1][V]; null = from pTop and tail */
  tableProbs: number[][][] | null;
  /** ε ≥ 1 switches that side off (e.g. 1e9) */
  clip: TokenClipConfig;
  aggregation: Aggregation;
  /** sequences per packed micro-batch (aggregation 'packed') */
  microBatch: number;
  /** π_old class edges for the clip statistics */
  classEdges: number[];
}

export const TOKEN_LIMITS = { maxL: 64, maxV: 1024, maxLogits: 200_000 } as const;

export function defaultTokenConfig(): TokenToyConfig {
  const { klBeta: _kl, clip, ...bandit } = defaultConfig();
  return {
    ...bandit,
    strategies: ["code", "lang"],
    lr: 8,
    clip: { ...clip, scope: "all" },
    L: 8,
    lengths: null,
    V: 16,
    tables: "position",
    pTop: [
      [0.99, 0.97, 0.93, 0.88, 0.8, 0.7, 0.55],
      [0.97, 0.93, 0.88, 0.8, 0.7, 0.55, 0.4],
    ],
    tail: "zipf",
    tableProbs: null,
    aggregation: "seq-mean",
    microBatch: 4,
    classEdges: [0.01, 0.03, 0.1, 0.3, 0.6, 1 / 1.2],
  };
}

/** Response length of each mode. */
export function modeLengths(c: TokenToyConfig): number[] {
  return c.lengths ? c.lengths.slice() : c.strategies.map(() => c.L);
}

const isInt = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);
const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** Every problem with a full token configuration, as readable sentences; [] when it is valid. */
export function validateTokenConfig(c: TokenToyConfig): string[] {
  const p: string[] = [];
  // the bandit's checks for the shared fields; its ε range is [0, 1), here ε ≥ 1 means "that side off"
  const epsOk = (e: unknown) => isNum(e) && e >= 0;
  const asBandit = {
    ...c, klBeta: 0,
    clip: { ...c.clip, epsLow: epsOk(c.clip?.epsLow) ? Math.min(c.clip.epsLow, 0.5) : c.clip?.epsLow, epsHigh: epsOk(c.clip?.epsHigh) ? Math.min(c.clip.epsHigh, 0.5) : c.clip?.epsHigh },
  } as unknown as ToyConfig;
  p.push(...validateConfig(asBandit));
  if (c.clip && !["all", "mode", "content"].includes(c.clip.scope)) p.push(`clip.scope must be 'all', 'mode' or 'content' (got ${JSON.stringify(c.clip.scope)})`);
  const K = Array.isArray(c.strategies) ? c.strategies.length : 0;
  if (!isInt(c.L) || c.L < 1 || c.L > TOKEN_LIMITS.maxL) p.push(`L (tokens per response, mode token included) must be a whole number from 1 to ${TOKEN_LIMITS.maxL} (got ${JSON.stringify(c.L)})`);
  if (c.lengths !== null) {
    if (!Array.isArray(c.lengths) || c.lengths.length !== K) p.push(`lengths must be null or one length per mode (${K})`);
    else c.lengths.forEach((l, k) => { if (!isInt(l) || l < 1 || l > TOKEN_LIMITS.maxL) p.push(`lengths[${k}] must be a whole number from 1 to ${TOKEN_LIMITS.maxL} (got ${JSON.stringify(l)})`); });
  }
  if (!isInt(c.V) || c.V < 2 || c.V > TOKEN_LIMITS.maxV) p.push(`V (content vocabulary) must be a whole number from 2 to ${TOKEN_LIMITS.maxV} (got ${JSON.stringify(c.V)})`);
  if (c.tables !== "position" && c.tables !== "shared") p.push(`tables must be 'position' or 'shared' (got ${JSON.stringify(c.tables)})`);
  if (c.tail !== "zipf" && c.tail !== "uniform") p.push(`tail must be 'zipf' or 'uniform' (got ${JSON.stringify(c.tail)})`);
  if (!["seq-mean", "token-mean", "token-sum", "packed"].includes(c.aggregation)) p.push(`aggregation must be 'seq-mean', 'token-mean', 'token-sum' or 'packed' (got ${JSON.stringify(c.aggregation)})`);
  if (!isInt(c.microBatch) || c.microBatch < 1 || c.microBatch > 4096) p.push(`microBatch must be a whole number from 1 to 4096 (got ${JSON.stringify(c.microBatch)})`);
  if (!Array.isArray(c.pTop) || c.pTop.length !== K) p.push(`pTop must have one list per mode (${K})`);
  else c.pTop.forEach((row, k) => {
    if (!Array.isArray(row) || row.length === 0) p.push(`pTop[${k}] must be a non-empty list of probabilities`);
    else row.forEach((v, t) => { if (!isNum(v) || v <= 0 || v >= 1) p.push(`pTop[${k}][${t}] must be in (0, 1) (got ${JSON.stringify(v)})`); });
  });
  if (!Array.isArray(c.classEdges) || c.classEdges.length < 1 || c.classEdges.length > 16 || c.classEdges.some((e, i) => !isNum(e) || e <= 0 || e >= 1 || (i > 0 && e <= c.classEdges[i - 1])))
    p.push("classEdges must be 1 to 16 increasing numbers in (0, 1)");
  if (p.length) return p;
  const lens = modeLengths(c);
  if (c.tableProbs !== null) {
    if (!Array.isArray(c.tableProbs) || c.tableProbs.length !== K) p.push(`tableProbs must be null or one list of tables per mode (${K})`);
    else c.tableProbs.forEach((tabs, k) => {
      const need = c.tables === "shared" ? Math.min(1, lens[k] - 1) : lens[k] - 1;
      if (!Array.isArray(tabs) || tabs.length !== need) { p.push(`tableProbs[${k}] must hold ${need} table(s) for mode ${c.strategies[k]}`); return; }
      tabs.forEach((v, t) => {
        if (!Array.isArray(v) || v.length !== c.V || v.some((x) => !isNum(x) || x <= 0)) p.push(`tableProbs[${k}][${t}] must be ${c.V} positive probabilities`);
        else if (Math.abs(v.reduce((a, b) => a + b, 0) - 1) > 1e-6) p.push(`tableProbs[${k}][${t}] must sum to 1`);
      });
    });
  }
  const S = c.tables === "shared" ? K : lens.reduce((a, l) => a + l - 1, 0);
  if (K + S * c.V > TOKEN_LIMITS.maxLogits) p.push(`the tables hold ${K + S * c.V} logits, above the cap of ${TOKEN_LIMITS.maxLogits}; use a smaller V or L`);
  const tokensPerStep = c.promptsPerStep * c.G * Math.max(...lens);
  if (tokensPerStep > LIMITS.maxSamplesPerStep * 8) p.push(`promptsPerStep × G × L = ${tokensPerStep} tokens per step is above the cap of ${LIMITS.maxSamplesPerStep * 8}`);
  return p;
}

/** Defaults ← overrides, validated; throws ToyConfigError listing every problem. */
export function resolveTokenConfig(overrides?: unknown, base: TokenToyConfig = defaultTokenConfig()): TokenToyConfig {
  const cfg = mergeTokenConfig(base, overrides);
  const problems = validateTokenConfig(cfg);
  if (problems.length) throw new ToyConfigError(problems);
  return cfg;
}

/** Deep merge with unknown-key and type checks (the bandit's merge rules: arrays replace). */
export function mergeTokenConfig(base: TokenToyConfig, overrides: unknown): TokenToyConfig {
  // `lengths` / `tableProbs` may be null (default) or an array: merge them by hand, the rest generically
  const o = overrides && typeof overrides === "object" && !Array.isArray(overrides) ? { ...(overrides as Record<string, unknown>) } : overrides;
  const nullable: Partial<Record<"lengths" | "tableProbs", unknown>> = {};
  const problems: string[] = [];
  if (o && typeof o === "object") for (const key of ["lengths", "tableProbs"] as const) {
    if (key in o) {
      const v = (o as Record<string, unknown>)[key];
      if (v !== null && !Array.isArray(v)) problems.push(`'${key}' must be null or an array`);
      nullable[key] = v;
      delete (o as Record<string, unknown>)[key];
    }
  }
  const baseCopy = { ...base, lengths: [] as number[], tableProbs: [] as number[][][] };
  const merged = mergeConfig(baseCopy as unknown as ToyConfig, o, problems) as unknown as TokenToyConfig;
  if (problems.length) throw new ToyConfigError(problems);
  merged.lengths = "lengths" in nullable ? (nullable.lengths as number[] | null) : base.lengths;
  merged.tableProbs = "tableProbs" in nullable ? (nullable.tableProbs as number[][][] | null) : base.tableProbs;
  return merged;
}

/** The overrides that turn `base` into `cfg` (CLI echo, URLs). */
export function diffTokenConfig(cfg: TokenToyConfig, base: TokenToyConfig = defaultTokenConfig()): Record<string, unknown> {
  const walk = (a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> | undefined => {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(a)) {
      const av = a[key], bv = b[key];
      if (av && bv && typeof av === "object" && typeof bv === "object" && !Array.isArray(av) && !Array.isArray(bv)) {
        const sub = walk(av as Record<string, unknown>, bv as Record<string, unknown>);
        if (sub) out[key] = sub;
      } else if (JSON.stringify(av) !== JSON.stringify(bv)) out[key] = av;
    }
    return Object.keys(out).length ? out : undefined;
  };
  return walk(cfg as unknown as Record<string, unknown>, base as unknown as Record<string, unknown>) ?? {};
}

/** The strategy-bandit configuration the mode token follows (for comparisons and shared modules). */
export function banditConfigOf(c: TokenToyConfig): ToyConfig {
  const { L: _L, lengths: _l, V: _V, tables: _t, pTop: _p, tail: _ta, tableProbs: _tp, aggregation: _a, microBatch: _m, classEdges: _c, clip, ...rest } = c;
  const { scope: _s, ...bclip } = clip;
  return { ...rest, clip: bclip, klBeta: 0 };
}
