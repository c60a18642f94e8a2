/**
 * The pending change set's vocabulary: what a supervisor asked for (an edit
 * intent, in WFM words, validated by zod because it crosses the contract and
 * the CLI) and what it did to each agent (the agent's week before and after,
 * with the versions it was made on). Publish rebases on those bases when
 * someone else saved the schedule first, so every change keeps them.
 */
import { z } from 'zod';
import type { AgentWeek } from '../publish/agent-week';

const isoInstant = z.string().datetime({ offset: true });
const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const id = z.string().min(1).max(200);
/** Minutes a shift or activity lasts: a day at most (Genesys' shifts are shorter still). */
const minutes = z
  .number()
  .int()
  .min(1)
  .max(24 * 60);
/** A move or a bulk offset: at most a day either way. */
const offsetMinutes = z
  .number()
  .int()
  .min(-24 * 60)
  .max(24 * 60);

export const activitySpec = z.object({
  startDate: isoInstant,
  lengthMinutes: minutes,
  activityCodeId: id,
});

/** One agent-scoped edit. `shiftId` names a mirrored shift (Genesys' id) or a shift added in this change set (`new:` ids). */
export const editIntent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dropShift'), shiftId: id }),
  z.object({ kind: z.literal('moveShift'), shiftId: id, byMinutes: offsetMinutes }),
  z.object({ kind: z.literal('resizeShift'), shiftId: id, startDate: isoInstant, endDate: isoInstant }),
  z.object({
    kind: z.literal('addShift'),
    startDate: isoInstant,
    lengthMinutes: minutes,
    activities: z.array(activitySpec).min(1).max(50),
  }),
  z.object({ kind: z.literal('addActivity'), shiftId: id, activity: activitySpec }),
  z.object({
    kind: z.literal('moveActivity'),
    shiftId: id,
    activityIndex: z.number().int().min(0),
    byMinutes: offsetMinutes,
  }),
  z.object({
    kind: z.literal('resizeActivity'),
    shiftId: id,
    activityIndex: z.number().int().min(0),
    startDate: isoInstant,
    endDate: isoInstant,
  }),
  z.object({ kind: z.literal('removeActivity'), shiftId: id, activityIndex: z.number().int().min(0) }),
  z.object({
    kind: z.literal('setFullDayTimeOff'),
    businessUnitDate: calendarDate,
    activityCodeId: id,
    lengthMinutes: minutes,
  }),
  /** This publish leaves the agent exactly as they are published now. */
  z.object({ kind: z.literal('holdBack') }),
  /**
   * The bulk-friendly kinds: they name BU-local days and times rather than
   * one agent's shift ids, so one intent means the same for every agent it is
   * applied to (a 30-minute team meeting Wed 14:00 for a whole MU).
   */
  z.object({
    kind: z.literal('insertActivity'),
    businessUnitDate: calendarDate,
    /** BU-local wall-clock time, HH:mm. */
    startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
    lengthMinutes: minutes,
    activityCodeId: id,
  }),
  /** Every shift starting on `businessUnitDate` (BU-local), or every shift of the week when it is absent. */
  z.object({ kind: z.literal('moveShifts'), byMinutes: offsetMinutes, businessUnitDate: calendarDate.optional() }),
  z.object({ kind: z.literal('dropDayShifts'), businessUnitDate: calendarDate }),
]);
export type EditIntent = z.infer<typeof editIntent>;
export type EditKind = EditIntent['kind'];

/** What one edit did to one agent: the agent's whole week before and after, and the agent's own version it was made on. */
export interface AgentChange {
  agentId: string;
  /** The agent schedule's `metadata.version` in the mirror when the edit was made; null when the agent had none. */
  baseAgentVersion: number | null;
  before: AgentWeek;
  after: AgentWeek;
  /** holdBack: `after` is what the agent sees published now, and publish must leave the agent alone. */
  heldBack?: boolean;
}

/** Where an edit came from: a drag or key on the timeline, a finding's one-click fix, or one edit for many agents. */
export type EditSource = { type: 'direct' } | { type: 'fix'; findingId: string } | { type: 'bulk'; agentCount: number };

/** One undo step of a schedule's pending change set. */
export interface PendingEdit {
  id: string;
  businessUnitId: string;
  scheduleId: string;
  /** Order in the change set, from 1. */
  seq: number;
  /** ISO instant. */
  createdAt: string;
  /** In words, e.g. "Drop Tue 8 Dec 08:00–16:30 CST shift of Ana Ruiz". */
  label: string;
  source: EditSource;
  /** The intent, applied to every agent in `changes` (a bulk edit is one intent for many agents). */
  intent: EditIntent;
  /** The schedule's `metadata.version` in the mirror when the edit was made. */
  baseScheduleVersion: number;
  changes: AgentChange[];
}
