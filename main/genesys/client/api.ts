/**
 * The typed Genesys Cloud API the rest of the app uses: one function per
 * endpoint of DOMAIN.md, all going through one `GenesysHttp` (token, audit,
 * retries, throttle) and one `OperationEvents` (notifications).
 */
import { createAgentSchedulesApi } from './agent-schedules-api';
import { createAnalyticsApi } from './analytics-api';
import { createDirectoryApi } from './directory-api';
import type { GenesysHttp } from './http';
import type { OperationEvents } from './operation-events';
import { createScheduleWrites } from './schedule-writes';
import { createWfmApi } from './wfm-api';

export interface GenesysApiDeps {
  operations: OperationEvents;
  /** How long an asynchronous agent-schedule query may take before asking again. Default 2 minutes. */
  queryTimeoutMs?: number;
}

export function createGenesysApi(http: GenesysHttp, deps: GenesysApiDeps) {
  const wfm = createWfmApi(http);
  return {
    ...createDirectoryApi(http),
    ...wfm,
    ...createAgentSchedulesApi(http, deps.operations, deps.queryTimeoutMs ?? 120_000),
    ...createScheduleWrites(http, deps.operations, wfm),
    ...createAnalyticsApi(http),
  };
}

export type GenesysApi = ReturnType<typeof createGenesysApi>;
export type { AgentSchedulesQuery } from './agent-schedules-api';
export type { ImportOutcome, ScheduleOperationOutcome, StartedOperation } from './schedule-writes';
export type { OperationEvents, OperationFinished } from './operation-events';
export { activeScriptAgents } from './analytics-api';
