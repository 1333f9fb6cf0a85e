// Build-time bundling of a page's Web Worker: the worker module and its imports as one minified ES module
// (the page starts it with new Worker(FileAttachment("data/NAME.js").url())). Used by the worker loaders in
// src/data/ (toy-worker.js.ts, toy-tokens-worker.js.ts), which differ only in their entry point.
import { build } from "esbuild";

export async function bundleWorker(entryPoint: string): Promise<string> {
  const result = await build({
    entryPoints: [entryPoint],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}
