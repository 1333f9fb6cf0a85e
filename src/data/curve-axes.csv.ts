// The axis calibrations behind the curves: slope, intercept and largest residual per panel axis.
import {loadRecovery} from "../../loaders/figures/source.js";
import {axesCsv} from "../../loaders/figures/tables.js";

process.stdout.write(axesCsv(await loadRecovery()));
