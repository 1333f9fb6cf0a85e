// Bundles src/components/plot.ts (the subset of Plot the charts use) with Plot and d3 tree-shaken into
// src/components/plot.js for the duration of `observable build`: Framework resolves "./plot.js" to that file
// before plot.ts, so pages load one small module instead of Plot plus every d3 package. The file is removed
// afterwards (the dev server and the Node tests use plot.ts itself).
import {build, type Plugin} from "esbuild";
import {readFileSync, rmSync} from "node:fs";
import {join} from "node:path";

// Plot's format.js builds its default formatter at module load (`formatDefault = formatAuto()`), which creates an
// Intl.NumberFormat: the first one in a page loads ICU locale data, a 30–55 ms main-thread task measured here, paid
// by every page that imports Plot even when no chart formats a number with it (axes use d3-format; our labels are
// strings). This makes the NumberFormat on first use instead. The build fails if Plot's source no longer matches.
const EAGER_NUMBER_FORMAT = `export function formatNumber(locale = "en-US") {
  const format = numberFormat(locale);
  return (i) => (i != null && !isNaN(i) ? format.format(i) : undefined);
}`;
const LAZY_NUMBER_FORMAT = `export function formatNumber(locale = "en-US") {
  let format;
  return (i) => (i != null && !isNaN(i) ? (format ??= numberFormat(locale)).format(i) : undefined);
}`;

export function lazyNumberFormat(source: string): string {
  if (!source.includes(EAGER_NUMBER_FORMAT)) throw new Error("plot-bundle: @observablehq/plot/src/format.js changed; review the lazy Intl.NumberFormat patch");
  return source.replace(EAGER_NUMBER_FORMAT, LAZY_NUMBER_FORMAT);
}

const lazyIntl: Plugin = {
  name: "plot-lazy-intl",
  setup(build) {
    build.onLoad({filter: /[\\/]@observablehq[\\/]plot[\\/]src[\\/]format\.js$/}, (args) => ({contents: lazyNumberFormat(readFileSync(args.path, "utf8")), loader: "js"}));
  },
};

// V8's explicit compile hint (Chromium ≥ 136; other engines read a comment): compile every function of the bundle
// eagerly, on the thread that streams the script in, instead of lazily on the main thread at each function's
// first call. A page's first chart used to pay that compilation inside one task: 145–175 ms for /toy's first chart
// here, 80–110 ms with the hint; pages' total blocking time on load fell by a third to a half (npm run bench).
const COMPILE_HINT = "//# allFunctionsCalledOnLoad";

export function plotBundlePath(root: string): string {
  return join(root, "src/components/plot.js");
}

/** Writes the bundle (to src/components/plot.js unless `outfile` says otherwise); returns its path. */
export async function writePlotBundle(root: string, outfile = plotBundlePath(root)): Promise<string> {
  await build({
    entryPoints: [join(root, "src/components/plot.ts")],
    outfile,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "eof", // Plot's and d3's ISC licence headers stay with the code
    banner: {js: COMPILE_HINT}, // V8 reads it only as the file's first line
    logLevel: "error",
    plugins: [lazyIntl],
  });
  return outfile;
}

export function removePlotBundle(root: string): void {
  rmSync(plotBundlePath(root), {force: true});
}
