/**
 * `POST .../agentschedules/query`: the shifts and time off of a management
 * unit's agents. Genesys answers in one of three ways and the caller must
 * not care which: inline (`result`), later by notification (`Processing` +
 * `operationId`), or as a signed `downloadUrl`.
 */
import { GenesysError } from './errors';
import type { GenesysHttp } from './http';
import type { OperationEvents, OperationFinished } from './operation-events';
import {
  buAgentSchedulesQueryResponse,
  buAsyncAgentSchedulesQueryResponse,
  type BuAgentSchedulesQueryResponse,
} from './schemas';
import { schedulePath } from './wfm-api';

export interface AgentSchedulesQuery {
  managementUnitId: string;
  userIds?: readonly string[];
  /** SDK testing flags: make Genesys (or the sandbox) answer by notification or by download. */
  forceAsync?: boolean;
  forceDownloadService?: boolean;
  /** How long to wait for the notification of an asynchronous answer. */
  timeoutMs?: number;
}

const queryTemplate = `${schedulePath}/agentschedules/query`;
/** Queries are reads: when the notification never comes, asking again is safe. */
const maxQueryRounds = 2;

export function createAgentSchedulesApi(http: GenesysHttp, events: OperationEvents, defaultTimeoutMs: number) {
  const ctx = { method: 'POST', pathTemplate: queryTemplate, isWrite: false };

  async function fromNotification(event: OperationFinished): Promise<BuAgentSchedulesQueryResponse> {
    if (event.status !== 'Complete') {
      throw new GenesysError({
        ...ctx,
        kind: 'server',
        status: null,
        contextId: null,
        code: event.status,
        explanation: `Genesys Cloud could not finish reading the agent schedules (operation ${event.operationId} ended ${event.status}). Try again in a moment.`,
      });
    }
    if (event.downloadUrl) return http.signedDownload(event.downloadUrl, buAgentSchedulesQueryResponse);
    const parsed = buAgentSchedulesQueryResponse.safeParse(event.result);
    if (parsed.success) return parsed.data;
    throw new GenesysError({
      ...ctx,
      kind: 'malformed',
      status: null,
      contextId: null,
      code: null,
      serverMessage: 'the notification carried neither a downloadUrl nor a valid result',
    });
  }

  return {
    async queryAgentSchedules(
      businessUnitId: string,
      weekId: string,
      scheduleId: string,
      query: AgentSchedulesQuery,
    ): Promise<BuAgentSchedulesQueryResponse> {
      const timeoutMs = query.timeoutMs ?? defaultTimeoutMs;
      // Subscribed before asking, so an answer that comes by notification cannot arrive unheard.
      await events.watchBusinessUnit(businessUnitId);
      for (let round = 1; ; round++) {
        const answer = await http.request({
          method: 'POST',
          pathTemplate: queryTemplate,
          params: { businessUnitId, weekId, scheduleId },
          query: {
            forceAsync: query.forceAsync || undefined,
            forceDownloadService: query.forceDownloadService || undefined,
          },
          body: { managementUnitId: query.managementUnitId, ...(query.userIds ? { userIds: [...query.userIds] } : {}) },
          schema: buAsyncAgentSchedulesQueryResponse,
          isWrite: false,
        });
        if (answer.result) return answer.result;
        if (answer.downloadUrl) return http.signedDownload(answer.downloadUrl, buAgentSchedulesQueryResponse);
        if (!answer.operationId) {
          throw new GenesysError({
            ...ctx,
            kind: 'malformed',
            status: 200,
            contextId: null,
            code: null,
            serverMessage: 'no result, downloadUrl or operationId',
          });
        }
        events.claimOperation(answer.operationId);
        const event = await events.waitFor(businessUnitId, answer.operationId, timeoutMs);
        if (event) return fromNotification(event);
        if (round >= maxQueryRounds) {
          throw new GenesysError({
            ...ctx,
            kind: 'server',
            status: null,
            contextId: null,
            code: 'notification.timeout',
            explanation: `The agent schedules did not arrive: Genesys Cloud accepted the query but its notification never came (waited ${Math.round(timeoutMs / 1000)} s, twice). Check the connection and try again.`,
          });
        }
      }
    },
  };
}
