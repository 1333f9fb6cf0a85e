// The build's first step: the data in data/ must be exactly what its provenance says and well formed, or the
// build stops naming the file (and row and column). Three checks:
// 1. every vendored file listed in a PROVENANCE.md table has the sha256 recorded there (a deliberate change
//    of a source file therefore comes with a PROVENANCE change), and every file of a vendored folder is
//    listed;
// 2. every file in data/ has a sound shape: CSVs have a header and the same number of cells in every row,
//    JSON parses, nothing is empty;
// 3. the paper's source tables pass the content validator (loaders/paper-validate.ts), which also refuses a
//    word where a number belongs.
import {createHash} from "node:crypto";
import {readdirSync, readFileSync, statSync} from "node:fs";
import {dirname, join, sep} from "node:path";
import {checkCsvShape} from "./csv-shape.js";
import {parseJson} from "../src/lib/canonical-json.js";
import {formatIssue, validateTables} from "./paper-validate.js";
import {parseSourceCsv, SOURCE_FILE_NAMES} from "./paper-source.js";

/** Folders whose every file is a vendored copy and must be listed, with its hash, in a PROVENANCE.md. */
export const VENDORED_DIRS: readonly string[] = ["data/paper/source"];

export interface RecordedHash {
  /** Path relative to the project root. */
  path: string;
  sha256: string;
  /** The PROVENANCE.md that records it. */
  provenance: string;
}

/** Rows of a PROVENANCE.md table that name a file in backticks and a 64-hex sha256 in backticks. */
export function recordedHashes(provenanceText: string, provenancePath: string): RecordedHash[] {
  const base = dirname(provenancePath);
  const out: RecordedHash[] = [];
  for (const line of provenanceText.split("\n")) {
    if (!line.trimStart().startsWith("|")) continue;
    const file = /\|\s*`([^`|]+)`\s*\|/.exec(line)?.[1];
    const sha = /`([0-9a-f]{64})`/.exec(line)?.[1];
    if (file && sha) out.push({path: join(base, file).split(sep).join("/"), sha256: sha, provenance: provenancePath});
  }
  return out;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function walk(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), {withFileTypes: true}).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    return entry.isDirectory() ? walk(root, path) : [path];
  });
}

/** Line and column of a character offset (both 1-based). */
export function lineColumn(text: string, offset: number): {line: number; column: number} {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split("\n").length;
  return {line, column: offset - before.lastIndexOf("\n")};
}

/** The shape problems of one data file, as messages naming it (empty when sound). */
export function fileShapeProblems(path: string, text: string): string[] {
  if (path.endsWith(".csv")) {
    return checkCsvShape(text).problems.map((p) => `${path}: ${p.row ? `row ${p.row} (line ${p.line})` : `line ${p.line}`}${p.column ? `, column "${p.column}"` : ""}: ${p.message}`);
  }
  if (!text.trim()) return [`${path}: the file is empty`];
  if (path.endsWith(".json")) {
    try {
      JSON.parse(text);
    } catch (e) {
      // JSON.parse does not always say where; the site's own parser does (line, column, what it expected)
      try {
        parseJson(text);
      } catch (located) {
        return [`${path}: not valid JSON: ${located instanceof Error ? located.message : String(located)}`];
      }
      return [`${path}: not valid JSON (${e instanceof Error ? e.message : String(e)})`];
    }
  }
  return [];
}

/** Every problem of the data in `root`/data, as readable lines (empty when all is well). */
export function dataIntegrityProblems(root: string): string[] {
  const problems: string[] = [];
  const files = walk(root, "data");
  const recorded = files.filter((f) => f.endsWith("/PROVENANCE.md")).flatMap((p) => recordedHashes(readFileSync(join(root, p), "utf8"), p));
  for (const r of recorded) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(root, r.path));
    } catch {
      problems.push(`${r.path}: listed in ${r.provenance} but missing`);
      continue;
    }
    const actual = sha256Hex(bytes);
    if (actual !== r.sha256) {
      problems.push(`${r.path}: sha256 ${actual} differs from ${r.sha256} recorded in ${r.provenance} (a vendored copy was changed; if on purpose, record the new hash and why in ${r.provenance})`);
    }
  }
  const listed = new Set(recorded.map((r) => r.path));
  for (const f of files) {
    if (VENDORED_DIRS.some((d) => f.startsWith(`${d}/`)) && !listed.has(f)) problems.push(`${f}: a vendored file with no sha256 in a PROVENANCE.md`);
  }
  for (const f of files) {
    if (!statSync(join(root, f)).isFile()) continue;
    problems.push(...fileShapeProblems(f, readFileSync(join(root, f), "utf8")));
  }
  // the content rules only make sense on well-formed tables
  const sourceFiles = SOURCE_FILE_NAMES.map((n) => `data/paper/source/${n}.csv`);
  if (!problems.some((p) => sourceFiles.some((f) => p.startsWith(`${f}:`)))) {
    const tables = SOURCE_FILE_NAMES.map((n) => parseSourceCsv(n, readFileSync(join(root, `data/paper/source/${n}.csv`), "utf8")));
    problems.push(...validateTables(tables).map((i) => `data/paper/source/${formatIssue(i)}`));
  }
  return problems;
}

/** For scripts/build.ts: print every problem and stop the build, or return quietly. */
export function requireIntactData(root: string): void {
  const problems = dataIntegrityProblems(root);
  if (!problems.length) return;
  console.error(`build: ${problems.length} problem(s) in data/ (nothing was built):\n  ${problems.join("\n  ")}`);
  process.exit(1);
}

