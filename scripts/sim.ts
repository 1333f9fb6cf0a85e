// Command-line front end of the toy model (README "The toy model on the command line"):
//   npm run sim -- '<json overrides>' [--seeds N] [--steps T] [--paired '<json>'] [--preset NAME] [--workers N]
//   npm run sim -- sweep GRID.json [--shard i/n] [--workers N]
//   npm run sim -- merge A.jsonl B.jsonl …
// Prints JSON on stdout; errors go to stderr with a non-zero exit. Uses the same module and seeds as the
// page, so numbers agree. The parts live in scripts/sim/ (args, model, run, workers, sweep, merge).
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { PRESETS, ToyConfigError } from "../src/lib/toy/index.js";
import { parseSimArgs, USAGE, UsageError, type SimArgs } from "./sim/args.js";
import { MergeError, mergeShards } from "./sim/merge.js";
import { modelById } from "./sim/models.js";
import { prepare, RefusedError, runEnsembleWith } from "./sim/run.js";
import { parseGrid, runSweep } from "./sim/sweep.js";
import { WorkerPool } from "./sim/workers.js";

export { parseSimArgs, USAGE, UsageError, type SimArgs };
export { toyConfigs as configsFromArgs, summaryJson } from "./sim/toy-model.js";

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read ${what} ${file}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}`);
  }
}

async function execute(args: SimArgs, write: (s: string) => void, info?: (s: string) => void): Promise<void> {
  if (args.command === "merge") {
    write(mergeShards(args.files.map((name) => ({ name, text: readText(name, "shard file") }))));
    return;
  }
  // a sweep's model is the grid's when it names one (refused when --model names another)
  const grid = args.command === "sweep" ? parseGrid(readText(args.files[0], "grid file"), args.files[0]) : null;
  if (grid?.model && args.modelGiven && grid.model !== args.model)
    throw new UsageError(`${args.files[0]} names the model '${grid.model}' but --model says '${args.model}'; drop one`);
  const model = modelById(grid?.model ?? args.model);
  const pool = args.workers > 1 ? new WorkerPool(args.workers) : null;
  try {
    if (grid) {
      await runSweep(model, grid, { shard: args.shard, maxMinutes: args.maxMinutes, pool, write, info });
    } else {
      const { a, b } = prepare(model, args, args.maxMinutes);
      write(JSON.stringify(await runEnsembleWith(model, args, a, b, pool)) + "\n");
    }
  } finally {
    await pool?.close();
  }
}

/**
 * Runs the CLI. Output goes to `write` as it is produced (a sweep line per point); without `write` it is
 * collected and returned as `stdout`. `info` gets progress notes (the command line sends them to stderr).
 * Exit codes: 0 ok, 2 a usage, config, refused or merge problem, 1 a bug.
 */
export async function runCli(argv: string[], write?: (s: string) => void, info?: (s: string) => void): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  const out = write ?? ((s: string) => void (stdout += s));
  try {
    const args = parseSimArgs(argv);
    if (args.help) return { code: 0, stdout: USAGE + "\n", stderr: "" };
    if (args.listPresets) return { code: 0, stdout: JSON.stringify(modelById(args.model).presets ?? PRESETS, null, 2) + "\n", stderr: "" };
    await execute(args, out, info);
    return { code: 0, stdout, stderr: "" };
  } catch (e) {
    if (e instanceof UsageError) return { code: 2, stdout: "", stderr: `sim: ${e.message}\n(npm run sim -- --help lists the options)\n` };
    if (e instanceof ToyConfigError || e instanceof RefusedError || e instanceof MergeError || e instanceof RangeError)
      return { code: 2, stdout: "", stderr: `sim: ${e.message}\n` };
    return { code: 1, stdout: "", stderr: `sim: unexpected error: ${(e as Error).stack ?? e}\n` };
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // `npm run sim | head`: the reader closing the pipe early is not an error; stop quietly
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
  const r = await runCli(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
  if (r.stdout) process.stdout.write(r.stdout);
  if (r.stderr) process.stderr.write(r.stderr);
  process.exitCode = r.code;
}
