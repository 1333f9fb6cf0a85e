// The Plot bundle must not create an Intl.NumberFormat when it is imported: the first one in a page loads ICU
// locale data, a 30–55 ms main-thread task, which every page with a chart paid at module load (issue #10).
import {test} from "node:test";
import assert from "node:assert/strict";
import {mkdtempSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {pathToFileURL} from "node:url";
import {lazyNumberFormat, writePlotBundle} from "../../scripts/plot-bundle.js";

test("importing the Plot bundle creates no Intl.NumberFormat", async () => {
  const outfile = await writePlotBundle(resolve(import.meta.dirname, "../.."), join(mkdtempSync(join(tmpdir(), "plot-bundle-")), "plot.js"));
  const Real = Intl.NumberFormat;
  let made = 0;
  // counts constructions while the bundle is evaluated (and while the chart below is drawn)
  (Intl as {NumberFormat: unknown}).NumberFormat = function (...args: ConstructorParameters<typeof Real>) {
    made++;
    return new Real(...args);
  };
  try {
    await import(pathToFileURL(outfile).href);
    assert.equal(made, 0, "Intl.NumberFormat created while the Plot bundle was evaluated");
  } finally {
    Intl.NumberFormat = Real;
  }
});

test("the patched formatter formats like the original, and the patch refuses a changed Plot source", async () => {
  const source = `const numberFormat = (locale) => new Intl.NumberFormat(locale);
export function formatNumber(locale = "en-US") {
  const format = numberFormat(locale);
  return (i) => (i != null && !isNaN(i) ? format.format(i) : undefined);
}`;
  const patched = lazyNumberFormat(source);
  const {formatNumber} = await import(`data:text/javascript,${encodeURIComponent(patched)}`);
  const format = formatNumber("en-US");
  assert.equal(format(1234.5), "1,234.5");
  assert.equal(format(null), undefined);
  assert.equal(format(NaN), undefined);
  assert.throws(() => lazyNumberFormat(source.replace("const format", "let format")), /format\.js changed/);
});
