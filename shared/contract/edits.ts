/**
 * The edits domain: a schedule's pending change set (issue 14), kept in the
 * mirror by main until the guided publish uploads it. The renderer sends
 * what the supervisor asked for (an intent and the agents) and never weeks:
 * main computes every agent's change from the mirror, so two windows and the
 * CLI cannot disagree on what an edit did.
 */
import { z } from 'zod';
import { editIntent, type EditSource } from '../edits/types';
import type { AgentWeek } from '../publish/agent-week';
import { entityId, method } from './define';
import { weekDate } from './weeks';

export const editSource = z.discriminatedUnion('type', [
  z.object({ type: z.literal('direct') }).strict(),
  z.object({ type: z.literal('fix'), findingId: entityId }).strict(),
  z.object({ type: z.literal('bulk'), agentCount: z.number().int().min(1).max(50_000) }).strict(),
]) satisfies z.ZodType<EditSource>;

const scheduleOf = z.object({ profileId: entityId, businessUnitId: entityId, scheduleId: entityId }).strict();

export const editsApplyArgs = scheduleOf
  .extend({
    intent: editIntent,
    /** The agents the intent applies to: one for a direct edit or a fix, many for a bulk edit (one undo step). */
    agentIds: z
      .array(entityId)
      .min(1, 'Name at least one agent')
      .max(10_000)
      .refine((ids) => new Set(ids).size === ids.length, { message: 'An agent is named twice' }),
    source: editSource,
    /** Compute and answer the changes without keeping them (a preview, `publish-desk fix --dry-run`). */
    dryRun: z.boolean().optional(),
  })
  .strict();

/** Where a schedule's change set stands: what "n pending edits" and the undo and redo buttons show. */
export interface ChangeSetStatus {
  businessUnitId: string;
  scheduleId: string;
  /** Applied edits (the undo stack). */
  count: number;
  canUndo: boolean;
  canRedo: boolean;
}

export type PendingEditState = 'applied' | 'undone';

/** One edit of the change set without the weeks (those are in `agents` and `edits.diff`). */
export interface PendingEditSummary {
  id: string;
  seq: number;
  createdAt: string;
  label: string;
  source: EditSource;
  intent: z.infer<typeof editIntent>;
  baseScheduleVersion: number;
  state: PendingEditState;
  agentIds: string[];
  heldBackAgentIds: string[];
}

/** An agent the applied edits change: the week they will have (the last applied edit's `after`). */
export interface EffectiveAgentWeek {
  agentId: string;
  week: AgentWeek;
  /** The agent schedule's version the agent's first pending edit was made on (what publish rebases against). */
  baseAgentVersion: number | null;
  heldBack: boolean;
  /** The last applied edit touching the agent. */
  editId: string;
}

export interface ChangeSetList extends ChangeSetStatus {
  /** The schedule's version in the mirror now (null: no longer mirrored, e.g. deleted in Genesys). */
  mirrorScheduleVersion: number | null;
  /** Every edit, applied and undone, in order. */
  edits: PendingEditSummary[];
  agents: EffectiveAgentWeek[];
}

/** One agent's pending change in words: the base week (before any pending edit) against the effective week. */
export interface AgentDiff {
  agentId: string;
  agentName: string | null;
  baseAgentVersion: number | null;
  /** The agent's version in the mirror now; differs from the base when a sync brought someone else's save. */
  mirrorAgentVersion: number | null;
  heldBack: boolean;
  lines: string[];
  before: AgentWeek;
  after: AgentWeek;
}

export interface AppliedEdit extends ChangeSetStatus {
  /** Null on a dry run. */
  edit: PendingEditSummary | null;
  /** Per agent: the week before and after (a dry run answers this without keeping anything). */
  changes: Array<{ agentId: string; before: AgentWeek; after: AgentWeek; heldBack: boolean }>;
  /** Agents of a bulk edit the intent could not apply to, with why; the others were edited. */
  skipped: Array<{ agentId: string; problems: string[] }>;
}

export interface UndoRedoResult extends ChangeSetStatus {
  /** The edit undone or redone; null when there was nothing to undo or redo (another window got there first). */
  edit: PendingEditSummary | null;
}

export interface DiscardResult extends ChangeSetStatus {
  /** Ids of the edits removed: the one asked for and undone later ones of its agents (they were built on it). */
  discarded: string[];
}

export const editsFixArgs = z
  .object({
    profileId: entityId,
    businessUnitId: entityId,
    /** The analysed week the finding is of (its first day). */
    week: weekDate,
    findingId: entityId,
    /** Which of the finding's fixes (best first); default the first, the one-click one. */
    option: z.number().int().min(0).max(10).optional(),
    dryRun: z.boolean().optional(),
  })
  .strict();

export interface AppliedFix extends AppliedEdit {
  findingId: string;
  /** The fix applied (or, on a dry run, that would be), in words. */
  label: string;
  /** Every fix the finding offers on the agent's week now, best first. */
  options: string[];
}

export const editsMethods = {
  'edits.list': method(scheduleOf).returns<ChangeSetList>(),
  'edits.apply': method(editsApplyArgs).returns<AppliedEdit>(),
  'edits.undo': method(scheduleOf).returns<UndoRedoResult>(),
  'edits.redo': method(scheduleOf).returns<UndoRedoResult>(),
  /** Refused (conflict) while a later applied edit changes one of its agents: undo or discard that one first. */
  'edits.discard': method(scheduleOf.extend({ editId: entityId }).strict()).returns<DiscardResult>(),
  'edits.discardAll': method(scheduleOf).returns<DiscardResult>(),
  /** Per agent with pending changes (or only `agentId`): the base week against the effective week, in words. */
  'edits.diff': method(scheduleOf.extend({ agentId: entityId.optional() }).strict()).returns<AgentDiff[]>(),
  /**
   * A finding's one-click fix, as one undoable edit of its schedule (source `fix`): the week's stored analysis
   * names the finding, the fix is computed on the agent's effective week. Bad input when the finding is not in
   * the stored analysis or has no fix that the agent's week accepts now (e.g. fixed already).
   */
  'edits.fix': method(editsFixArgs).returns<AppliedFix>(),
};

export interface EditsEvents {
  /** A schedule's change set changed (any window, or the CLI): every view of it re-reads. */
  /** `agentsChanged`: how many agents the edit (undo, redo) moved, when the sender knows; a listener may size its work on it. */
  'edits.changed': ChangeSetStatus & { agentsChanged?: number };
}

export const editsEventNames: Record<keyof EditsEvents, true> = { 'edits.changed': true };
