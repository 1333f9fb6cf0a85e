// The query page's start-up tables as CSV text: the tidy numbers, the audit's findings, and the four source
// tables verbatim (the training curves are read from the downloads' CSV on first use instead).
import * as aq from "arquero";
import {readSourceTables, readSourceText, SOURCE_FILE_NAMES} from "../paper-source.js";
import {assertValid} from "../paper-validate.js";
import {flatRow, tidyTables, TIDY_COLUMNS} from "../paper-tidy.js";
import {auditPaper, flatFinding} from "../paper-audit.js";
import {readAddedTables} from "../paper-added.js";
import type {CsvTable} from "../../src/lib/sql/create-table.js";
import {QUERY_TABLE_TYPES} from "../../src/lib/sql/query-tables.js";

export function queryCsvTables(): CsvTable[] {
  const tables = readSourceTables();
  assertValid(tables);
  const numbers = tidyTables(tables);
  const texts: Record<string, string> = {
    numbers: aq.from(numbers.map(flatRow)).select([...TIDY_COLUMNS]).toCSV(),
    findings: aq.from(auditPaper(numbers, {added: readAddedTables()}).findings.map(flatFinding)).toCSV(),
  };
  for (const name of SOURCE_FILE_NAMES) texts[name] = readSourceText(name);
  return Object.entries(texts).map(([name, csv]) => ({name, csv, types: QUERY_TABLE_TYPES[name] ? {...QUERY_TABLE_TYPES[name]} : undefined}));
}
