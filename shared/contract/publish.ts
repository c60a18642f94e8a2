/**
 * The guided publish (issue 15): a draft or a revision with its pending change
 * set uploaded to Genesys by the engine in main/publish, which runs the pure
 * machine in shared/publish and journals every step to SQLite before each call.
 *
 * A publish has one id for its whole life (`publishId`, the journal's id). It
 * runs as jobs (`job.event`, kind `publish`): `publish.start` answers with the
 * first run's job, whose `jobId` IS the publish id; a run resumed after a
 * restart, or started again by a retry or a release, is a new job whose
 * `progress.item` is the publish id. Every `publish.*` method takes the
 * publish id as `jobId` (a run's job id is accepted too).
 *
 * What a screen shows comes from `publish.state`, read from SQLite: a reload,
 * a second window and the CLI see the same publish. `publish.changed` says
 * only "re-read": its `seq` grows with every journaled step, so a view that
 * has read that seq already can skip it.
 */
import { z } from 'zod';
import type { AgentStatus, PublishPhase } from '../publish/machine-state';
import type { PreflightItem } from '../publish/machine-effects';
import type { ConflictChoice } from '../publish/rebase';
import { businessUnitOf, entityId, method } from './define';
import type { JobSnapshot } from './jobs';
import { weekDate } from './weeks';

export type { AgentStatus, PublishPhase, PreflightItem, ConflictChoice };

/** Error finding kinds accepted for this publish, or every kind. */
export const acceptKinds = z.union([z.array(z.string().min(1).max(100)).max(50), z.literal('all')]);

export const publishStartArgs = businessUnitOf
  .extend({
    /** The week's first day. */
    week: weekDate,
    /** The schedule to publish; default the week's one schedule in the mirror (bad input when there are several). */
    scheduleId: entityId.optional(),
    /** Hold agents in active scripted conversations back from the start (else publish anyway, hold on refusal). */
    holdScriptSessions: z.boolean().optional(),
    acceptKinds: acceptKinds.optional(),
    /**
     * Go on without stopping at "what changes for whom" once preflight has no blockers (the CLI; a screen
     * confirms with `publish.confirm`). Default false.
     */
    confirm: z.boolean().optional(),
    /** Publish held agents as soon as their sessions end, without asking (the CLI). Default false. */
    autoReleaseHeld: z.boolean().optional(),
  })
  .strict();
export type PublishStartArgs = z.infer<typeof publishStartArgs>;

const publishRef = z.object({ jobId: entityId }).strict();

export const publishDecideArgs = z
  .object({ jobId: entityId, agentId: entityId, choice: z.enum(['theirs', 'mine', 'merge']) })
  .strict();
export const publishRetryArgs = z.object({ jobId: entityId, agentId: entityId.optional() }).strict();
export const publishReleaseArgs = z
  .object({
    jobId: entityId,
    /** The held agents to publish now; default every held agent whose session has ended. */
    agentIds: z.array(entityId).min(1).max(10_000).optional(),
  })
  .strict();
export const publishAcceptArgs = z
  .object({
    jobId: entityId,
    kinds: z.array(z.string().min(1).max(100)).max(50).optional(),
    findingIds: z.array(entityId).max(10_000).optional(),
  })
  .strict();
export const publishHoldArgs = z.object({ jobId: entityId, agentIds: z.array(entityId).min(1).max(10_000) }).strict();
export const publishReportArgs = z.object({ jobId: entityId, format: z.enum(['json', 'csv']) }).strict();
export const publishListArgs = businessUnitOf.partial().strict();

export * from './publish-views';
import type { PublishCounts, PublishView, PublishSummary, PublishReportFile } from './publish-views';

/** What a publish run's job ends with (job kind `publish`). */
export interface PublishJobResult {
  publishId: string;
  phase: PublishPhase;
  outcome: string | null;
  counts: PublishCounts;
}

declare module './jobs' {
  interface JobResults {
    publish: PublishJobResult;
  }
}

export const publishMethods = {
  /** Starts a publish (or answers the unfinished one of the same schedule and week) as a job: see the file's head. */
  'publish.start': method(publishStartArgs).returns<JobSnapshot>(),
  /** The whole view from the journal: phase, agents, the step timeline, preflight, what needs a decision. */
  'publish.state': method(publishRef).returns<PublishView>(),
  /** Confirms what changes for whom (phase `confirming`): the upload starts. */
  'publish.confirm': method(publishRef).returns<PublishView>(),
  /** Decides one agent's true conflict: their week, ours, or both merged (when offered). */
  'publish.decide': method(publishDecideArgs).returns<PublishView>(),
  /** One-click retry of one agent or the whole publish: re-read, rebase, resubmit. */
  'publish.retry': method(publishRetryArgs).returns<PublishView>(),
  /** Publishes held agents (their sessions ended, or the supervisor says so). */
  'publish.release': method(publishReleaseArgs).returns<PublishView>(),
  /** Accepts new error findings by kind or id, so the publish goes on. */
  'publish.accept': method(publishAcceptArgs).returns<PublishView>(),
  /** Holds agents back from this publish (they stay as they are published now). */
  'publish.hold': method(publishHoldArgs).returns<PublishView>(),
  /** Stops after the call in flight; the journal is kept (nothing is resumed on restart). Ends a held publish. */
  'publish.cancel': method(publishRef).returns<PublishView>(),
  'publish.report': method(publishReportArgs).returns<PublishReportFile>(),
  /** Recent publishes, newest first (optionally of one profile or business unit). */
  'publish.list': method(publishListArgs).returns<PublishSummary[]>(),
};

export interface PublishEvents {
  /** A publish journaled a step or changed phase: every view of it re-reads `publish.state`. */
  'publish.changed': { jobId: string; seq: number; phase: PublishPhase };
}

export const publishEventNames: Record<keyof PublishEvents, true> = { 'publish.changed': true };
