// The tidy paper numbers as CSV (download and DuckDB input); arrays joined with "|".
import * as aq from "arquero";
import {readSourceTables} from "../../loaders/paper-source.js";
import {assertValid} from "../../loaders/paper-validate.js";
import {flatRow, tidyTables, TIDY_COLUMNS} from "../../loaders/paper-tidy.js";

const tables = readSourceTables();
assertValid(tables);
process.stdout.write(aq.from(tidyTables(tables).map(flatRow)).select([...TIDY_COLUMNS]).toCSV());
