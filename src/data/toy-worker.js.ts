// Data loader: the strategy toy's Web Worker (src/lib/toy/worker.ts: the pool coordinator and its seed
// workers) bundled into one ES module (loaders/worker-bundle.ts).
import { bundleWorker } from "../../loaders/worker-bundle.js";

process.stdout.write(await bundleWorker("src/lib/toy/worker.ts"));
