import {test} from "node:test";
import assert from "node:assert/strict";
import {offsiteReferences, patchHtml} from "../../scripts/site-output.js";

test("patchHtml adds lang and allows zoom, leaving the rest untouched", () => {
  const input = '<!DOCTYPE html>\n<html>\n<head>\n<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">';
  assert.equal(patchHtml(input), '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta name="viewport" content="width=device-width, initial-scale=1">');
});

test("patchHtml moves the sidebar's close label out of the list", () => {
  const nav = '<nav id="observablehq-sidebar">\n  <ol>\n    <label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>\n    <li class="observablehq-link"><a href="./">Home</a></li>\n  </ol>';
  assert.equal(
    patchHtml(nav),
    '<nav id="observablehq-sidebar">\n  <label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>\n    <ol>\n    <li class="observablehq-link"><a href="./">Home</a></li>\n  </ol>'
  );
});

test("patchHtml keeps an existing lang", () => {
  assert.equal(patchHtml('<html lang="fr">'), '<html lang="fr">');
});

test("offsiteReferences finds fetched resources on other hosts and ignores links and local paths", () => {
  const html = [
    '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Source+Serif">',
    '<link rel="modulepreload" href="./_node/d3@7.9.2/index.js">',
    '<script type="module" src="https://cdn.jsdelivr.net/npm/d3/+esm"></script>',
    '<a href="https://arxiv.org/abs/2506.10947">paper</a>',
    '<style>@import "//example.org/x.css"; .a{background:url(data:image/svg+xml,%3Csvg xmlns=%27http://www.w3.org/2000/svg%27%3E)}</style>',
    'import {x} from "https://cdn.jsdelivr.net/npm/x/+esm";'
  ].join("\n");
  assert.deepEqual(offsiteReferences(html).sort(), [
    "//example.org/x.css",
    "https://cdn.jsdelivr.net/npm/d3/+esm",
    "https://cdn.jsdelivr.net/npm/x/+esm",
    "https://fonts.googleapis.com/css2?family=Source+Serif"
  ]);
});
