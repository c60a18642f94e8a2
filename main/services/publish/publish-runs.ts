/**
 * Publish runs: each is a job of the registry (kind `publish`) driving one
 * engine over a journaled publish until it is done or failed, cancelled, or
 * the app stops. A new publish's first run has the publish's own id; a run
 * resumed after a restart, or started again by a retry, is a new job whose
 * progress names the publish.
 */
import type Database from 'better-sqlite3';
import type { JobSnapshot } from '../../../shared/contract';
import type { PublishJobResult } from '../../../shared/contract/publish';
import { OpsError } from '../../../shared/ops-error';
import type { PublishEvent } from '../../../shared/publish/machine-events';
import type { PublishPhase, PublishState } from '../../../shared/publish/machine-state';
import { uploadFor } from '../../../shared/publish/machine';
import type { AuditSink } from '../../genesys/types';
import { createChangeSetStore } from '../../mirror/edits';
import { activeScriptAgents } from '../../genesys/client/api';
import { createPublishAnalysis } from '../../publish/analyse';
import { createPublishEngine, type PublishEngine } from '../../publish/engine';
import { createGenesysCalls, outcomeOf } from '../../publish/genesys-calls';
import type { PublishJobRow, PublishJournal } from '../../publish/journal';
import { withReadDeadline } from '../../publish/deadline';
import { openPublishSession } from '../../publish/publish-session';
import { agentNames, managementUnits } from '../../publish/start-event';
import { countsOf } from '../../publish/view';
import type { ConnectionService } from '../connections/connection-service';
import type { EventHub } from '../event-hub';
import type { JobContext, JobRegistry } from '../jobs/job-registry';
import { scriptSessionWindowMs } from '../../mirror/sync/sync-script-sessions';
import { activeScriptedConversations } from '../script-sessions/reread';

/** The engine's clock and timers: real by default; tests move a shared clock instead of waiting. */
export interface PublishClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: PublishClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      const stop = () => (clearTimeout(timer), resolve());
      // The listener goes with its timer: a watch sleeping every 30 s must not pile them up on the run's signal.
      const timer = setTimeout(() => (signal?.removeEventListener('abort', stop), resolve()), ms);
      signal?.addEventListener('abort', stop, { once: true });
    }),
};

export interface PublishRunDeps {
  db: Database.Database;
  journal: PublishJournal;
  connections: ConnectionService;
  jobs: JobRegistry;
  events: EventHub;
  audit: AuditSink;
  clock: PublishClock;
  now: () => Date;
  viewerTimeZone: string;
  watchEveryMs: number;
  operationTimeoutMs: number;
  /** Publishes that go on from "what changes for whom" without a confirm (started with `confirm: true`). */
  autoConfirm: Set<string>;
}

/** The event a run starts with, from the journaled publish (its row and state) as it is when the run begins. */
export type FirstEvent = (row: PublishJobRow, state: PublishState) => PublishEvent;

const ended = (phase: PublishPhase) => phase === 'done' || phase === 'failed';

/** The script-session check as a whole (every page): past it, a timed-out read the machine retries. */
const scriptCheckDeadlineMs = 45_000;

/** How long a run over an ended publish waits for the event it was started for (the service sends it at once). */
const supervisorEventMs = 10_000;

/** Resolves when the engine's state moves on from `from`, or after `ms` of real time (nothing came). */
function eventOrTimeout(engine: PublishEngine, from: PublishState, ms: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(resolve, ms);
    timer.unref();
  });
  return Promise.race([engine.until((s) => s !== from), timeout]).finally(() => clearTimeout(timer));
}

export function createPublishRuns(deps: PublishRunDeps) {
  const { journal } = deps;
  const engines = new Map<string, PublishEngine>();

  async function run(publishId: string, firstFor: FirstEvent, ctx: JobContext): Promise<PublishJobResult> {
    const row = journal.job(publishId);
    if (!row) throw new OpsError('internal', `Publish ${publishId} is not in the journal.`);
    const { env, tokens } = await deps.connections.connectionOf(row.profileId);
    const session = openPublishSession({
      profileId: row.profileId,
      env,
      tokens,
      audit: deps.audit,
      now: deps.clock.now,
      sleep: (ms) => deps.clock.sleep(ms),
    });
    const state = journal.state(publishId);
    const target = { businessUnitId: row.businessUnitId, weekId: row.week, scheduleId: row.scheduleId };
    const calls = createGenesysCalls({
      http: session.http,
      api: session.api,
      operations: session.operations,
      target,
      managementUnitOf: (ids) => managementUnits(deps.db, row.scheduleId, ids),
      knownNames: (ids) => agentNames(deps.db, ids),
      channelState: () => session.channelState(),
      operationTimeoutMs: deps.operationTimeoutMs,
    });
    const analyse = createPublishAnalysis(deps.db, { now: deps.now, viewerTimeZone: deps.viewerTimeZone });
    const engine = createPublishEngine({
      jobId: publishId,
      journal,
      state,
      ports: {
        calls,
        scriptSessions: async (agentIds) => {
          try {
            // The services' wall clock, as the sync's own session read uses: the sessions' window is of the org's day.
            const seenAt = deps.now();
            const conversations = await withReadDeadline(
              session.api.queryConversationDetails({
                interval: `${new Date(seenAt.getTime() - scriptSessionWindowMs).toISOString()}/${seenAt.toISOString()}`,
                ...activeScriptedConversations,
              }),
              scriptCheckDeadlineMs,
              { method: 'POST', pathTemplate: '/api/v2/analytics/conversations/details/query', isWrite: false },
            );
            const busy = new Set(activeScriptAgents(conversations).map((a) => a.userId));
            return { outcome: { status: 200 }, activeAgentIds: agentIds.filter((id) => busy.has(id)) };
          } catch (err) {
            return { outcome: outcomeOf(err) };
          }
        },
        analyse,
        whileWaiting: (s) => {
          // Preflight's analysis (the week's, and its question's); the next upload's body once past preflight.
          analyse.prepare(s);
          if (s.confirmed && s.waiting?.then.next === 'upload') void calls.prepareUpload(uploadFor(s)).catch(() => {});
        },
        now: deps.clock.now,
        sleep: (ms, signal) => deps.clock.sleep(ms, signal),
        watchEveryMs: deps.watchEveryMs,
      },
      onChanged: (seq, phase) => {
        deps.events.emit('publish.changed', { jobId: publishId, seq, phase });
        const counts = countsOf(engine.state);
        const total = Object.keys(engine.state.agents).length;
        ctx.progress({ phase, done: counts.applied, total, item: publishId });
        const s = engine.state;
        const clear = s.blockingFindings.length === 0 && !Object.values(s.agents).some((a) => a.status === 'conflict');
        if (phase === 'confirming' && clear && deps.autoConfirm.has(publishId))
          setImmediate(() => void engine.send({ type: 'confirm', at: deps.clock.now() }));
      },
    });
    engines.set(publishId, engine);
    ctx.signal.addEventListener('abort', () => engine.stop(), { once: true });
    try {
      await engine.send(firstFor(row, state));
      // A run over an ended publish (journal reopened) exists to take the supervisor's event (a retry): it must not
      // end, close its session and drop the engine before that event arrives, or the click is lost.
      const resumed = engine.state;
      if (ended(resumed.phase)) await eventOrTimeout(engine, resumed, supervisorEventMs);
      const final = await engine.until((s) => ended(s.phase));
      if (engine.failure) throw engine.failure;
      if (!ended(final.phase)) throw new OpsError('internal', 'The publish was stopped; it resumes on the next start.');
      if (final.phase === 'done') publishedChangeSet(row.businessUnitId, row.scheduleId, final);
      const result = { publishId, phase: final.phase, outcome: final.outcome, counts: countsOf(final) };
      if (final.phase === 'failed') throw new OpsError('invalid', final.outcome ?? 'The publish stopped.');
      return result;
    } finally {
      engines.delete(publishId);
      session.close();
    }
  }

  /** Everything intended applied: the change set is published, so it is cleared (held agents keep theirs). */
  function publishedChangeSet(businessUnitId: string, scheduleId: string, final: PublishState): void {
    const all = Object.values(final.agents);
    if (all.some((a) => a.edited && a.status !== 'applied')) return;
    const store = createChangeSetStore(deps.db);
    store.discardAll(scheduleId);
    deps.events.emit('edits.changed', store.status(businessUnitId, scheduleId));
  }

  return {
    engines,
    /**
     * A run that only reports a publish that already ended done (its earlier run may belong to an earlier
     * process): the job ends at once with that publish's result, and its id leads to the same journal.
     */
    answerDone(row: PublishJobRow): JobSnapshot {
      const final = journal.state(row.id);
      const snapshot = deps.jobs.start(
        'publish',
        { profileId: row.profileId, businessUnitId: row.businessUnitId },
        () =>
          Promise.resolve({ publishId: row.id, phase: final.phase, outcome: final.outcome, counts: countsOf(final) }),
      );
      journal.setRun(row.id, snapshot.jobId);
      return snapshot;
    },
    /** Starts a run of a journaled publish; `newId` when the publish is created by this run (its id is the job's). */
    launch(
      subject: { profileId: string; businessUnitId: string },
      publishId: string | null,
      firstFor: FirstEvent,
      create?: (jobId: string) => void,
    ): JobSnapshot {
      let id = publishId;
      const snapshot = deps.jobs.start('publish', subject, (ctx) => run(id!, firstFor, ctx));
      id ??= snapshot.jobId;
      // Before the run's first turn (the registry starts it on the next one): the journal row exists when it reads it.
      create?.(id);
      journal.setRun(id, snapshot.jobId);
      return snapshot;
    },
  };
}

export type PublishRuns = ReturnType<typeof createPublishRuns>;
