// A small static file server for the built site: clean URLs like a static host (/record -> record.html),
// gzip like a CDN would (so transfer sizes measured against it are realistic), loopback only.
import {createReadStream, existsSync, statSync} from "node:fs";
import {createServer, type Server} from "node:http";
import {extname, join, normalize, resolve, sep} from "node:path";
import {createGzip} from "node:zlib";
import type {AddressInfo} from "node:net";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".wasm": "application/wasm",
  ".woff2": "font/woff2",
  ".arrow": "application/vnd.apache.arrow.file"
};
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".csv", ".txt", ".svg", ".wasm"]);

/** Maps a URL path to a file under root, or undefined (never escapes root). */
export function resolveSitePath(root: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split("?")[0]!.split("#")[0]!);
  } catch {
    return undefined;
  }
  const base = resolve(root);
  const target = normalize(join(base, path));
  if (target !== base && !target.startsWith(base + sep)) return undefined;
  const candidates = path.endsWith("/") ? [join(target, "index.html")] : [target, `${target}.html`, join(target, "index.html")];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile());
}

export interface RunningServer {
  origin: string;
  server: Server;
  close(): Promise<void>;
}

export function startStaticServer(root: string, port = 0, host = "127.0.0.1"): Promise<RunningServer> {
  const server = createServer((request, response) => {
    const file = resolveSitePath(root, request.url ?? "/");
    if (!file) {
      const notFound = resolveSitePath(root, "/404");
      response.writeHead(404, {"content-type": TYPES[".html"]!});
      if (notFound) createReadStream(notFound).pipe(response);
      else response.end("Not found");
      return;
    }
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    const gzip = COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
    response.writeHead(200, {
      "content-type": type,
      "cache-control": "no-cache",
      ...(gzip ? {"content-encoding": "gzip", vary: "accept-encoding"} : {"content-length": statSync(file).size})
    });
    if (request.method === "HEAD") return void response.end();
    const stream = createReadStream(file);
    (gzip ? stream.pipe(createGzip()) : stream).pipe(response);
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const {port: actual} = server.address() as AddressInfo;
      resolvePromise({
        origin: `http://${host}:${actual}`,
        server,
        close: () => new Promise<void>((done) => server.close(() => done()))
      });
    });
  });
}
