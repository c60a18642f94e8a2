/**
 * One agent entry of a schedule update, read as Genesys reads it: a patch.
 * A shift with an `id` replaces that shift, one without is added,
 * `{id, delete: true}` removes it, and shifts not listed stay; full-day
 * markers likewise by `businessUnitDate`; no `shifts` (or no markers) leaves
 * them alone; the entry's `delete` removes the agent's schedule. An id or a
 * date that is not there is a 400 naming it. Resolved when the update is
 * accepted; written, if it still validates, when the operation runs.
 */
import type { AgentScheduleState, FullDayTimeOffMarkerState, ShiftState } from '../org/model';
import {
  markerFrom,
  newShift,
  replacedShift,
  sameMarker,
  sameShift,
  type ItemContext,
  type UploadProblems,
} from './upload-items';
import type { AgentUpdateUpload } from './upload-schemas';

/** What one write did to an agent: recorded in the agent history. */
export interface AgentChange {
  shifts: ShiftState[];
  fullDayTimeOffMarkers: FullDayTimeOffMarkerState[];
  deletedShiftIds: string[];
  deletedMarkerDates: string[];
  deletedAgentSchedule: boolean;
}

export interface ResolvedAgent {
  userId: string;
  managementUnitId: string;
  before: AgentScheduleState | undefined;
  /** The agent's schedule after the patch (version and stamp are set when written); null when deleted. */
  after: Pick<AgentScheduleState, 'shifts' | 'fullDayTimeOffMarkers' | 'workPlanId'> | null;
  /** False when the entry changes nothing: the agent's version then stays. */
  changed: boolean;
  change: AgentChange;
}

function patchShifts(
  entry: AgentUpdateUpload,
  field: string,
  before: ShiftState[],
  ctx: ItemContext,
  problems: UploadProblems,
  change: AgentChange,
): ShiftState[] {
  if (!entry.shifts) return before;
  const stored = new Map(before.map((s) => [s.id, s]));
  const next = new Map(stored);
  const listed = new Set<string>();
  entry.shifts.forEach((s, j) => {
    const at = `${field}.shifts[${j}]`;
    if (s.id === undefined) {
      if (s.delete) {
        problems.add(`${at} asks to delete a shift but names no shift id`, {
          errorCode: 'missing.shift.id',
          fieldName: `${at}.id`,
          entityId: entry.userId,
        });
        return;
      }
      const added = newShift(s, at, entry.userId, ctx, problems);
      if (added) {
        next.set(added.id, added);
        change.shifts.push(added);
      }
      return;
    }
    const old = stored.get(s.id);
    if (!old || listed.has(s.id)) {
      const why = old ? 'is listed twice' : "is not a shift of this agent's schedule";
      problems.add(`${at}: shift ${s.id} ${why}`, {
        errorCode: old ? 'duplicate.shift.id' : 'unknown.shift.id',
        fieldName: `${at}.id`,
        entityId: s.id,
        entityName: 'shift',
      });
      return;
    }
    listed.add(s.id);
    if (s.delete) {
      next.delete(s.id);
      change.deletedShiftIds.push(s.id);
      return;
    }
    const replaced = replacedShift(old, s, ctx);
    next.set(s.id, replaced);
    if (!sameShift(old, replaced)) change.shifts.push(replaced);
  });
  return [...next.values()].sort((a, b) => a.startDate.localeCompare(b.startDate));
}

function patchMarkers(
  entry: AgentUpdateUpload,
  field: string,
  before: FullDayTimeOffMarkerState[],
  ctx: ItemContext,
  problems: UploadProblems,
  change: AgentChange,
): FullDayTimeOffMarkerState[] {
  if (!entry.fullDayTimeOffMarkers) return before;
  const stored = new Map(before.map((m) => [m.businessUnitDate, m]));
  const next = new Map(stored);
  const listed = new Set<string>();
  entry.fullDayTimeOffMarkers.forEach((m, j) => {
    const at = `${field}.fullDayTimeOffMarkers[${j}]`;
    const date = m.businessUnitDate;
    if (date === undefined || listed.has(date)) {
      const why = date === undefined ? 'has no businessUnitDate, which says which day it is' : `lists ${date} twice`;
      problems.add(`${at} ${why}`, {
        errorCode: date === undefined ? 'missing.businessUnitDate' : 'duplicate.businessUnitDate',
        fieldName: `${at}.businessUnitDate`,
        entityId: entry.userId,
      });
      return;
    }
    listed.add(date);
    const old = stored.get(date);
    if (m.delete) {
      if (!old) {
        problems.add(`${at}: there is no full-day time off on ${date} to delete`, {
          errorCode: 'unknown.fullDayTimeOffMarker',
          fieldName: `${at}.businessUnitDate`,
          entityId: entry.userId,
        });
        return;
      }
      next.delete(date);
      change.deletedMarkerDates.push(date);
      return;
    }
    const marker = markerFrom({ ...m, businessUnitDate: date }, old, at, entry.userId, ctx, problems);
    if (!marker) return;
    next.set(date, marker);
    if (!old || !sameMarker(old, marker)) change.fullDayTimeOffMarkers.push(marker);
  });
  return [...next.values()].sort((a, b) => a.businessUnitDate.localeCompare(b.businessUnitDate));
}

export function resolveAgentPatch(
  entry: AgentUpdateUpload,
  index: number,
  before: AgentScheduleState | undefined,
  managementUnitId: string,
  ctx: ItemContext,
  problems: UploadProblems,
): ResolvedAgent {
  const change: AgentChange = {
    shifts: [],
    fullDayTimeOffMarkers: [],
    deletedShiftIds: [],
    deletedMarkerDates: [],
    deletedAgentSchedule: false,
  };
  const base = { userId: entry.userId, managementUnitId: before?.managementUnitId ?? managementUnitId, before };
  if (entry.delete) {
    // Deleting a schedule the agent does not have changes nothing.
    change.deletedAgentSchedule = before !== undefined;
    return { ...base, after: null, changed: before !== undefined, change };
  }
  const field = `agentSchedules[${index}]`;
  const shifts = patchShifts(entry, field, before?.shifts ?? [], ctx, problems, change);
  const markers = patchMarkers(entry, field, before?.fullDayTimeOffMarkers ?? [], ctx, problems, change);
  const workPlanId = entry.workPlanId ? entry.workPlanId.value : before?.workPlanId;
  const changed =
    change.shifts.length > 0 ||
    change.fullDayTimeOffMarkers.length > 0 ||
    change.deletedShiftIds.length > 0 ||
    change.deletedMarkerDates.length > 0 ||
    workPlanId !== before?.workPlanId;
  return {
    ...base,
    after: { shifts, fullDayTimeOffMarkers: markers, ...(workPlanId !== undefined ? { workPlanId } : {}) },
    changed,
    change,
  };
}
