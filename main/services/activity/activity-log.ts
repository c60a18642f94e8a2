/** The Activity log: the request audit, read back for the UI. */
import type { AuditQuery, AuditRow } from '../../../shared/activity';

export interface ActivityLog {
  list(query: AuditQuery): { rows: AuditRow[]; total: number };
}
