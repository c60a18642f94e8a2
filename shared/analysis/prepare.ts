/**
 * One pass over the input: parse every instant once, index agents, units
 * and schedules, and group each agent's readable shifts sorted by start.
 * Every later check works on this; unreadable records become findings here
 * and are left out of the checks they would poison.
 */
import { badInputFinding, isLength, shown } from './bad-input';
import { ShiftTableBuilder, type ShiftTable } from './shift-table';
import { dayMs, InstantReader, minuteMs, parseDate, parseInstant, ZoneClock } from '../time/zone-clock';
import type { ActivityCodeInput, AgentInput, AnalysisInput, Finding, ShiftInput } from './types';

export { agentShifts, shiftAt, type PreparedShift } from './shift-table';

export interface PreparedSchedule {
  /** Position in `Prepared.scheduleList`, the shift table's schedule column. */
  index: number;
  id: string;
  published: boolean;
  /** The BU-local days it covers, [firstDay, endDay) as epoch days; null when weekDate is unreadable. */
  firstDay: number | null;
  endDay: number | null;
}

export interface Prepared {
  input: AnalysisInput;
  /** The BU zone, null when it is not a known zone. */
  bu: ZoneClock | null;
  /** Where times are shown: the BU zone, or UTC when the BU zone is unusable. */
  display: ZoneClock;
  agents: Map<string, AgentInput>;
  units: Map<string, ZoneClock | null>;
  codes: Map<string, ActivityCodeInput>;
  schedules: Map<string, PreparedSchedule>;
  scheduleList: PreparedSchedule[];
  /** Readable shifts, grouped by agent and sorted by start. */
  shifts: ShiftTable;
  nowMs: number | null;
  /** Shared instant memo: shift and activity starts repeat across agents. */
  instants: InstantReader;
  findings: Finding[];
}

/** Arrays from the renderer's unsaved edits may be missing; never throw over it. */
export function list<T>(value: readonly T[] | undefined | null): T[] {
  return Array.isArray(value) ? value.filter((v) => v !== null && typeof v === 'object') : [];
}

export function agentName(p: Prepared, agentId: string): string {
  return p.agents.get(agentId)?.name || `agent ${agentId}`;
}

/** The agent's own wall clock: its MU's zone, else the BU's (the MU zone's problem is reported on its own). */
export function agentClock(p: Prepared, agentId: string): ZoneClock {
  const unit = p.agents.get(agentId)?.managementUnitId;
  return (unit === undefined ? null : p.units.get(unit)) ?? p.display;
}

function prepareSchedules(input: AnalysisInput, findings: Finding[]): Map<string, PreparedSchedule> {
  const schedules = new Map<string, PreparedSchedule>();
  for (const s of list(input.schedules)) {
    const firstDay = parseDate(s.weekDate);
    // Genesys schedules run a few weeks; a year is a generous bound that keeps loops over weeks short.
    const weeks = Number.isInteger(s.weekCount) && s.weekCount > 0 && s.weekCount <= 52 ? s.weekCount : 1;
    if (firstDay === null || weeks !== s.weekCount) {
      findings.push(
        badInputFinding('shiftOverlap', ['schedule', String(s.id)], {
          scheduleId: String(s.id),
          problem:
            `Schedule ${shown(s.id)} has an unreadable week (weekDate ${shown(s.weekDate)}, weekCount ${shown(s.weekCount)}): ` +
            (firstDay === null
              ? 'it is taken to cover no days when compared with other schedules'
              : 'it is read as one week'),
          fix: 'Re-sync the schedule; if it persists, report it with the schedule id',
          evidence: { weekDate: s.weekDate, weekCount: s.weekCount },
        }),
      );
    }
    schedules.set(s.id, {
      index: 0,
      id: s.id,
      published: s.published === true,
      firstDay,
      endDay: firstDay === null ? null : firstDay + 7 * weeks,
    });
  }
  return schedules;
}

function shiftProblem(s: ShiftInput, schedule: PreparedSchedule | undefined, startMs: number | null): string | null {
  if (typeof s.id !== 'string' || s.id === '') return `has no id`;
  if (typeof s.agentId !== 'string' || s.agentId === '') return `has no agent`;
  if (!schedule) return `belongs to no known schedule (${shown(s.scheduleId)})`;
  if (startMs === null && isNaiveTimestamp(s.startDate))
    return `starts ${shown(s.startDate)}, a time without an offset that Genesys would read as UTC`;
  if (startMs === null) return `has an unreadable start ${shown(s.startDate)} (an instant with an offset is required)`;
  if (!isLength(s.lengthMinutes))
    return `has a length of ${shown(s.lengthMinutes)} minutes; it must be positive and at most a week`;
  return null;
}

/** A wall-clock time with no offset ("2026-03-09T08:00:00"): the naive timestamp of the taxonomy, as sent in an import. */
function isNaiveTimestamp(text: unknown): boolean {
  return typeof text === 'string' && parseInstant(text) === null && parseInstant(`${text}Z`) !== null;
}

function badShift(p: Prepared, s: ShiftInput, problem: string): void {
  const agentKnown = typeof s.agentId === 'string';
  const kind = isNaiveTimestamp(s.startDate) ? 'naiveUtcShift' : 'shiftOverlap';
  p.findings.push(
    badInputFinding(kind, ['shift', String(s.id), String(s.startDate), String(s.lengthMinutes)], {
      agentId: agentKnown ? s.agentId : null,
      scheduleId: typeof s.scheduleId === 'string' ? s.scheduleId : null,
      problem: `A shift of ${agentKnown ? agentName(p, s.agentId) : 'an unknown agent'} (id ${shown(s.id)}) ${problem}: it was left out of the checks`,
      fix: 'Correct the shift in the schedule editor (or re-sync), then run the analysis again',
      evidence: { shiftIds: [String(s.id)], startDate: s.startDate, lengthMinutes: s.lengthMinutes },
    }),
  );
}

/** Teach every clock in play the offsets of the shifts' time range, once, before the per-shift checks ask. */
function primeClocks(p: Prepared): void {
  const { startMs, endMs } = p.shifts;
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < startMs.length; i++) {
    from = Math.min(from, startMs[i] as number);
    to = Math.max(to, endMs[i] as number);
  }
  if (!(from <= to)) return;
  // A week either side: time off and week starts reach a little beyond the shifts.
  for (const clock of new Set([p.display, ...p.units.values()])) clock?.prime(from - 7 * dayMs, to + 7 * dayMs);
}

/** The hot loop of the analysis (every shift once): no copies, one lookup per field. */
function prepareShifts(p: Prepared, shifts: ShiftInput[] | undefined): ShiftTable {
  const all = Array.isArray(shifts) ? shifts : [];
  const table = new ShiftTableBuilder(all.length);
  // Shifts come schedule by schedule: comparing with the last id is cheaper than a lookup.
  let lastId: unknown = undefined;
  let schedule: PreparedSchedule | undefined;
  for (let k = 0; k < all.length; k++) {
    const s = all[k] as ShiftInput;
    if (s === null || typeof s !== 'object') continue;
    if (s.scheduleId !== lastId) {
      lastId = s.scheduleId;
      schedule = p.schedules.get(s.scheduleId);
    }
    const startMs = p.instants.read(s.startDate);
    const readable = startMs !== null && isLength(s.lengthMinutes) && isId(s.id) && isId(s.agentId);
    if (!readable || schedule === undefined) badShift(p, s, shiftProblem(s, schedule, startMs) ?? 'is unreadable');
    else table.add(s, startMs, startMs + s.lengthMinutes * minuteMs, !schedule.published, schedule.index);
  }
  return table.build();
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

export function prepare(input: AnalysisInput): Prepared {
  const bu = ZoneClock.of(input.businessUnit?.timeZone);
  const findings: Finding[] = [];
  const p: Prepared = {
    input,
    bu,
    display: bu ?? (ZoneClock.of('UTC') as ZoneClock),
    agents: new Map(list(input.agents).map((a) => [a.id, a])),
    units: new Map(list(input.managementUnits).map((mu) => [mu.id, ZoneClock.of(mu.timeZone)])),
    codes: new Map(list(input.activityCodes).map((c) => [c.id, c])),
    schedules: prepareSchedules(input, findings),
    scheduleList: [],
    shifts: new ShiftTableBuilder(0).build(),
    nowMs: parseInstant(input.now),
    instants: new InstantReader(),
    findings,
  };
  p.scheduleList = [...p.schedules.values()];
  p.scheduleList.forEach((s, i) => (s.index = i));
  p.shifts = prepareShifts(p, input.shifts);
  primeClocks(p);
  return p;
}
