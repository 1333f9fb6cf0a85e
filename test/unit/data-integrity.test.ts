// The build's data gate (loaders/data-integrity.ts, called first by scripts/build.ts): a copy of data/ is
// tampered with in a temporary folder, and each defect must be reported naming the file (and row, column).
import {test} from "node:test";
import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {dataIntegrityProblems, fileShapeProblems, lineColumn, recordedHashes} from "../../loaders/data-integrity.js";
import {checkCsvShape} from "../../loaders/csv-shape.js";
import {SOURCE_SPECS} from "../../loaders/paper-source.js";

const ROOT = resolve(import.meta.dirname, "../..");

function withDataCopy(edit: (dir: string) => void): string[] {
  const dir = mkdtempSync(join(tmpdir(), "data-integrity-"));
  try {
    cpSync(join(ROOT, "data"), join(dir, "data"), {recursive: true});
    edit(dir);
    return dataIntegrityProblems(dir);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

const edit = (dir: string, file: string, change: (text: string) => string) =>
  writeFileSync(join(dir, file), change(readFileSync(join(dir, file), "utf8")));

test("the data as vendored passes", () => {
  assert.deepEqual(dataIntegrityProblems(ROOT), []);
});

test("PROVENANCE tables are read for file and hash (both tables' layouts)", () => {
  const paper = recordedHashes(readFileSync(join(ROOT, "data/paper/PROVENANCE.md"), "utf8"), "data/paper/PROVENANCE.md");
  assert.deepEqual(paper.map((r) => r.path), ["data/paper/source/main_results.csv", "data/paper/source/code_reasoning.csv", "data/paper/source/clipping.csv", "data/paper/source/setup.csv", "data/paper/preprint/preprint-2025-05-27.pdf"]);
  const pith = recordedHashes(readFileSync(join(ROOT, "data/pith/PROVENANCE.md"), "utf8"), "data/pith/PROVENANCE.md");
  assert.deepEqual(pith.map((r) => r.path.replace("data/pith/", "")), ["record.json", "expected.json", "title.txt", "abstract-v2.txt", "signing-key.json", "test-vectors.json"]);
  assert.equal(pith[0].sha256, "194c3cb0c19422fe228521ba75aecc84d79a06264292eac95ec776ce59d3636f");
});

test("one changed digit of a Figure 1 gain fails, naming the file and both hashes", () => {
  const problems = withDataCopy((dir) => edit(dir, "data/paper/source/main_results.csv", (t) => t.replace("+21.4", "+21.5")));
  assert.equal(problems.length, 1, problems.join("\n"));
  assert.match(problems[0], /^data\/paper\/source\/main_results\.csv: sha256 [0-9a-f]{64} differs from 294e4df6619001719e942e5af3ec32fb140c2a4c1927bdfe4e8eba3572e2a09f recorded in data\/paper\/PROVENANCE\.md/);
});

test("a changed Pith snapshot file and an unlisted vendored file fail", () => {
  const problems = withDataCopy((dir) => {
    edit(dir, "data/pith/title.txt", (t) => t + " ");
    writeFileSync(join(dir, "data/paper/source/extra.csv"), "a,b\n1,2\n");
  });
  assert.ok(problems.some((p) => p.startsWith("data/pith/title.txt: sha256")), problems.join("\n"));
  assert.ok(problems.includes("data/paper/source/extra.csv: a vendored file with no sha256 in a PROVENANCE.md"), problems.join("\n"));
});

test("a word where a setup count belongs fails the validator with row and column (even with the hash updated)", () => {
  const problems = withDataCopy((dir) => {
    edit(dir, "data/paper/source/setup.csv", (t) => t.replaceAll("rollouts per prompt (group size G),16,", "rollouts per prompt (group size G),sixteen,"));
    // record the new hash, as a deliberate update would: the content check must still refuse it
    const sha = (spawnSync("sha256sum", [join(dir, "data/paper/source/setup.csv")]).stdout.toString().split(" ")[0]);
    edit(dir, "data/paper/PROVENANCE.md", (t) => t.replace("9f96cd9b5f26b0aa07240164e7804cbf6c88dbcbc57f9e13e99d4ab52965aefc", sha));
  });
  assert.equal(problems.length, 2, problems.join("\n")); // preprint and v1 rows
  assert.match(problems[0], /^data\/paper\/source\/setup\.csv row 8 \(line 9\), column "value": "sixteen" is not a printed number, and parameter "rollouts per prompt \(group size G\)" needs one$/);
});

test("every setup parameter the numeric rules name exists in setup.csv (a renamed row cannot slip past its rule)", () => {
  const shape = checkCsvShape(readFileSync(join(ROOT, "data/paper/source/setup.csv"), "utf8"));
  const parameters = new Set(shape.rows.map((r) => r[shape.header.indexOf("parameter")]));
  for (const rule of SOURCE_SPECS.setup.numericRows ?? []) for (const v of rule.values) assert.ok(parameters.has(v), v);
});

test("empty files, malformed JSON and rows with a missing or extra cell are named with file, row and column", () => {
  const problems = withDataCopy((dir) => {
    writeFileSync(join(dir, "data/site/changelog.json"), "");
    edit(dir, "data/site/related-work.json", (t) => t.replace("[", "[,"));
    writeFileSync(join(dir, "data/site/empty.csv"), "");
  });
  assert.ok(problems.includes("data/site/changelog.json: the file is empty"), problems.join("\n"));
  assert.ok(problems.some((p) => /^data\/site\/related-work\.json: not valid JSON: Malformed JSON at line 1, column 2: /.test(p)), problems.join("\n"));
  assert.ok(problems.includes("data/site/empty.csv: line 1: the file is empty (a CSV needs at least a header row)"), problems.join("\n"));
});

test("CSV shape: missing and extra cells, quotes and headers", () => {
  assert.deepEqual(fileShapeProblems("t.csv", "a,b,c\n1,2,3\n1,2\n1,2,3,4\n"), [
    't.csv: row 2 (line 3), column "c": 1 cell(s) missing: the row has 2 of 3 cells (no "c")',
    't.csv: row 3 (line 4), column "#4": 1 extra cell(s): the row has 4 cells, the header 3 (first extra: "4")',
  ]);
  // a quoted cell may hold commas, quotes and line breaks; the line count follows them
  assert.deepEqual(fileShapeProblems("t.csv", 'a,b\n"x, ""y""\nz",2\n3\n'), ['t.csv: row 2 (line 4), column "b": 1 cell(s) missing: the row has 1 of 2 cells (no "b")']);
  assert.deepEqual(fileShapeProblems("t.csv", 'a,b\n"open,2\n'), ["t.csv: line 2: a quoted cell is never closed (unterminated quote)"]);
  assert.deepEqual(fileShapeProblems("t.csv", 'a,b\n1,x"y"\n'), ['t.csv: line 2: a quote (") inside an unquoted cell; quote the whole cell and double the quote']);
  assert.deepEqual(fileShapeProblems("t.csv", "a,a,\n1,2,3\n"), ['t.csv: line 1, column "a": header name "a" appears twice', 't.csv: line 1, column "#3": header cell 3 is empty']);
  assert.deepEqual(fileShapeProblems("t.csv", "a,b\n1,2\n\n3,4\n"), ['t.csv: row 2 (line 3), column "a": blank line (a row with no cells)']);
  assert.deepEqual(fileShapeProblems("t.csv", "a,b\r\n1,2\r\n"), []);
  assert.deepEqual(fileShapeProblems("t.csv", "a,b\n"), ["t.csv: line 1: the file has a header but no data rows"]);
  assert.deepEqual(lineColumn("ab\ncd", 4), {line: 2, column: 2});
});

test("the build's gate exits 1 and prints the problem, before anything is built", () => {
  const dir = mkdtempSync(join(tmpdir(), "data-integrity-"));
  try {
    cpSync(join(ROOT, "data"), join(dir, "data"), {recursive: true});
    edit(dir, "data/paper/source/clipping.csv", (t) => t.replace(/\n[^\n]+\n$/, "\nA_preprint_2025-05-27,x\n"));
    const run = spawnSync(process.execPath, ["--import", "tsx", "-e", `import {requireIntactData} from ${JSON.stringify(join(ROOT, "loaders/data-integrity.ts"))}; requireIntactData(${JSON.stringify(dir)}); console.log("went on");`], {encoding: "utf8"});
    assert.equal(run.status, 1, run.stderr);
    assert.doesNotMatch(run.stdout, /went on/);
    assert.match(run.stderr, /build: \d problem\(s\) in data\/ \(nothing was built\)/);
    assert.match(run.stderr, /data\/paper\/source\/clipping\.csv: row 48 \(line 49\), column "condition": 8 cell\(s\) missing/);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});
