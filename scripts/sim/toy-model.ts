// The clipping-bias toy (src/lib/toy/) as a command-line model: preset → overrides → --steps for A,
// B = A + paired, seeds run by `runSeedRows` and gathered by `EnsembleRunner.ingest` (pooled = sequential
// bit for bit), printed as the summary JSON described in README "The toy model on the command line".
import {
  checkEnsembleSize, diffConfig, EnsembleRunner, mergeConfig, presetById, resolveConfig, seedRangeProblem,
  validateConfig, type EnsembleResult, type EnsembleSummary, type ToyConfig,
} from "../../src/lib/toy/index.js";
import { budgetProblem, estimateCost, UNITS_PER_SECOND } from "../../src/lib/toy/cost.js";
import { toyPoolModel, type ToySeedResult } from "../../src/lib/toy/pool-model.js";
import { pairedConfigs, type Collector, type RunSpec, type SimModel } from "./model.js";

// one seed's work is the page's worker pool unit (src/lib/toy/pool-model.ts)
export type { ToySeedResult };

/** Configuration A (and B) from a run spec: preset → overrides → --steps; B = A + paired. */
export function toyConfigs(spec: RunSpec): { a: ToyConfig; b: ToyConfig | null } {
  return pairedConfigs(spec, {
    presetById, unknownPreset: (id) => `unknown preset '${id}'`,
    resolve: (o) => resolveConfig(o), merge: mergeConfig, validate: validateConfig,
  });
}

function perStep(s: EnsembleSummary) {
  return Object.fromEntries(s.metricNames.map((m) => [m, { mean: s.stats[m].mean, se: s.stats[m].se }]));
}

export function summaryJson(spec: RunSpec, a: ToyConfig, b: ToyConfig | null, r: EnsembleResult) {
  const out: Record<string, unknown> = {
    tool: "spurious-rewards toy model (scripts/sim.ts)",
    preset: spec.preset,
    config: a,
    configOverridesFromDefaults: diffConfig(a),
    seeds: { first: r.a.seeds[0], count: r.a.seeds.length, list: "seed, seed+1, …" },
    steps: a.steps,
    strategies: r.a.strategies,
    metrics: r.a.metricNames,
    stepIndex: "arrays have steps+1 entries: index t is the state after RL step t (t = 0 is the initial policy)",
    perStep: perStep(r.a),
    final: r.a.final,
    guardHits: r.a.guardHits,
  };
  if (b && r.b && r.diff) {
    out.paired = {
      config: b,
      overridesOnA: spec.paired,
      perStep: perStep(r.b),
      final: r.b.final,
      difference: "A − B per seed (same seeds, common random numbers), then mean and SE over seeds",
      logitGap: { metric: "du", perStep: r.diff.series.du, final: r.diff.final.du },
      finalDifferences: r.diff.final,
      guardHits: r.b.guardHits,
    };
  }
  return out;
}

export const toyModel: SimModel<ToyConfig, ToySeedResult> = {
  id: "toy",
  configs: toyConfigs,
  problems(spec, a, b, budgetSeconds) {
    const p = checkEnsembleSize(a, spec.seeds);
    const wrap = seedRangeProblem(a.seed, spec.seeds);
    if (wrap) p.push(wrap);
    if (b) {
      if (b.strategies.length !== a.strategies.length) p.push("the paired configuration must have the same number of strategies as A");
      if (b.steps !== a.steps) p.push(`the paired configuration must have the same number of steps as A (${a.steps}); change steps in the main overrides or with --steps`);
    }
    if (!p.length) {
      const over = budgetProblem(estimateCost(a, spec.seeds, b ?? undefined), budgetSeconds * UNITS_PER_SECOND, a, spec.seeds);
      if (over) p.push(`${over}, or raise --max-minutes`);
    }
    return p;
  },
  estimateSeconds: (spec, a, b) => estimateCost(a, spec.seeds, b ?? undefined).seconds,
  runSeed: (a, index, b) => toyPoolModel.runSeed(a, index, b ?? undefined),
  transferables: toyPoolModel.transferables,
  collector(spec, a, b): Collector<ToySeedResult> {
    const runner = new EnsembleRunner(a, spec.seeds, b ?? undefined);
    return {
      ingest: (index, r) => runner.ingest(index, r.a, r.b),
      summary: () => summaryJson(spec, a, b, runner.result()),
    };
  },
};
