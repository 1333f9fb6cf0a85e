// Command-line arguments of `npm run sim`: one run, `sweep GRID.json`, `merge A.jsonl B.jsonl …`.
// Parsing only; every mistake is a UsageError whose message says what to type instead.
import { availableParallelism } from "node:os";
import { parseCount, PRESETS } from "../../src/lib/toy/index.js";
import { MODEL_IDS, modelById } from "./models.js";
import { UsageError, type RunSpec } from "./model.js";

export { UsageError, type RunSpec };

export const DEFAULT_MAX_MINUTES = 5;

export const USAGE = `usage: npm run sim -- ['<json config overrides>'] [--seeds N] [--steps T] [--paired '<json overrides for B>'] [--preset NAME] [--workers N]
       npm run sim -- sweep GRID.json [--shard i/n] [--workers N]
       npm run sim -- merge A.jsonl B.jsonl …
  overrides   JSON object merged into the defaults (after the preset), e.g. '{"lr":2,"clip":{"epsHigh":0.28}}'
  --seeds N   number of seeds (seed, seed+1, …; default 64, 48 for --model tokens)
  --steps T   RL steps per seed (default: the config's steps, 200)
  --paired J  also run configuration B = A + J on the same seeds and report A − B (J cannot change the seed)
  --preset P  start from a preset (${PRESETS.map((p) => p.id).join(", ")}; --model tokens --list-presets lists the token model's)
  --workers N run the seeds on N threads: the main one and N − 1 workers ('auto' = one per core; default 1); the output is identical
  --max-minutes M  refuse runs estimated above M minutes of one core's compute (default ${DEFAULT_MAX_MINUTES})
  --model M   the model to run (${MODEL_IDS.join(", ")}; default toy)
  --list-presets  print the presets as JSON and exit
  sweep       run every point of a grid, one JSON line per point (GRID.json: {"model": "toy"|"tokens", "base": {…}, "axes": {"clip.epsHigh": [0.2, 0.28]}, "seeds": N, "steps": T, "paired": {…}|null})
  --shard i/n only the points p with p mod n = i − 1 (i = 1 … n), for running a grid on n machines
  merge       check that shard outputs are one complete grid and print it as the unsharded sweep would`;

export interface SimArgs extends RunSpec {
  command: "run" | "sweep" | "merge";
  model: string;
  /** whether --model was on the command line (a sweep grid naming another model is then refused) */
  modelGiven: boolean;
  workers: number;
  maxMinutes: number;
  /** sweep: the grid file; merge: the shard files */
  files: string[];
  shard: { index: number; count: number } | null;
  listPresets: boolean;
  help: boolean;
}

export function parseJsonObject(text: string, what: string): Record<string, unknown> {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${what} is not valid JSON: ${(e as Error).message}\n  got: ${text.length > 200 ? text.slice(0, 200) + "…" : text}`);
  }
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new UsageError(`${what} must be a JSON object like {"lr": 2}`);
  return v as Record<string, unknown>;
}

function parsePositiveInt(text: string | undefined, flag: string): number {
  if (text === undefined) throw new UsageError(`${flag} needs a value`);
  const n = parseCount(text);
  if (n === null || n < 1) throw new UsageError(`${flag} must be a whole number ≥ 1 written in plain digits, like 64 (got ${JSON.stringify(text)})`);
  return n;
}

export const MAX_WORKERS = 64;

function parseWorkers(text: string | undefined): number {
  if (text === "auto") return Math.min(MAX_WORKERS, availableParallelism());
  const n = parsePositiveInt(text, "--workers");
  if (n > MAX_WORKERS) throw new UsageError(`--workers must be at most ${MAX_WORKERS} (got ${n}); 'auto' uses one per core`);
  return n;
}

export function parseShard(text: string | undefined): { index: number; count: number } {
  const m = text === undefined ? null : /^([0-9]{1,9})\/([0-9]{1,9})$/.exec(text);
  const index = m ? Number(m[1]) : NaN, count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count)
    throw new UsageError(`--shard must be i/n with 1 ≤ i ≤ n, e.g. --shard 2/4 for the second of four machines (got ${JSON.stringify(text ?? "")})`);
  return { index, count };
}

export function parseSimArgs(argv: string[]): SimArgs {
  const out: SimArgs = {
    command: "run", overrides: {}, seeds: 64, steps: null, paired: null, preset: null, model: "toy", modelGiven: false, workers: 1,
    maxMinutes: DEFAULT_MAX_MINUTES, files: [], shard: null, listPresets: false, help: false,
  };
  let rest = argv;
  if (argv[0] === "sweep" || argv[0] === "merge") {
    out.command = argv[0];
    rest = argv.slice(1);
  }
  let sawPositional = false, seedsGiven = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => (eq > 0 ? arg.slice(eq + 1) : rest[++i]);
    const only = (...commands: SimArgs["command"][]) => {
      if (commands.includes(out.command)) return;
      const inGrid = out.command === "sweep" && ["--seeds", "--steps", "--paired", "--preset"].includes(flag);
      throw new UsageError(`${flag} does not apply to ${out.command === "run" ? "a single run" : out.command}${inGrid ? ` (set "${flag.slice(2)}" in the grid file)` : ""}`);
    };
    switch (flag) {
      case "--seeds": only("run"); out.seeds = parsePositiveInt(value(), "--seeds"); seedsGiven = true; break;
      case "--steps": only("run"); out.steps = parsePositiveInt(value(), "--steps"); break;
      case "--paired": {
        only("run");
        const v = value();
        if (v === undefined) throw new UsageError("--paired needs a JSON object");
        out.paired = parseJsonObject(v, "--paired");
        break;
      }
      case "--preset": {
        only("run");
        const v = value();
        if (!v) throw new UsageError("--preset needs a name");
        out.preset = v; // checked below against the presets of the model (--model may come later)
        break;
      }
      case "--workers": only("run", "sweep"); out.workers = parseWorkers(value()); break;
      case "--max-minutes": only("run", "sweep"); out.maxMinutes = parsePositiveInt(value(), "--max-minutes"); break;
      case "--shard": only("sweep"); out.shard = parseShard(value()); break;
      case "--model": {
        only("run", "sweep");
        const v = value();
        if (!v || !MODEL_IDS.includes(v)) throw new UsageError(`--model must be one of ${MODEL_IDS.join(", ")} (got ${JSON.stringify(v ?? "")})`);
        out.model = v;
        out.modelGiven = true;
        break;
      }
      case "--list-presets": out.listPresets = true; break;
      case "--help": case "-h": out.help = true; break;
      default:
        if (arg.startsWith("-") && !arg.startsWith("{")) throw new UsageError(`unknown option ${arg}`);
        if (out.command !== "run") { out.files.push(arg); break; }
        if (sawPositional) throw new UsageError(`only one JSON overrides argument is allowed (extra: ${arg})`);
        out.overrides = parseJsonObject(arg, "the config overrides");
        sawPositional = true;
    }
  }
  const model = modelById(out.model);
  if (!seedsGiven) out.seeds = model.defaultSeeds ?? out.seeds;
  const presets = model.presets ?? PRESETS;
  if (out.preset && !presets.some((p) => p.id === out.preset))
    throw new UsageError(`unknown preset '${out.preset}'${out.model === "toy" ? "" : ` of the ${out.model} model`} (known: ${presets.map((p) => p.id).join(", ")})`);
  if (!out.help && !out.listPresets) {
    if (out.command === "sweep" && out.files.length !== 1) throw new UsageError(`sweep needs exactly one GRID.json file (got ${out.files.length})`);
    if (out.command === "merge" && out.files.length === 0) throw new UsageError("merge needs the shard files, e.g. merge out-1.jsonl out-2.jsonl");
  }
  return out;
}
