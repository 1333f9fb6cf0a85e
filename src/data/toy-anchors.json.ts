// The paper numbers the toy page quotes (src/lib/toy/anchors.ts), selected from the validated tidy data;
// a missing or ambiguous number fails the build.
import {readSourceTables} from "../../loaders/paper-source.js";
import {assertValid} from "../../loaders/paper-validate.js";
import {tidyTables} from "../../loaders/paper-tidy.js";
import {toyAnchors} from "../lib/toy/anchors.js";

const tables = readSourceTables();
assertValid(tables);
process.stdout.write(JSON.stringify(toyAnchors(tidyTables(tables))));
