// Command-line front end of the token-level toy: `npm run sim -- --model tokens '<json overrides>'
// [--seeds N] [--steps T] [--paired '<json overrides for B>'] [--preset NAME]`. Same output layout and
// error contract as the strategy bandit's CLI (scripts/sim.ts): one JSON object on stdout; errors on
// stderr with exit code 2 (nothing on stdout); unexpected failures exit 1.
import {
  diffTokenConfig, mergeTokenConfig, resolveTokenConfig, runTokenEnsemble, TOKEN_PRESETS, tokenPresetById, validateTokenConfig,
  type TokenEnsembleResult, type TokenSummary, type TokenToyConfig,
} from "../src/lib/toy/tokens/index.js";
import { ToyConfigError } from "../src/lib/toy/config.js";

export const TOKENS_USAGE = `usage: npm run sim -- --model tokens ['<json config overrides>'] [--seeds N] [--steps T] [--paired '<json overrides for B>'] [--preset NAME]
  overrides   JSON object merged into the token model's defaults (after the preset), e.g. '{"lr":16,"clip":{"scope":"content"}}'
  --seeds N   number of seeds (seed, seed+1, …; default 48)
  --steps T   RL steps per seed (default: the config's steps, 200)
  --paired J  also run configuration B = A + J on the same seeds and report A − B
  --preset P  start from a preset (${TOKEN_PRESETS.map((p) => p.id).join(", ")})
  --list-presets  print the presets as JSON and exit`;

export class TokensUsageError extends Error {}

export interface TokensArgs {
  overrides: Record<string, unknown>;
  seeds: number;
  steps: number | null;
  paired: Record<string, unknown> | null;
  preset: string | null;
  listPresets: boolean;
  help: boolean;
}

/** Which model argv asks for, and argv without `--model X`. */
export function routeModel(argv: string[]): { model: string; argv: string[] } {
  const rest: string[] = [];
  let model = "bandit";
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--model") model = argv[++i] ?? "";
    else if (a.startsWith("--model=")) model = a.slice(8);
    else rest.push(a);
  }
  return { model, argv: rest };
}

function parseJsonObject(text: string, what: string): Record<string, unknown> {
  let v: unknown;
  try { v = JSON.parse(text); } catch (e) { throw new TokensUsageError(`${what} is not valid JSON: ${(e as Error).message}\n  got: ${text}`); }
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new TokensUsageError(`${what} must be a JSON object like {"lr": 16}`);
  return v as Record<string, unknown>;
}

function positiveInt(text: string | undefined, flag: string): number {
  if (text === undefined) throw new TokensUsageError(`${flag} needs a value`);
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new TokensUsageError(`${flag} must be a whole number ≥ 1 (got ${JSON.stringify(text)})`);
  return n;
}

export function parseTokensArgs(argv: string[]): TokensArgs {
  const out: TokensArgs = { overrides: {}, seeds: 48, steps: null, paired: null, preset: null, listPresets: false, help: false };
  let positional = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => (eq > 0 ? arg.slice(eq + 1) : argv[++i]);
    switch (flag) {
      case "--seeds": out.seeds = positiveInt(value(), "--seeds"); break;
      case "--steps": out.steps = positiveInt(value(), "--steps"); break;
      case "--paired": { const v = value(); if (v === undefined) throw new TokensUsageError("--paired needs a JSON object"); out.paired = parseJsonObject(v, "--paired"); break; }
      case "--preset": {
        const v = value();
        if (!v) throw new TokensUsageError("--preset needs a name");
        if (!tokenPresetById(v)) throw new TokensUsageError(`unknown token-model preset '${v}' (known: ${TOKEN_PRESETS.map((p) => p.id).join(", ")})`);
        out.preset = v;
        break;
      }
      case "--list-presets": out.listPresets = true; break;
      case "--help": case "-h": out.help = true; break;
      default:
        if (arg.startsWith("-") && !arg.startsWith("{")) throw new TokensUsageError(`unknown option ${arg}`);
        if (positional) throw new TokensUsageError(`only one JSON overrides argument is allowed (extra: ${arg})`);
        out.overrides = parseJsonObject(arg, "the config overrides");
        positional = true;
    }
  }
  return out;
}

export function tokenConfigsFromArgs(args: TokensArgs): { a: TokenToyConfig; b: TokenToyConfig | null } {
  const preset = args.preset ? tokenPresetById(args.preset)! : null;
  const a = mergeTokenConfig(resolveTokenConfig(preset?.overrides ?? {}), args.overrides);
  if (args.steps !== null) a.steps = args.steps;
  const pa = validateTokenConfig(a);
  if (pa.length) throw new ToyConfigError(pa);
  let b: TokenToyConfig | null = null;
  if (args.paired) {
    b = mergeTokenConfig(a, args.paired);
    const pb = validateTokenConfig(b);
    if (pb.length) throw new ToyConfigError(pb.map((p) => `paired config B: ${p}`));
  }
  return { a, b };
}

const perStep = (s: TokenSummary) => s.stats;

export function tokensSummaryJson(args: TokensArgs, a: TokenToyConfig, b: TokenToyConfig | null, r: TokenEnsembleResult) {
  const out: Record<string, unknown> = {
    tool: "spurious-rewards token-level toy model (scripts/sim-tokens.ts)",
    model: "tokens",
    preset: args.preset,
    config: a,
    configOverridesFromDefaults: diffTokenConfig(a),
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
      overridesOnA: args.paired,
      perStep: perStep(r.b),
      final: r.b.final,
      difference: "A − B per seed (same seeds, common random numbers), then mean and SE over seeds",
      zeta: { metric: "zeta", perStep: r.diff.series.zeta, final: r.diff.final.zeta },
      finalDifferences: r.diff.final,
      guardHits: r.b.guardHits,
    };
  }
  return out;
}

/** The token model's CLI; argv without `--model tokens`. */
export function runTokensCli(argv: string[]): { code: number; stdout: string; stderr: string } {
  try {
    const args = parseTokensArgs(argv);
    if (args.help) return { code: 0, stdout: TOKENS_USAGE + "\n", stderr: "" };
    if (args.listPresets) return { code: 0, stdout: JSON.stringify(TOKEN_PRESETS, null, 2) + "\n", stderr: "" };
    const { a, b } = tokenConfigsFromArgs(args);
    const r = runTokenEnsemble(a, args.seeds, b ?? undefined);
    return { code: 0, stdout: JSON.stringify(tokensSummaryJson(args, a, b, r)) + "\n", stderr: "" };
  } catch (e) {
    if (e instanceof TokensUsageError) return { code: 2, stdout: "", stderr: `sim: ${e.message}\n${TOKENS_USAGE}\n` };
    if (e instanceof ToyConfigError || e instanceof RangeError) return { code: 2, stdout: "", stderr: `sim: ${e.message}\n` };
    return { code: 1, stdout: "", stderr: `sim: unexpected error: ${(e as Error).stack ?? e}\n` };
  }
}
