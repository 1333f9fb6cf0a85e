// The audit as the source popover reads it: per finding, only what names it (id, title, severity, check, versions)
// and the numbers it reads. /rewards and /code-reasoning load this on first paint (4 kB gzip) instead of the whole
// audit (27 kB), which only /audit needs. Pure.

export interface AuditRefSide {
  ids: string[];
}
export interface AuditRef {
  id: string;
  title: string;
  severity: string;
  check: string;
  versions: string[];
  a: AuditRefSide;
  b: AuditRefSide;
  same_in?: {a: AuditRefSide; b: AuditRefSide}[];
}

interface AuditLike {
  findings: {id: string; title: string; severity: string; check: string; versions: string[]; a: AuditRefSide; b: AuditRefSide; same_in?: {a: AuditRefSide; b: AuditRefSide}[]}[];
}

export function auditRefs(audit: AuditLike): {findings: AuditRef[]} {
  return {
    findings: audit.findings.map((f) => ({
      id: f.id, title: f.title, severity: f.severity, check: f.check, versions: f.versions,
      a: {ids: f.a.ids}, b: {ids: f.b.ids},
      ...(f.same_in ? {same_in: f.same_in.map((s) => ({a: {ids: s.a.ids}, b: {ids: s.b.ids}}))} : {}),
    })),
  };
}
