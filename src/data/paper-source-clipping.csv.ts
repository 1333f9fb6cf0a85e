// The verbatim source table clipping.csv (validated), for download and for the query page.
import {readSourceTables, readSourceText} from "../../loaders/paper-source.js";
import {assertValid} from "../../loaders/paper-validate.js";

assertValid(readSourceTables());
process.stdout.write(readSourceText("clipping"));
