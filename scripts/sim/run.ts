// One ensemble of any model: check it against the caps and the work budget, run its seeds here or on a
// worker pool, and return the summary. The same seeds give the same summary either way.
import type { RunSpec, SimModel } from "./model.js";
import type { WorkerPool } from "./workers.js";

export class RefusedError extends Error {}

/** Configurations of a spec, refused (RefusedError listing every problem) when it cannot or should not run. */
export function prepare<C, R>(model: SimModel<C, R>, spec: RunSpec, maxMinutes: number): { a: C; b: C | null } {
  const { a, b } = model.configs(spec);
  const problems = model.problems(spec, a, b, maxMinutes * 60);
  if (problems.length) throw new RefusedError(problems.join("\n  "));
  return { a, b };
}

export async function runEnsembleWith<C, R>(model: SimModel<C, R>, spec: RunSpec, a: C, b: C | null, pool: WorkerPool | null): Promise<Record<string, unknown>> {
  const collector = model.collector(spec, a, b);
  if (!pool || pool.size <= 1) {
    for (let i = 0; i < spec.seeds; i++) collector.ingest(i, model.runSeed(a, i, b));
  } else {
    await pool.run(model, a, b, spec.seeds, (index, result) => collector.ingest(index, result));
  }
  return collector.summary();
}
