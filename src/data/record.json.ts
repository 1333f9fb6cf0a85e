// Framework data loader (cwd = project root): the Pith record, live if reachable, else the data/pith snapshot.
import {loadRecord} from "../../loaders/record.js";

try {
  process.stdout.write(JSON.stringify(await loadRecord({offline: process.env.PITH_OFFLINE === "1"}), null, 1));
} catch (e) {
  console.error(`record loader: ${(e as Error).message}`);
  process.exit(1);
}
