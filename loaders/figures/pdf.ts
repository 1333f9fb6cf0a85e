// Reads pages of a PDF with Mozilla's pdfjs-dist (legacy build: runs in Node without a DOM): the drawn paths
// (through graphics.ts) and the text items with their positions, both in page coordinates (origin bottom left).
import {readFileSync} from "node:fs";
import {createHash} from "node:crypto";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import {interpret, type DrawnPath, type OpCodes, type RasterImage} from "./graphics.js";

export interface TextItem {
  str: string;
  /** baseline start in page space */
  x: number;
  y: number;
  /** advance width and font size in page units */
  width: number;
  size: number;
  /** rotated text (e.g. a y-axis label) */
  vertical: boolean;
  /** the font resource (pdfjs' loaded name): tells the plot's own text from the LaTeX text around it */
  font: string;
}
export interface PageGraphics {
  page: number;
  width: number;
  height: number;
  paths: DrawnPath[];
  images: RasterImage[];
  texts: TextItem[];
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function readPdfBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

/** Opens the document; pdfjs takes ownership of the buffer, so it gets a copy. */
export async function openPdf(bytes: Uint8Array) {
  return pdfjs.getDocument({data: bytes.slice(), verbosity: 0, isEvalSupported: false, useSystemFonts: false}).promise;
}

export async function readPage(doc: Awaited<ReturnType<typeof openPdf>>, pageNumber: number): Promise<PageGraphics> {
  const page = await doc.getPage(pageNumber);
  const [x0, y0, x1, y1] = page.view;
  const ops = await page.getOperatorList();
  const {paths, images} = interpret(ops.fnArray, ops.argsArray, pdfjs.OPS as unknown as OpCodes);
  const content = await page.getTextContent();
  const texts: TextItem[] = [];
  for (const item of content.items) {
    if (!("str" in item) || !item.str.trim()) continue;
    const [a, b, c, d, e, f] = item.transform as number[];
    // the font size is the glyphs' height (c, d): justified lines stretch the width (a) by a few percent
    texts.push({str: item.str, x: e, y: f, width: item.width, size: Math.hypot(c, d) || Math.hypot(a, b), vertical: Math.abs(b) > Math.abs(a), font: item.fontName});
  }
  page.cleanup();
  return {page: pageNumber, width: x1 - x0, height: y1 - y0, paths, images, texts};
}
