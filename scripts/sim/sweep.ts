// `npm run sim -- sweep GRID.json [--shard i/n] [--workers N]`: every point of a grid of settings, one JSON
// line per point, in point order. A point's line depends only on the grid and the point, never on the shard
// or the worker count, so shards run anywhere can be merged back into the unsharded output (merge.ts).
import { createHash } from "node:crypto";
import { PRESETS } from "../../src/lib/toy/index.js";
import { MODEL_IDS, modelById } from "./models.js";
import { describeSeconds } from "../../src/lib/toy/cost.js";
import { UsageError, type RunSpec, type SimModel } from "./model.js";
import { prepare, RefusedError, runEnsembleWith } from "./run.js";
import type { WorkerPool } from "./workers.js";

export const MAX_POINTS = 100_000;
const GRID_KEYS = ["model", "base", "axes", "seeds", "steps", "paired", "preset"] as const;
const AXIS_PATH = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

export interface Grid {
  /** the model the grid names ("model" key), or null: then --model decides */
  model: string | null;
  base: Record<string, unknown>;
  /** in the file's order; the last axis varies fastest */
  axes: [string, unknown[]][];
  seeds: number;
  steps: number | null;
  paired: Record<string, unknown> | null;
  preset: string | null;
}

export interface GridPoint {
  index: number;
  /** axis path → this point's value */
  settings: Record<string, unknown>;
  spec: RunSpec;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const wholeAtLeast1 = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 1;

/** Reads and checks a grid file's text; every problem is a UsageError naming the key and what is expected. */
export function parseGrid(text: string, file = "GRID.json"): Grid {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  if (!isObject(raw)) throw new UsageError(`${file} must be a JSON object like {"base": {}, "axes": {"clip.epsHigh": [0.2, 0.28]}, "seeds": 64}`);
  const problems: string[] = [];
  for (const key of Object.keys(raw))
    if (!(GRID_KEYS as readonly string[]).includes(key)) problems.push(`unknown key '${key}' (known: ${GRID_KEYS.join(", ")})`);
  const base = raw.base ?? {};
  if (!isObject(base)) problems.push(`'base' must be an object of config overrides, like {"lr": 2}`);
  const axesRaw = raw.axes ?? {};
  const axes: [string, unknown[]][] = [];
  if (!isObject(axesRaw)) problems.push(`'axes' must be an object mapping a setting to its values, like {"clip.epsHigh": [0.2, 0.28]}`);
  else for (const [path, values] of Object.entries(axesRaw)) {
    if (!AXIS_PATH.test(path)) problems.push(`axis '${path}' is not a setting path like "clip.epsHigh"`);
    else if (!Array.isArray(values) || values.length === 0) problems.push(`axis '${path}' must list at least one value, like [0.2, 0.28]`);
    else {
      const seen = new Set<string>();
      for (const v of values) {
        const k = JSON.stringify(v);
        if (seen.has(k)) problems.push(`axis '${path}' lists ${k} twice`);
        seen.add(k);
      }
      axes.push([path, values]);
    }
  }
  const modelId = raw.model ?? null;
  if (modelId !== null && (typeof modelId !== "string" || !MODEL_IDS.includes(modelId)))
    problems.push(`'model' must be one of ${MODEL_IDS.join(", ")} or absent (got ${JSON.stringify(modelId)})`);
  const model = typeof modelId === "string" && MODEL_IDS.includes(modelId) ? modelById(modelId) : null;
  const seeds = raw.seeds ?? model?.defaultSeeds ?? 64;
  if (!wholeAtLeast1(seeds)) problems.push(`'seeds' must be a whole number ≥ 1 (got ${JSON.stringify(seeds)})`);
  const steps = raw.steps ?? null;
  if (steps !== null && !wholeAtLeast1(steps)) problems.push(`'steps' must be a whole number ≥ 1 or null (got ${JSON.stringify(steps)})`);
  const paired = raw.paired ?? null;
  if (paired !== null && !isObject(paired)) problems.push(`'paired' must be an object of overrides for B, or null`);
  const preset = raw.preset ?? null;
  const presets = model?.presets ?? PRESETS;
  if (preset !== null && (typeof preset !== "string" || !presets.some((p) => p.id === preset)))
    problems.push(`'preset' must be one of ${presets.map((p) => p.id).join(", ")} or null (got ${JSON.stringify(preset)})`);
  const points = axes.reduce((n, [, v]) => n * v.length, 1);
  if (points > MAX_POINTS) problems.push(`the grid has ${points} points, more than ${MAX_POINTS}; split it into several grids`);
  if (problems.length) throw new UsageError(`${file}:\n  - ${problems.join("\n  - ")}`);
  return { model: modelId as string | null, base: base as Record<string, unknown>, axes, seeds: seeds as number, steps: steps as number | null, paired: paired as Record<string, unknown> | null, preset: preset as string | null };
}

/** Short id of a grid (and model): shards carry it so merge can tell shards of different grids apart. */
export function gridId(grid: Grid, model: string): string {
  const canonical = JSON.stringify({ model, base: grid.base, axes: grid.axes, seeds: grid.seeds, steps: grid.steps, paired: grid.paired, preset: grid.preset });
  return createHash("sha256").update(canonical).digest("hex").slice(0, 16);
}

export function pointCount(grid: Grid): number {
  return grid.axes.reduce((n, [, v]) => n * v.length, 1);
}

/** Sets `path` ("clip.epsHigh") in a copy of `base`, creating objects on the way; own keys only. */
export function withPath(base: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const out = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
  const parts = path.split(".");
  let node = out;
  for (let i = 0; i < parts.length; i++) {
    const key = parts[i];
    const define = (v: unknown) => Object.defineProperty(node, key, { value: v, enumerable: true, writable: true, configurable: true });
    if (i === parts.length - 1) { define(value); break; }
    const next = Object.hasOwn(node, key) ? node[key] : undefined;
    if (next === undefined) define({});
    else if (!isObject(next)) throw new UsageError(`axis '${path}' goes through '${parts.slice(0, i + 1).join(".")}', which the base sets to ${JSON.stringify(next)}, not an object`);
    node = node[key] as Record<string, unknown>;
  }
  return out;
}

/** Point `index` of the grid: axes in file order, the last one varying fastest (like nested loops). */
export function gridPoint(grid: Grid, index: number): GridPoint {
  const settings: Record<string, unknown> = {};
  let overrides = grid.base;
  let rest = index;
  const picks: [string, unknown][] = [];
  for (let k = grid.axes.length - 1; k >= 0; k--) {
    const [path, values] = grid.axes[k];
    picks.unshift([path, values[rest % values.length]]);
    rest = Math.floor(rest / values.length);
  }
  for (const [path, value] of picks) {
    Object.defineProperty(settings, path, { value, enumerable: true, writable: true, configurable: true });
    overrides = withPath(overrides, path, value);
  }
  // grid steps apply like --steps, but an axis over "steps" wins
  const stepsOnAxis = grid.axes.some(([p]) => p === "steps");
  const spec: RunSpec = { overrides, seeds: grid.seeds, steps: stepsOnAxis ? null : grid.steps, paired: grid.paired, preset: grid.preset };
  return { index, settings, spec };
}

/** Point indices of shard i of n (1-based): every n-th point starting at i − 1. */
export function shardPoints(total: number, shard: { index: number; count: number } | null): number[] {
  const out: number[] = [];
  const [start, step] = shard ? [shard.index - 1, shard.count] : [0, 1];
  for (let p = start; p < total; p += step) out.push(p);
  return out;
}

export interface SweepOptions {
  shard: { index: number; count: number } | null;
  maxMinutes: number;
  pool: WorkerPool | null;
  /** receives each point's JSON line (with its newline) as soon as the point is done */
  write: (line: string) => void;
  /** progress notes for a person (stderr), never part of the output */
  info?: (message: string) => void;
}

/**
 * Runs the shard's points of a grid. Every point of the whole grid is checked first (a bad grid fails the
 * same way on every machine, before any compute), then the shard's points run in order.
 */
export async function runSweep<C, R>(model: SimModel<C, R>, grid: Grid, opt: SweepOptions): Promise<void> {
  const total = pointCount(grid);
  const id = gridId(grid, model.id);
  const prepared: { a: C; b: C | null }[] = [];
  const selected = new Set(shardPoints(total, opt.shard));
  const problems: string[] = [];
  for (let p = 0; p < total && problems.length < 5; p++) {
    const point = gridPoint(grid, p);
    try {
      const configs = prepare(model, point.spec, opt.maxMinutes);
      if (selected.has(p)) prepared[p] = configs;
    } catch (e) {
      const where = Object.entries(point.settings).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(", ");
      problems.push(`point ${p}${where ? ` (${where})` : ""}: ${(e as Error).message.replace(/^invalid toy configuration:\n\s*- /, "").replace(/\n\s*(- )?/g, "; ")}`);
    }
  }
  if (problems.length) throw new RefusedError(`the grid has points that cannot run (first ${problems.length} shown):\n  ${problems.join("\n  ")}`);
  let seconds = 0;
  for (const p of selected) seconds += model.estimateSeconds(gridPoint(grid, p).spec, prepared[p].a, prepared[p].b);
  const threads = opt.pool?.size ?? 1;
  opt.info?.(`sweep: grid ${id}, ${total} points${opt.shard ? `, shard ${opt.shard.index}/${opt.shard.count}: ${selected.size} of them` : ""}; estimated ${describeSeconds(seconds)} of one core${threads > 1 ? ` (${threads} threads: ${describeSeconds(seconds / threads)} at best)` : ""}\n`);
  let finished = 0;
  for (const p of selected) {
    const point = gridPoint(grid, p);
    const { a, b } = prepared[p];
    const summary = await runEnsembleWith(model, point.spec, a, b, opt.pool);
    opt.write(JSON.stringify({ grid: id, point: p, points: total, settings: point.settings, ...summary }) + "\n");
    opt.info?.(`sweep: point ${p} done (${++finished} of ${selected.size})\n`);
  }
}
