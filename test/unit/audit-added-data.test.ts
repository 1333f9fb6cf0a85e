// The rows added for the audit (data/paper/added/) are valid against the vendored sources, and the validator
// names file, row, column and reason for a broken row.
import {test} from "node:test";
import assert from "node:assert/strict";
import {parseAddedCsv, readAddedTables} from "../../loaders/paper-added.js";
import {readSourceTables} from "../../loaders/paper-source.js";
import {formatIssue, validateAddedTables} from "../../loaders/paper-validate.js";

const sources = readSourceTables();
const HEAD = "version,claim,locator,printed_text,kind,stated,unit,transcribed_as,compare_with,expects,on_mismatch,notes";
const PANELS = parseAddedCsv("figure-panels", "version,figure,panel,printed_caption,locator\nA_preprint_2025-05-27,Figure 9,a,(a) Format w/o Python,Figure 9 (p.10)\n");
const claims = (...rows: string[]) => validateAddedTables([parseAddedCsv("textual-claims", [HEAD, ...rows].join("\n") + "\n"), PANELS], sources).map(formatIssue);

test("the added rows in data/paper/added are valid", () => {
  assert.deepEqual(validateAddedTables(readAddedTables(), sources).map(formatIssue), []);
});

test("a reference to a missing cell, a cell without a number, an unknown panel or kind is reported", () => {
  assert.deepEqual(claims(
    "A_preprint_2025-05-27,x,Sec.1 (p.2),text 21.4,value,21.4,points,,main_results#999.delta,,contradiction,",
    "A_preprint_2025-05-27,y,Sec.1 (p.2),text 21.4,value,21.4,points,,setup#1.value,,contradiction,",
    "A_preprint_2025-05-27,z,Sec.4.3 (p.10),see Figure 9c,panel-ref,9c,,,panel:Figure 9c,Format,contradiction,",
    "A_preprint_2025-05-27,w,Sec.1 (p.2),text 21.4,guess,21.4,points,,main_results#6.delta,,maybe,",
    "A_preprint_2025-05-27,v,,,value,21.4,points,,main_results#6.delta,,contradiction,",
  ), [
    'added/textual-claims.csv row 1 (line 2), column "compare_with": "main_results#999.delta" names no transcribed cell (form: main_results#6.delta)',
    'added/textual-claims.csv row 2 (line 3), column "compare_with": "setup#1.value" is "GRPO (PPO-style clipped surrogate, group-normalized advantage)", not a printed number',
    'added/textual-claims.csv row 3 (line 4), column "compare_with": "panel:Figure 9c": no such panel in added/figure-panels.csv for A_preprint_2025-05-27',
    'added/textual-claims.csv row 4 (line 5), column "kind": unknown claim kind "guess" (known: value, approx, range, bound, list, within-steps, panel-ref)',
    'added/textual-claims.csv row 4 (line 5), column "on_mismatch": on_mismatch must be "contradiction" or "judgement call", not "maybe"',
    'added/textual-claims.csv row 5 (line 6), column "locator": every added row needs a locator',
    'added/textual-claims.csv row 5 (line 6), column "printed_text": every added row keeps the text as printed',
  ]);
});
