// The static file server for the built site (`npm run serve`, the e2e tests, the bench), fit to be left
// running: clean URLs like a static host (/record -> record.html); gzip/brotli files precompressed at build
// time (scripts/precompress.ts) served with their Content-Encoding, never compressed per request; ETag and
// Last-Modified with 304s; byte ranges (the DuckDB wasm); 405 for methods other than GET/HEAD; a real 404
// page; security headers; every body sent with stream.pipeline, so a client that aborts a download closes
// the file. Loopback only by default.
import {OTHER_HEADERS, SITE_CSP} from "./deploy-csp.js";
import {createReadStream, existsSync, readFileSync, statSync, type Stats} from "node:fs";
import {createServer, type IncomingMessage, type Server, type ServerResponse} from "node:http";
import type {AddressInfo, Socket} from "node:net";
import {extname, join, normalize, resolve, sep} from "node:path";
import {pipeline} from "node:stream";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".tsv": "text/tab-separated-values; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".wasm": "application/wasm",
  ".woff2": "font/woff2",
  ".arrow": "application/vnd.apache.arrow.file",
  ".parquet": "application/vnd.apache.parquet",
  ".pdf": "application/pdf"
};

/**
 * The Content-Security-Policy the site works under is the hash-free one README's "Deploying" recommends
 * (scripts/deploy-csp.ts, one place): the e2e suite runs every page behind this server, so every test runs
 * under it; test/e2e/csp.test.ts also runs every page under the build's tighter, hash-listing policy.
 */
export const CONTENT_SECURITY_POLICY = SITE_CSP;

/** Sent with every response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  ...Object.fromEntries(OTHER_HEADERS.map(([k, v]) => [k.toLowerCase(), v])),
  "cross-origin-opener-policy": "same-origin"
};

/** Maps a URL path to a file under root, or undefined (never escapes root). */
export function resolveSitePath(root: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split("?")[0]!.split("#")[0]!);
  } catch {
    return undefined;
  }
  if (path.includes("\0")) return undefined;
  const base = resolve(root);
  const target = normalize(join(base, path));
  if (target !== base && !target.startsWith(base + sep)) return undefined;
  const candidates = path.endsWith("/") ? [join(target, "index.html")] : [target, `${target}.html`, join(target, "index.html")];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile());
}

/** Encodings the client accepts, best first among the ones we precompress ("br", "gzip"). */
export function acceptedEncodings(header: string | undefined): ("br" | "gzip")[] {
  const q = new Map<string, number>();
  for (const part of (header ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const value = qp ? Number(qp.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const star = q.get("*");
  return (["br", "gzip"] as const).filter((e) => (q.get(e) ?? star ?? 0) > 0);
}

/**
 * The byte range asked for by a `Range` header for a body of `size` bytes: {start, end} (inclusive),
 * "unsatisfiable", or null to send the whole body (no header, another unit, several ranges, bad syntax).
 */
export function parseRange(header: string | undefined, size: number): {start: number; end: number} | "unsatisfiable" | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return null;
  if (m[1] === "") {
    const suffix = Number(m[2]);
    if (suffix === 0) return "unsatisfiable";
    return {start: Math.max(0, size - suffix), end: size - 1};
  }
  const start = Number(m[1]);
  const end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (m[2] !== "" && Number(m[2]) < start) return null; // invalid: ignore the header
  if (start >= size) return "unsatisfiable";
  return {start, end};
}

function etagOf(stats: Stats, encoding: string | null): string {
  return `"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}${encoding ? `-${encoding}` : ""}"`;
}

/** True when an If-None-Match list names `etag` (weak comparison, as RFC 9110 asks for this header). */
function noneMatch(header: string, etag: string): boolean {
  const bare = (t: string) => t.trim().replace(/^W\//, "");
  return header.split(",").some((t) => t.trim() === "*" || bare(t) === bare(etag));
}

const NOT_FOUND_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Page not found · Spurious Rewards, explained</title>
<style>body{font:17px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1b1e23}a{color:#3b5fc0}</style>
</head><body><main><h1>Page not found</h1>
<p>There is no page at this address. It may have been mistyped, or a link may be out of date.</p>
<p><a href="/">Go to the start page</a></p></main></body></html>
`;

function send(response: ServerResponse, status: number, headers: Record<string, string | number>, body?: string): void {
  response.writeHead(status, {...SECURITY_HEADERS, ...headers});
  response.end(body);
}

/** Sends part or all of a file; the read stream is destroyed (file closed) however the response ends. */
function sendFile(response: ServerResponse, file: string, options: {start?: number; end?: number}): void {
  pipeline(createReadStream(file, options), response, (error) => {
    // a client that goes away mid-download is normal (ERR_STREAM_PREMATURE_CLOSE); the file is closed either way
    if (error && !response.headersSent) send(response, 500, {"content-type": TYPES[".txt"]!}, "Internal error\n");
  });
}

function statOrNull(file: string): Stats | null {
  try {
    const s = statSync(file);
    return s.isFile() ? s : null;
  } catch {
    return null;
  }
}

export function handleRequest(root: string, request: IncomingMessage, response: ServerResponse): void {
  const method = request.method ?? "GET";
  if (method !== "GET" && method !== "HEAD") {
    send(response, 405, {allow: "GET, HEAD", "content-type": TYPES[".txt"]!}, `Method ${method} is not allowed: this site is read-only (GET, HEAD)\n`);
    return;
  }
  const head = method === "HEAD";
  const file = resolveSitePath(root, request.url ?? "/");
  const stats = file ? statOrNull(file) : null;
  if (!file || !stats) {
    const custom = join(resolve(root), "404.html");
    const body = existsSync(custom) ? readFileSync(custom, "utf8") : NOT_FOUND_PAGE;
    send(response, 404, {"content-type": TYPES[".html"]!, "cache-control": "no-cache", "content-length": Buffer.byteLength(body)}, head ? undefined : body);
    return;
  }
  const type = TYPES[extname(file)] ?? "application/octet-stream";
  // a precompressed sibling (file.br / file.gz) written at build time, if not older than the file itself
  const rangeHeader = request.headers.range;
  let encoding: "br" | "gzip" | null = null;
  let body = file;
  let bodyStats = stats;
  let hasVariants = false;
  for (const e of ["br", "gzip"] as const) {
    const s = statOrNull(`${file}.${e === "gzip" ? "gz" : "br"}`);
    if (s && s.mtimeMs >= stats.mtimeMs) hasVariants = true;
  }
  // byte ranges are answered from the identity body (what a resuming client or the wasm loader expects)
  if (hasVariants && !rangeHeader) {
    for (const e of acceptedEncodings(request.headers["accept-encoding"])) {
      const candidate = `${file}.${e === "gzip" ? "gz" : "br"}`;
      const s = statOrNull(candidate);
      if (s && s.mtimeMs >= stats.mtimeMs) {
        encoding = e;
        body = candidate;
        bodyStats = s;
        break;
      }
    }
  }
  const etag = etagOf(stats, encoding);
  const headers: Record<string, string | number> = {
    "content-type": type,
    "cache-control": "no-cache",
    etag,
    "last-modified": stats.mtime.toUTCString(),
    "accept-ranges": "bytes",
    ...(hasVariants ? {vary: "accept-encoding"} : {}),
    ...(encoding ? {"content-encoding": encoding} : {})
  };
  const ifNoneMatch = request.headers["if-none-match"];
  const ifModifiedSince = request.headers["if-modified-since"];
  const notModified = ifNoneMatch !== undefined
    ? noneMatch(ifNoneMatch, etag)
    : ifModifiedSince !== undefined && Math.floor(stats.mtimeMs / 1000) <= Math.floor(Date.parse(ifModifiedSince) / 1000);
  if (notModified) {
    send(response, 304, headers);
    return;
  }
  const size = bodyStats.size;
  const ifRange = request.headers["if-range"] as string | undefined;
  const rangeApplies = rangeHeader !== undefined && (ifRange === undefined || ifRange.trim() === etag || ifRange.trim() === headers["last-modified"]);
  const range = rangeApplies ? parseRange(rangeHeader, size) : null;
  if (range === "unsatisfiable") {
    send(response, 416, {...headers, "content-range": `bytes */${size}`, "content-type": TYPES[".txt"]!}, `Range ${rangeHeader} is outside the ${size} bytes of this file\n`);
    return;
  }
  if (range) {
    response.writeHead(206, {...SECURITY_HEADERS, ...headers, "content-range": `bytes ${range.start}-${range.end}/${size}`, "content-length": range.end - range.start + 1});
    if (head) return void response.end();
    sendFile(response, body, range);
    return;
  }
  response.writeHead(200, {...SECURITY_HEADERS, ...headers, "content-length": size});
  if (head) return void response.end();
  sendFile(response, body, {});
}

export interface RunningServer {
  origin: string;
  server: Server;
  close(): Promise<void>;
}

export function startStaticServer(root: string, port = 0, host = "127.0.0.1"): Promise<RunningServer> {
  const server = createServer((request, response) => handleRequest(root, request, response));
  // Node answers an over-long URL or header block (> 16 KB) with a bare 431; say why instead
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) return void socket.destroy();
    const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
    const body = tooLarge
      ? "This link or request is too long for the server (over 16 KB of URL and headers). Shorten it: e.g. reset the toy's settings or use a preset.\n"
      : "Bad request\n";
    socket.end(`HTTP/1.1 ${tooLarge ? "431 Request Header Fields Too Large" : "400 Bad Request"}\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const {port: actual} = server.address() as AddressInfo;
      resolvePromise({
        origin: `http://${host}:${actual}`,
        server,
        close: () => new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        })
      });
    });
  });
}
