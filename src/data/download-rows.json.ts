// Bytes and row counts of the downloadable files, so the data dictionary can say what each link saves. The file
// contents are rebuilt exactly as their own loaders write them (src/data/paper-*.ts); test/e2e/reader.test.ts
// compares every stated size with the served file, so a drift between the two shows.
import * as aq from "arquero";
import {readSourceTables, readSourceText, type SourceFileName} from "../../loaders/paper-source.js";
import {flatRow, tidyTables, TIDY_COLUMNS} from "../../loaders/paper-tidy.js";
import {auditPaper, flatFinding} from "../../loaders/paper-audit.js";

const bytes = (text: string) => Buffer.byteLength(text, "utf8");
const numbers = tidyTables(readSourceTables());
const audit = auditPaper(numbers);
const sources = Object.fromEntries((["main_results", "code_reasoning", "clipping", "setup"] as SourceFileName[]).map((name) => {
  const text = readSourceText(name);
  return [name, {bytes: bytes(text), rows: aq.fromCSV(text, {autoType: false}).numRows()}];
}));
process.stdout.write(JSON.stringify({
  numbersCsv: {bytes: bytes(aq.from(numbers.map(flatRow)).select([...TIDY_COLUMNS]).toCSV()), rows: numbers.length},
  numbersJson: {bytes: bytes(JSON.stringify(numbers)), rows: numbers.length},
  findingsCsv: {bytes: bytes(aq.from(audit.findings.map(flatFinding)).toCSV()), rows: audit.findings.length},
  auditJson: {bytes: bytes(JSON.stringify(audit)), rows: audit.findings.length},
  sources,
}));
