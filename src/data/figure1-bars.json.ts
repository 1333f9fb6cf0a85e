// Figure 1's MATH-500 bars for /rewards (loaders/figure1-bars.ts), from the validated tidy numbers.
import {readSourceTables} from "../../loaders/paper-source.js";
import {assertValid} from "../../loaders/paper-validate.js";
import {tidyTables} from "../../loaders/paper-tidy.js";
import {figure1Bars} from "../../loaders/figure1-bars.js";

const tables = readSourceTables();
assertValid(tables);
process.stdout.write(JSON.stringify(figure1Bars(tidyTables(tables))));
