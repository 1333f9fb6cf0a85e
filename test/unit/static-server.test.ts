import {test} from "node:test";
import assert from "node:assert/strict";
import {mkdtempSync, mkdirSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {gunzipSync} from "node:zlib";
import {resolveSitePath, startStaticServer} from "../../scripts/static-server.js";

const root = mkdtempSync(join(tmpdir(), "site-"));
writeFileSync(join(root, "index.html"), "<h1>home</h1>");
writeFileSync(join(root, "record.html"), "<h1>record</h1>");
mkdirSync(join(root, "_file"));
writeFileSync(join(root, "_file", "a.json"), '{"a":1}');

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
});

test("the server answers on 127.0.0.1 with types, gzip on request, and 404s", async () => {
  const server = await startStaticServer(root);
  try {
    assert.match(server.origin, /^http:\/\/127\.0\.0\.1:\d+$/);
    const plain = await fetch(`${server.origin}/_file/a.json`, {headers: {"accept-encoding": "identity"}});
    assert.equal(plain.headers.get("content-type"), "application/json; charset=utf-8");
    assert.equal(await plain.text(), '{"a":1}');
    const raw = await new Promise<Buffer>((done, fail) => {
      import("node:http").then(({get}) =>
        get(`${server.origin}/record`, {headers: {"accept-encoding": "gzip"}}, (res) => {
          assert.equal(res.headers["content-encoding"], "gzip");
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c)).on("end", () => done(Buffer.concat(chunks))).on("error", fail);
        })
      );
    });
    assert.equal(gunzipSync(raw).toString(), "<h1>record</h1>");
    assert.equal((await fetch(`${server.origin}/nope`)).status, 404);
  } finally {
    await server.close();
  }
});
