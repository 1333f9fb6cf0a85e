// Checks of the recovered curves (loaders/figures/checks.ts): Figure 1 label rule, smoothing window, v1
// corroboration, redraw error, text-vs-curve checks; `findings` is in the audit's finding shape.
import {loadRecovery} from "../../loaders/figures/source.js";
import {figureChecks} from "../../loaders/figures/checks.js";
import {readSourceTables} from "../../loaders/paper-source.js";

process.stdout.write(JSON.stringify(figureChecks(await loadRecovery(), readSourceTables())));
