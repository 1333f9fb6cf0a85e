// PDF page links: every number read from the paper resolves to a page of its own version's PDF.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readPdfPageRules} from "../../loaders/paper-pages.js";
import {readSourceTables} from "../../loaders/paper-source.js";
import {tidyTables} from "../../loaders/paper-tidy.js";
import {locatorPage, pdfPageOf, pdfPageRules, pdfUrl} from "../../src/lib/paper-pages.js";

const rules = readPdfPageRules();
const numbers = tidyTables(readSourceTables());
const find = (pred: (n: (typeof numbers)[number]) => boolean) => {
  const n = numbers.find(pred);
  assert.ok(n, "number present in the data");
  return n;
};

test("a locator that names its page wins, and the first page of a range is used", () => {
  assert.equal(locatorPage('Figure 7 (p.8) Sankey "All" labels'), 8);
  assert.equal(locatorPage('Sec.2.3 p.3-4 "gains with random rewards much slower"'), 3);
  assert.equal(locatorPage("Sec.4.4.2 and Figure 10"), null);
});

test("the headline numbers open the page that prints them, in their own version's PDF", () => {
  const v2Random = find((n) => n.version.startsWith("C_") && n.place === "Abstract" && n.reward === "random" && n.benchmark === "MATH-500");
  assert.equal(pdfPageOf(v2Random, rules)?.url, "https://arxiv.org/pdf/2506.10947v2#page=1");
  const v1Table3 = find((n) => n.version.startsWith("B_") && n.place === "Table 3");
  assert.equal(pdfPageOf(v1Table3, rules)?.url, "https://arxiv.org/pdf/2506.10947v1#page=10");
  // The ~21% of the clipping ablation is printed on p.13 of v1, after Figure 11 (p.12), not where 4.4.2 starts (p.11).
  const v1Clip = find((n) => n.version.startsWith("B_") && n.file === "clipping" && /~21% performance gain/.test(n.locator));
  assert.equal(pdfPageOf(v1Clip, rules)?.page, 13);
  const preFig7 = find((n) => n.version.startsWith("A_") && n.place === "Figure 7");
  assert.match(pdfPageOf(preFig7, rules)!.url, /rethink-rlvr\.pdf#page=8$/);
});

test("secondary-source and code rows get no page; every other Figure, Table and Abstract number does", () => {
  for (const n of numbers) {
    const page = pdfPageOf(n, rules);
    if (n.source_kind !== "paper") assert.equal(page, null, `${n.id} (${n.source_kind}) must not link to a PDF page`);
    else if (/^(Figure|Table) \d|^Abstract$/.test(n.place)) assert.ok(page, `${n.id} ${n.version} ${n.place}: no page`);
  }
});

test("a bad page table is refused with its row", () => {
  assert.throws(() => pdfPageRules([{version: "B_arXiv_v1_2025-06-12", place: "Table 1", page: "eight"}]), /row 1: page "eight"/);
  assert.throws(() => pdfPageRules([{version: "v9", place: "Table 1", page: "3"}]), /row 1: unknown version/);
  assert.equal(pdfUrl("repo (all versions)", 3), null);
});
