// Every training-curve point recovered from the preprint's vector figures (loaders/figures/), one row per point.
import {loadRecovery} from "../../loaders/figures/source.js";
import {curvesCsv} from "../../loaders/figures/tables.js";

process.stdout.write(curvesCsv(await loadRecovery()));
