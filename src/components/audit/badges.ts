// Status, severity and headline badges: words first, colour only as a second cue.
import type {Severity, Status} from "../../../loaders/audit/types.js";
import {STATUS_LABELS} from "../../lib/audit-vocabulary.js";
import {h, type Markup} from "./markup.js";

export const statusLabel = (s: Status) => STATUS_LABELS[s];

export function badges(status: Status, severity: Severity, headline: boolean): Markup {
  return h`<span class="audit-badges">
    <span class="audit-badge status-${status}" data-testid="status">${statusLabel(status)}</span>
    <span class="audit-badge severity-${severity}">${severity} severity</span>
    ${headline ? h`<span class="audit-badge headline" data-testid="headline-badge">touches a headline number</span>` : ""}
  </span>`;
}
