/**
 * Stand-ins for the pure edit functions of shared/edits/ (applyIntent,
 * describeChange), which another change is bringing: the same shapes, but
 * only the edits the change set's own tests need (drop a shift, move a
 * shift with its activities, hold an agent back) and a plain summary in
 * UTC. changes-for.ts is the one place that calls them, so swapping in the
 * real ones touches nothing else.
 */
import type { EditIntent } from '../../../shared/edits/types';
import type { AgentWeek, WeekShift } from '../../../shared/publish/agent-week';
import { shiftContent } from '../../../shared/publish/agent-week';

export interface IntentContext {
  /** What the agent sees published now (for holdBack): an empty week when nothing is published for them. */
  publishedWeek(agentId: string): AgentWeek;
}

export type IntentOutcome = { ok: true; week: AgentWeek } | { ok: false; problems: string[] };

const movedBy = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

function findShift(week: AgentWeek, shiftId: string): WeekShift | { problem: string } {
  const shift = week.shifts.find((s) => s.id === shiftId);
  return shift ?? { problem: `This agent has no shift ${shiftId} in the week (it may have been dropped already).` };
}

export function interimApplyIntent(
  agentId: string,
  week: AgentWeek,
  intent: EditIntent,
  ctx: IntentContext,
): IntentOutcome {
  switch (intent.kind) {
    case 'dropShift': {
      const shift = findShift(week, intent.shiftId);
      if ('problem' in shift) return { ok: false, problems: [shift.problem] };
      return { ok: true, week: { ...week, shifts: week.shifts.filter((s) => s !== shift) } };
    }
    case 'moveShift': {
      const shift = findShift(week, intent.shiftId);
      if ('problem' in shift) return { ok: false, problems: [shift.problem] };
      const moved: WeekShift = {
        ...shift,
        startDate: movedBy(shift.startDate, intent.byMinutes),
        manuallyEdited: true,
        activities: shift.activities.map((a) => ({ ...a, startDate: movedBy(a.startDate, intent.byMinutes) })),
      };
      const shifts = week.shifts.map((s) => (s === shift ? moved : s));
      return {
        ok: true,
        week: { ...week, shifts: [...shifts].sort((a, b) => a.startDate.localeCompare(b.startDate)) },
      };
    }
    case 'holdBack':
      return { ok: true, week: ctx.publishedWeek(agentId) };
    default:
      return {
        ok: false,
        problems: [`This build cannot make a "${intent.kind}" edit yet; it arrives with the edit functions.`],
      };
  }
}

const utc = (iso: string) => iso.slice(0, 16).replace('T', ' ');
const shiftWords = (s: WeekShift) =>
  `${utc(s.startDate)}–${utc(movedBy(s.startDate, s.lengthMinutes)).slice(11)} UTC shift${s.id ? ` ${s.id}` : ''}`;

/** Before → after in plain words: shifts removed, added and changed (by Genesys id), time off added and removed. */
export function interimDescribeChange(before: AgentWeek, after: AgentWeek): string[] {
  const lines: string[] = [];
  const afterById = new Map(after.shifts.flatMap((s) => (s.id ? [[s.id, s] as const] : [])));
  const beforeIds = new Set(before.shifts.flatMap((s) => (s.id ? [s.id] : [])));
  for (const s of before.shifts) {
    const now = s.id ? afterById.get(s.id) : undefined;
    if (!now) lines.push(`Removed ${shiftWords(s)}`);
    else if (shiftContent(now) !== shiftContent(s)) lines.push(`Changed ${shiftWords(s)} → ${shiftWords(now)}`);
  }
  for (const s of after.shifts) if (!s.id || !beforeIds.has(s.id)) lines.push(`Added ${shiftWords(s)}`);
  const dates = (w: AgentWeek) => new Set(w.fullDayTimeOffMarkers.map((m) => m.businessUnitDate));
  const [was, is] = [dates(before), dates(after)];
  for (const d of was) if (!is.has(d)) lines.push(`Removed full-day time off on ${d}`);
  for (const d of is) if (!was.has(d)) lines.push(`Added full-day time off on ${d}`);
  return lines;
}

/** The edit in words, for the undo list: "Drop shift X", "Move shift X by +60 min", "Hold back". */
export function interimLabel(intent: EditIntent): string {
  switch (intent.kind) {
    case 'dropShift':
      return `Drop shift ${intent.shiftId}`;
    case 'moveShift':
      return `Move shift ${intent.shiftId} by ${intent.byMinutes > 0 ? '+' : ''}${intent.byMinutes} min`;
    case 'holdBack':
      return 'Hold back';
    default:
      return intent.kind;
  }
}
