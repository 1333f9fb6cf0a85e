// Per-page meta tags and the SVG preview card.
import {test} from "node:test";
import assert from "node:assert/strict";
import {cardSvg, metaTags, withMeta, wrap} from "../../scripts/page-meta.js";
import {pageMetas} from "../../scripts/page-meta-data.js";

test("every page has its own description, and the landing's quotes the data's numbers", () => {
  const metas = pageMetas();
  assert.equal(new Set(metas.map((m) => m.description)).size, metas.length);
  assert.match(metas.find((m) => m.file === "index.html")!.description, /\+21\.4 points on MATH-500, close to ground truth's \+29\.1 \(arXiv v2 abstract\)/);
});

test("tags replace Framework's description and escape quotes; the card escapes markup", () => {
  const html = withMeta('<head><meta name="description" content="old"></head>', metaTags({file: "x.html", title: 'A "b"', description: "c & d", card: {headline: "h", lines: []}}, "./_social/x.svg"));
  assert.doesNotMatch(html, /content="old"/);
  assert.match(html, /<meta property="og:title" content="A &quot;b&quot;">/);
  assert.match(html, /<meta name="description" content="c &amp; d">/);
  assert.match(cardSvg("s", {headline: "x < y", lines: []}), /x &lt; y/);
  assert.deepEqual(wrap("one two three four", 9), ["one two", "three", "four"]);
});
