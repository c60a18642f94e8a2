/**
 * The guided publish through the contract: starts a publish as a job (or
 * answers the unfinished one of the same schedule), hands the supervisor's
 * decisions to its engine, and reads every view from the journal. On start
 * of the services every unfinished publish is resumed: the machine
 * reconciles whatever was in flight before anything is sent again.
 */
import type { JobSnapshot } from '../../../shared/contract';
import type { PublishStartArgs, PublishView } from '../../../shared/contract/publish';
import { badInput, OpsError } from '../../../shared/ops-error';
import { initialPublishState } from '../../../shared/publish/machine';
import type { PublishEvent } from '../../../shared/publish/machine-events';
import { createPublishJournal, type PublishJobRow } from '../../publish/journal';
import { reportFile } from '../../publish/report';
import { publishedOver, publishStartAgents } from '../../publish/seen-now';
import { scheduleToPublish } from '../../publish/start-event';
import { createChangeSetStore } from '../../mirror/edits';
import { publishView, summaryOf } from '../../publish/view';
import type { PublishService } from './handlers';
import { createPublishRuns, realClock, type PublishRunDeps } from './publish-runs';

export type PublishServiceDeps = Omit<
  PublishRunDeps,
  'journal' | 'clock' | 'watchEveryMs' | 'operationTimeoutMs' | 'autoConfirm'
> &
  Partial<Pick<PublishRunDeps, 'clock' | 'watchEveryMs' | 'operationTimeoutMs'>> & { log?: (line: string) => void };

export function createPublishService(input: PublishServiceDeps): PublishService & { resumeUnfinished(): void } {
  const deps: PublishRunDeps = {
    ...input,
    journal: createPublishJournal(input.db),
    clock: input.clock ?? realClock,
    watchEveryMs: input.watchEveryMs ?? 30_000,
    operationTimeoutMs: input.operationTimeoutMs ?? 120_000,
    autoConfirm: new Set(),
  };
  const { journal } = deps;
  const runs = createPublishRuns(deps);

  function rowOf(jobId: string): PublishJobRow {
    const row = journal.job(jobId) ?? journal.byRun(jobId);
    if (!row) throw badInput(`There is no publish ${jobId} on this machine.`);
    return row;
  }

  const runInfo = (row: PublishJobRow) => {
    const engine = runs.engines.get(row.id);
    return { running: engine !== undefined && !engine.stopped, heldReady: engine?.heldReady ?? [] };
  };
  const view = (row: PublishJobRow): PublishView =>
    publishView(deps.db, journal, journal.job(row.id) ?? row, runInfo(row));

  /** The event the machine starts with, from the journaled job and policy and the change set now. */
  function startEvent(row: PublishJobRow): PublishEvent {
    const state = journal.state(row.id);
    const schedule = scheduleToPublish(deps.db, row.businessUnitId, row.week, row.scheduleId);
    // A draft over a published week: its unedited agents whose week changes are tracked too (seen-now.ts).
    const { overPublished, agents } = publishStartAgents(deps.db, row.businessUnitId, row.scheduleId);
    return {
      type: 'start',
      at: deps.clock.now(),
      job: { ...state.job, overPublished },
      policy: state.policy,
      schedule: { version: schedule.version, published: schedule.published },
      agents,
      seed: Math.floor(Math.random() * 2 ** 31),
    };
  }

  /** A run over a journaled publish: started when it never was, else resumed (what was in flight is reconciled). */
  function resume(row: PublishJobRow): JobSnapshot {
    // A run already on it (one resumed at start has no engine until it has signed in): never a second engine,
    // which would send the same attempt's update twice.
    const live = liveRun(row.id);
    if (live) return live;
    return runs.launch({ profileId: row.profileId, businessUnitId: row.businessUnitId }, row.id, (r, state) =>
      state.phase === 'choosing' ? startEvent(r) : { type: 'resume', at: now() },
    );
  }

  /** The registry's run of this publish while it is running (a run of an earlier process is not known here). */
  function liveRun(publishId: string): JobSnapshot | null {
    const runJobId = journal.job(publishId)?.runJobId;
    if (!runJobId) return null;
    try {
      const snapshot = deps.jobs.status(runJobId);
      return snapshot.state === 'running' ? snapshot : null;
    } catch {
      return null;
    }
  }

  /** Hands an event to the publish's engine, starting a run when none is working on it. */
  async function tell(jobId: string, make: () => PublishEvent): Promise<PublishView> {
    const row = rowOf(jobId);
    if (row.outcome === 'cancelled') throw new OpsError('conflict', 'This publish was cancelled; start a new one.');
    const engine = runs.engines.get(row.id);
    if (engine && !engine.stopped) await engine.send(make());
    else {
      if (row.outcome === 'done') throw new OpsError('conflict', 'This publish is done; nothing is left to do.');
      journal.reopen(row.id);
      // A stopped publish: the new run first reconciles (resume), then takes the supervisor's event.
      const snapshot = resume(row);
      await waitForEngine(row.id, snapshot.jobId);
      await runs.engines.get(row.id)?.send(make());
    }
    return view(row);
  }

  async function waitForEngine(publishId: string, runJobId: string): Promise<void> {
    for (let i = 0; i < 200 && !runs.engines.has(publishId); i++) {
      if (deps.jobs.status(runJobId).state !== 'running') return;
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  const now = () => deps.clock.now();

  /**
   * A publish of a schedule our journal already published, with nothing edited since: never a second
   * write. A run resumed after a restart can finish before the supervisor (or the CLI) asks again; the
   * mirror still holds the draft as unpublished until the next sync, so the journal is what says so.
   */
  function alreadyPublished(last: PublishJobRow): JobSnapshot {
    if (last.runJobId) {
      try {
        return deps.jobs.status(last.runJobId);
      } catch {
        // The run belonged to an earlier process: a job that reports the journal's answer.
      }
    }
    return runs.answerDone(last);
  }

  return {
    async 'publish.start'(args: PublishStartArgs) {
      const schedule = scheduleToPublish(deps.db, args.businessUnitId, args.week, args.scheduleId);
      await deps.connections.connectionOf(args.profileId);
      const open = journal.unfinishedOf(args.profileId, args.businessUnitId, schedule.scheduleId);
      if (open && args.confirm) deps.autoConfirm.add(open.id);
      if (open) {
        const engine = runs.engines.get(open.id);
        if (engine && !engine.stopped && open.runJobId) {
          // Resumed at start and already waiting at "what changes for whom" for the confirm this call brings.
          if (args.confirm && engine.state.phase === 'confirming') void engine.send({ type: 'confirm', at: now() });
          return deps.jobs.status(open.runJobId);
        }
        return resume(open);
      }
      const pending = createChangeSetStore(deps.db).sendingAgentCount(schedule.scheduleId);
      if (pending === 0 && schedule.published)
        throw badInput(`Schedule ${schedule.scheduleId} is published and has no pending edits: nothing to publish.`);
      const last = journal.latestOf(args.profileId, args.businessUnitId, schedule.scheduleId);
      if (pending === 0 && last?.outcome === 'done') return alreadyPublished(last);
      const state = {
        ...initialPublishState(),
        job: {
          businessUnitId: args.businessUnitId,
          weekId: args.week,
          scheduleId: schedule.scheduleId,
          overPublished: publishedOver(deps.db, args.businessUnitId, schedule.scheduleId).length > 0,
        },
        policy: {
          holdScriptSessions: args.holdScriptSessions ?? false,
          acceptedKinds: args.acceptKinds ?? [],
          autoReleaseHeld: args.autoReleaseHeld ?? false,
        },
      };
      const createdAt = new Date(now()).toISOString();
      const subject = { profileId: args.profileId, businessUnitId: args.businessUnitId };
      // The journal row is written before the run's first turn, with the job's id as the publish's.
      return runs.launch(
        subject,
        null,
        (row) => startEvent(row),
        (id) => {
          if (args.confirm) deps.autoConfirm.add(id);
          journal.create(
            { id, ...subject, scheduleId: schedule.scheduleId, week: args.week, createdAt, runJobId: null },
            state,
          );
        },
      );
    },
    'publish.state': async ({ jobId }) => view(rowOf(jobId)),
    'publish.confirm': ({ jobId }) => tell(jobId, () => ({ type: 'confirm', at: now() })),
    'publish.decide': ({ jobId, agentId, choice }) =>
      tell(jobId, () => ({ type: 'resolve', at: now(), agentId, choice })),
    'publish.retry': ({ jobId, agentId }) =>
      tell(jobId, () => ({ type: 'retry', at: now(), ...(agentId ? { agentId } : {}) })),
    'publish.release': ({ jobId, agentIds }) =>
      tell(jobId, () => {
        const state = runs.engines.get(rowOf(jobId).id)?.state ?? journal.state(rowOf(jobId).id);
        const held = Object.values(state.agents)
          .filter((a) => a.status === 'held')
          .map((a) => a.agentId);
        const ready = runs.engines.get(rowOf(jobId).id)?.heldReady ?? [];
        return { type: 'releaseHeld', at: now(), agentIds: agentIds ?? (ready.length ? ready : held) };
      }),
    'publish.accept': ({ jobId, kinds, findingIds }) =>
      tell(jobId, () => ({
        type: 'acceptFindings',
        at: now(),
        ...(kinds ? { kinds } : {}),
        ...(findingIds ? { findingIds } : {}),
      })),
    'publish.hold': ({ jobId, agentIds }) => tell(jobId, () => ({ type: 'holdAgents', at: now(), agentIds })),
    async 'publish.cancel'({ jobId }) {
      const row = rowOf(jobId);
      const engine = runs.engines.get(row.id);
      engine?.stop();
      if (row.runJobId) {
        try {
          deps.jobs.cancel(row.runJobId);
        } catch {
          // The run ended long ago (or before a restart): only the journal is left to mark.
        }
      }
      if (row.outcome === null) {
        const state = journal.state(row.id);
        journal.commit(
          row.id,
          state,
          new Date(now()).toISOString(),
          [
            {
              kind: 'decision',
              phase: state.phase,
              attempt: null,
              request: 'cancelled by the supervisor',
              status: 'done',
            },
          ],
          [],
          'cancelled',
        );
      }
      return view(row);
    },
    'publish.report': async ({ jobId, format }) =>
      reportFile(view(rowOf(jobId)), format, new Date(now()).toISOString()),
    'publish.list': async (filter) =>
      journal.list(filter).map((row) => summaryOf(row, journal.state(row.id), runInfo(row))),
    /** Every unfinished publish (not cancelled) gets a run: reconcile first, then finish or report. */
    resumeUnfinished() {
      for (const row of journal.unfinished()) {
        try {
          resume(row);
        } catch (err) {
          input.log?.(`publish ${row.id} could not be resumed: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    },
  };
}
