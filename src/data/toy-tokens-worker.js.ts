// Data loader: the token-level toy's Web Worker (src/lib/toy/tokens/worker.ts: the same pool, with the token
// model, plus the sign-rule map) bundled into one ES module (loaders/worker-bundle.ts).
import { bundleWorker } from "../../loaders/worker-bundle.js";

process.stdout.write(await bundleWorker("src/lib/toy/tokens/worker.ts"));
