// What the command line needs from a model, so another model (e.g. a token-level toy) plugs into the same
// run, sweep, merge and worker code: resolve settings, check them, run one seed, gather seeds into a summary.
// Seeds are numbered 0 … seeds−1; `runSeed` must depend only on (configs, index) so any worker can run any
// seed, and `collector().ingest` must give the same summary whatever order the seeds arrive in.

import { ToyConfigError } from "../../src/lib/toy/config.js";

export class UsageError extends Error {}

/** The parts of a single run that decide its numbers. */
export interface RunSpec {
  overrides: Record<string, unknown>;
  seeds: number;
  steps: number | null;
  paired: Record<string, unknown> | null;
  preset: string | null;
}

export interface Collector<R> {
  ingest(index: number, result: R): void;
  /** the JSON summary of a finished ensemble (the object printed by a single run) */
  summary(): Record<string, unknown>;
}

export interface SimModel<C = unknown, R = unknown> {
  readonly id: string;
  /** Seeds when neither --seeds nor the grid says (the strategy toy's 64 when absent). */
  readonly defaultSeeds?: number;
  /** The presets --preset and a grid's "preset" may name and --list-presets prints (the strategy toy's when absent). */
  readonly presets?: readonly { id: string }[];
  /** Configuration A (and B when paired) from a run spec; throws with a readable message when invalid. */
  configs(spec: RunSpec): { a: C; b: C | null };
  /**
   * Problems that refuse the run before it starts (size caps, seed range, and an estimated cost above
   * `budgetSeconds` of one core, naming the setting to lower); [] when fine.
   */
  problems(spec: RunSpec, a: C, b: C | null, budgetSeconds: number): string[];
  /** Estimated seconds of one core for the whole ensemble (for the sweep's announcement). */
  estimateSeconds(spec: RunSpec, a: C, b: C | null): number;
  /** One seed's results: the unit of work a worker thread does. */
  runSeed(a: C, index: number, b: C | null): R;
  /** Buffers inside a result that can be moved to the main thread instead of copied. */
  transferables(result: R): ArrayBuffer[];
  collector(spec: RunSpec, a: C, b: C | null): Collector<R>;
}

/** How a model builds configurations from overrides (both toys: resolve, merge, validate, presets). */
export interface ConfigRules<C> {
  presetById(id: string): { overrides: Record<string, unknown> } | null | undefined;
  /** the message for an unknown preset */
  unknownPreset(id: string): string;
  resolve(overrides: Record<string, unknown>): C;
  merge(base: C, overrides: Record<string, unknown>): C;
  validate(c: C): string[];
}

/**
 * Configuration A (and B) from a run spec, the same for every model: preset → overrides → --steps for A;
 * B = A + paired. Throws UsageError (unknown preset) or ToyConfigError (invalid settings, a seed in --paired).
 */
export function pairedConfigs<C extends { steps: number }>(spec: RunSpec, rules: ConfigRules<C>): { a: C; b: C | null } {
  const preset = spec.preset ? rules.presetById(spec.preset) : null;
  if (spec.preset && !preset) throw new UsageError(rules.unknownPreset(spec.preset));
  const a = rules.merge(rules.resolve(preset?.overrides ?? {}), spec.overrides);
  if (spec.steps !== null) a.steps = spec.steps;
  const pa = rules.validate(a);
  if (pa.length) throw new ToyConfigError(pa);
  let b: C | null = null;
  if (spec.paired) {
    // B runs on A's seeds (common random numbers): a seed in the paired overrides could only be ignored
    if (Object.hasOwn(spec.paired, "seed"))
      throw new ToyConfigError([`the paired overrides cannot set 'seed': B always runs on A's seeds (common random numbers), so the difference A − B is per seed. Set the seed in the main overrides, or run B as its own run with that seed`]);
    b = rules.merge(a, spec.paired);
    const pb = rules.validate(b);
    if (pb.length) throw new ToyConfigError(pb.map((p) => `paired config B: ${p}`));
  }
  return { a, b };
}
