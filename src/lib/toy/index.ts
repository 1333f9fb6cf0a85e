// Public entry point of the toy model (page, worker, CLI and tests import from here).
export * from "./config.js";
export * from "./rng.js";
export * from "./sim.js";
export * from "./ensemble.js";
export * from "./oracle.js";
export * from "./theory.js";
export * from "./presets.js";
export * from "./url.js";
export * from "./tour.js";
export * from "./reading.js";
export * from "./budget.js";
export * from "./downsample.js";
