// The audit's findings reduced to what the source popover shows (loaders/audit-refs.ts): which findings read which
// numbers, with their titles and severities.
import {auditedPaper} from "../../loaders/paper-outputs.js";
import {auditRefs} from "../../loaders/audit-refs.js";

process.stdout.write(JSON.stringify(auditRefs(auditedPaper().audit)));
