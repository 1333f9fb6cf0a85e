// Serves the built site on http://127.0.0.1:3000 (PORT overrides). Build first: `npm run build`.
import {existsSync} from "node:fs";
import {resolve} from "node:path";
import {startStaticServer} from "./static-server.js";

const root = resolve(import.meta.dirname, "..", process.env.SITE_DIST ?? "dist");
if (!existsSync(resolve(root, "index.html"))) {
  console.error(`serve: ${root}/index.html not found; run \`npm run build\` first.`);
  process.exit(1);
}
const server = await startStaticServer(root, Number(process.env.PORT ?? 3000));
console.log(`Serving ${root} at ${server.origin}/ (Ctrl-C to stop)`);
// stop cleanly on Ctrl-C or a service manager's SIGTERM: close the listener and the open connections
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void server.close().then(() => process.exit(0)));
