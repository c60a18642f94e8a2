/**
 * Small hand-built agent weeks for the edits' tests and benchmark: a Chicago
 * BU, the codes a contact centre has, and shifts written on the BU wall
 * clock ("2026-12-08 08:00"), the way a supervisor reads them.
 */
import { DateTime } from 'luxon';
import type { EditActivityCode, EditContext } from './context';
import type { AgentWeek, WeekActivity, WeekShift } from '../publish/agent-week';
import type { AnalysisInput } from '../analysis/types';
import { shiftInputs, timeOffInputs } from './agent-input';

export const zone = 'America/Chicago';

export const codes = {
  onQueue: 'code-on-queue',
  break: 'code-break',
  meal: 'code-meal',
  meeting: 'code-meeting',
  vacation: 'code-vacation',
} as const;

export const activityCodes: EditActivityCode[] = [
  { id: codes.onQueue, name: 'On Queue', category: 'OnQueueWork' },
  { id: codes.break, name: 'Break', category: 'Break' },
  { id: codes.meal, name: 'Meal', category: 'Meal' },
  { id: codes.meeting, name: 'Team Meeting', category: 'Meeting' },
  { id: codes.vacation, name: 'Vacation', category: 'TimeOff' },
];

export const ctx: EditContext = { timeZone: zone, activityCodes };

/** The instant of a BU wall-clock time, as Genesys sends it. */
export function at(local: string): string {
  const dt = DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', { zone });
  if (!dt.isValid) throw new Error(`bad test time ${local}`);
  return dt.toUTC().toISO() as string;
}

const plus = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

/** [code, minutes from the shift's start, length]. */
export type Part = [string, number, number];

/** A shift of tiled activities; default: on queue, a 15-minute break at 2 h, a 30-minute meal at 4 h. */
export function shift(id: string | undefined, local: string, minutes: number, parts?: Part[]): WeekShift {
  const startDate = at(local);
  const layout: Part[] = parts ?? [
    [codes.onQueue, 0, 120],
    [codes.break, 120, 15],
    [codes.onQueue, 135, 105],
    [codes.meal, 240, 30],
    [codes.onQueue, 270, minutes - 270],
  ];
  const activities: WeekActivity[] = layout.map(([code, offset, length]) => ({
    startDate: plus(startDate, offset),
    lengthMinutes: length,
    activityCodeId: code,
  }));
  return { ...(id === undefined ? {} : { id }), startDate, lengthMinutes: minutes, activities };
}

/** Mon 7 Dec to Fri 11 Dec 2026, 08:00–16:30 each day: ids day-1 … day-5 (after `prefix`: Genesys' ids are unique across agents). */
export function workWeek(prefix = ''): AgentWeek {
  return {
    shifts: [7, 8, 9, 10, 11].map((d, i) =>
      shift(`${prefix}day-${i + 1}`, `2026-12-${String(d).padStart(2, '0')} 08:00`, 510),
    ),
    fullDayTimeOffMarkers: [],
  };
}

export const draftId = 'draft-dec-7';
export const publishedId = 'published-nov-30';

/** An analysis input of the given agents' weeks in the draft of Mon 7 Dec 2026 (one Chicago MU). */
export function plantedInput(weeks: Record<string, AgentWeek>, extra: Partial<AnalysisInput> = {}): AnalysisInput {
  const agents = Object.keys(weeks).map((id) => ({ id, name: `Agent ${id}`, managementUnitId: 'mu-1' }));
  return {
    businessUnit: { id: 'bu-1', timeZone: zone },
    managementUnits: [{ id: 'mu-1', name: 'Chicago Voice', timeZone: zone }],
    viewerTimeZone: zone,
    agents,
    activityCodes: activityCodes.map((c) => ({ ...c })),
    schedules: [
      { id: publishedId, weekDate: '2026-11-30', weekCount: 1, published: true },
      { id: draftId, weekDate: '2026-12-07', weekCount: 1, published: false },
    ],
    shifts: Object.entries(weeks).flatMap(([agentId, w]) => shiftInputs(agentId, draftId, w)),
    fullDayTimeOff: Object.entries(weeks).flatMap(([agentId, w]) => timeOffInputs(agentId, draftId, w)),
    timeOffRequests: [],
    scriptSessions: [],
    now: at('2026-12-01 12:00'),
    ...extra,
  };
}
