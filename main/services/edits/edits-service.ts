/**
 * The pending change set as the contract offers it: main computes every
 * edit's changes from the mirror (the renderer sends an intent and agents,
 * never weeks), keeps them in the mirror's change-set tables, and tells
 * every window (`edits.changed`) so two of them stay in step.
 *
 * An agent's next edit starts from their effective week (their pending
 * edits applied), and keeps the base version of the first of them: the
 * week it is computed on descends from that version, not from a newer one
 * a sync may have brought since. Publish rebases on exactly that base.
 */
import type Database from 'better-sqlite3';
import type {
  AgentDiff,
  AppliedEdit,
  ChangeSetList,
  ChangeSetStatus,
  DiscardResult,
  UndoRedoResult,
} from '../../../shared/contract/edits';
import type { EditIntent, EditSource } from '../../../shared/edits/types';
import { badInput } from '../../../shared/ops-error';
import { readAgentWeeks } from '../../mirror/edits/kept-weeks';
import { createChangeSetStore } from '../../mirror/edits';
import type { EventHub } from '../event-hub';
import { changesFor, describeAgentChange, type AgentBase, type ComputedChanges } from './changes-for';
import { editScope, type MirroredSchedule, type ScheduleRef } from './edit-scope';
import { changesInSteps } from './stepped-changes';
import { createFindingFixer } from './fix-finding';

export interface EditsServiceDeps {
  db: Database.Database;
  events: EventHub;
  now?: () => Date;
}

export interface ApplyRequest extends ScheduleRef {
  intent: EditIntent;
  agentIds: string[];
  source: EditSource;
  dryRun?: boolean;
}

export type EditsService = ReturnType<typeof createEditsService>;

export function createEditsService(deps: EditsServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const store = createChangeSetStore(deps.db);
  const scope = editScope(deps.db);

  /** A change set can be read and undone while its schedule is gone from the mirror; only new edits need it there. */
  function existing(ref: ScheduleRef) {
    const schedule = scope.mirrored(ref);
    if (!schedule && !store.hasEdits(ref.businessUnitId, ref.scheduleId))
      throw badInput(`Schedule ${ref.scheduleId} is not in the mirror of business unit ${ref.businessUnitId}.`);
    return schedule;
  }

  /** `agentsChanged`: how many agents moved, so the analysis knows a bulk edit's findings come later. */
  function announce(ref: ScheduleRef, agentsChanged?: number): ChangeSetStatus {
    const status = store.status(ref.businessUnitId, ref.scheduleId);
    deps.events.emit('edits.changed', agentsChanged === undefined ? status : { ...status, agentsChanged });
    return status;
  }

  function basesFor(scheduleId: string, agentIds: readonly string[]): AgentBase[] {
    const mirror = readAgentWeeks(deps.db, scheduleId, agentIds);
    const pending = new Map(store.effectiveWeeks(scheduleId, agentIds).map((e) => [e.agentId, e]));
    return agentIds.map((agentId) => {
      const effective = pending.get(agentId);
      if (effective) return { agentId, week: effective.week, baseAgentVersion: effective.baseAgentVersion };
      const mirrored = mirror.get(agentId);
      return { agentId, week: mirrored?.week ?? scope.emptyWeek, baseAgentVersion: mirrored?.version ?? null };
    });
  }

  /** The checks before any computing, and the unit's side of the edit context. */
  function prepare(req: ApplyRequest) {
    const schedule = scope.editable(req);
    scope.checkAgents(schedule, req.agentIds);
    const unit = scope.unitContext(req.businessUnitId, req.agentIds, scope.publishedWeeks(schedule, req.agentIds));
    return { schedule, unit };
  }

  /** A computed edit answered (dry run) or kept in one write and announced. */
  function keep(req: ApplyRequest, schedule: MirroredSchedule, computed: ComputedChanges, label?: string): AppliedEdit {
    // One agent asked for and refused: the edit is refused with why. A bulk edit goes on for the rest.
    if (computed.changes.length === 0) {
      const why = computed.skipped.flatMap((s) => s.problems);
      throw badInput(`${computed.label}: nothing to change. ${[...new Set(why)].slice(0, 3).join(' ')}`.trim());
    }
    const changes = computed.changes.map((c) => ({
      agentId: c.agentId,
      before: c.before,
      after: c.after,
      heldBack: c.heldBack === true,
    }));
    if (req.dryRun)
      return { ...store.status(req.businessUnitId, req.scheduleId), edit: null, changes, skipped: computed.skipped };
    const kept = store.apply({
      businessUnitId: req.businessUnitId,
      scheduleId: req.scheduleId,
      label: label ?? computed.label,
      source: req.source,
      intent: req.intent,
      baseScheduleVersion: schedule.version,
      changes: computed.changes,
      createdAt: now().toISOString(),
    });
    return { ...announce(req, computed.changes.length), edit: store.edit(kept.id), changes, skipped: computed.skipped };
  }

  let queue: Promise<unknown> = Promise.resolve();

  const service = {
    list(ref: ScheduleRef): ChangeSetList {
      const schedule = existing(ref);
      return {
        ...store.status(ref.businessUnitId, ref.scheduleId),
        mirrorScheduleVersion: schedule?.version ?? null,
        edits: store.edits(ref.scheduleId),
        agents: store.effectiveWeeks(ref.scheduleId),
      };
    },

    /** `label` replaces the intent's own words (a fix says what it fixes, e.g. "Trim shift …"). */
    apply(req: ApplyRequest, label?: string): AppliedEdit {
      const { schedule, unit } = prepare(req);
      return keep(req, schedule, changesFor(req.intent, basesFor(req.scheduleId, req.agentIds), unit), label);
    },

    /**
     * The same as apply, computed a slice of agents at a time so the loop
     * runs between slices (stepped-changes.ts); edits through here are kept
     * one after another, each computed on the weeks the one before left.
     */
    applyInSteps(req: ApplyRequest, label?: string): Promise<AppliedEdit> {
      const run = async (): Promise<AppliedEdit> => {
        for (let attempt = 0; attempt < 2; attempt++) {
          const { schedule, unit } = prepare(req);
          const computed = await changesInSteps(deps.db, {
            intent: req.intent,
            agentIds: req.agentIds,
            unit,
            unitFor: (agentIds) => ({ ...unit, publishedWeek: scope.publishedWeeks(schedule, agentIds) }),
            basesFor: (agentIds) => basesFor(req.scheduleId, agentIds),
          });
          if (computed) return keep(req, schedule, computed, label);
        }
        // The mirror kept moving under the slices (a sync writing): computed in one go, on one state of it.
        return service.apply(req, label);
      };
      const result = queue.then(run, run);
      queue = result.catch(() => undefined);
      return result;
    },

    undo(ref: ScheduleRef): UndoRedoResult {
      existing(ref);
      const id = store.undo(ref.scheduleId);
      const edit = id ? store.edit(id) : null;
      return {
        ...(edit ? announce(ref, edit.agentIds.length) : store.status(ref.businessUnitId, ref.scheduleId)),
        edit,
      };
    },

    redo(ref: ScheduleRef): UndoRedoResult {
      existing(ref);
      const id = store.redo(ref.scheduleId);
      const edit = id ? store.edit(id) : null;
      return {
        ...(edit ? announce(ref, edit.agentIds.length) : store.status(ref.businessUnitId, ref.scheduleId)),
        edit,
      };
    },

    discard(ref: ScheduleRef & { editId: string }): DiscardResult {
      existing(ref);
      const discarded = store.discard(ref.scheduleId, ref.editId);
      return { ...announce(ref), discarded };
    },

    discardAll(ref: ScheduleRef): DiscardResult {
      existing(ref);
      const discarded = store.discardAll(ref.scheduleId);
      return { ...(discarded.length ? announce(ref) : store.status(ref.businessUnitId, ref.scheduleId)), discarded };
    },

    diff(ref: ScheduleRef & { agentId?: string }): AgentDiff[] {
      existing(ref);
      const only = ref.agentId ? [ref.agentId] : undefined;
      const effective = store.effectiveWeeks(ref.scheduleId, only);
      const agentIds = effective.map((e) => e.agentId);
      const bases = new Map(store.baseWeeks(ref.scheduleId, agentIds).map((b) => [b.agentId, b]));
      const unit = scope.unitContext(ref.businessUnitId, agentIds, () => null);
      const versions = scope.agentVersions(ref.scheduleId, agentIds);
      return effective.map((e) => {
        const before = bases.get(e.agentId)?.week ?? scope.emptyWeek;
        return {
          agentId: e.agentId,
          agentName: unit.agentName(e.agentId) ?? null,
          baseAgentVersion: e.baseAgentVersion,
          mirrorAgentVersion: versions.get(e.agentId) ?? null,
          heldBack: e.heldBack,
          lines: describeAgentChange(
            { agentId: e.agentId, baseAgentVersion: e.baseAgentVersion, before, after: e.week, heldBack: e.heldBack },
            unit,
          ),
          before,
          after: e.week,
        };
      });
    },

    /** The applied edits whole (for publish). */
    appliedEdits: (ref: ScheduleRef) => store.appliedEdits(ref.businessUnitId, ref.scheduleId),

    /** What an agent's next edit of the schedule starts from (for a fix computed outside apply). */
    basesFor,
  };
  return { ...service, fix: createFindingFixer(deps.db, service) };
}
