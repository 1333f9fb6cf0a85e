// The recovered figures without their points: captions, panels, series, axes and totals (Figures page index).
import {loadRecovery} from "../../loaders/figures/source.js";
import {figureIndex} from "../../loaders/figures/tables.js";

process.stdout.write(JSON.stringify(figureIndex(await loadRecovery())));
