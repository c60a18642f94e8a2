/**
 * A small seeded generator of messy schedules for property tests: agents
 * with habits, random extra shifts that may overlap, activities that may
 * clash, time off of every kind, script sessions, and weeks around the
 * spring DST changes of the zones in play.
 */
import { DateTime } from 'luxon';
import { createRng, type Rng } from '../../main/sandbox/random';
import type { ActivityInput, AnalysisInput, ShiftInput } from '../../shared/analysis/types';

export interface RandomOptions {
  seed: number;
  /** BU zone; MU zones are drawn from `zones`. */
  zone: string;
  zones: string[];
  agents?: number;
}

const codeIds = ['on-queue', 'break', 'meal', 'vacation'];

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function activitiesFor(startMs: number, minutes: number, rng: Rng): ActivityInput[] {
  const list: ActivityInput[] = [];
  let at = 0;
  while (at < minutes) {
    const len = Math.min(minutes - at, 15 * rng.int(1, 12));
    list.push({
      startDate: iso(startMs + at * 60_000),
      lengthMinutes: len,
      activityCodeId: rng.pick(codeIds.slice(0, 3)),
    });
    at += len;
  }
  // Now and then a break laid over whatever is there.
  if (rng.chance(0.15))
    list.push({
      startDate: iso(startMs + 15 * rng.int(0, minutes / 15) * 60_000),
      lengthMinutes: 15,
      activityCodeId: 'break',
    });
  return list;
}

export function randomInput(opts: RandomOptions): AnalysisInput {
  const rng = createRng(opts.seed);
  const weekDates = ['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30'];
  const schedules = weekDates.map((weekDate, i) => ({ id: `schedule-${i}`, weekDate, weekCount: 1, published: i < 3 }));
  const managementUnits = opts.zones.map((timeZone, i) => ({ id: `mu-${i}`, name: `Unit ${i}`, timeZone }));
  const agents = Array.from({ length: opts.agents ?? 12 }, (_, i) => ({
    id: `agent-${i}`,
    name: `Agent ${i}`,
    managementUnitId: rng.pick(managementUnits).id,
  }));
  const shifts: ShiftInput[] = [];
  const input: AnalysisInput = {
    businessUnit: { id: 'bu', timeZone: opts.zone },
    managementUnits,
    viewerTimeZone: rng.pick([opts.zone, 'UTC', 'Europe/London']),
    agents,
    activityCodes: codeIds.map((id) => ({ id, name: id, category: id === 'vacation' ? 'TimeOff' : 'OnQueueWork' })),
    schedules,
    shifts,
    fullDayTimeOff: [],
    timeOffRequests: [],
    scriptSessions: [],
    now: DateTime.fromISO('2026-03-11T09:00', { zone: opts.zone }).toUTC().toISO() as string,
  };
  for (const agent of agents) {
    const zone = managementUnits.find((mu) => mu.id === agent.managementUnitId)?.timeZone ?? opts.zone;
    const startMinute = 15 * rng.int(0, 95);
    const length = 15 * rng.int(8, 44);
    schedules.forEach((schedule) => {
      for (let d = 0; d < 7; d++) {
        if (!rng.chance(0.7)) continue;
        const day = DateTime.fromISO(schedule.weekDate, { zone }).plus({
          days: d,
          minutes: rng.chance(0.9) ? startMinute : 15 * rng.int(0, 95),
        });
        const minutes = rng.chance(0.9) ? length : 15 * rng.int(1, 60);
        const id = `${agent.id}-${schedule.id}-${d}`;
        shifts.push({
          id,
          scheduleId: schedule.id,
          agentId: agent.id,
          startDate: iso(day.toMillis()),
          lengthMinutes: minutes,
          activities: activitiesFor(day.toMillis(), minutes, rng),
        });
        if (rng.chance(0.1))
          input.fullDayTimeOff.push({
            agentId: agent.id,
            scheduleId: schedule.id,
            businessUnitDate: day.setZone(opts.zone).toISODate() as string,
            startOffsetMinutes: 15 * rng.int(0, 60),
            lengthMinutes: 480,
          });
      }
    });
    if (rng.chance(0.4)) {
      const date = DateTime.fromISO(rng.pick(weekDates)).plus({ days: rng.int(0, 6) });
      const partial = rng.chance(0.5);
      input.timeOffRequests.push({
        id: `request-${agent.id}`,
        agentId: agent.id,
        status: rng.pick(['APPROVED', 'PENDING', 'DENIED']),
        isFullDay: !partial,
        fullDayDates: partial ? [] : [date.toISODate() as string],
        partialStarts: partial
          ? [
              iso(
                DateTime.fromISO(date.toISODate() as string, { zone })
                  .plus({ hours: rng.int(6, 16) })
                  .toMillis(),
              ),
            ]
          : [],
        dailyDurationMinutes: 15 * rng.int(4, 32),
      });
    }
    if (rng.chance(0.3)) {
      const start = Date.parse(input.now) - rng.int(1, 120) * 60_000;
      input.scriptSessions.push({
        agentId: agent.id,
        conversationId: `conversation-${agent.id}`,
        start: iso(start),
        end: rng.chance(0.5) ? null : iso(start + 600_000),
      });
    }
  }
  return input;
}

/** The same data in another order: every list shuffled, activities and dates too. */
export function shuffledInput(input: AnalysisInput, seed: number): AnalysisInput {
  const rng = createRng(seed);
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  };
  return {
    ...input,
    managementUnits: shuffle(input.managementUnits),
    agents: shuffle(input.agents),
    activityCodes: shuffle(input.activityCodes),
    schedules: shuffle(input.schedules),
    shifts: shuffle(input.shifts.map((s) => ({ ...s, activities: shuffle(s.activities) }))),
    fullDayTimeOff: shuffle(input.fullDayTimeOff),
    timeOffRequests: shuffle(
      input.timeOffRequests.map((r) => ({
        ...r,
        fullDayDates: shuffle(r.fullDayDates),
        partialStarts: shuffle(r.partialStarts),
      })),
    ),
    scriptSessions: shuffle(input.scriptSessions),
  };
}

/** Every instant of the input passed through `move` (the BU-local dates are left alone). */
export function mapInstants(input: AnalysisInput, move: (iso: string) => string): AnalysisInput {
  return {
    ...input,
    shifts: input.shifts.map((s) => ({
      ...s,
      startDate: move(s.startDate),
      activities: s.activities.map((a) => ({ ...a, startDate: move(a.startDate) })),
    })),
    timeOffRequests: input.timeOffRequests.map((r) => ({ ...r, partialStarts: r.partialStarts.map(move) })),
    scriptSessions: input.scriptSessions.map((s) => ({
      ...s,
      start: move(s.start),
      end: s.end === null ? null : move(s.end),
    })),
    now: move(input.now),
  };
}
