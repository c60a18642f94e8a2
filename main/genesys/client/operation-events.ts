/**
 * How the API waits for asynchronous WFM operations (schedule update,
 * import, large agent-schedule queries). Genesys has no GET for an
 * operation: its end is only told on the business unit's schedules topic.
 * An interface, so tests and the CLI can supply their own.
 */

/** A WFM operation's final notification (`status` is `Complete`, `Error` or `Canceled`). */
export interface OperationFinished {
  businessUnitId: string;
  operationId: string;
  status: string;
  eventType: string;
  /** BuScheduleMetadata for Update/Import; the query result for small async queries. */
  result?: unknown;
  /** Where a large query result waits (a signed URL, no bearer token). */
  downloadUrl?: string;
}

export interface OperationEvents {
  /** Subscribes to the BU's schedules topic; call before starting an operation so its end cannot slip past. */
  watchBusinessUnit(businessUnitId: string): Promise<void>;
  /** Marks an operation as ours, so its end is not also reported as someone else's save. */
  claimOperation(operationId: string): void;
  /** The operation's final event, also if it arrived shortly before the call; null after `timeoutMs`. */
  waitFor(businessUnitId: string, operationId: string, timeoutMs: number): Promise<OperationFinished | null>;
}

export const schedulesTopic = (businessUnitId: string) =>
  `v2.workforcemanagement.businessunits.${businessUnitId}.schedules`;
