// Charts import Plot from src/components/plot.ts, which the build bundles tree-shaken (scripts/plot-bundle.ts).
// A page or component importing "@observablehq/plot" itself would make Framework ship Plot a second time,
// with every d3 package (about 167 kB gzip): the landing's byte budget is 250 kB.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";

function sources(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name.startsWith(".") ? [] : sources(path);
    return /\.(ts|js|md)$/.test(e.name) ? [path] : [];
  });
}

test("no page or component imports Plot except through src/components/plot.ts", () => {
  const direct = sources("src").filter((f) => f !== join("src", "components", "plot.ts") && f !== join("src", "components", "plot.js") && /from\s+["'](npm:)?@observablehq\/plot["']|import\(\s*["'](npm:)?@observablehq\/plot["']\s*\)/.test(readFileSync(f, "utf8")));
  assert.deepEqual(direct, []);
});
