// Audit findings and confirmations flattened to CSV (download and DuckDB table `findings`).
import {auditedPaper, findingsCsv} from "../../loaders/paper-outputs.js";

process.stdout.write(findingsCsv(auditedPaper().audit));
