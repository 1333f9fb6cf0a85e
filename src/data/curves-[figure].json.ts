// One figure's curves for the Figures page (data/curves-2.json … data/curves-16.json), loaded when it is shown.
import {parseArgs} from "node:util";
import {loadRecovery} from "../../loaders/figures/source.js";
import {figureData} from "../../loaders/figures/tables.js";

const {values} = parseArgs({options: {figure: {type: "string"}}});
process.stdout.write(JSON.stringify(figureData(await loadRecovery(), Number(values.figure))));
