/**
 * The publish machine's calls, made against Genesys Cloud with the client in
 * main/genesys, each answered as the machine's event. The client's HTTP here
 * is built with one attempt per read: the machine decides every retry (a 429
 * waits exactly `Retry-After` with a countdown in the timeline, a 5xx is
 * reconciled), so the client must hand each refusal back as it came.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { z } from 'zod';
import type { GenesysApi, OperationEvents } from '../genesys/client/api';
import { GenesysError } from '../genesys/client/errors';
import type { GenesysHttp } from '../genesys/client/http';
import { buAsyncScheduleResponse, scheduleUploadUrlResponse } from '../genesys/client/schemas';
import { schedulePath } from '../genesys/client/wfm-api';
import type { HttpOutcome, PublishEvent, ReadAgent } from '../../shared/publish/machine-events';
import type { ChannelCheck } from '../../shared/publish/machine-state';
import type { ChangeStamp } from '../../shared/publish/rebase';
import { createAgentReads } from './agent-reads';
import { channelCheck } from './channel-check';
import { createEditorNames } from './editor-names';
import { createUploadBodies } from './upload-body';

export interface PublishTarget {
  businessUnitId: string;
  weekId: string;
  scheduleId: string;
}

/** The agent history's changes, as far as publish reads them (who and when). */
const agentHistory = z
  .object({
    changes: z
      .array(
        z
          .object({
            metadata: z
              .object({
                dateModified: z.string().optional(),
                // A UserReference: an id, no name (named by editor-names.ts).
                modifiedBy: z.object({ id: z.string() }).loose().optional(),
              })
              .loose()
              .optional(),
          })
          .loose(),
      )
      .default([]),
  })
  .loose();

/** A refusal or a missing answer as the machine reads it; anything that is not Genesys' is a fault of ours. */
export function outcomeOf(err: unknown): HttpOutcome {
  if (!(err instanceof GenesysError)) throw err;
  const transport =
    err.status === null
      ? /timed out/.test(err.serverMessage ?? '')
        ? 'timeout'
        : /reset/.test(err.serverMessage ?? '')
          ? 'reset'
          : 'network'
      : undefined;
  return {
    status: err.status,
    contextId: err.contextId,
    retryAfter: err.retryAfterMs !== undefined ? String(err.retryAfterMs / 1000) : null,
    error: {
      ...(err.code ? { code: err.code } : {}),
      ...(err.serverMessage ? { message: err.serverMessage } : {}),
      details: err.details.map((d) => ({
        ...(d.errorCode ? { errorCode: d.errorCode } : {}),
        ...(d.entityId ? { entityId: d.entityId } : {}),
      })),
    },
    ...(transport ? { transport } : {}),
  };
}

const ok: HttpOutcome = { status: 200 };

/**
 * A history read that got no answer (5xx, reset, timeout) only loses the names of who changed the agent: the
 * re-read stands without them, instead of failing whole and spending a retry on garnish (a re-read after our
 * own write reads one history per agent written). A 429 or a refusal still fails the re-read, so it is waited.
 */
function historyLost(err: unknown): undefined {
  const outcome = outcomeOf(err);
  if (outcome.status === null || outcome.status >= 500) return undefined;
  throw err;
}

export interface CallDeps {
  http: GenesysHttp;
  api: GenesysApi;
  operations: OperationEvents;
  target: PublishTarget;
  /** Each agent's management unit (the agent-schedules query asks per unit). */
  managementUnitOf: (agentIds: readonly string[]) => Map<string, string>;
  /** Names the mirror knows (its agents), so only other editors are looked up. */
  knownNames: (userIds: readonly string[]) => Map<string, string>;
  /** The notification channel's state now (the session's notifications client). */
  channelState: () => ChannelCheck['state'];
  /** How long to wait for an operation's notification before reconciling. */
  operationTimeoutMs: number;
}

export function createGenesysCalls(deps: CallDeps) {
  const { http, api, target } = deps;
  const params = { businessUnitId: target.businessUnitId, weekId: target.weekId, scheduleId: target.scheduleId };
  /** The gzipped body of each write attempt, kept between uploadurl and PUT. */
  const bodies = new Map<number, Buffer>();
  const heard = new Map<string, boolean>();

  const bodyOf = createUploadBodies();
  const reads = createAgentReads({ api, target, managementUnitOf: deps.managementUnitOf });
  const editors = createEditorNames({ api, knownNames: deps.knownNames });

  let channelReported = false;
  const checkChannel = () =>
    channelCheck(deps.operations, target.businessUnitId, deps.channelState, deps.operationTimeoutMs);
  /** Every history read gets its editors' names in one lookup (the histories are kept as read, with ids). */
  async function nameEditors(agents: ReadAgent[]): Promise<void> {
    const stamps = agents.flatMap((a) => a.history ?? []);
    if (stamps.length === 0) return;
    const named = await editors.named(stamps);
    let at = 0;
    for (const a of agents) if (a.history) a.history = named.slice(at, (at += a.history.length));
  }

  async function historyOf(agentId: string): Promise<ChangeStamp[]> {
    const answer = await http.request({
      method: 'GET',
      pathTemplate: `${schedulePath}/history/agents/{agentId}`,
      params: { ...params, agentId },
      schema: agentHistory,
    });
    return answer.changes.flatMap((c) =>
      c.metadata?.modifiedBy && c.metadata.dateModified
        ? [{ modifiedBy: c.metadata.modifiedBy.id, modifiedAt: c.metadata.dateModified }]
        : [],
    );
  }

  return {
    /** The schedule and these agents now; with `withHistory`, who changed the agents whose version moved. */
    async reread(
      agentIds: readonly string[],
      withHistory: boolean,
      baseVersionOf: (agentId: string) => number | null | undefined,
      at: () => number,
    ): Promise<PublishEvent> {
      try {
        // Opened by the first re-read (preflight's), so its item says whether operation ends will be heard.
        const channel = channelReported ? undefined : await checkChannel();
        // Always asked again, also when resuming a cut-off re-read: its version says whether the kept units hold.
        const schedule = await api.getSchedule(target.businessUnitId, target.weekId, target.scheduleId);
        reads.begin(schedule.metadata.version);
        const { agents, unitsKept } = await reads.agents(agentIds);
        if (withHistory)
          for (const a of agents) {
            const base = baseVersionOf(a.agentId);
            if (base !== undefined && base !== a.now.version) {
              const history = await reads
                .history(a.agentId, a.now.version, () => historyOf(a.agentId))
                .catch(historyLost);
              if (history) a.history = history;
            }
          }
        if (withHistory) await nameEditors(agents);
        reads.done();
        if (channel) channelReported = true;
        return {
          type: 'reread',
          at: at(),
          outcome: ok,
          schedule: { version: schedule.metadata.version, published: schedule.published ?? false },
          agents,
          ...(unitsKept > 0 ? { unitsKept } : {}),
          ...(channel ? { channel } : {}),
        };
      } catch (err) {
        return { type: 'reread', at: at(), outcome: outcomeOf(err) };
      }
    },

    /** The body of this upload built ahead (while a wait runs out); the attempt uses it if its content is the same. */
    prepareUpload(upload: Models.UpdateScheduleUploadSchema): Promise<void> {
      return bodyOf(upload).then(() => undefined);
    },

    async requestUploadUrl(
      attempt: number,
      upload: Models.UpdateScheduleUploadSchema,
      at: () => number,
    ): Promise<PublishEvent> {
      const body = await bodyOf(upload);
      bodies.set(attempt, body);
      try {
        const target = await http.request({
          method: 'POST',
          pathTemplate: `${schedulePath}/update/uploadurl`,
          params,
          body: { contentLengthBytes: body.length },
          schema: scheduleUploadUrlResponse,
          isWrite: false,
        });
        return {
          type: 'uploadUrl',
          at: at(),
          outcome: ok,
          uploadKey: target.uploadKey,
          url: target.url,
          headers: target.headers,
        };
      } catch (err) {
        return { type: 'uploadUrl', at: at(), outcome: outcomeOf(err) };
      }
    },

    async putUpload(
      attempt: number,
      url: string,
      headers: Record<string, string>,
      at: () => number,
    ): Promise<PublishEvent> {
      const body = bodies.get(attempt);
      // A body lost with a restart: the machine starts the upload chain again on resume, so this is a fault of ours.
      if (!body) throw new Error(`The upload body of attempt ${attempt} is not here.`);
      const hasEncoding = Object.keys(headers).some((h) => h.toLowerCase() === 'content-encoding');
      try {
        await http.signedUpload(url, hasEncoding ? headers : { ...headers, 'Content-Encoding': 'gzip' }, body);
        return { type: 'uploadPut', at: at(), outcome: ok };
      } catch (err) {
        return { type: 'uploadPut', at: at(), outcome: outcomeOf(err) };
      }
    },

    async sendUpdate(attempt: number, uploadKey: string, at: () => number): Promise<PublishEvent> {
      bodies.delete(attempt);
      // Subscribed first, so the end cannot slip past; without the topic the outcome is found by re-reading.
      const hears = await deps.operations.watchBusinessUnit(target.businessUnitId).then(
        () => true,
        () => false,
      );
      try {
        const answer = await http.request({
          method: 'POST',
          pathTemplate: `${schedulePath}/update`,
          params,
          body: { uploadKey },
          schema: buAsyncScheduleResponse,
          isWrite: true,
        });
        if (answer.operationId) {
          deps.operations.claimOperation(answer.operationId);
          heard.set(answer.operationId, hears);
        }
        return {
          type: 'updateAnswered',
          at: at(),
          outcome: ok,
          ...(answer.operationId ? { operationId: answer.operationId } : {}),
          status: answer.status ?? 'Processing',
        };
      } catch (err) {
        return { type: 'updateAnswered', at: at(), outcome: outcomeOf(err) };
      }
    },

    async awaitOperation(operationId: string, version: number, at: () => number): Promise<PublishEvent> {
      try {
        const outcome = await api.waitForOperation(
          target.businessUnitId,
          target.weekId,
          target.scheduleId,
          { operationId, status: 'Processing', heard: heard.get(operationId) ?? false },
          { baseVersion: version, timeoutMs: deps.operationTimeoutMs },
        );
        if (outcome.outcome === 'applied')
          return {
            type: 'operationEnded',
            at: at(),
            result: 'applied',
            // Said in the timeline: no notification came, the re-read is what shows it landed.
            ...(outcome.via === 'reread' ? { reason: 'no notification; a re-read shows the version moved' } : {}),
          };
        if (outcome.outcome === 'failed')
          return { type: 'operationEnded', at: at(), result: 'failed', reason: outcome.status };
        return { type: 'operationEnded', at: at(), result: 'unknown', reason: outcome.reason };
      } catch (err) {
        // The re-read after the wait failed: still unknown, reconciled by the machine.
        outcomeOf(err);
        return { type: 'operationEnded', at: at(), result: 'unknown', reason: 'reread failed' };
      }
    },
  };
}

export type GenesysCalls = ReturnType<typeof createGenesysCalls>;
