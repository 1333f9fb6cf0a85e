// `npm run sim -- merge A.jsonl B.jsonl …`: joins the outputs of `sweep --shard i/n` runs. Refuses lines
// from different grids, a point present twice, a missing point or a cut-off line, naming the file and line;
// otherwise prints every point's line unchanged, in point order: the bytes an unsharded sweep prints.
// Blank lines and the "> sim …" banner that `npm run` (without -s) writes to stdout are skipped.
import { UsageError } from "./model.js";

export interface ShardFile { name: string; text: string }

export class MergeError extends Error {}

/** Point numbers as ranges for messages: [1, 2, 3, 7] → "1–3, 7". */
function ranges(points: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < points.length; ) {
    let j = i;
    while (j + 1 < points.length && points[j + 1] === points[j] + 1) j++;
    out.push(i === j ? `${points[i]}` : `${points[i]}–${points[j]}`);
    i = j + 1;
  }
  return out.length > 12 ? out.slice(0, 12).join(", ") + ", …" : out.join(", ");
}

export function mergeShards(files: ShardFile[]): string {
  if (!files.length) throw new UsageError("merge needs at least one shard file");
  let grid: { id: string; points: number; where: string } | null = null;
  const lines = new Map<number, { text: string; where: string }>();
  for (const { name, text } of files) {
    const rows = text.split("\n");
    if (rows.at(-1) === "") rows.pop();
    rows.forEach((row, i) => {
      const where = `${name} line ${i + 1}`;
      // blank lines and npm's "> sim" banner (from `npm run` without -s) carry no points
      if (row.trim() === "" || row.startsWith("> ")) return;
      let v: unknown;
      try {
        v = JSON.parse(row);
      } catch {
        throw new MergeError(`${where} is not a complete JSON line (was that shard cut off before it finished?)`);
      }
      const o = v as { grid?: unknown; point?: unknown; points?: unknown };
      if (typeof v !== "object" || v === null || typeof o.grid !== "string" || !Number.isInteger(o.point) || !Number.isInteger(o.points))
        throw new MergeError(`${where} is not a line of \`npm run sim -- sweep\` output (it has no grid, point and points fields)`);
      const point = o.point as number, points = o.points as number;
      if (!grid) grid = { id: o.grid, points, where };
      else if (o.grid !== grid.id || points !== grid.points)
        throw new MergeError(`${where} is from another grid (${o.grid}, ${points} points) than ${grid.where} (${grid.id}, ${grid.points} points): merge only the shards of one grid`);
      if (point < 0 || point >= points) throw new MergeError(`${where} has point ${point}, outside 0…${points - 1}`);
      const seen = lines.get(point);
      if (seen) throw new MergeError(`point ${point} is in both ${seen.where} and ${where}: was a shard given twice?`);
      lines.set(point, { text: row, where });
    });
  }
  if (!grid) throw new MergeError(`the shard files are empty: ${files.map((f) => f.name).join(", ")}`);
  const { points, id } = grid as { id: string; points: number };
  const missing: number[] = [];
  for (let p = 0; p < points; p++) if (!lines.has(p)) missing.push(p);
  if (missing.length)
    throw new MergeError(`the shards are incomplete: ${missing.length} of the grid's ${points} points ${missing.length === 1 ? "is" : "are"} missing (${missing.length === 1 ? "point" : "points"} ${ranges(missing)}); run the missing shards and merge again (grid ${id})`);
  let out = "";
  for (let p = 0; p < points; p++) out += lines.get(p)!.text + "\n";
  return out;
}
