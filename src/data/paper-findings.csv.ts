// Audit findings and confirmations flattened to CSV (download and DuckDB table `findings`).
import * as aq from "arquero";
import {readAddedTables} from "../../loaders/paper-added.js";
import {readSourceTables} from "../../loaders/paper-source.js";
import {assertAddedValid, assertValid} from "../../loaders/paper-validate.js";
import {tidyTables} from "../../loaders/paper-tidy.js";
import {auditPaper, flatFinding} from "../../loaders/paper-audit.js";

const tables = readSourceTables();
assertValid(tables);
const added = readAddedTables();
assertAddedValid(added, tables);
const audit = auditPaper(tidyTables(tables), {added});
process.stdout.write(aq.from([...audit.findings, ...audit.confirmations].map(flatFinding)).toCSV());
