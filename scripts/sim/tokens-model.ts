// The token-level toy (src/lib/toy/tokens/) as a command-line model (`npm run sim -- --model tokens`):
// preset → overrides → --steps for A, B = A + paired, seeds run by `runTokenSeedRows` (a pure function of the
// configs and the seed index, so any worker thread can run any seed) and gathered by `TokenEnsemble.ingest`
// (summaries iterate seeds in seed order, so pooled = sequential bit for bit), printed as the summary JSON
// of README "The token-level toy (--model tokens)".
import { seedRangeProblem } from "../../src/lib/toy/index.js";
import {
  checkTokenEnsembleSize, diffTokenConfig, estimateTokenSeconds, mergeTokenConfig, resolveTokenConfig, runTokenSeedRows, TOKEN_PRESETS,
  tokenBudgetProblem, TokenEnsemble, tokenPresetById, validateTokenConfig,
  type TokenEnsembleResult, type TokenSeedRows, type TokenToyConfig,
} from "../../src/lib/toy/tokens/index.js";
import { pairedConfigs, type Collector, type RunSpec, type SimModel } from "./model.js";

export type TokenSeedResult = { a: TokenSeedRows; b?: TokenSeedRows };

export const TOKEN_DEFAULT_SEEDS = 48;

/** Configuration A (and B) from a run spec: preset → overrides → --steps; B = A + paired. */
export function tokenConfigs(spec: RunSpec): { a: TokenToyConfig; b: TokenToyConfig | null } {
  return pairedConfigs(spec, {
    presetById: tokenPresetById, unknownPreset: (id) => `unknown token-model preset '${id}' (known: ${TOKEN_PRESETS.map((p) => p.id).join(", ")})`,
    resolve: (o) => resolveTokenConfig(o), merge: mergeTokenConfig, validate: validateTokenConfig,
  });
}

export function tokensSummaryJson(spec: RunSpec, a: TokenToyConfig, b: TokenToyConfig | null, r: TokenEnsembleResult) {
  const out: Record<string, unknown> = {
    tool: "spurious-rewards token-level toy model (scripts/sim.ts --model tokens)",
    model: "tokens",
    preset: spec.preset,
    config: a,
    configOverridesFromDefaults: diffTokenConfig(a),
    seeds: { first: r.a.seeds[0], count: r.a.seeds.length, list: "seed, seed+1, …" },
    steps: a.steps,
    strategies: r.a.strategies,
    metrics: r.a.metricNames,
    stepIndex: "arrays have steps+1 entries: index t is the state after RL step t (t = 0 is the initial policy)",
    perStep: r.a.stats,
    final: r.a.final,
    guardHits: r.a.guardHits,
  };
  if (b && r.b && r.diff) {
    out.paired = {
      config: b,
      overridesOnA: spec.paired,
      perStep: r.b.stats,
      final: r.b.final,
      difference: "A − B per seed (same seeds, common random numbers), then mean and SE over seeds",
      zeta: { metric: "zeta", perStep: r.diff.series.zeta, final: r.diff.final.zeta },
      finalDifferences: r.diff.final,
      guardHits: r.b.guardHits,
    };
  }
  return out;
}

export const tokensModel: SimModel<TokenToyConfig, TokenSeedResult> = {
  id: "tokens",
  defaultSeeds: TOKEN_DEFAULT_SEEDS,
  presets: TOKEN_PRESETS,
  configs: tokenConfigs,
  problems(spec, a, b, budgetSeconds) {
    const p = checkTokenEnsembleSize(a, spec.seeds);
    const wrap = seedRangeProblem(a.seed, spec.seeds);
    if (wrap) p.push(wrap);
    if (b) {
      if (b.strategies.length !== a.strategies.length) p.push("the paired configuration must have the same number of modes as A");
      if (b.steps !== a.steps) p.push(`the paired configuration must have the same number of steps as A (${a.steps}); change steps in the main overrides or with --steps`);
      if (b.classEdges.length !== a.classEdges.length) p.push("the paired configuration must have the same number of class edges as A");
    }
    if (!p.length) {
      const over = tokenBudgetProblem(a, spec.seeds, b, budgetSeconds);
      if (over) p.push(`${over}, or raise --max-minutes`);
    }
    return p;
  },
  estimateSeconds: (spec, a, b) => estimateTokenSeconds(a, spec.seeds, b),
  runSeed: (a, index, b) => runTokenSeedRows(a, index, b ?? undefined),
  transferables: (r) => [r.a.rows.buffer as ArrayBuffer, ...(r.b ? [r.b.rows.buffer as ArrayBuffer] : [])],
  collector(spec, a, b): Collector<TokenSeedResult> {
    const ensemble = new TokenEnsemble(a, spec.seeds, b ?? undefined);
    return {
      ingest: (index, r) => ensemble.ingest(index, r.a, r.b),
      summary: () => tokensSummaryJson(spec, a, b, ensemble.result()),
    };
  },
};
