// Bench module: the static server under abuse (scripts/soak-server.ts, run in a child process so only the
// server's own files are counted): 10k downloads aborted after the first chunk (open files before/after),
// 200 concurrent requests (errors, p99), and the CPU one full wasm download costs. The previous server (the
// one before precompression and stream.pipeline, taken from git) is soaked the same way, with 1000 aborts:
// it keeps every aborted file open.
import {spawnSync} from "node:child_process";
import {mkdirSync, writeFileSync} from "node:fs";
import {resolve} from "node:path";
import type {BenchModule, Figure} from "./bench-kit.js";
import type {SoakReport} from "./soak-server.js";

/** The last commit with the old server (stream.pipe, gzip per request). */
const PREVIOUS_SERVER_COMMIT = "51793b9";

function soak(root: string, dist: string, args: string[]): SoakReport {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/soak-server.ts", dist, ...args], {cwd: root, encoding: "utf8", timeout: 600_000});
  if (r.status !== 0) throw new Error(`soak failed: ${r.stderr || r.error}`);
  return JSON.parse(r.stdout.trim().split("\n").at(-1)!) as SoakReport;
}

export const bench: BenchModule = {
  title: "static server soak (loopback)",
  order: 50,
  needsSite: true,
  async run({root, dist}) {
    const now = soak(root, dist, ["--aborts", "10000", "--concurrent", "200"]);
    let before: SoakReport | null = null;
    const old = spawnSync("git", ["show", `${PREVIOUS_SERVER_COMMIT}:scripts/static-server.ts`], {cwd: root, encoding: "utf8"});
    if (old.status === 0) {
      mkdirSync(resolve(root, ".bench"), {recursive: true});
      const file = resolve(root, ".bench/previous-static-server.ts");
      writeFileSync(file, old.stdout);
      before = soak(root, dist, ["--aborts", "1000", "--concurrent", "200", "--server", file]);
    }
    const leaked = (r: SoakReport) => r.openFilesAfter - r.openFilesBefore;
    const figures: Figure[] = [
      {figure: `open files after ${now.abortedDownloads} aborted downloads of ${now.abortTarget.split("/").at(-1)} (before: ${now.openFilesBefore})`, measured: now.openFilesAfter, unit: "files", target: {op: "≤", value: now.openFilesBefore}},
      {figure: "files left open per 1000 aborted downloads", measured: (leaked(now) / now.abortedDownloads) * 1000, unit: "files",
        target: {op: "≤", value: 0}, ...(before ? {previous: {value: (leaked(before) / before.abortedDownloads) * 1000, source: `previous server, ${before.abortedDownloads} aborts`}} : {})},
      {figure: `${now.concurrentRequests} concurrent requests: errors`, measured: now.errors, unit: "errors", target: {op: "≤", value: 0}, ...(before ? {previous: {value: before.errors, source: "previous server"}} : {})},
      {figure: `${now.concurrentRequests} concurrent requests: p99 latency`, measured: now.p99ms, unit: "ms", note: `p50 ${now.p50ms.toFixed(0)} ms; client in the same process`, ...(before ? {previous: {value: before.p99ms, source: "previous server"}} : {})},
      {figure: `CPU for one full download of ${now.abortTarget.split("/").at(-1)} (gzip accepted)`, measured: now.bigDownloadCpuMs, unit: "ms", note: `${(now.bigDownloadBytes / 1e6).toFixed(1)} MB sent`, ...(before ? {previous: {value: before.bigDownloadCpuMs, source: `previous server, ${(before.bigDownloadBytes / 1e6).toFixed(1)} MB`}} : {})},
    ];
    return figures;
  }
};
