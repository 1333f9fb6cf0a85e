// Public entry point of the token-level toy (page, worker, CLI and tests import from here).
export * from "./config.js";
export * from "./sim.js";
export * from "./surrogate.js";
export * from "./theory.js";
export * from "./ensemble.js";
export * from "./presets.js";
export * from "./stream.js";
export * from "./url.js";
export * from "./paper.js";
export * from "./cost.js";
export * from "./paper-curves.js";
