/**
 * `POST .../agentschedules/query`: the shifts and time off of a management
 * unit's agents. Genesys answers in one of three ways and the caller must
 * not care which: inline (`result`), a signed `downloadUrl` at once, or
 * `Processing` + `operationId`, whose result then comes only as a
 * notification on the token user's own topic
 * (`v2.workforcemanagement.users.{userId}.schedules.query`, with a
 * `downloadUrl`), never on the business unit's.
 *
 * So the way of asking depends on who asks. A supervisor's token has a user
 * to notify: the client subscribes to that topic first and asks for the whole
 * unit at once. A client-credentials token has none, so no such notification
 * can ever arrive: the client asks in `userIds` batches small enough to be
 * answered inline, and halves a batch Genesys still answers with
 * `Processing`. When a notification is due but does not come, the same
 * batches are the fallback: a query is a read, asking again is safe.
 */
import { GenesysError } from './errors';
import type { GenesysHttp } from './http';
import type { OperationEvents } from './operation-events';
import {
  buAgentSchedulesQueryResponse,
  buAsyncAgentSchedulesQueryResponse,
  type AgentSchedule,
  type BuAgentSchedulesQueryResponse,
  type BuAsyncAgentSchedulesQueryResponse,
} from './schemas';
import { schedulePath } from './wfm-api';

/**
 * Agents per query when the answer must come inline. Genesys does not
 * document where it switches to `Processing`; the sandbox imitates it with
 * `asyncAgentThreshold`, 200 agents by default (more answer by notification).
 * Half of that leaves room for what the count does not show (an agent's
 * answer grows with its shifts, activities and the schedule's weeks), and a
 * 5,000-agent unit is still only 50 queries per schedule, a sixth of the
 * 300-a-minute budget. Where Genesys cuts lower, the batch is halved.
 */
export const inlineBatchSize = 100;

export interface AgentSchedulesQuery {
  managementUnitId: string;
  /**
   * The agents to read. Without them the whole unit is asked for; when that
   * cannot be answered inline, the client reads the schedule's agents itself
   * (one GET with `expand=managementUnits.agents`) to ask in batches.
   */
  userIds?: readonly string[];
  /** SDK testing flags: make Genesys (or the sandbox) answer by notification or by download. */
  forceAsync?: boolean;
  forceDownloadService?: boolean;
  /** How long to wait for the notification of an asynchronous answer. */
  timeoutMs?: number;
}

export interface AgentSchedulesApiOptions {
  defaultTimeoutMs: number;
  /** The token's user (supervisor sign-in), or null (client credentials); throws when it cannot tell now. */
  tokenUser: () => Promise<string | null>;
  /** The schedule's agents in one management unit (`expand=managementUnits.agents`). */
  agentsOf: (businessUnitId: string, weekId: string, scheduleId: string, managementUnitId: string) => Promise<string[]>;
  batchSize?: number;
}

const queryTemplate = `${schedulePath}/agentschedules/query`;
const ctx = { method: 'POST', pathTemplate: queryTemplate, isWrite: false };

/** Only Genesys saying no (an unknown topic, a missing permission) is final; a network failure may pass. */
const refusedForGood = (err: unknown) =>
  !(err instanceof GenesysError) || err.kind === 'invalid' || err.kind === 'forbidden';

export function createAgentSchedulesApi(http: GenesysHttp, events: OperationEvents, options: AgentSchedulesApiOptions) {
  let batchSize = Math.max(1, options.batchSize ?? inlineBatchSize);
  let hearsResults: boolean | null = null;

  /** Whether a `Processing` answer's notification can reach us; subscribes to the user's topic the first time. */
  async function canHearResults(): Promise<boolean> {
    if (hearsResults !== null) return hearsResults;
    try {
      const userId = await options.tokenUser();
      if (userId) await events.watchScheduleQueries(userId);
      return (hearsResults = userId !== null);
    } catch (err) {
      if (refusedForGood(err)) return (hearsResults = false);
      // Not now, maybe later: this query goes in batches, the next one tries again.
      return false;
    }
  }

  return {
    async queryAgentSchedules(
      businessUnitId: string,
      weekId: string,
      scheduleId: string,
      query: AgentSchedulesQuery,
    ): Promise<BuAgentSchedulesQueryResponse> {
      const timeoutMs = query.timeoutMs ?? options.defaultTimeoutMs;
      const ask = (userIds: readonly string[] | undefined) =>
        http.request({
          method: 'POST',
          pathTemplate: queryTemplate,
          params: { businessUnitId, weekId, scheduleId },
          query: {
            forceAsync: query.forceAsync || undefined,
            forceDownloadService: query.forceDownloadService || undefined,
          },
          body: { managementUnitId: query.managementUnitId, ...(userIds ? { userIds: [...userIds] } : {}) },
          schema: buAsyncAgentSchedulesQueryResponse,
          isWrite: false,
        });

      let ids = query.userIds ? [...new Set(query.userIds)] : null;
      if (ids?.length === 0) return { agentSchedules: [] };
      // Subscribed before asking, so an answer that comes by notification cannot arrive unheard.
      const hears = await canHearResults();
      // Without a way to hear a late answer, a unit is still asked whole once when its agents are not known.
      if (hears || !ids) {
        const answer = await ask(ids ?? undefined);
        const done = await settled(answer);
        if (done) return done;
        if (hears) {
          const ready = await events.waitForQueryResult(answer.operationId!, timeoutMs);
          if (ready) return http.signedDownload(ready.downloadUrl, buAgentSchedulesQueryResponse);
        }
        ids ??= await options.agentsOf(businessUnitId, weekId, scheduleId, query.managementUnitId);
      }
      return inBatches(ids, ask);
    },
  };

  /** The answer when it is here (inline or behind a download URL); null for `Processing`. */
  async function settled(answer: BuAsyncAgentSchedulesQueryResponse): Promise<BuAgentSchedulesQueryResponse | null> {
    if (answer.result) return answer.result;
    if (answer.downloadUrl) return http.signedDownload(answer.downloadUrl, buAgentSchedulesQueryResponse);
    if (answer.operationId) return null;
    throw new GenesysError({
      ...ctx,
      kind: 'malformed',
      status: 200,
      contextId: null,
      code: null,
      serverMessage: 'no result, downloadUrl or operationId',
    });
  }

  /** Asks for `ids` in batches answered inline, halving a batch that is still answered `Processing`. */
  async function inBatches(
    ids: readonly string[],
    ask: (userIds: readonly string[]) => Promise<BuAsyncAgentSchedulesQueryResponse>,
  ): Promise<BuAgentSchedulesQueryResponse> {
    const agentSchedules: AgentSchedule[] = [];
    let businessUnitTimeZone: string | undefined;
    for (let at = 0; at < ids.length;) {
      const batch = ids.slice(at, at + batchSize);
      const done = await settled(await ask(batch));
      if (!done) {
        if (batch.length === 1) throw notInline();
        // Remembered for the rest of the session: the next unit starts at the size that worked.
        batchSize = Math.max(1, Math.floor(batch.length / 2));
        continue;
      }
      agentSchedules.push(...done.agentSchedules);
      businessUnitTimeZone ??= done.businessUnitTimeZone;
      at += batch.length;
    }
    return { agentSchedules, ...(businessUnitTimeZone ? { businessUnitTimeZone } : {}) };
  }
}

function notInline(): GenesysError {
  return new GenesysError({
    ...ctx,
    kind: 'server',
    status: 200,
    contextId: null,
    code: 'query.notInline',
    explanation:
      'Genesys Cloud answers this agent-schedules query only by notification, even for one agent, and no notification can reach this connection (a client-credentials token has no user to notify). Try again in a moment, or sign in as a supervisor.',
  });
}
