/**
 * The typed Genesys Cloud API the rest of the app uses: one function per
 * endpoint of DOMAIN.md, all going through one `GenesysHttp` (token, audit,
 * retries, throttle) and one `OperationEvents` (notifications).
 */
import { createAgentSchedulesApi } from './agent-schedules-api';
import { createAnalyticsApi } from './analytics-api';
import { createDirectoryApi } from './directory-api';
import { GenesysError } from './errors';
import { createForecastApi } from './forecast-api';
import type { GenesysHttp } from './http';
import type { OperationEvents } from './operation-events';
import { createScheduleWrites, type ScheduleWritesOptions } from './schedule-writes';
import { createWfmApi } from './wfm-api';

export interface GenesysApiDeps {
  operations: OperationEvents;
  /** How long an asynchronous agent-schedule query may take before asking again. Default 2 minutes. */
  queryTimeoutMs?: number;
  /**
   * Whose token this is: the user's id (supervisor sign-in), null (client
   * credentials: no user, so no user topic), or undefined to ask
   * `/api/v2/users/me` once, when a query first needs to know.
   */
  tokenUser?: string | null;
  /** Agents per agent-schedules query when the answer must come inline (see `inlineBatchSize`). */
  queryBatchSize?: number;
  /** Waiting for a write without notifications (tests make it instant). */
  writes?: ScheduleWritesOptions;
}

/** `/users/me` is refused for a token without a user (Genesys: 400 "requires a user context"). */
const noUserBehind = (err: unknown) =>
  err instanceof GenesysError && (err.kind === 'invalid' || err.kind === 'forbidden' || err.kind === 'notFound');

export function createGenesysApi(http: GenesysHttp, deps: GenesysApiDeps) {
  const wfm = createWfmApi(http);
  const directory = createDirectoryApi(http);
  let tokenUser: Promise<string | null> | null = deps.tokenUser === undefined ? null : Promise.resolve(deps.tokenUser);
  const whoseToken = () =>
    (tokenUser ??= directory.getUserMe().then(
      (me) => me.id,
      (err: unknown) => {
        if (noUserBehind(err)) return null;
        tokenUser = null; // a network failure says nothing: ask again next time
        throw err;
      },
    ));
  async function agentsOf(businessUnitId: string, weekId: string, scheduleId: string, managementUnitId: string) {
    const schedule = await wfm.getSchedule(businessUnitId, weekId, scheduleId, { expandAgents: true });
    const unit = schedule.managementUnits.find((m) => m.managementUnit.id === managementUnitId);
    if (unit && !unit.agents) {
      throw new GenesysError({
        kind: 'malformed',
        status: 200,
        contextId: null,
        code: null,
        method: 'GET',
        pathTemplate:
          '/api/v2/workforcemanagement/businessunits/{businessUnitId}/weeks/{weekId}/schedules/{scheduleId}',
        isWrite: false,
        serverMessage: 'expand=managementUnits.agents did not list the agents',
      });
    }
    return (unit?.agents ?? []).map((a) => a.id);
  }
  return {
    ...directory,
    ...wfm,
    ...createAgentSchedulesApi(http, deps.operations, {
      defaultTimeoutMs: deps.queryTimeoutMs ?? 120_000,
      tokenUser: whoseToken,
      agentsOf,
      ...(deps.queryBatchSize ? { batchSize: deps.queryBatchSize } : {}),
    }),
    ...createScheduleWrites(http, deps.operations, wfm, deps.writes),
    ...createAnalyticsApi(http),
    ...createForecastApi(http),
  };
}

export type GenesysApi = ReturnType<typeof createGenesysApi>;
export type { AgentSchedulesQuery } from './agent-schedules-api';
export { inlineBatchSize } from './agent-schedules-api';
export type {
  ImportOutcome,
  ScheduleOperationOutcome,
  StartedImport,
  StartedOperation,
  UnknownReason,
} from './schedule-writes';
export type { OperationEvents, OperationFinished, QueryResultReady } from './operation-events';
export { deafOperations } from './operation-events';
export { activeScriptAgents } from './analytics-api';
export type { PlanningGroupStaffingRequirement, StaffingRequirement } from './forecast-api';
