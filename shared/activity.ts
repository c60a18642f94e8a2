/** The Activity log as the UI sees it. */
export interface AuditRow {
  id: number;
  at: string;
  profileId: string;
  method: string;
  pathTemplate: string;
  status: number | null;
  durationMs: number;
  attempt: number;
  contextId: string | null;
  errorKind: string | null;
}

export interface AuditQuery {
  profileId?: string;
  outcome?: 'all' | 'ok' | 'failed';
  /** Matches the path template or the contextId. */
  search?: string;
  limit: number;
  offset: number;
}
