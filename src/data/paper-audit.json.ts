// The paper checked against itself: causes, findings, confirmations and a per-check summary (never fails on findings).
import {auditedPaper} from "../../loaders/paper-outputs.js";

process.stdout.write(JSON.stringify(auditedPaper().audit));
