// Entry of a seed worker thread. Worker threads do not inherit tsx's loader from `tsx scripts/sim.ts`
// (Node 20 does not apply the parent's --import hooks to workers), so register it here, then load the
// TypeScript worker.
import { register } from "tsx/esm/api";
import { workerData } from "node:worker_threads";

register();
await import(workerData.entry);
