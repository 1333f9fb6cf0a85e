// What the command line needs from a model, so another model (e.g. a token-level toy) plugs into the same
// run, sweep, merge and worker code: resolve settings, check them, run one seed, gather seeds into a summary.
// Seeds are numbered 0 … seeds−1; `runSeed` must depend only on (configs, index) so any worker can run any
// seed, and `collector().ingest` must give the same summary whatever order the seeds arrive in.

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
