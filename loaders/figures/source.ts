// The vendored preprint and the recovery built from it. Parsing 11 pages with pdfjs takes seconds and several data
// loaders need the result, so it is cached on disk, keyed by the PDF's sha256 and the recovery code's own hash:
// changing either re-parses, nothing else can make the cache stale.
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import type {CurveRow, Recovery} from "./recover.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
export const PREPRINT_PDF = join(root, "data", "paper", "preprint", "preprint-2025-05-27.pdf");
/** sha256 of the preprint as published in github.com/ruixin31/Rethink_RLVR at 9e9c462 (data/paper/PROVENANCE.md). */
export const PREPRINT_SHA256 = "82efcb3a6bd94ef7c01cb00f51473c9856e537a57f898eeffc2329888f401f9a";
const CACHE_DIR = join(root, "node_modules", ".cache", "figures");

/** The modules that decide what is recovered (not checks.ts or tables.ts, which read the recovery). */
const RECOVERY_MODULES = ["calibrate.ts", "graphics.ts", "infer.ts", "legend.ts", "manifest.ts", "panels.ts", "pdf.ts", "recover.ts"];
function codeHash(): string {
  const h = createHash("sha256");
  for (const f of RECOVERY_MODULES) h.update(f).update(readFileSync(join(here, f)));
  return h.digest("hex").slice(0, 16);
}

export function readPreprint(): Uint8Array {
  const bytes = new Uint8Array(readFileSync(PREPRINT_PDF));
  const got = createHash("sha256").update(bytes).digest("hex");
  if (got !== PREPRINT_SHA256) throw new Error(`${PREPRINT_PDF}: sha256 ${got}, expected ${PREPRINT_SHA256} (data/paper/PROVENANCE.md)`);
  return bytes;
}

// The cache packs the 113k points as [series index, step, value] rows: a tenth of the objects' size, so each of the
// loaders that read it parses ~2 MB instead of ~19 MB.
const SERIES_FIELDS = ["figure", "page", "panel", "model", "benchmark", "series", "kind"] as const;
interface Packed extends Omit<Recovery, "curves"> {
  format: 1;
  curveSeries: (string | number)[][];
  curvePoints: [number, number, number][];
}
export function pack(r: Recovery): Packed {
  const index = new Map<string, number>();
  const curveSeries: (string | number)[][] = [];
  const curvePoints: [number, number, number][] = [];
  for (const c of r.curves) {
    const fields = SERIES_FIELDS.map((f) => c[f]);
    const k = JSON.stringify(fields);
    let i = index.get(k);
    if (i === undefined) { i = curveSeries.length; index.set(k, i); curveSeries.push(fields); }
    curvePoints.push([i, c.step, c.value]);
  }
  const {curves: _curves, ...rest} = r;
  return {...rest, format: 1, curveSeries, curvePoints};
}
export function unpack(p: Packed): Recovery {
  const {curveSeries, curvePoints, format: _format, ...rest} = p;
  const curves = curvePoints.map(([i, step, value]) => {
    const f = curveSeries[i];
    return {figure: f[0], page: f[1], panel: f[2], model: f[3], benchmark: f[4], series: f[5], kind: f[6], step, value} as CurveRow;
  });
  return {...rest, curves};
}

export async function loadRecovery(options: {cache?: boolean} = {}): Promise<Recovery> {
  const bytes = readPreprint();
  const file = join(CACHE_DIR, `${PREPRINT_SHA256.slice(0, 16)}-${codeHash()}-packed1.json`);
  if (options.cache !== false && existsSync(file)) return unpack(JSON.parse(readFileSync(file, "utf8")) as Packed);
  // pdfjs is imported only when the PDF must be parsed: loaders that hit the cache skip its 2 MB of code
  const {recoverFromPdf} = await import("./recover.js");
  const recovery = await recoverFromPdf(bytes);
  if (options.cache !== false) {
    mkdirSync(CACHE_DIR, {recursive: true});
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(pack(recovery)));
    renameSync(tmp, file); // atomic: a loader running alongside never reads half a file
    for (const old of readdirSync(CACHE_DIR)) if (old.endsWith(".json") && join(CACHE_DIR, old) !== file) rmSync(join(CACHE_DIR, old), {force: true});
  }
  return recovery;
}
