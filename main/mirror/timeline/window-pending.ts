/**
 * Pending edits on the timeline window: an agent's row shows the week they
 * will have once the change set is published (shifts, activities, full-day
 * time off), and keeps the mirrored placement beside it so the renderer can
 * draw a ghost of the old and an outline of the new (`TimelineAgent.pending`).
 * One query for the whole page (pending-weeks.ts), and nothing more for rows
 * without edits.
 */
import type Database from 'better-sqlite3';
import type { WeekShift } from '../../../shared/publish/agent-week';
import type { TimelineAgent, TimelineShift, TimelineTimeOff } from '../../../shared/timeline';
import { shiftKey } from '../../../shared/edits/shift-ref';
import { pendingWeeksOf, type PendingAgentWeek } from './pending-weeks';
import { markerPlacer, type MarkerPlacer } from './time-off';
import type { TimelineQuery } from './window-query';

const minuteMs = 60_000;

const sameShift = (a: TimelineShift, b: TimelineShift) =>
  a.startMs === b.startMs &&
  a.endMs === b.endMs &&
  a.activities.length === b.activities.length &&
  a.activities.every((x, i) => {
    const y = b.activities[i]!;
    return x.startMs === y.startMs && x.lengthMinutes === y.lengthMinutes && x.activityCodeId === y.activityCodeId;
  });

function shiftOf(s: WeekShift, position: number, scheduleId: string): TimelineShift {
  const startMs = Date.parse(s.startDate);
  return {
    key: -(position + 1),
    id: shiftKey(s, position),
    scheduleId,
    startMs,
    endMs: startMs + s.lengthMinutes * minuteMs,
    manuallyEdited: s.manuallyEdited === true,
    activities: s.activities.map((a) => ({
      startMs: Date.parse(a.startDate),
      lengthMinutes: a.lengthMinutes,
      activityCodeId: a.activityCodeId,
      paid: a.paid ?? null,
    })),
  };
}

function timeOffOf(p: PendingAgentWeek, place: MarkerPlacer, q: TimelineQuery): TimelineTimeOff[] {
  const out: TimelineTimeOff[] = [];
  for (const m of p.week.fullDayTimeOffMarkers) {
    const startMs = place(m.businessUnitDate, m.startOffsetMinutes ?? null);
    if (startMs === null) continue;
    const endMs = startMs + m.lengthMinutes * minuteMs;
    if (startMs >= q.to || endMs <= q.from) continue;
    out.push({
      scheduleId: p.scheduleId,
      businessUnitDate: m.businessUnitDate,
      startMs,
      endMs,
      lengthMinutes: m.lengthMinutes,
      activityCodeId: m.activityCodeId,
      timeOffRequestId: m.timeOffRequestId ?? null,
    });
  }
  return out;
}

/** Replaces one schedule's part of the row by the pending week, clipped to the window as the mirror's part was. */
function overlay(agent: TimelineAgent, p: PendingAgentWeek, place: MarkerPlacer, q: TimelineQuery): void {
  const before = {
    shifts: agent.shifts.filter((s) => s.scheduleId === p.scheduleId),
    timeOff: agent.timeOff.filter((t) => t.scheduleId === p.scheduleId),
  };
  const mirrored = new Map(before.shifts.filter((s) => s.id !== null).map((s) => [s.id as string, s]));
  const kept = new Set<string>();
  const shifts: TimelineShift[] = [];
  p.week.shifts.forEach((s, i) => {
    const shift = shiftOf(s, i, p.scheduleId);
    if (shift.id !== null) kept.add(shift.id); // moved out of the window is not dropped
    if (shift.startMs >= q.to || shift.endMs <= q.from) return;
    const old = shift.id === null ? undefined : mirrored.get(shift.id);
    if (old) {
      shift.key = old.key; // the mirror's key: the renderer's row keeps its bar
      if (!sameShift(old, shift)) shift.edited = true;
    } else shift.edited = true;
    shifts.push(shift);
  });
  agent.shifts = [...agent.shifts.filter((s) => s.scheduleId !== p.scheduleId), ...shifts].sort(
    (x, y) => x.startMs - y.startMs || x.key - y.key,
  );
  agent.timeOff = [...agent.timeOff.filter((t) => t.scheduleId !== p.scheduleId), ...timeOffOf(p, place, q)].sort(
    (x, y) => x.startMs - y.startMs,
  );
  (agent.pending ??= []).push({
    scheduleId: p.scheduleId,
    editId: p.editId,
    heldBack: p.heldBack,
    before,
    droppedShiftIds: [...mirrored.keys()].filter((id) => !kept.has(id)),
  });
}

export function addPendingWeeks(db: Database.Database, q: TimelineQuery, agents: TimelineAgent[]): void {
  const pending = pendingWeeksOf(
    db,
    q,
    agents.map((a) => a.id),
  );
  if (pending.length === 0) return;
  const { place } = markerPlacer(db, q.businessUnitId);
  const byId = new Map(agents.map((a) => [a.id, a]));
  for (const p of pending) {
    const agent = byId.get(p.agentId);
    if (agent) overlay(agent, p, place, q);
  }
}
