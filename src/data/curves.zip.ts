// Every figure's curves for the Figures page, one JSON per figure inside one archive (data/curves/fig-2.json …):
// pages fetch only the figures they show, and the build runs one loader instead of thirteen.
import JSZip from "jszip";
import {loadRecovery} from "../../loaders/figures/source.js";
import {figureData} from "../../loaders/figures/tables.js";

const recovery = await loadRecovery();
const zip = new JSZip();
for (const {figure} of recovery.figures) zip.file(`fig-${figure}.json`, JSON.stringify(figureData(recovery, figure)));
process.stdout.write(await zip.generateAsync({type: "nodebuffer", compression: "DEFLATE"}));
