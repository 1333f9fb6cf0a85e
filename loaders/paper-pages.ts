// The PDF page table (data/paper/pdf-pages.csv), read and validated at build time.
import {readFileSync} from "node:fs";
import {fromCSV} from "arquero";
import {pdfPageRules, type PdfPageRule} from "../src/lib/paper-pages.js";

export function readPdfPageRules(path = "data/paper/pdf-pages.csv"): PdfPageRule[] {
  const table = fromCSV(readFileSync(path, "utf8"), {autoType: false});
  return pdfPageRules(table.objects() as Record<string, string>[]);
}
