// Soak test of the static server (called by `npm run bench`, module scripts/bench-server.ts; or run it:
// `npx tsx scripts/soak-server.ts DIST [--aborts 10000] [--concurrent 200] [--server MODULE]`). Loopback
// only, bounded in time. Reports JSON: open files of this process before and after N downloads of the
// biggest file aborted after their first chunk, and errors and latency quantiles of M concurrent requests.
import {readdirSync, statSync} from "node:fs";
import {request} from "node:http";
import {join, relative, resolve} from "node:path";
import {pathToFileURL} from "node:url";

export interface SoakReport {
  server: string;
  abortedDownloads: number;
  abortTarget: string;
  openFilesBefore: number;
  openFilesAfter: number;
  concurrentRequests: number;
  errors: number;
  p50ms: number;
  p99ms: number;
  maxMs: number;
  /** CPU time (server and this client) of one full download of the biggest file with Accept-Encoding: gzip */
  bigDownloadCpuMs: number;
  bigDownloadBytes: number;
  seconds: number;
}

const openFiles = () => readdirSync("/proc/self/fd").length;

function walk(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const h = (s.length - 1) * q, lo = Math.floor(h), hi = Math.min(lo + 1, s.length - 1);
  return s[lo]! + (h - lo) * (s[hi]! - s[lo]!);
}

export async function soakServer(dist: string, options: {aborts?: number; concurrent?: number; serverModule?: string; deadlineSeconds?: number} = {}): Promise<SoakReport> {
  const aborts = options.aborts ?? 10_000;
  const concurrent = options.concurrent ?? 200;
  const deadline = performance.now() + (options.deadlineSeconds ?? 300) * 1000;
  const moduleUrl = options.serverModule ? pathToFileURL(resolve(options.serverModule)).href : new URL("./static-server.ts", import.meta.url).href;
  const {startStaticServer} = (await import(moduleUrl)) as typeof import("./static-server.js");
  const files = walk(dist).filter((f) => !/\.(gz|br)$/.test(f));
  const biggest = files.reduce((a, b) => (statSync(a).size >= statSync(b).size ? a : b));
  const target = "/" + relative(dist, biggest).split("\\").join("/");
  const server = await startStaticServer(dist);
  const started = performance.now();
  try {
    const before = openFiles();
    let done = 0;
    const abortOne = () => new Promise<void>((finish) => {
      const req = request(server.origin + target, {agent: false}, (res) => {
        res.once("data", () => { req.destroy(); finish(); });
        res.once("end", () => finish());
      });
      req.on("error", () => finish());
      req.end();
    });
    // 50 at a time, until the count or the deadline
    await Promise.all(Array.from({length: 50}, async () => {
      while (done < aborts && performance.now() < deadline) { done++; await abortOne(); }
    }));
    // let the server see every closed socket (bounded)
    for (let i = 0; i < 500; i++) {
      const n = await new Promise<number>((r) => server.server.getConnections((_e, c) => r(c)));
      if (n === 0) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    await new Promise((r) => setTimeout(r, 200));
    const after = openFiles();

    const pages = files.filter((f) => f.endsWith(".html")).map((f) => "/" + relative(dist, f).replace(/\.html$/, "").replace(/(^|\/)index$/, ""));
    const assets = files.filter((f) => /\.(js|css|json)$/.test(f)).slice(0, 20).map((f) => "/" + relative(dist, f));
    const paths = [...pages, ...assets];
    let errors = 0;
    const latencies = await Promise.all(Array.from({length: concurrent}, (_, i) => new Promise<number>((finish) => {
      const t0 = performance.now();
      const req = request(server.origin + paths[i % paths.length], {agent: false, headers: {"accept-encoding": "br, gzip"}}, (res) => {
        if (res.statusCode !== 200) errors++;
        res.on("data", () => {}).on("end", () => finish(performance.now() - t0)).on("error", () => { errors++; finish(performance.now() - t0); });
      });
      req.on("error", () => { errors++; finish(performance.now() - t0); });
      req.end();
    })));
    const cpu0 = process.cpuUsage();
    const bigDownloadBytes = await new Promise<number>((finish) => {
      let n = 0;
      const req = request(server.origin + target, {agent: false, headers: {"accept-encoding": "gzip"}}, (res) => {
        res.on("data", (c: Buffer) => (n += c.length)).on("end", () => finish(n)).on("error", () => finish(n));
      });
      req.on("error", () => finish(n));
      req.end();
    });
    const cpu = process.cpuUsage(cpu0);
    return {
      bigDownloadCpuMs: (cpu.user + cpu.system) / 1000,
      bigDownloadBytes,
      server: options.serverModule ?? "scripts/static-server.ts",
      abortedDownloads: done,
      abortTarget: target,
      openFilesBefore: before,
      openFilesAfter: after,
      concurrentRequests: concurrent,
      errors,
      p50ms: quantile(latencies, 0.5),
      p99ms: quantile(latencies, 0.99),
      maxMs: Math.max(...latencies),
      seconds: (performance.now() - started) / 1000
    };
  } finally {
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const opt = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
  const dist = args.find((a, i) => !a.startsWith("--") && !(i > 0 && args[i - 1]!.startsWith("--")));
  if (!dist) {
    console.error("usage: npx tsx scripts/soak-server.ts DIST [--aborts N] [--concurrent M] [--server MODULE]");
    process.exit(2);
  }
  const report = await soakServer(dist, {aborts: Number(opt("--aborts") ?? 10_000), concurrent: Number(opt("--concurrent") ?? 200), serverModule: opt("--server")});
  console.log(JSON.stringify(report));
  // the previous server keeps leaked files open and would keep the process alive
  process.exit(0);
}
