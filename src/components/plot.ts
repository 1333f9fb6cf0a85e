// The part of Observable Plot the site's charts use. Components import Plot from here, not from
// "@observablehq/plot": the build (scripts/plot-bundle.ts) bundles this file with Plot and d3 tree-shaken into
// one module that Framework serves in its place (167 kB gzip as Framework's per-package bundles, which pull in all
// of d3 through its barrel; about 95 kB this way: the landing's byte budget). A mark missing here is a type error.
export {areaY, arrow, barX, barY, cell, dodgeY, dot, line, lineY, link, plot, pointer, pointerX, rectY, ruleX, ruleY, stackX, stackY, text, tickX, tip} from "@observablehq/plot";
export type * from "@observablehq/plot";
