// The strategy toy as a model of the worker pool (src/lib/toy/pool.ts): seeds by runSeedRows, merged by
// EnsembleRunner.ingest (pooled = sequential bit for bit, test/unit/toy-ensemble.test.ts).
import { resolveConfig, type ToyConfig } from "./config.js";
import { EnsembleRunner, runEnsembleStreaming, runSeedRows, type EnsembleResult, type SeedRows } from "./ensemble.js";
import type { PoolModel } from "./pool.js";

export type ToySeedResult = { a: SeedRows; b?: SeedRows };

export const toyPoolModel: PoolModel<ToyConfig, ToySeedResult, EnsembleResult> = {
  resolve: (o) => resolveConfig(o),
  runSeed: (a, index, b) => runSeedRows(a, index, b),
  transferables: (r) => [r.a.rows.buffer as ArrayBuffer, ...(r.b ? [r.b.rows.buffer as ArrayBuffer] : [])],
  merger(a, seeds, b) {
    const runner = new EnsembleRunner(a, seeds, b);
    return {
      ingest: (index, r) => runner.ingest(index, r.a, r.b),
      result: () => runner.result(),
      partial: () => runner.partialResult(),
      get completed() { return runner.completed; },
      get total() { return runner.seeds.length; },
      get done() { return runner.done; },
    };
  },
  stream: (a, seeds, b, _options, o) =>
    runEnsembleStreaming(a, seeds, b, { signal: o.signal, partialMs: o.partialMs, onPartial: (r, completed, total) => o.onPartial(r, completed, total, completed) }),
};
