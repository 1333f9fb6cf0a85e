// Bundles src/components/plot.ts (the subset of Plot the charts use) with Plot and d3 tree-shaken into
// src/components/plot.js for the duration of `observable build`: Framework resolves "./plot.js" to that file
// before plot.ts, so pages load one small module instead of Plot plus every d3 package. The file is removed
// afterwards (the dev server and the Node tests use plot.ts itself).
import {buildSync} from "esbuild";
import {rmSync} from "node:fs";
import {join} from "node:path";

export function plotBundlePath(root: string): string {
  return join(root, "src/components/plot.js");
}

/** Writes the bundle; returns its path. */
export function writePlotBundle(root: string): string {
  const outfile = plotBundlePath(root);
  buildSync({
    entryPoints: [join(root, "src/components/plot.ts")],
    outfile,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "eof", // Plot's and d3's ISC licence headers stay with the code
    logLevel: "error",
  });
  return outfile;
}

export function removePlotBundle(root: string): void {
  rmSync(plotBundlePath(root), {force: true});
}
