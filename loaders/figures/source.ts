// The vendored preprint and the recovery built from it. Parsing 11 pages with pdfjs takes seconds and several data
// loaders need the result, so it is cached on disk, keyed by the PDF's sha256 and the recovery code's own hash:
// changing either re-parses, nothing else can make the cache stale.
import {createHash} from "node:crypto";
import {mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync, existsSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {readPdfBytes, sha256} from "./pdf.js";
import {recoverFromPdf, type Recovery} from "./recover.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
export const PREPRINT_PDF = join(root, "data", "paper", "preprint", "preprint-2025-05-27.pdf");
/** sha256 of the preprint as published in github.com/ruixin31/Rethink_RLVR at 9e9c462 (data/paper/PROVENANCE.md). */
export const PREPRINT_SHA256 = "82efcb3a6bd94ef7c01cb00f51473c9856e537a57f898eeffc2329888f401f9a";
const CACHE_DIR = join(root, "node_modules", ".cache", "figures");

function codeHash(): string {
  const h = createHash("sha256");
  for (const f of readdirSync(here).filter((f) => f.endsWith(".ts")).sort()) h.update(f).update(readFileSync(join(here, f)));
  return h.digest("hex").slice(0, 16);
}

export function readPreprint(): Uint8Array {
  const bytes = readPdfBytes(PREPRINT_PDF);
  const got = sha256(bytes);
  if (got !== PREPRINT_SHA256) throw new Error(`${PREPRINT_PDF}: sha256 ${got}, expected ${PREPRINT_SHA256} (data/paper/PROVENANCE.md)`);
  return bytes;
}

export async function loadRecovery(options: {cache?: boolean} = {}): Promise<Recovery> {
  const bytes = readPreprint();
  const file = join(CACHE_DIR, `${PREPRINT_SHA256.slice(0, 16)}-${codeHash()}.json`);
  if (options.cache !== false && existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as Recovery;
  const recovery = await recoverFromPdf(bytes);
  if (options.cache !== false) {
    mkdirSync(CACHE_DIR, {recursive: true});
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(recovery));
    renameSync(tmp, file); // atomic: a loader running alongside never reads half a file
  }
  return recovery;
}
