// The paper's tidy numbers and its audit as the site's loaders publish them, built in one place so every file
// that states something about them (downloads, their stated sizes, /query tables) says the same thing.
import * as aq from "arquero";
import {readAddedTables} from "./paper-added.js";
import {readSourceTables} from "./paper-source.js";
import {assertAddedValid, assertValid} from "./paper-validate.js";
import {flatRow, tidyTables, TIDY_COLUMNS, type PaperNumber} from "./paper-tidy.js";
import {auditPaper, flatFinding} from "./paper-audit.js";

/** The validated source tables, the added transcriptions, the tidy numbers and the audit over both. */
export function auditedPaper() {
  const tables = readSourceTables();
  assertValid(tables);
  const added = readAddedTables();
  assertAddedValid(added, tables);
  const numbers = tidyTables(tables);
  return {tables, added, numbers, audit: auditPaper(numbers, {added})};
}

export type Audit = ReturnType<typeof auditedPaper>["audit"];

/** The tidy numbers as CSV (arrays joined with "|"). */
export function numbersCsv(numbers: PaperNumber[]): string {
  return aq.from(numbers.map(flatRow)).select([...TIDY_COLUMNS]).toCSV();
}

/** Findings and confirmations, one row each (the `status` column tells them apart). */
export function findingsCsv(audit: Audit): string {
  return aq.from([...audit.findings, ...audit.confirmations].map(flatFinding)).toCSV();
}
