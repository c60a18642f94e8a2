/**
 * How the API hears the end of asynchronous WFM work. Genesys has no GET for
 * an operation: a schedule update or import ends only as a notification on
 * the business unit's schedules topic, and a large agent-schedules query
 * result only on the token user's own query topic (never on the BU topic).
 * An interface, so tests and the CLI can supply their own.
 */

/**
 * The end of a schedule operation (WfmBuScheduleTopicBuScheduleNotification):
 * `status` is `Complete`, `Error` (which carries no reason) or `Canceled`;
 * `eventType` is `Update`, `Import`, `Copy` or `Delete`.
 */
export interface OperationFinished {
  businessUnitId: string;
  operationId: string;
  status: string;
  eventType: string;
  /** The schedule's metadata (WfmBuScheduleTopicBuScheduleMetadata), when Genesys sends it. */
  result?: unknown;
}

/** A large agent-schedules query answered (WfmBuScheduleQueryResultTopicBuScheduleSearchResultNotification). */
export interface QueryResultReady {
  operationId: string;
  businessUnitId?: string;
  /** A signed URL (no bearer token) holding the BuAgentSchedulesQueryResponse. */
  downloadUrl: string;
}

export interface OperationEvents {
  /** Subscribes to the BU's schedules topic; call before starting an operation so its end cannot slip past. */
  watchBusinessUnit(businessUnitId: string): Promise<void>;
  /**
   * Subscribes to the user's agent-schedules query results; call before
   * asking. Rejects when Genesys refuses the topic (then no such result can
   * reach this client, and queries must be asked small enough to answer inline).
   */
  watchScheduleQueries(userId: string): Promise<void>;
  /** Marks an operation as ours, so its end is not also reported as someone else's save. */
  claimOperation(operationId: string): void;
  /** The operation's final event, also if it arrived shortly before the call; null after `timeoutMs`. */
  waitFor(businessUnitId: string, operationId: string, timeoutMs: number): Promise<OperationFinished | null>;
  /** The query's result notification, also if it arrived shortly before the call; null after `timeoutMs`. */
  waitForQueryResult(operationId: string, timeoutMs: number): Promise<QueryResultReady | null>;
}

export const schedulesTopic = (businessUnitId: string) =>
  `v2.workforcemanagement.businessunits.${businessUnitId}.schedules`;

/** Where Genesys sends the result of a large agent-schedules query: the topic of the token's user. */
export const scheduleQueriesTopic = (userId: string) => `v2.workforcemanagement.users.${userId}.schedules.query`;

const deaf = async () => {
  throw new Error('This client does not receive notifications.');
};

/** For clients that hear nothing (a one-off CLI call, tests): every topic is refused, every wait ends empty. */
export const deafOperations: OperationEvents = {
  watchBusinessUnit: deaf,
  watchScheduleQueries: deaf,
  claimOperation: () => {},
  waitFor: async () => null,
  waitForQueryResult: async () => null,
};
