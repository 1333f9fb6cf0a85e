// The static server (scripts/static-server.ts) and the build's precompression (scripts/precompress.ts):
// clean URLs, no path escapes, precompressed gzip/brotli with the right Content-Encoding, ETag/304, byte
// ranges, 405, the 404 page, security headers, and no open file left behind by aborted downloads.
import {test} from "node:test";
import assert from "node:assert/strict";
import {randomBytes} from "node:crypto";
import {existsSync, mkdtempSync, mkdirSync, readdirSync, writeFileSync} from "node:fs";
import {request as httpRequest} from "node:http";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {brotliDecompressSync, gunzipSync} from "node:zlib";
import {acceptedEncodings, parseRange, resolveSitePath, startStaticServer} from "../../scripts/static-server.js";
import {precompressSite} from "../../scripts/precompress.js";

const root = mkdtempSync(join(tmpdir(), "site-"));
writeFileSync(join(root, "index.html"), "<h1>home</h1>");
writeFileSync(join(root, "record.html"), "<h1>record</h1>");
mkdirSync(join(root, "_file"));
writeFileSync(join(root, "_file", "a.json"), '{"a":1}');
const script = `export const text = ${JSON.stringify("the clipping bias, step by step. ".repeat(200))};\n`;
writeFileSync(join(root, "_file", "app.js"), script);
const wasm = randomBytes(3 << 20); // incompressible, like a big binary; large enough to still be in flight when aborted
writeFileSync(join(root, "_file", "engine.wasm"), wasm);

interface Reply {status: number; headers: Record<string, string | string[] | undefined>; body: Buffer}
function get(origin: string, path: string, options: {method?: string; headers?: Record<string, string>} = {}): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = httpRequest(origin + path, {method: options.method ?? "GET", headers: options.headers ?? {}, agent: false}, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c)).on("end", () => done({status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks)})).on("error", fail);
    });
    req.on("error", fail);
    req.end();
  });
}

async function withServer(fn: (origin: string) => Promise<void>, dir = root): Promise<void> {
  const server = await startStaticServer(dir);
  try {
    await fn(server.origin);
  } finally {
    await server.close();
  }
}

test("clean URLs map to .html files, directories to index.html", () => {
  assert.equal(resolveSitePath(root, "/"), join(root, "index.html"));
  assert.equal(resolveSitePath(root, "/record"), join(root, "record.html"));
  assert.equal(resolveSitePath(root, "/record?x=1#y"), join(root, "record.html"));
  assert.equal(resolveSitePath(root, "/_file/a.json"), join(root, "_file", "a.json"));
  assert.equal(resolveSitePath(root, "/missing"), undefined);
});

test("paths cannot escape the site root", () => {
  assert.equal(resolveSitePath(root, "/../../etc/passwd"), undefined);
  assert.equal(resolveSitePath(root, "/%2e%2e/%2e%2e/etc/passwd"), undefined);
  assert.equal(resolveSitePath(root, "/%E0%A4%A"), undefined);
  assert.equal(resolveSitePath(root, "/record%00.html"), undefined);
});

test("the server answers on 127.0.0.1 with types, lengths and the security headers on every response", async () => {
  await withServer(async (origin) => {
    assert.match(origin, /^http:\/\/127\.0\.0\.1:\d+$/);
    const plain = await get(origin, "/_file/a.json");
    assert.equal(plain.status, 200);
    assert.equal(plain.headers["content-type"], "application/json; charset=utf-8");
    assert.equal(plain.headers["content-length"], "7");
    assert.equal(plain.body.toString(), '{"a":1}');
    assert.equal((await get(origin, "/_file/engine.wasm", {method: "HEAD"})).headers["content-type"], "application/wasm");
    for (const reply of [plain, await get(origin, "/nope"), await get(origin, "/", {method: "POST"})]) {
      assert.equal(reply.headers["x-content-type-options"], "nosniff");
      assert.equal(reply.headers["referrer-policy"], "strict-origin-when-cross-origin");
      assert.match(String(reply.headers["content-security-policy"]), /frame-ancestors 'none'/);
      assert.match(String(reply.headers["content-security-policy"]), /default-src 'self'/);
    }
  });
});

test("methods other than GET and HEAD get 405 with Allow; HEAD gets the headers and no body", async () => {
  await withServer(async (origin) => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"]) {
      const r = await get(origin, "/record", {method});
      assert.equal(r.status, 405, method);
      assert.equal(r.headers.allow, "GET, HEAD");
    }
    const head = await get(origin, "/record", {method: "HEAD"});
    assert.equal(head.status, 200);
    assert.equal(head.headers["content-length"], String("<h1>record</h1>".length));
    assert.equal(head.body.length, 0);
  });
});

test("a missing page is a 404 HTML page (the site's 404.html when it has one)", async () => {
  await withServer(async (origin) => {
    const r = await get(origin, "/no/such/page");
    assert.equal(r.status, 404);
    assert.equal(r.headers["content-type"], "text/html; charset=utf-8");
    assert.match(r.body.toString(), /<html lang="en">[\s\S]*<h1>Page not found<\/h1>[\s\S]*<a href="\/">/);
  });
  const own = mkdtempSync(join(tmpdir(), "site404-"));
  writeFileSync(join(own, "404.html"), "<h1>our own 404</h1>");
  await withServer(async (origin) => {
    const r = await get(origin, "/missing");
    assert.equal(r.status, 404);
    assert.equal(r.body.toString(), "<h1>our own 404</h1>");
  }, own);
});

test("precompression writes smaller .gz and .br files; the server sends them with Content-Encoding", async () => {
  const report = await precompressSite(root);
  assert.ok(existsSync(join(root, "_file", "app.js.br")) && existsSync(join(root, "_file", "app.js.gz")));
  assert.ok(!existsSync(join(root, "_file", "a.json.gz")), "7 bytes: not worth compressing");
  assert.ok(!existsSync(join(root, "_file", "engine.wasm.br")), "random bytes do not get smaller");
  assert.ok(report.gzipBytes < report.bytes && report.brotliBytes < report.bytes);
  await withServer(async (origin) => {
    const br = await get(origin, "/_file/app.js", {headers: {"accept-encoding": "gzip, deflate, br"}});
    assert.equal(br.headers["content-encoding"], "br");
    assert.equal(br.headers.vary, "accept-encoding");
    assert.equal(br.headers["content-type"], "text/javascript; charset=utf-8");
    assert.equal(brotliDecompressSync(br.body).toString(), script);
    assert.equal(Number(br.headers["content-length"]), br.body.length);
    const gz = await get(origin, "/_file/app.js", {headers: {"accept-encoding": "gzip, br;q=0"}});
    assert.equal(gz.headers["content-encoding"], "gzip");
    assert.equal(gunzipSync(gz.body).toString(), script);
    const identity = await get(origin, "/_file/app.js", {headers: {"accept-encoding": "identity"}});
    assert.equal(identity.headers["content-encoding"], undefined);
    assert.equal(identity.body.toString(), script);
    assert.equal(identity.headers.vary, "accept-encoding");
    // each representation has its own validator
    assert.equal(new Set([br.headers.etag, gz.headers.etag, identity.headers.etag]).size, 3);
  });
  assert.deepEqual(readdirSync(join(root, "_file")).filter((f) => /\.(gz|br)\.(gz|br)$/.test(f)), [], "never compresses its own output");
});

test("Accept-Encoding: q-values and * are honoured; brotli preferred", () => {
  assert.deepEqual(acceptedEncodings("gzip, deflate, br"), ["br", "gzip"]);
  assert.deepEqual(acceptedEncodings("gzip;q=1.0, br;q=0"), ["gzip"]);
  assert.deepEqual(acceptedEncodings("*"), ["br", "gzip"]);
  assert.deepEqual(acceptedEncodings("*, gzip;q=0"), ["br"]);
  assert.deepEqual(acceptedEncodings(""), []);
  assert.deepEqual(acceptedEncodings(undefined), []);
});

test("ETag and Last-Modified: a revalidation is a 304 without a body", async () => {
  await withServer(async (origin) => {
    const first = await get(origin, "/record");
    const etag = String(first.headers.etag);
    assert.match(etag, /^"[0-9a-f]+-[0-9a-f]+"$/);
    const again = await get(origin, "/record", {headers: {"if-none-match": etag}});
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    assert.equal(again.headers.etag, etag);
    assert.equal((await get(origin, "/record", {headers: {"if-none-match": `"other", W/${etag}`}})).status, 304);
    assert.equal((await get(origin, "/record", {headers: {"if-none-match": '"other"'}})).status, 200);
    assert.equal((await get(origin, "/record", {headers: {"if-modified-since": String(first.headers["last-modified"])}})).status, 304);
    assert.equal((await get(origin, "/record", {headers: {"if-modified-since": "Thu, 01 Jan 1970 00:00:00 GMT"}})).status, 200);
  });
});

test("byte ranges: 206 with Content-Range, suffix and open ranges, 416 outside the file, If-Range", async () => {
  await withServer(async (origin) => {
    const path = "/_file/engine.wasm";
    const part = await get(origin, path, {headers: {range: "bytes=100-199"}});
    assert.equal(part.status, 206);
    assert.equal(part.headers["content-range"], `bytes 100-199/${wasm.length}`);
    assert.equal(part.headers["content-length"], "100");
    assert.ok(part.body.equals(wasm.subarray(100, 200)));
    const tail = await get(origin, path, {headers: {range: "bytes=-10"}});
    assert.ok(tail.body.equals(wasm.subarray(wasm.length - 10)));
    const open = await get(origin, path, {headers: {range: `bytes=${wasm.length - 5}-`}});
    assert.equal(open.headers["content-range"], `bytes ${wasm.length - 5}-${wasm.length - 1}/${wasm.length}`);
    const beyond = await get(origin, path, {headers: {range: `bytes=${wasm.length}-`}});
    assert.equal(beyond.status, 416);
    assert.equal(beyond.headers["content-range"], `bytes */${wasm.length}`);
    // several ranges or nonsense: the whole file (allowed by RFC 9110)
    const many = await get(origin, "/record", {headers: {range: "bytes=0-1,3-4"}});
    assert.equal(many.status, 200);
    assert.equal(many.body.toString(), "<h1>record</h1>");
    // If-Range with the current ETag honours the range, with an old one sends everything
    const etag = String(part.headers.etag);
    assert.equal((await get(origin, path, {headers: {range: "bytes=0-0", "if-range": etag}})).status, 206);
    const stale = await get(origin, path, {headers: {range: "bytes=0-0", "if-range": '"old"'}});
    assert.equal(stale.status, 200);
    assert.equal(stale.body.length, wasm.length);
    // a range is answered from the identity bytes even when the client accepts compression
    const js = await get(origin, "/_file/app.js", {headers: {range: "bytes=0-5", "accept-encoding": "br"}});
    assert.equal(js.status, 206);
    assert.equal(js.headers["content-encoding"], undefined);
    assert.equal(js.body.toString(), script.slice(0, 6));
  });
  assert.deepEqual(parseRange("bytes=5-2", 10), null);
  assert.deepEqual(parseRange("items=0-1", 10), null);
  assert.deepEqual(parseRange("bytes=-0", 10), "unsatisfiable");
  assert.deepEqual(parseRange("bytes=2-100", 10), {start: 2, end: 9});
});

function openFiles(): number {
  return readdirSync("/proc/self/fd").length;
}

test("aborted downloads leave no open file behind", async () => {
  const server = await startStaticServer(root);
  try {
    const before = openFiles();
    const aborts = 150;
    for (let batch = 0; batch < aborts / 30; batch++) {
      await Promise.all(Array.from({length: 30}, () => new Promise<void>((done) => {
        const req = httpRequest(`${server.origin}/_file/engine.wasm`, {agent: false}, (res) => {
          res.once("data", () => { req.destroy(); done(); });
        });
        req.on("error", () => done());
        req.end();
      })));
    }
    // let the server notice the closed sockets (bounded wait, not a timing assertion)
    for (let i = 0; i < 200; i++) {
      const connections = await new Promise<number>((done) => server.server.getConnections((_e, n) => done(n)));
      if (connections === 0 && openFiles() <= before + 2) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const after = openFiles();
    assert.ok(after <= before + 2, `open files: ${before} before, ${after} after ${aborts} aborted downloads`);
    // and the server still serves
    assert.equal((await get(server.origin, "/record")).status, 200);
  } finally {
    await server.close();
  }
});

test("an over-long URL gets a 431 that says what to do, not a blank page", async () => {
  await withServer(async (origin) => {
    const r = await get(origin, "/toy?cfg=" + "x".repeat(20_000));
    assert.equal(r.status, 431);
    assert.match(r.body.toString(), /too long/);
  });
});
