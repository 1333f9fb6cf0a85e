// Command-line front end of the toy model: `npm run sim -- '<json overrides>' [--seeds N] [--steps T]
// [--paired '<json overrides for B>'] [--preset NAME]`. Prints a JSON summary on stdout; errors go to
// stderr with a non-zero exit. Uses the same module and seeds as the page, so numbers agree.
import { pathToFileURL } from "node:url";
import {
  diffConfig, mergeConfig, presetById, PRESETS, resolveConfig, runEnsemble, ToyConfigError, validateConfig,
  type EnsembleResult, type EnsembleSummary, type ToyConfig,
} from "../src/lib/toy/index.js";
import { routeModel, runTokensCli } from "./sim-tokens.js";

export const USAGE = `usage: npm run sim -- ['<json config overrides>'] [--seeds N] [--steps T] [--paired '<json overrides for B>'] [--preset NAME]
  overrides   JSON object merged into the defaults (after the preset), e.g. '{"lr":2,"clip":{"epsHigh":0.28}}'
  --seeds N   number of seeds (seed, seed+1, …; default 64)
  --steps T   RL steps per seed (default: the config's steps, 200)
  --paired J  also run configuration B = A + J on the same seeds and report A − B
  --preset P  start from a preset (${PRESETS.map((p) => p.id).join(", ")})
  --list-presets  print the presets as JSON and exit
  --model M   bandit (default) or tokens: the token-level toy (npm run sim -- --model tokens --help)`;

export interface SimArgs {
  overrides: Record<string, unknown>;
  seeds: number;
  steps: number | null;
  paired: Record<string, unknown> | null;
  preset: string | null;
  listPresets: boolean;
  help: boolean;
}

export class UsageError extends Error {}

function parseJsonObject(text: string, what: string): Record<string, unknown> {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${what} is not valid JSON: ${(e as Error).message}\n  got: ${text}`);
  }
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new UsageError(`${what} must be a JSON object like {"lr": 2}`);
  return v as Record<string, unknown>;
}

function parsePositiveInt(text: string | undefined, flag: string): number {
  if (text === undefined) throw new UsageError(`${flag} needs a value`);
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a whole number ≥ 1 (got ${JSON.stringify(text)})`);
  return n;
}

export function parseSimArgs(argv: string[]): SimArgs {
  const out: SimArgs = { overrides: {}, seeds: 64, steps: null, paired: null, preset: null, listPresets: false, help: false };
  let sawPositional = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => (eq > 0 ? arg.slice(eq + 1) : argv[++i]);
    switch (flag) {
      case "--seeds": out.seeds = parsePositiveInt(value(), "--seeds"); break;
      case "--steps": out.steps = parsePositiveInt(value(), "--steps"); break;
      case "--paired": {
        const v = value();
        if (v === undefined) throw new UsageError("--paired needs a JSON object");
        out.paired = parseJsonObject(v, "--paired");
        break;
      }
      case "--preset": {
        const v = value();
        if (!v) throw new UsageError("--preset needs a name");
        if (!presetById(v)) throw new UsageError(`unknown preset '${v}' (known: ${PRESETS.map((p) => p.id).join(", ")})`);
        out.preset = v;
        break;
      }
      case "--list-presets": out.listPresets = true; break;
      case "--help": case "-h": out.help = true; break;
      default:
        if (arg.startsWith("-") && !arg.startsWith("{")) throw new UsageError(`unknown option ${arg}`);
        if (sawPositional) throw new UsageError(`only one JSON overrides argument is allowed (extra: ${arg})`);
        out.overrides = parseJsonObject(arg, "the config overrides");
        sawPositional = true;
    }
  }
  return out;
}

/** Configuration A (and B) from parsed arguments: preset → overrides → --steps; B = A + paired. */
export function configsFromArgs(args: SimArgs): { a: ToyConfig; b: ToyConfig | null } {
  const preset = args.preset ? presetById(args.preset)! : null;
  const withPreset = resolveConfig(preset?.overrides ?? {});
  const a = mergeConfig(withPreset, args.overrides);
  if (args.steps !== null) a.steps = args.steps;
  const pa = validateConfig(a);
  if (pa.length) throw new ToyConfigError(pa);
  let b: ToyConfig | null = null;
  if (args.paired) {
    b = mergeConfig(a, args.paired);
    const pb = validateConfig(b);
    if (pb.length) throw new ToyConfigError(pb.map((p) => `paired config B: ${p}`));
  }
  return { a, b };
}

function perStep(s: EnsembleSummary) {
  return Object.fromEntries(s.metricNames.map((m) => [m, { mean: s.stats[m].mean, se: s.stats[m].se }]));
}

export function summaryJson(args: SimArgs, a: ToyConfig, b: ToyConfig | null, r: EnsembleResult) {
  const out: Record<string, unknown> = {
    tool: "spurious-rewards toy model (scripts/sim.ts)",
    preset: args.preset,
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
      overridesOnA: args.paired,
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

export function runCli(argv: string[]): { code: number; stdout: string; stderr: string } {
  const routed = routeModel(argv);
  if (routed.model === "tokens") return runTokensCli(routed.argv);
  if (routed.model !== "bandit") return { code: 2, stdout: "", stderr: `sim: unknown --model '${routed.model}' (known: bandit, tokens)\n` };
  argv = routed.argv;
  try {
    const args = parseSimArgs(argv);
    if (args.help) return { code: 0, stdout: USAGE + "\n", stderr: "" };
    if (args.listPresets) return { code: 0, stdout: JSON.stringify(PRESETS, null, 2) + "\n", stderr: "" };
    const { a, b } = configsFromArgs(args);
    const r = runEnsemble(a, args.seeds, b ?? undefined);
    return { code: 0, stdout: JSON.stringify(summaryJson(args, a, b, r)) + "\n", stderr: "" };
  } catch (e) {
    if (e instanceof UsageError) return { code: 2, stdout: "", stderr: `sim: ${e.message}\n${USAGE}\n` };
    if (e instanceof ToyConfigError || e instanceof RangeError) return { code: 2, stdout: "", stderr: `sim: ${e.message}\n` };
    return { code: 1, stdout: "", stderr: `sim: unexpected error: ${(e as Error).stack ?? e}\n` };
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = runCli(process.argv.slice(2));
  if (r.stdout) process.stdout.write(r.stdout);
  if (r.stderr) process.stderr.write(r.stderr);
  process.exitCode = r.code;
}
