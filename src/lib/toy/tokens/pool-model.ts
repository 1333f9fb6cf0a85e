// The token-level toy as a model of the worker pool (src/lib/toy/pool.ts): seeds by runTokenSeedTrace (rows
// plus the histograms and clip counts the page draws), merged by TokenRunMerger (pooled = sequential bit for
// bit, test/unit/toy-tokens-pool.test.ts). Run options: {metrics?: string[]}, the metrics to summarise.
import type { PoolModel } from "../pool.js";
import { resolveTokenConfig, type TokenToyConfig } from "./config.js";
import { runTokenSeedTrace, streamTokenEnsemble, TokenRunMerger, tokenSeedTransferables, type TokenRunSummary, type TokenSeedResult } from "./stream.js";

export interface TokenRunOptions { metrics?: string[] }
const metricsOf = (o: unknown) => (o as TokenRunOptions | undefined)?.metrics;

export const tokenPoolModel: PoolModel<TokenToyConfig, TokenSeedResult, TokenRunSummary> = {
  resolve: (o) => resolveTokenConfig(o),
  runSeed: (a, index, b) => runTokenSeedTrace(a, index, b),
  transferables: tokenSeedTransferables,
  merger: (a, seeds, b, options) => new TokenRunMerger(a, seeds, b, metricsOf(options)),
  stream: (a, seeds, b, options, o) =>
    streamTokenEnsemble(a, seeds, b, {
      signal: o.signal, partialMs: o.partialMs, metrics: metricsOf(options),
      onPartial: (p) => o.onPartial({ result: p.result, extras: p.extras }, p.result.completed, p.result.total, p.progress),
    }),
};
