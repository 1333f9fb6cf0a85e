// `npm run sim -- sweep GRID.json [--shard i/n]` and `merge`: every point's line is the single run of its
// settings, shards partition the grid, and merged shards are byte for byte the unsharded sweep; merge
// refuses shards of different grids, duplicated or missing points and cut-off lines.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../scripts/sim.js";
import { mergeShards } from "../../scripts/sim/merge.js";
import { gridPoint, parseGrid, shardPoints } from "../../scripts/sim/sweep.js";

const dir = mkdtempSync(join(tmpdir(), "sim-sweep-"));
const grid = {
  base: { lr: 1.5 },
  axes: { "clip.epsHigh": [0.2, 0.28], "reward.gamma": [0.3, 0.5, 0.7] },
  seeds: 5,
  steps: 8,
  paired: { clip: { enabled: false } },
};
const gridFile = join(dir, "grid.json");
writeFileSync(gridFile, JSON.stringify(grid));

async function sim(...argv: string[]): Promise<string> {
  const r = await runCli(argv);
  assert.equal(r.code, 0, r.stderr);
  return r.stdout;
}
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

test("one line per point, last axis fastest, each line = the single run of that point's settings", async () => {
  const lines = (await sim("sweep", gridFile)).trimEnd().split("\n").map((l) => JSON.parse(l));
  assert.equal(lines.length, 6);
  assert.deepEqual(lines.map((l) => l.point), [0, 1, 2, 3, 4, 5]);
  assert.ok(lines.every((l) => l.points === 6 && l.grid === lines[0].grid));
  assert.deepEqual(lines[4].settings, { "clip.epsHigh": 0.28, "reward.gamma": 0.5 });
  const { grid: _g, point: _p, points: _n, settings: _s, ...summary } = lines[4];
  const single = JSON.parse(await sim('{"lr":1.5,"clip":{"epsHigh":0.28},"reward":{"gamma":0.5}}', "--seeds", "5", "--steps", "8", "--paired", '{"clip":{"enabled":false}}'));
  assert.deepEqual(summary, single);
});

test("shards i/n partition the points; merged shards are byte for byte the unsharded sweep, whatever the workers", async () => {
  assert.deepEqual(shardPoints(6, { index: 1, count: 4 }), [0, 4]);
  assert.deepEqual(shardPoints(6, { index: 4, count: 4 }), [3]);
  assert.deepEqual(shardPoints(2, { index: 3, count: 3 }), []);
  const full = await sim("sweep", gridFile);
  const shards = [];
  for (let i = 1; i <= 4; i++) shards.push(file(`s${i}.jsonl`, await sim("sweep", gridFile, "--shard", `${i}/4`, "--workers", i % 2 ? "1" : "2")));
  assert.equal(await sim("merge", ...shards), full);
  assert.equal(await sim("merge", ...shards.reverse()), full, "file order does not matter");
  assert.equal(await sim("sweep", gridFile, "--workers", "2"), full);
  // shards saved with `npm run sim > file` start with npm's banner; it is not a point
  const banner = file("banner.jsonl", "\n> sim\n> tsx scripts/sim.ts sweep grid.json --shard 1/1\n\n" + full);
  assert.equal(await sim("merge", banner), full);
});

test("merge refuses missing points, duplicates, other grids and cut-off lines, naming file and line", async () => {
  const full = await sim("sweep", gridFile);
  const lines = full.trimEnd().split("\n");
  const a = file("a.jsonl", lines.slice(0, 3).join("\n") + "\n");
  const b = file("b.jsonl", lines.slice(3).join("\n") + "\n");
  const bad = async (argv: string[], re: RegExp) => {
    const r = await runCli(["merge", ...argv]);
    assert.equal(r.code, 2, argv.join(" "));
    assert.equal(r.stdout, "");
    assert.match(r.stderr, re);
  };
  await bad([a], /incomplete: 3 of the grid's 6 points are missing \(points 3–5\)/);
  await bad([a, b, a], /point 0 is in both .*a\.jsonl line 1 and .*a\.jsonl line 1/);
  const otherGrid = file("other.json", JSON.stringify({ ...grid, seeds: 4 }));
  const other = file("o.jsonl", await sim("sweep", otherGrid, "--shard", "2/2"));
  await bad([a, other], /o\.jsonl line 1 is from another grid/);
  await bad([a, file("cut.jsonl", lines[3] + "\n" + lines[4].slice(0, 100))], /cut\.jsonl line 2 is not a complete JSON line/);
  await bad([file("x.jsonl", '{"hello":1}\n')], /x\.jsonl line 1 is not a line of `npm run sim -- sweep` output/);
  await bad([file("empty.jsonl", "")], /shard files are empty/);
  await bad([join(dir, "nope.jsonl")], /cannot read shard file .*nope\.jsonl: no such file/);
  assert.throws(() => mergeShards([]), /at least one shard/);
});

test("bad grids are refused before anything runs, with what to write instead", async () => {
  const bad = async (text: string, re: RegExp, extra: string[] = []) => {
    const r = await runCli(["sweep", file("bad.json", text), ...extra]);
    assert.equal(r.code, 2, text);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, re, text);
  };
  await bad("{", /not valid JSON/);
  await bad("[]", /must be a JSON object/);
  await bad('{"axis":{}}', /unknown key 'axis'/);
  await bad('{"axes":{"lr":[]}}', /axis 'lr' must list at least one value/);
  await bad('{"axes":{"lr":[1,1]}}', /axis 'lr' lists 1 twice/);
  await bad('{"axes":{"clip..x":[1]}}', /not a setting path/);
  await bad('{"seeds":"8"}', /'seeds' must be a whole number/);
  await bad('{"seeds":1e400}', /'seeds' must be a whole number/);
  await bad('{"paired":[1]}', /'paired' must be an object/);
  await bad('{"preset":"nope"}', /'preset' must be one of/);
  // a point that is invalid is named with its settings; the grid never starts
  await bad('{"axes":{"lr":[1,-1]},"seeds":2,"steps":2}', /point 1 \(lr=-1\): lr must not be negative/);
  await bad('{"axes":{"clip.epsHgh":[0.2]},"seeds":2,"steps":2}', /unknown setting 'clip\.epsHgh'/);
  await bad('{"axes":{"__proto__.lr":[1]},"seeds":2,"steps":2}', /unknown setting '__proto__'/);
  await bad('{"base":{"clip":3},"axes":{"clip.epsHigh":[0.2]}}', /goes through 'clip', which the base sets to 3/);
  await bad('{"axes":{"epochs":[64]},"base":{"promptsPerStep":4096,"G":64},"seeds":100,"steps":500}', /lower /);
  await bad('{}', /--shard must be i\/n/, ["--shard", "0/2"]);
  await bad('{}', /--shard must be i\/n/, ["--shard", "3/2"]);
  const none = await runCli(["sweep"]);
  assert.match(none.stderr, /sweep needs exactly one GRID\.json/);
});

test("progress notes go to the info channel (stderr), never into the output", async () => {
  const notes: string[] = [];
  let out = "";
  const r = await runCli(["sweep", gridFile, "--shard", "1/2"], (s) => (out += s), (s) => notes.push(s));
  assert.equal(r.code, 0, r.stderr);
  assert.match(notes[0]!, /^sweep: grid [0-9a-f]{16}, 6 points, shard 1\/2: 3 of them; estimated about \d+ s of one core/);
  assert.deepEqual(notes.slice(1), ["sweep: point 0 done (1 of 3)\n", "sweep: point 2 done (2 of 3)\n", "sweep: point 4 done (3 of 3)\n"]);
  assert.equal(out.trimEnd().split("\n").length, 3);
  assert.doesNotMatch(out, /sweep:/);
});

test("grid points: an axis over steps wins over the grid's steps; no axes is one point", () => {
  const g = parseGrid('{"axes":{"steps":[3,4]},"steps":9,"seeds":2}');
  assert.equal(gridPoint(g, 1).spec.steps, null);
  assert.deepEqual(gridPoint(g, 1).spec.overrides, { steps: 4 });
  const one = parseGrid('{"base":{"lr":2},"steps":9}');
  assert.deepEqual(gridPoint(one, 0).spec, { overrides: { lr: 2 }, seeds: 64, steps: 9, paired: null, preset: null });
});
