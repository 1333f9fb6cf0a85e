// Audit findings flattened to CSV (download and DuckDB table `findings`).
import * as aq from "arquero";
import {readSourceTables} from "../../loaders/paper-source.js";
import {assertValid} from "../../loaders/paper-validate.js";
import {tidyTables} from "../../loaders/paper-tidy.js";
import {auditPaper, flatFinding} from "../../loaders/paper-audit.js";

const tables = readSourceTables();
assertValid(tables);
process.stdout.write(aq.from(auditPaper(tidyTables(tables)).findings.map(flatFinding)).toCSV());
