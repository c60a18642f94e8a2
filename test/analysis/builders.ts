/**
 * Small hand-built inputs for the analysis tests: a Chicago BU with one MU,
 * agents by name, shifts written on the BU wall clock ("2026-03-09 06:00").
 */
import { DateTime } from 'luxon';
import type { AnalysisInput, Finding, ShiftInput } from '../../shared/analysis/types';

export const buZone = 'America/Chicago';
export const codes = { onQueue: 'code-on-queue', break: 'code-break', meal: 'code-meal', vacation: 'code-vacation' };

/** The instant of a wall-clock time ("2026-03-09 06:00") in a zone, as Genesys sends it (UTC ISO). */
export function at(local: string, zone = buZone): string {
  const dt = DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', { zone });
  if (!dt.isValid) throw new Error(`bad test time ${local}`);
  return dt.toUTC().toISO() as string;
}

export function baseInput(overrides: Partial<AnalysisInput> = {}): AnalysisInput {
  return {
    businessUnit: { id: 'bu-1', timeZone: buZone },
    managementUnits: [{ id: 'mu-1', name: 'Chicago Voice', timeZone: buZone }],
    viewerTimeZone: buZone,
    agents: [
      { id: 'maria', name: 'Maria Lopez', managementUnitId: 'mu-1' },
      { id: 'sam', name: 'Sam Okafor', managementUnitId: 'mu-1' },
    ],
    activityCodes: [
      { id: codes.onQueue, name: 'On Queue', category: 'OnQueueWork' },
      { id: codes.break, name: 'Break', category: 'Break' },
      { id: codes.meal, name: 'Meal', category: 'Meal' },
      { id: codes.vacation, name: 'Vacation', category: 'TimeOff' },
    ],
    schedules: [
      { id: 'published-mar-2', weekDate: '2026-03-02', weekCount: 1, published: true },
      { id: 'draft-mar-9', weekDate: '2026-03-09', weekCount: 1, published: false },
    ],
    shifts: [],
    fullDayTimeOff: [],
    timeOffRequests: [],
    scriptSessions: [],
    now: at('2026-03-06 12:00'),
    ...overrides,
  };
}

/** A shift with one On Queue activity filling it. */
export function shift(
  id: string,
  agentId: string,
  scheduleId: string,
  local: string,
  minutes: number,
  zone = buZone,
): ShiftInput {
  const startDate = at(local, zone);
  return {
    id,
    agentId,
    scheduleId,
    startDate,
    lengthMinutes: minutes,
    activities: [{ startDate, lengthMinutes: minutes, activityCodeId: codes.onQueue }],
  };
}

/** A regular week for an agent: same start five days running, from the Monday given. */
export function week(
  agentId: string,
  scheduleId: string,
  monday: string,
  time: string,
  minutes: number,
  zone = buZone,
): ShiftInput[] {
  return Array.from({ length: 5 }, (_, d) => {
    const date = DateTime.fromISO(monday).plus({ days: d }).toISODate() as string;
    return shift(`${agentId}-${date}`, agentId, scheduleId, `${date} ${time}`, minutes, zone);
  });
}

export function ofKind(findings: Finding[], kind: Finding['kind']): Finding[] {
  return findings.filter((f) => f.kind === kind);
}
