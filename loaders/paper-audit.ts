// The audit lives in loaders/audit/ (one module per concept); this file keeps the old import path working.
export {auditPaper, flatFinding, type AuditInputs} from "./audit/index.js";
export {CHECK_DESCRIPTIONS, slug} from "./audit/auditor.js";
export type {AuditResult, Cause, CheckKind, CheckSummary, Evidence, Finding, FindingSide, PageLink, Severity, Status} from "./audit/types.js";
export {STATUS_LABELS} from "./audit/types.js";
