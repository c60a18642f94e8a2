/**
 * zod for the journaled publish state: a resumed engine parses the state it
 * saved before acting on it. A state that does not parse (a damaged row, a
 * journal from another version) is refused with a clear error and kept.
 */
import { z } from 'zod';
import { OpsError } from '../ops-error';
import { agentWeekSchema, versionedWeekSchema } from './agent-week-schema';
import type { PublishPhase, PublishState } from './machine-state';
import { rateBudget } from './rate-budget';
import { retryKinds, type RetryKind } from './retry-policy';

const id = z.string().min(1);
const stamp = z.object({ modifiedBy: z.string(), modifiedAt: z.string() });
const contested = z.object({
  shiftIds: z.array(z.string()),
  markerDates: z.array(z.string()),
  overlaps: z.array(z.tuple([z.string(), z.string()])),
});
const conflict = z.object({
  agentId: id,
  base: versionedWeekSchema,
  theirs: versionedWeekSchema,
  mine: agentWeekSchema,
  merge: agentWeekSchema.nullable(),
  contested,
  changedBy: z.array(stamp),
});
const agent = z.object({
  agentId: id,
  status: z.enum(['pending', 'applied', 'held', 'conflict', 'failed']),
  edited: z.boolean(),
  base: versionedWeekSchema,
  intended: agentWeekSchema,
  seenNow: agentWeekSchema.nullable(),
  draftWeekDue: z.boolean().optional(),
  hold: z.object({ reason: z.enum(['scriptSession', 'supervisor']), note: z.string() }).nullable(),
  conflict: conflict.nullable(),
  resolution: z.enum(['theirs', 'mine', 'merge']).nullable(),
  changedBy: z.array(stamp),
  failure: z.string().nullable(),
});
const purpose = z.enum(['preflight', 'stale', 'reconcile', 'verify', 'failedOperation', 'retry', 'release']);
const ids = z.array(id);
const attempt = z.number().int().positive();
const inFlight = z.discriminatedUnion('call', [
  z.object({ call: z.literal('reread'), purpose, agentIds: ids }),
  z.object({
    call: z.literal('checkScriptSessions'),
    purpose: z.enum(['preflight', 'lockCheck', 'watch']),
    agentIds: ids,
  }),
  z.object({
    call: z.literal('analyse'),
    purpose: z.enum(['preflight', 'rebase', 'failedReport']),
    agentIds: ids,
    after: purpose,
  }),
  z.object({ call: z.literal('requestUploadUrl'), attempt }),
  z.object({ call: z.literal('putUpload'), attempt, uploadKey: id }),
  z.object({ call: z.literal('sendUpdate'), attempt, uploadKey: id, version: z.number().int(), agentIds: ids }),
  z.object({
    call: z.literal('awaitOperation'),
    attempt,
    operationId: id,
    version: z.number().int(),
    agentIds: ids,
  }),
]);
const afterWait = z.discriminatedUnion('next', [
  z.object({ next: z.literal('upload') }),
  z.object({ next: z.literal('reread'), purpose }),
  z.object({ next: z.literal('checkScriptSessions'), purpose: z.enum(['preflight', 'lockCheck']) }),
]);
export const findingSchema = z.object({
  id: id,
  agentId: id,
  kind: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
});
const count = z.number().int().nonnegative();
const phases = [
  'choosing',
  'preflight',
  'confirming',
  'uploading',
  'awaitingOperation',
  'verifying',
  'rateLimited',
  'reconciling',
  'rebasing',
  'conflict',
  'reviewing',
  'failed',
  'held',
  'done',
] as const satisfies readonly PublishPhase[];

export const publishStateSchema = z.object({
  schemaVersion: z.literal(1),
  phase: z.enum(phases),
  job: z.object({
    businessUnitId: id,
    weekId: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    scheduleId: id,
    overPublished: z.boolean(),
  }),
  policy: z.object({
    holdScriptSessions: z.boolean(),
    acceptedKinds: z.union([z.array(z.string()), z.literal('all')]),
    autoReleaseHeld: z.boolean(),
  }),
  tuning: z.object({
    baseMs: z.number().nonnegative(),
    baseMsByKind: z
      .partialRecord(z.enum(retryKinds as [RetryKind, ...RetryKind[]]), z.number().nonnegative())
      .optional(),
    capMs: z.number().nonnegative(),
    maxRetries: z.object(Object.fromEntries(retryKinds.map((k) => [k, count])) as Record<RetryKind, typeof count>),
    pacingReserve: count,
  }),
  schedule: z.object({ version: z.number().int(), published: z.boolean() }),
  agents: z.record(z.string(), agent),
  confirmed: z.boolean(),
  preflight: z
    .object({
      mirrorVersion: z.number().int(),
      busyAgentIds: ids,
      channel: z
        .object({
          state: z.enum(['idle', 'connecting', 'open', 'reconnecting', 'closed']),
          error: z.string().optional(),
          unheardRereadAfterMs: z.number().int().nonnegative(),
        })
        .optional(),
    })
    .nullable(),
  attempt: count,
  inFlight: inFlight.nullable(),
  waiting: z
    .object({ untilMs: z.number(), reason: z.enum(['retryAfter', 'backoff', 'pacing']), then: afterWait })
    .nullable(),
  sent: z.object({ attempt, version: z.number().int(), agentIds: ids }).nullable(),
  refusal: z
    .object({ version: z.number().int(), agentIds: ids, namedAgentIds: ids, unsentNamedIds: ids.optional() })
    .nullable(),
  failures: z.object(Object.fromEntries(retryKinds.map((k) => [k, count])) as Record<RetryKind, typeof count>),
  budget: rateBudget.nullable(),
  acknowledgedFindings: z.array(z.string()),
  blockingFindings: z.array(findingSchema),
  log: z.array(
    z.object({
      seq: count,
      at: z.number(),
      call: z.enum(['reread', 'checkScriptSessions', 'requestUploadUrl', 'putUpload', 'sendUpdate', 'awaitOperation']),
      attempt: attempt.nullable(),
      status: z.number().int().nullable(),
      contextId: z.string().nullable(),
      note: z.string(),
    }),
  ),
  jitterSeed: z.number().int(),
  outcome: z.string().nullable(),
}) satisfies z.ZodType<PublishState>;

/** A journaled state, checked before a resumed engine acts on it. */
export function parsePublishState(raw: unknown): PublishState {
  const parsed = publishStateSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue ? issue.path.map(String).join('.') || '(state)' : '(state)';
  throw new OpsError(
    'storage',
    `The journaled publish cannot be resumed: its saved state is damaged at ${where} (${issue?.message ?? 'unexpected shape'}). Nothing was sent; the journal entry is kept for the report.`,
  );
}
