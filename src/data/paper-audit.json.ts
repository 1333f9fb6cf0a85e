// The paper checked against itself: causes, findings, confirmations and a per-check summary (never fails on findings).
import {readAddedTables} from "../../loaders/paper-added.js";
import {readSourceTables} from "../../loaders/paper-source.js";
import {assertAddedValid, assertValid} from "../../loaders/paper-validate.js";
import {tidyTables} from "../../loaders/paper-tidy.js";
import {auditPaper} from "../../loaders/paper-audit.js";

const tables = readSourceTables();
assertValid(tables);
const added = readAddedTables();
assertAddedValid(added, tables);
process.stdout.write(JSON.stringify(auditPaper(tidyTables(tables), {added})));
