// Canonical JSON against Python: every expected value comes from python3 (scripts/gen-canonical-fixtures.py),
// committed as test/fixtures/canonical-json.json; the last test regenerates it when python3 is present.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync, mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {spawnSync} from "node:child_process";
import {sha256} from "@noble/hashes/sha2.js";
import {bytesToHex} from "@noble/hashes/utils.js";
import {
  CanonicalJsonError,
  canonicalizeText,
  canonicalizeValue,
  compareCodePoints,
  formatPythonFloat,
  parseJson,
} from "../../src/lib/canonical-json.js";

interface Accepted {name: string; input: string; canonical: string; sha256: string}
interface Rejected {name: string; input: string; code: string; python: string; python_line?: number; python_column?: number}
const FIXTURE_PATH = new URL("../fixtures/canonical-json.json", import.meta.url);
const fixtures = JSON.parse(readFileSync(FIXTURE_PATH, "utf8")) as {accepted: Accepted[]; rejected: Rejected[]};

test("fixture file has the cases the generator writes", () => {
  assert.ok(fixtures.accepted.length > 1000, `only ${fixtures.accepted.length} accepted cases`);
  assert.ok(fixtures.rejected.length > 30);
});

test("canonical text is byte-identical to Python for every accepted fixture", () => {
  const failures: string[] = [];
  for (const c of fixtures.accepted) {
    let got: string;
    try {
      got = canonicalizeText(c.input);
    } catch (e) {
      failures.push(`${c.name}: threw ${(e as Error).message}`);
      continue;
    }
    if (got !== c.canonical) failures.push(`${c.name}: got ${got.slice(0, 80)} want ${c.canonical.slice(0, 80)}`);
    else if (bytesToHex(sha256(new TextEncoder().encode(got))) !== c.sha256) failures.push(`${c.name}: UTF-8 bytes hash differently`);
  }
  assert.deepEqual(failures, []);
});

test("every input Python writes but strict JSON cannot, and every malformed input, is rejected with the right code", () => {
  const failures: string[] = [];
  for (const c of fixtures.rejected) {
    try {
      const out = canonicalizeText(c.input);
      failures.push(`${c.name}: accepted, wrote ${out.slice(0, 60)}`);
    } catch (e) {
      if (!(e instanceof CanonicalJsonError)) failures.push(`${c.name}: threw a non-CanonicalJsonError ${e}`);
      else if (e.code !== c.code) failures.push(`${c.name}: code ${e.code}, want ${c.code} (${e.message})`);
      else if (c.python_line !== undefined && (e.line !== c.python_line || e.column !== c.python_column)) {
        failures.push(`${c.name}: at line ${e.line} column ${e.column}, Python says line ${c.python_line} column ${c.python_column}`);
      }
    }
  }
  assert.deepEqual(failures, []);
});

test("error messages name what and where", () => {
  assert.throws(() => canonicalizeText('{"metadata":{"scores":[1,NaN]}}'), (e: CanonicalJsonError) =>
    /NaN/.test(e.message) && /line 1, column 26/.test(e.message) && e.path === "$.metadata.scores[1]");
  assert.throws(() => canonicalizeText('{"x":-1e999}'), (e: CanonicalJsonError) =>
    /-1e999 overflows/.test(e.message) && /Infinity/.test(e.message) && e.path === "$.x");
  assert.throws(() => canonicalizeText('{\n  "a": 1,\n  "b": ]\n}'), (e: CanonicalJsonError) =>
    e.message.startsWith("Malformed JSON at line 3, column 8:") && /expected a value/.test(e.message));
  assert.throws(() => canonicalizeText('{"k":["\\ud800"]}'), (e: CanonicalJsonError) =>
    /lone surrogate/.test(e.message) && e.path === '$.k[0]');
  assert.throws(() => canonicalizeText('{"a" 1}'), /expected ':' after property name "a", found "1"/);
});

test("Python float repr for hand-derived values", () => {
  // Hand-derived from Python's repr rules (exponent form outside 1e-4 <= |x| < 1e16, two-digit exponent).
  const cases: [number, string][] = [
    [1, "1.0"], [1e-7, "1e-07"], [1e16, "1e+16"], [1e15, "1000000000000000.0"], [-0, "-0.0"], [0, "0.0"],
    [0.1, "0.1"], [1e-4, "0.0001"], [1e-5, "1e-05"], [123.456, "123.456"], [1.5e300, "1.5e+300"], [5e-324, "5e-324"],
    [-2.5e-8, "-2.5e-08"], [1e100, "1e+100"], [12345678901234567, "1.2345678901234568e+16"],
  ];
  for (const [x, want] of cases) assert.equal(formatPythonFloat(x), want, `repr(${x})`);
  assert.throws(() => formatPythonFloat(NaN), /NaN/);
  assert.throws(() => formatPythonFloat(-Infinity), /-Infinity/);
});

test("keys sort by code point, not by UTF-16 unit", () => {
  // U+1F600 is above U+FFFF as a code point, but its first UTF-16 unit (D83D) sorts below U+E000.
  assert.ok(compareCodePoints("\u{1F600}", "\uffff") > 0);
  assert.ok(compareCodePoints("\u{1F600}", "\ue000") > 0);
  assert.ok(["\u{1F600}", "\ue000"].sort()[0] === "\u{1F600}", "JS default sort differs (why compareCodePoints exists)");
  assert.equal(canonicalizeText('{"\\uffff":1,"\\ud83d\\ude00":2,"\\ue000":3}'), '{"\ue000":3,"\uffff":1,"\u{1F600}":2}');
});

test("deep nesting does not overflow the stack", () => {
  const depth = 100_000;
  const text = "[".repeat(depth) + "]".repeat(depth);
  assert.equal(canonicalizeText(text), text);
  const objects = '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
  assert.equal(canonicalizeText(objects), objects);
});

test("big integers stay exact and -0 becomes 0, as Python's int", () => {
  const big = "123456789012345678901234567890";
  assert.equal(canonicalizeText(`[${big},-${big},-0]`), `[${big},-${big},0]`);
  const node = parseJson("[1,1.0]");
  assert.deepEqual(node, {type: "array", items: [{type: "int", digits: "1"}, {type: "float", value: 1}]});
});

test("canonicalizeValue: JS values built in code", () => {
  assert.equal(
    canonicalizeValue({b: [1, 2.5, "é\n", null, true], a: {"\u{1F600}": 1n, "\uffff": 0.1}, c: 123456789012345678901234567890n}),
    '{"a":{"\uffff":0.1,"\u{1F600}":1},"b":[1,2.5,"é\\n",null,true],"c":123456789012345678901234567890}',
  );
  assert.equal(canonicalizeValue(-0), "0");
  assert.throws(() => canonicalizeValue({x: [NaN]}), (e: CanonicalJsonError) => e.code === "non-finite" && e.path === "$.x[0]" && /NaN/.test(e.message));
  assert.throws(() => canonicalizeValue({x: Infinity}), /Infinity/);
  assert.throws(() => canonicalizeValue({d: new Date(0)}), (e: CanonicalJsonError) => e.code === "unsupported-value" && /Date/.test(e.message));
  assert.throws(() => canonicalizeValue({u: undefined}), /undefined has no JSON form/);
  assert.throws(() => canonicalizeValue({n: 2 ** 60}), /beyond 2\^53/);
  assert.throws(() => canonicalizeValue({s: "a\ud800"}), (e: CanonicalJsonError) => e.code === "lone-surrogate" && e.path === "$.s");
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  assert.throws(() => canonicalizeValue(cyclic), /cycle/);
});

test("regenerating the fixtures with python3 reproduces the committed files", (t) => {
  const probe = spawnSync("python3", ["--version"], {encoding: "utf8"});
  if (probe.error || probe.status !== 0) {
    t.skip("python3 is not available: cannot regenerate the Python fixtures (the committed ones were still checked above)");
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "canonical-fixtures-"));
  try {
    const script = new URL("../../scripts/gen-canonical-fixtures.py", import.meta.url).pathname;
    const run = spawnSync("python3", [script, "--out-dir", dir], {encoding: "utf8"});
    assert.equal(run.status, 0, `generator failed: ${run.stderr}`);
    for (const name of ["canonical-json.json", "pith-text-canon.json"]) {
      const withoutGenerator = (text: string) => {
        const obj = JSON.parse(text) as Record<string, unknown>;
        delete obj.generator; // names the Python version, which may differ
        return obj;
      };
      const committed = withoutGenerator(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8"));
      const fresh = withoutGenerator(readFileSync(join(dir, name), "utf8"));
      assert.deepEqual(fresh, committed, `${name} differs from what python3 generates now`);
    }
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});
