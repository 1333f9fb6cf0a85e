// Browser tests need Debian's Chromium (Playwright's own browser download cannot reach its host here).
// Installs it when we are root with apt-get, otherwise stops with the exact command; never skips silently.
import {execFileSync, spawnSync} from "node:child_process";
import {existsSync} from "node:fs";
import {CHROMIUM_PATH} from "../test/e2e/chromium.js";

if (existsSync(CHROMIUM_PATH)) process.exit(0);
const isRoot = process.getuid?.() === 0;
const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
if (!isRoot || !hasApt) {
  console.error(`Chromium is missing at ${CHROMIUM_PATH}. Install it, then re-run the tests:\n  sudo apt-get update && sudo apt-get install -y chromium`);
  process.exit(1);
}
console.log("Chromium is missing: installing Debian's chromium package (apt-get)...");
execFileSync("apt-get", ["update"], {stdio: "inherit"});
execFileSync("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], {stdio: "inherit", env: {...process.env, DEBIAN_FRONTEND: "noninteractive"}});
if (!existsSync(CHROMIUM_PATH)) {
  console.error(`apt-get finished but ${CHROMIUM_PATH} is still missing.`);
  process.exit(1);
}
