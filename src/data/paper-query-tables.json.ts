// Every table of the query page as CSV text in one JSON object (a .csv FileAttachment would pull in
// d3-dsv from a CDN at build time). Fetched only when the reader loads DuckDB. The training curves are not in
// it: the query page reads them from the downloads' curves.csv and curve-axes.csv on first use.
import * as aq from "arquero";
import {readSourceTables, readSourceText, SOURCE_FILE_NAMES} from "../../loaders/paper-source.js";
import {assertValid} from "../../loaders/paper-validate.js";
import {flatRow, tidyTables, TIDY_COLUMNS} from "../../loaders/paper-tidy.js";
import {auditPaper, flatFinding} from "../../loaders/paper-audit.js";
import {readAddedTables} from "../../loaders/paper-added.js";

const tables = readSourceTables();
assertValid(tables);
const numbers = tidyTables(tables);
const out: Record<string, string> = {
  numbers: aq.from(numbers.map(flatRow)).select([...TIDY_COLUMNS]).toCSV(),
  findings: aq.from(auditPaper(numbers, {added: readAddedTables()}).findings.map(flatFinding)).toCSV(),
};
for (const name of SOURCE_FILE_NAMES) out[name] = readSourceText(name);
process.stdout.write(JSON.stringify(out));
