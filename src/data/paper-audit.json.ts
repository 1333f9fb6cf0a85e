// The paper checked against itself: findings and a per-check summary (never fails on findings).
import {readSourceTables} from "../../loaders/paper-source.js";
import {assertValid} from "../../loaders/paper-validate.js";
import {tidyTables} from "../../loaders/paper-tidy.js";
import {auditPaper} from "../../loaders/paper-audit.js";

const tables = readSourceTables();
assertValid(tables);
process.stdout.write(JSON.stringify(auditPaper(tidyTables(tables))));
