// Builds the static site into SITE_OUT (default ./dist) and makes the output fit for offline, accessible hosting.
// Steps: drop cached loader outputs (Framework reuses them regardless of age, so stale data would ship), run
// `observable build` (with Plot bundled tree-shaken for its duration, scripts/plot-bundle.ts), patch the two
// accessibility defaults Framework hard-codes, keep the page manifest next to the pages for the end-to-end
// tests, and refuse any page that would load a resource from another host.
import {spawnSync} from "node:child_process";
import {copyFileSync, readFileSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {mkdirSync} from "node:fs";
import {offsiteReferences, patchHtml} from "./site-output.js";
import {requireIntactData} from "../loaders/data-integrity.js";
import {writeDeployHeaders} from "./deploy-csp.js";
import {cardSvg, metaTags, withMeta} from "./page-meta.js";
import {pageMetas} from "./page-meta-data.js";
import {removePlotBundle, writePlotBundle} from "./plot-bundle.js";

const root = resolve(import.meta.dirname, "..");
const out = resolve(root, process.env.SITE_OUT ?? "dist");
const cacheDir = join(root, "src/.observablehq/cache");

const started = performance.now();
requireIntactData(root); // sha256 of vendored files, shape of every data file, paper validator: fail naming the file
rmSync(join(cacheDir, "data"), {recursive: true, force: true});
rmSync(out, {recursive: true, force: true});

await writePlotBundle(root);
let result;
try {
  result = spawnSync(join(root, "node_modules/.bin/observable"), ["build"], {
    cwd: root,
    stdio: "inherit",
    env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", SITE_OUT: out}
  });
} finally {
  removePlotBundle(root);
}
if (result.status !== 0) {
  console.error(`build: observable build failed (exit ${result.status ?? result.signal})`);
  process.exit(1);
}

const problems: string[] = [];
function walk(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}
for (const file of walk(out)) {
  if (!/\.(html|css)$/.test(file)) continue;
  const text = readFileSync(file, "utf8");
  const patched = file.endsWith(".html") ? patchHtml(text) : text;
  if (patched !== text) writeFileSync(file, patched);
  for (const ref of offsiteReferences(patched)) problems.push(`${file.slice(out.length + 1)}: loads ${ref}`);
}
if (problems.length) {
  console.error(`build: pages would load resources from other hosts:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}

// Per-page description and social preview card (scripts/page-meta.ts says why the card is SVG). og:image is
// absolute when SITE_URL (e.g. https://example.org/) is set, as social sites require; else relative.
mkdirSync(join(out, "_social"), {recursive: true});
for (const meta of pageMetas()) {
  const file = join(out, meta.file);
  const slug = meta.file.replace(/\.html$/, "");
  writeFileSync(join(out, "_social", `${slug}.svg`), cardSvg("Spurious Rewards, explained", meta.card));
  const image = process.env.SITE_URL ? new URL(`_social/${slug}.svg`, process.env.SITE_URL).href : `./_social/${slug}.svg`;
  writeFileSync(file, withMeta(readFileSync(file, "utf8"), metaTags(meta, image)));
}

copyFileSync(join(cacheDir, "_build.json"), join(out, "_build.json"));
writeDeployHeaders(out); // last: the CSP lists the sha256 of every inline script as finally written
await import("./precompress.js").then(async (p) => console.log(p.describeReport(await p.precompressSite(out))));
console.log(`build: ${out} ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
