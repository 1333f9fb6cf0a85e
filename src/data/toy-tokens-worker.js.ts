// Data loader: bundles the token-level toy Web Worker (src/lib/toy/tokens/worker.ts and its imports) into one ES module
// and prints it, so the page can start it with new Worker(FileAttachment("data/toy-tokens-worker.js").url()).
import {build} from "esbuild";

const result = await build({
  entryPoints: ["src/lib/toy/tokens/worker.ts"],
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify: true,
  write: false,
  logLevel: "silent",
});
process.stdout.write(result.outputFiles[0].text);
