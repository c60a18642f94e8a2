/** One request in the Activity log. Never a body, a header or a token. */
export interface AuditRow {
  id: number;
  at: string;
  profileId: string;
  method: string;
  /** The SDK's path template, e.g. `/api/v2/workforcemanagement/businessunits/{businessUnitId}`. */
  pathTemplate: string;
  /** null when no HTTP answer came (timeout, reset). */
  status: number | null;
  durationMs: number;
  /** 1 for the first try, 2.. for retries of reads. */
  attempt: number;
  contextId: string | null;
  /** The GenesysError kind when it failed. */
  errorKind: string | null;
}

/** A page of the Activity log; declared once, with its schema, in the contract. */
export type { AuditQuery } from './contract/activity';
