// Tidy paper numbers (one per printed number), validated first: a bad source row fails the build.
import {readSourceTables} from "../../loaders/paper-source.js";
import {assertValid} from "../../loaders/paper-validate.js";
import {tidyTables} from "../../loaders/paper-tidy.js";

const tables = readSourceTables();
assertValid(tables);
process.stdout.write(JSON.stringify(tidyTables(tables)));
