// Bytes and row counts of the downloadable files, so the data dictionary can say what each link saves. The file
// contents are rebuilt exactly as their own loaders write them (src/data/paper-*.ts); test/e2e/reader.test.ts
// compares every stated size with the served file, so a drift between the two shows.
import * as aq from "arquero";
import {readSourceText, type SourceFileName} from "../../loaders/paper-source.js";
import {auditedPaper, findingsCsv, numbersCsv} from "../../loaders/paper-outputs.js";

const bytes = (text: string) => Buffer.byteLength(text, "utf8");
const {numbers, audit} = auditedPaper();
const sources = Object.fromEntries((["main_results", "code_reasoning", "clipping", "setup"] as SourceFileName[]).map((name) => {
  const text = readSourceText(name);
  return [name, {bytes: bytes(text), rows: aq.fromCSV(text, {autoType: false}).numRows()}];
}));
process.stdout.write(JSON.stringify({
  numbersCsv: {bytes: bytes(numbersCsv(numbers)), rows: numbers.length},
  numbersJson: {bytes: bytes(JSON.stringify(numbers)), rows: numbers.length},
  findingsCsv: {bytes: bytes(findingsCsv(audit)), rows: audit.findings.length + audit.confirmations.length},
  auditJson: {bytes: bytes(JSON.stringify(audit)), rows: audit.findings.length},
  sources,
}));
