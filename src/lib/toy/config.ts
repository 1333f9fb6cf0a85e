// Configuration of the GRPO clipping-bias toy model (note §2.2): type, defaults, deep-merge of
// partial overrides and validation with messages a reader can act on.

export type RewardType = "random" | "ground_truth" | "format" | "majority" | "incorrect" | "python";
export type ShuffleMode = "samples" | "groups" | "none";

export interface ClipConfig {
  enabled: boolean;
  epsLow: number;
  epsHigh: number;
  /** verl dual-clip constant c (> 1), 0 = off. */
  dualClipC: number;
}

export interface AdvantageConfig {
  stdNorm: boolean;
  stdKind: "unbiased" | "population";
  eps: number;
  batchWhiten: boolean;
}

export interface ToyConfig {
  seed: number;
  strategies: string[];
  initProbs: number[];
  acc: number[];
  formatRate: number[];
  unextractable: number[];
  numPrompts: number;
  difficultySd: number;
  prefSd: number;
  numWrong: number;
  promptsPerStep: number;
  G: number;
  miniBatches: number;
  epochs: number;
  shuffle: ShuffleMode;
  lr: number;
  optimizer: "sgd" | "adam";
  adamBetas: [number, number];
  adamEps: number;
  maxGradNorm: number;
  clip: ClipConfig;
  lossVariant: "ratio" | "pi";
  adv: AdvantageConfig;
  reward: { type: RewardType; gamma: number };
  klBeta: number;
  steps: number;
}

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends number[] | string[] | [number, number] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K] };
export type ToyOverrides = DeepPartial<ToyConfig>;

/** Sane caps so a typo cannot freeze a tab or the CLI. */
export const LIMITS = {
  maxStrategies: 8,
  maxPrompts: 100_000,
  maxPromptsPerStep: 4096,
  maxG: 1024,
  maxSamplesPerStep: 262_144,
  maxEpochs: 64,
  maxSteps: 5000,
  maxLr: 1000,
  maxSeeds: 10_000,
  /** seeds × steps held in memory by an ensemble */
  maxSeedSteps: 500_000,
} as const;

export const REWARD_TYPES: readonly RewardType[] = ["random", "ground_truth", "format", "majority", "incorrect", "python"];
export const SHUFFLE_MODES: readonly ShuffleMode[] = ["samples", "groups", "none"];

export function defaultConfig(): ToyConfig {
  return {
    seed: 1,
    strategies: ["code", "nl"],
    initProbs: [0.65, 0.35],
    acc: [0.609, 0.28],
    formatRate: [0.9, 0.9],
    unextractable: [0, 0],
    numPrompts: 256,
    difficultySd: 0,
    prefSd: 0,
    numWrong: 3,
    promptsPerStep: 64,
    G: 16,
    miniBatches: 8,
    epochs: 1,
    shuffle: "samples",
    lr: 1.0,
    optimizer: "sgd",
    adamBetas: [0.9, 0.95],
    adamEps: 1e-8,
    maxGradNorm: 0,
    clip: { enabled: true, epsLow: 0.2, epsHigh: 0.2, dualClipC: 0 },
    lossVariant: "ratio",
    adv: { stdNorm: true, stdKind: "unbiased", eps: 1e-6, batchWhiten: false },
    reward: { type: "random", gamma: 0.5 },
    klBeta: 0,
    steps: 200,
  };
}

export class ToyConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`invalid toy configuration:\n  - ${problems.join("\n  - ")}`);
    this.name = "ToyConfigError";
    this.problems = problems;
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Deep-merge `overrides` into `base` (arrays replace wholesale). Unknown keys and type mismatches are
 * reported rather than ignored, so a CLI typo such as {"clip":{"epsHi":0.3}} fails loudly.
 */
export function mergeConfig(base: ToyConfig, overrides: unknown, problems: string[] = []): ToyConfig {
  const out = structuredClone(base) as unknown as Record<string, unknown>;
  if (overrides === undefined || overrides === null) return out as unknown as ToyConfig;
  if (!isPlainObject(overrides)) {
    problems.push("overrides must be a JSON object, e.g. {\"lr\": 2}");
    return out as unknown as ToyConfig;
  }
  mergeInto(out, overrides, "", problems);
  if (problems.length) throw new ToyConfigError(problems);
  return out as unknown as ToyConfig;
}

function mergeInto(target: Record<string, unknown>, src: Record<string, unknown>, path: string, problems: string[]) {
  for (const [key, value] of Object.entries(src)) {
    const where = path ? `${path}.${key}` : key;
    // own keys only: `in` would accept inherited names (__proto__, toString, constructor) as settings
    if (!Object.hasOwn(target, key)) {
      problems.push(`unknown setting '${where}' (known: ${Object.keys(target).join(", ")})`);
      continue;
    }
    const cur = target[key];
    if (isPlainObject(cur)) {
      if (!isPlainObject(value)) problems.push(`'${where}' must be an object`);
      else mergeInto(cur, value, where, problems);
    } else if (Array.isArray(cur)) {
      if (!Array.isArray(value)) problems.push(`'${where}' must be an array`);
      else target[key] = value.slice();
    } else if (typeof cur !== typeof value) {
      problems.push(`'${where}' must be a ${typeof cur} (got ${JSON.stringify(value)})`);
    } else {
      target[key] = value;
    }
  }
}

/**
 * A count typed by a reader (--seeds, ?seeds=): plain decimal digits only, so "1e3", "0x10", "1.0", " 8" and
 * "" are refused instead of being read as 1000, 16 or 1. Returns null when the text is not such a number.
 */
export function parseCount(text: string): number | null {
  if (!/^[0-9]{1,15}$/.test(text)) return null;
  return Number(text);
}

/** Largest seed: seeds are unsigned 32-bit integers. */
export const MAX_SEED = 4294967295;

/** Seeds run are seed … seed+count−1; refuse a range that would pass 2^32 − 1 and wrap around to 0. */
export function seedRangeProblem(seed: number, count: number): string | null {
  const last = seed + count - 1;
  if (last <= MAX_SEED) return null;
  return `seeds ${seed} … ${last} pass the largest seed ${MAX_SEED} (seeds are 32-bit and would wrap around to 0); use a seed of at most ${MAX_SEED - count + 1} or fewer seeds`;
}

const isInt = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);
const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** Every problem with a full configuration, as readable sentences; [] when it is valid. */
export function validateConfig(c: ToyConfig): string[] {
  const p: string[] = [];
  const intIn = (name: string, v: unknown, lo: number, hi: number) => {
    if (!isInt(v) || v < lo || v > hi) p.push(`${name} must be a whole number from ${lo} to ${hi} (got ${JSON.stringify(v)})`);
  };
  const numIn = (name: string, v: unknown, lo: number, hi: number, hiOpen = false) => {
    if (!isNum(v) || v < lo || (hiOpen ? v >= hi : v > hi))
      p.push(`${name} must be a number in [${lo}, ${hi}${hiOpen ? ")" : "]"} (got ${JSON.stringify(v)})`);
  };
  intIn("seed", c.seed, 0, MAX_SEED);
  const K = Array.isArray(c.strategies) ? c.strategies.length : 0;
  if (K < 2 || K > LIMITS.maxStrategies) p.push(`strategies must list 2 to ${LIMITS.maxStrategies} names (got ${K})`);
  else if (new Set(c.strategies).size !== K || c.strategies.some((s) => typeof s !== "string" || s.trim() === ""))
    p.push("strategies must be distinct non-empty names");
  const perStrategy = (name: string, arr: unknown, lo: number, hi: number, openLo = false) => {
    if (!Array.isArray(arr) || arr.length !== K) {
      p.push(`${name} must have one value per strategy (${K}), got ${Array.isArray(arr) ? arr.length : JSON.stringify(arr)}`);
      return false;
    }
    for (let k = 0; k < K; k++) {
      const v = arr[k];
      if (!isNum(v) || v > hi || (openLo ? v <= lo : v < lo)) {
        p.push(`${name}[${k}] (${c.strategies?.[k] ?? k}) must be in ${openLo ? "(" : "["}${lo}, ${hi}] (got ${JSON.stringify(v)})`);
        return false;
      }
    }
    return true;
  };
  if (perStrategy("initProbs", c.initProbs, 0, 1, true)) {
    const s = c.initProbs.reduce((a, b) => a + b, 0);
    if (Math.abs(s - 1) > 1e-6) p.push(`initProbs must sum to 1 (they sum to ${+s.toFixed(9)})`);
  }
  const accOk = perStrategy("acc", c.acc, 0, 1);
  perStrategy("formatRate", c.formatRate, 0, 1);
  if (perStrategy("unextractable", c.unextractable, 0, 1) && accOk) {
    for (let k = 0; k < K; k++)
      if (c.acc[k] + c.unextractable[k] > 1 + 1e-12)
        p.push(`acc[${k}] + unextractable[${k}] must not exceed 1 (unextractable answers are part of the wrong ones; got ${c.acc[k]} + ${c.unextractable[k]})`);
  }
  intIn("numPrompts", c.numPrompts, 1, LIMITS.maxPrompts);
  numIn("difficultySd", c.difficultySd, 0, 10);
  numIn("prefSd", c.prefSd, 0, 10);
  intIn("numWrong", c.numWrong, 1, 1000);
  intIn("promptsPerStep (B)", c.promptsPerStep, 1, LIMITS.maxPromptsPerStep);
  if (isInt(c.G) && c.G < 2) p.push(`G (group size) must be at least 2: a group of one has no baseline (got ${c.G})`);
  else intIn("G (group size)", c.G, 2, LIMITS.maxG);
  const N = c.promptsPerStep * c.G;
  if (isInt(c.promptsPerStep) && isInt(c.G) && N > LIMITS.maxSamplesPerStep)
    p.push(`promptsPerStep × G = ${N} samples per step exceeds the cap of ${LIMITS.maxSamplesPerStep}`);
  if (!isInt(c.miniBatches) || c.miniBatches < 1) p.push(`miniBatches must be a whole number ≥ 1 (got ${JSON.stringify(c.miniBatches)})`);
  else if (isInt(N) && c.miniBatches > N) p.push(`miniBatches (${c.miniBatches}) cannot exceed the ${N} samples per step (promptsPerStep × G)`);
  intIn("epochs", c.epochs, 1, LIMITS.maxEpochs);
  if (!SHUFFLE_MODES.includes(c.shuffle)) p.push(`shuffle must be one of ${SHUFFLE_MODES.join(", ")} (got ${JSON.stringify(c.shuffle)})`);
  if (isNum(c.lr) && c.lr < 0) p.push(`lr must not be negative (got ${c.lr}); the update is gradient ascent on the surrogate`);
  else numIn("lr", c.lr, 0, LIMITS.maxLr);
  if (c.optimizer !== "sgd" && c.optimizer !== "adam") p.push(`optimizer must be 'sgd' or 'adam' (got ${JSON.stringify(c.optimizer)})`);
  if (!Array.isArray(c.adamBetas) || c.adamBetas.length !== 2) p.push("adamBetas must be two numbers [β1, β2]");
  else c.adamBetas.forEach((b, i) => numIn(`adamBetas[${i}]`, b, 0, 1, true));
  if (!isNum(c.adamEps) || c.adamEps <= 0 || c.adamEps > 1) p.push(`adamEps must be in (0, 1] (got ${JSON.stringify(c.adamEps)})`);
  numIn("maxGradNorm", c.maxGradNorm, 0, 1e6);
  if (!c.clip || typeof c.clip.enabled !== "boolean") p.push("clip.enabled must be true or false");
  else {
    numIn("clip.epsLow (ε_low)", c.clip.epsLow, 0, 1, true);
    numIn("clip.epsHigh (ε_high)", c.clip.epsHigh, 0, 1, true);
    if (!isNum(c.clip.dualClipC) || (c.clip.dualClipC !== 0 && c.clip.dualClipC <= 1) || c.clip.dualClipC > 1e6)
      p.push(`clip.dualClipC must be 0 (off) or a number > 1 (got ${JSON.stringify(c.clip.dualClipC)})`);
  }
  if (c.lossVariant !== "ratio" && c.lossVariant !== "pi") p.push(`lossVariant must be 'ratio' or 'pi' (got ${JSON.stringify(c.lossVariant)})`);
  if (!c.adv || typeof c.adv.stdNorm !== "boolean" || typeof c.adv.batchWhiten !== "boolean") p.push("adv.stdNorm and adv.batchWhiten must be true or false");
  else {
    if (c.adv.stdKind !== "unbiased" && c.adv.stdKind !== "population") p.push(`adv.stdKind must be 'unbiased' or 'population' (got ${JSON.stringify(c.adv.stdKind)})`);
    numIn("adv.eps", c.adv.eps, 0, 1);
  }
  if (!c.reward || !REWARD_TYPES.includes(c.reward.type)) p.push(`reward.type must be one of ${REWARD_TYPES.join(", ")} (got ${JSON.stringify(c.reward?.type)})`);
  else numIn("reward.gamma (γ)", c.reward.gamma, 0, 1);
  numIn("klBeta (β)", c.klBeta, 0, 1000);
  intIn("steps", c.steps, 1, LIMITS.maxSteps);
  return p;
}

/** Defaults ← overrides, validated; throws ToyConfigError listing every problem. */
export function resolveConfig(overrides?: unknown, base: ToyConfig = defaultConfig()): ToyConfig {
  const cfg = mergeConfig(base, overrides);
  const problems = validateConfig(cfg);
  if (problems.length) throw new ToyConfigError(problems);
  return cfg;
}

/** The overrides that turn `base` into `cfg` (for short URLs and CLI echo). */
export function diffConfig(cfg: ToyConfig, base: ToyConfig = defaultConfig()): ToyOverrides {
  const walk = (a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> | undefined => {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(a)) {
      const av = a[key], bv = b[key];
      if (isPlainObject(av) && isPlainObject(bv)) {
        const sub = walk(av, bv);
        if (sub) out[key] = sub;
      } else if (JSON.stringify(av) !== JSON.stringify(bv)) out[key] = av;
    }
    return Object.keys(out).length ? out : undefined;
  };
  return (walk(cfg as unknown as Record<string, unknown>, base as unknown as Record<string, unknown>) ?? {}) as ToyOverrides;
}
