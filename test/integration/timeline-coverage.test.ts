/**
 * The coverage strip's data through the contract: sync two weeks of the
 * sandbox (the one with America/Chicago's fall-back Sunday, and the current
 * week with its published schedule and draft revision), then check
 * `timeline.coverage` against a count made here, directly from the
 * sandbox's own org (its schedules and its activity codes' categories).
 */
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/server';
import type { BusinessUnitState, ScheduleState } from '../../main/sandbox/org/model';
import type { Services } from '../../main/services';
import type { OpsArgs, OpsMethodName, OpsResult } from '../../shared/contract';
import { tempServices } from '../support/temp-services';

const now = () => new Date('2026-11-23T12:00:00Z');
const zone = 'America/Chicago';
const quarterMs = 15 * 60_000;
let services: Services;
let org: RunningSandbox;
let profileId: string;

async function call<M extends OpsMethodName>(method: M, args: OpsArgs<M>): Promise<OpsResult<M>> {
  const outcome = await services.dispatch(method, args, { transport: 'http' });
  if (!outcome.ok) throw Object.assign(new Error(outcome.error.message), { code: outcome.error.code });
  return outcome.result as OpsResult<M>;
}

const bu = (): BusinessUnitState => org.runtime.org.businessUnits.get(org.businessUnitId)!;
const scheduleOf = (id: string): ScheduleState => bu().schedules.get(id)!;
const dstWeek = () => org.runtime.manifest.dstWeekDate!;
const currentWeek = '2026-11-23';

/** Agents on queue in [from, to) by the sandbox's own data: per agent, the union of their OnQueueWork activities. */
function sandboxCount(schedule: ScheduleState, from: number, to: number): number {
  const onQueue = new Set(
    bu()
      .activityCodes.filter((c) => c.category === 'OnQueueWork')
      .map((c) => c.id),
  );
  let minutes = 0;
  for (const agent of schedule.agentSchedules.values()) {
    const spans = agent.shifts
      .flatMap((s) => s.activities)
      .filter((a) => onQueue.has(a.activityCodeId))
      .map((a) => {
        const start = Date.parse(a.startDate);
        return [Math.max(start, from), Math.min(start + a.lengthMinutes * 60_000, to)] as const;
      })
      .filter(([s, e]) => e > s)
      .sort((x, y) => x[0] - y[0]);
    let coveredTo = -Infinity;
    for (const [s, e] of spans) {
      if (e > coveredTo) minutes += (e - Math.max(s, coveredTo)) / 60_000;
      coveredTo = Math.max(coveredTo, e);
    }
  }
  return minutes / 15;
}

beforeAll(async () => {
  org = await startSandbox({ seed: 23, agents: 80, now, operationDelayMs: 5 });
  services = await tempServices({ now });
  const saved = await call('connections.save', {
    name: 'Chicago',
    kind: 'custom',
    baseUrl: org.baseUrl,
    grantType: 'client_credentials',
    clientId: org.clientId,
    clientSecret: org.clientSecret,
  });
  profileId = saved.id;
  await call('connections.signIn', { id: profileId });
  const job = await call('sync.start', {
    profileId,
    businessUnitId: org.businessUnitId,
    weeks: [dstWeek(), currentWeek],
  });
  const ended = await services.jobs.settled(job.jobId);
  if (ended.state !== 'succeeded') throw new Error(ended.error?.message ?? ended.state);
});
afterAll(async () => {
  await services?.close();
  await org?.close().catch(() => {});
});

describe('timeline.coverage', () => {
  it('counts agents on queue per quarter hour of the DST week as the sandbox schedules them', async () => {
    const week = dstWeek();
    expect(week).toBe('2026-10-26');
    const scheduleId = org.runtime.manifest.weeks.find((w) => w.weekDate === week)!.scheduleId;
    const coverage = await call('timeline.coverage', {
      profileId,
      businessUnitId: org.businessUnitId,
      scheduleId,
      week,
    });
    const midnight = DateTime.fromISO(week, { zone });
    expect(coverage).toMatchObject({
      businessUnitId: org.businessUnitId,
      scheduleId,
      week,
      timeZone: zone,
      startMs: midnight.toMillis(),
      intervalMinutes: 15,
    });
    // Six days of 96 quarter hours and a fall-back Sunday of 100.
    expect(coverage.onQueue).toHaveLength(6 * 96 + 100);

    const schedule = scheduleOf(scheduleId);
    const check = (from: number) => {
      const i = (from - coverage.startMs) / quarterMs;
      expect(Number.isInteger(i)).toBe(true);
      expect(coverage.onQueue[i], new Date(from).toISOString()).toBeCloseTo(
        sandboxCount(schedule, from, from + quarterMs),
        9,
      );
    };
    // Weekday mornings and evenings, the meal hour, and both 01:00-01:15s of the fall-back Sunday.
    for (const [day, time] of [
      [1, '09:00'],
      [1, '12:15'],
      [2, '10:45'],
      [3, '17:30'],
      [4, '22:45'],
      [5, '07:00'],
    ] as const)
      check(
        midnight
          .plus({ days: day })
          .set({ hour: Number(time.slice(0, 2)), minute: Number(time.slice(3)) })
          .toMillis(),
      );
    const firstOne = Date.parse('2026-11-01T06:00:00Z'); // 01:00 CDT
    check(firstOne);
    check(firstOne + 3_600_000); // 01:00 CST
    // The busiest quarter hour is somebody's, and the week's agent-hours are the sandbox's.
    expect(Math.max(...coverage.onQueue)).toBeGreaterThan(10);
    const weekEnd = midnight.plus({ days: 7 }).toMillis();
    expect(coverage.startMs + coverage.onQueue.length * quarterMs).toBe(weekEnd);
    expect(coverage.onQueue.reduce((a, b) => a + b, 0)).toBeCloseTo(
      sandboxCount(schedule, coverage.startMs, weekEnd),
      6,
    );
  });

  it("tells the current week's published schedule from its draft revision", async () => {
    const { revision } = org.runtime.manifest;
    expect(revision.weekDate).toBe(currentWeek);
    const read = (scheduleId: string) =>
      call('timeline.coverage', { profileId, businessUnitId: org.businessUnitId, scheduleId, week: currentWeek });
    const [published, draft] = await Promise.all([read(revision.revisesScheduleId), read(revision.scheduleId)]);
    expect(published.onQueue).toHaveLength(672);
    const weekEnd = DateTime.fromISO(currentWeek, { zone }).plus({ days: 7 }).toMillis();
    for (const [coverage, id] of [
      [published, revision.revisesScheduleId],
      [draft, revision.scheduleId],
    ] as const) {
      const schedule = scheduleOf(id);
      for (let i = 0; i < coverage.onQueue.length; i += 37) {
        const from = coverage.startMs + i * quarterMs;
        expect(coverage.onQueue[i]).toBeCloseTo(sandboxCount(schedule, from, from + quarterMs), 9);
      }
      expect(coverage.onQueue.reduce((a, b) => a + b, 0)).toBeCloseTo(
        sandboxCount(schedule, coverage.startMs, weekEnd),
        6,
      );
    }
    expect(draft.onQueue).not.toEqual(published.onQueue);
    // Required staff: the sandbox's own forecast for the week, summed over its planning groups, quarter hour by quarter hour.
    const forecastRef = scheduleOf(revision.scheduleId).shortTermForecast!;
    const forecast = org.runtime.org.businessUnits.get(org.businessUnitId)!.shortTermForecasts!.get(forecastRef.id)!;
    const weekIndex = Math.round(
      DateTime.fromISO(currentWeek).diff(DateTime.fromISO(forecast.weekDate), 'weeks').weeks,
    );
    const groups = forecast.weeks[weekIndex]!;
    expect(forecast.intervalLengthMinutes).toBe(15);
    expect(draft.required).toHaveLength(draft.onQueue.length);
    for (let i = 0; i < draft.onQueue.length; i += 29) {
      const sum = groups.reduce((n, g) => n + (g.staffingRequirementsPerInterval[i] ?? 0), 0);
      expect(draft.required![i]).toBeCloseTo(sum, 6);
    }
    // Both schedules of the week are measured against the same forecast.
    expect(published.required).toEqual(draft.required);
  });

  it('refuses a week the schedule does not cover, a schedule not mirrored and a week that is not a date', async () => {
    const scheduleId = org.runtime.manifest.revision.scheduleId;
    const args = { profileId, businessUnitId: org.businessUnitId, scheduleId, week: '2026-11-30' };
    await expect(call('timeline.coverage', args)).rejects.toThrow(/does not cover the week of 2026-11-30/);
    await expect(call('timeline.coverage', { ...args, week: currentWeek, scheduleId: 'nope' })).rejects.toThrow(
      /not mirrored/,
    );
    await expect(call('timeline.coverage', { ...args, week: '2026-02-30' })).rejects.toMatchObject({
      code: 'badArguments',
    });
  });
});
