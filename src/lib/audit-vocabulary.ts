// Words of the audit shared by the build-time audit (loaders/audit/) and the audit page (DOM-free).

/** The audit's statuses (loaders/audit/types.ts explains each). */
export type Status = "contradiction" | "confirmed" | "change" | "judgement" | "note";

export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  contradiction: "contradiction",
  confirmed: "confirmed",
  change: "cross-version change",
  judgement: "judgement call",
  note: "note",
};
