// Web Worker running the strategy toy's ensembles off the main thread, as the coordinator of a pool of seed
// workers or as one of them (src/lib/toy/pool-worker.ts). Bundled by src/data/toy-worker.js.ts.
import { installPoolWorker } from "./pool-worker.js";
import { toyPoolModel } from "./pool-model.js";

export type { CancelRequest, RunRequest, SeedCancelRequest, SeedReply, SeedsRequest, WorkerReply } from "./pool.js";

installPoolWorker(toyPoolModel);
