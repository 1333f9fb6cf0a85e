// The paper statements the token-toy page quotes (src/lib/toy/tokens/paper.ts), selected from the
// validated transcription; a missing or ambiguous row fails the build.
import {readSourceTables} from "../../loaders/paper-source.js";
import {assertValid} from "../../loaders/paper-validate.js";
import {tokenPaperStatements} from "../lib/toy/tokens/paper.js";

const tables = readSourceTables();
assertValid(tables);
const clipping = tables.find((t) => t.name === "clipping")!;
process.stdout.write(JSON.stringify(tokenPaperStatements(clipping.rows)));
