// `npm run bench [-- --only NAME,NAME] [--list] [--json FILE] [--dist DIR]`: runs every bench module
// (scripts/bench-NAME.ts exporting `bench`, see scripts/bench-kit.ts) and prints one table: figure,
// measured, target, previous approach, ratio. Builds a fresh copy of the site first when a module needs it
// (--dist DIR measures an existing build instead).
// Prints figures, asserts nothing.
import {spawnSync} from "node:child_process";
import {readdirSync, writeFileSync} from "node:fs";
import {resolve} from "node:path";
import {pathToFileURL} from "node:url";
import {formatTable, type BenchModule, type Figure} from "./bench-kit.js";

const root = resolve(import.meta.dirname, "..");
function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const givenDist = option("--dist");
const dist = resolve(root, givenDist ?? ".bench/dist");

const files = readdirSync(import.meta.dirname).filter((f) => /^bench-[\w-]+\.ts$/.test(f) && f !== "bench-kit.ts").sort();
const modules: {name: string; module: BenchModule}[] = [];
for (const file of files) {
  const exported = (await import(pathToFileURL(resolve(import.meta.dirname, file)).href)) as {bench?: BenchModule};
  if (exported.bench) modules.push({name: file.slice("bench-".length, -".ts".length), module: exported.bench});
}
modules.sort((a, b) => (a.module.order ?? 100) - (b.module.order ?? 100) || a.name.localeCompare(b.name));

if (process.argv.includes("--list")) {
  for (const {name, module} of modules) console.log(`${name}\t${module.title}${module.needsSite ? " (builds the site)" : ""}`);
  process.exit(0);
}
const only = option("--only")?.split(",");
const unknown = only?.filter((n) => !modules.some((m) => m.name === n));
if (unknown?.length) {
  console.error(`bench: unknown module ${unknown.join(", ")} (known: ${modules.map((m) => m.name).join(", ")})`);
  process.exit(2);
}
const selected = modules.filter((m) => !only || only.includes(m.name));

const rows: {module: string; figure: Figure}[] = [];
if (!givenDist && selected.some((m) => m.module.needsSite)) {
  const started = performance.now();
  const build = spawnSync(process.execPath, ["--import", "tsx", "scripts/build.ts"], {cwd: root, env: {...process.env, SITE_OUT: dist}, stdio: ["ignore", "ignore", "inherit"]});
  if (build.status !== 0) throw new Error("bench: build failed");
  rows.push({module: "build", figure: {figure: "npm run build (incl. precompression)", measured: (performance.now() - started) / 1000, unit: "s"}});
}
for (const {name, module} of selected) {
  process.stderr.write(`bench: ${name} — ${module.title} …\n`);
  try {
    for (const figure of await module.run({root, dist})) rows.push({module: name, figure});
  } catch (e) {
    // one broken module must not hide the others' figures
    rows.push({module: name, figure: {figure: `FAILED: ${(e as Error).message.split("\n")[0]}`, measured: NaN, unit: ""}});
  }
}
console.log(formatTable(rows));
const jsonFile = option("--json");
if (jsonFile) writeFileSync(jsonFile, JSON.stringify(rows, null, 2) + "\n");
