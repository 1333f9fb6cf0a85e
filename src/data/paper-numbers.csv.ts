// The tidy paper numbers as CSV (download and DuckDB input); arrays joined with "|".
import {readSourceTables} from "../../loaders/paper-source.js";
import {assertValid} from "../../loaders/paper-validate.js";
import {tidyTables} from "../../loaders/paper-tidy.js";
import {numbersCsv} from "../../loaders/paper-outputs.js";

const tables = readSourceTables();
assertValid(tables);
process.stdout.write(numbersCsv(tidyTables(tables)));
