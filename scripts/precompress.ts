// Post-build step (called by scripts/build.ts): writes file.gz and file.br next to every compressible file
// of the built site, so the server (scripts/static-server.ts), nginx (gzip_static/brotli_static) or a CDN
// can send them as they are instead of compressing on every request (the 34 MB DuckDB wasm took ~1 s of CPU
// per download). A variant that would not be smaller is not written.
import {readdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {promisify} from "node:util";
import {brotliCompress, constants, gzip} from "node:zlib";

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

export const COMPRESSIBLE = /\.(html|js|mjs|css|json|map|csv|tsv|txt|md|svg|wasm|arrow)$/;
/** Smaller files gain nothing worth a second request path. */
const MIN_BYTES = 256;
/**
 * Brotli's best setting is slow on big inputs: above this size use quality 5 and gzip level 6 (on the 34 MB
 * DuckDB wasm: brotli 5 gives 6.2 MB in ~5 s where 9 gives 5.9 MB in ~25 s; gzip 6 and 9 differ by 0.5 %).
 */
const BIG_BYTES = 2_000_000;

function walk(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

export interface PrecompressReport {
  files: number;
  bytes: number;
  gzipBytes: number;
  brotliBytes: number;
}

export async function precompressSite(dir: string): Promise<PrecompressReport> {
  const files = walk(dir).filter((f) => COMPRESSIBLE.test(f) && statSync(f).size >= MIN_BYTES);
  const report: PrecompressReport = {files: 0, bytes: 0, gzipBytes: 0, brotliBytes: 0};
  // two files at a time: the machine is small, zlib runs on the libuv thread pool
  let next = 0;
  async function worker(): Promise<void> {
    while (next < files.length) {
      const file = files[next++]!;
      const data = readFileSync(file);
      const [gz, br] = await Promise.all([
        gzipAsync(data, {level: data.length > BIG_BYTES ? 6 : 9}),
        brotliAsync(data, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: data.length > BIG_BYTES ? 5 : constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: data.length
          }
        })
      ]);
      report.files++;
      report.bytes += data.length;
      if (gz.length < data.length) { writeFileSync(`${file}.gz`, gz); report.gzipBytes += gz.length; } else report.gzipBytes += data.length;
      if (br.length < data.length) { writeFileSync(`${file}.br`, br); report.brotliBytes += br.length; } else report.brotliBytes += data.length;
    }
  }
  await Promise.all([worker(), worker()]);
  return report;
}

/** One line for the build log. */
export function describeReport(r: PrecompressReport): string {
  const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
  return `precompress: ${r.files} files, ${mb(r.bytes)} → gzip ${mb(r.gzipBytes)}, brotli ${mb(r.brotliBytes)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    console.error("usage: tsx scripts/precompress.ts DIST_DIR");
    process.exit(2);
  }
  console.log(describeReport(await precompressSite(dir)));
}
