/** The sandbox's generated short-term forecasts: deterministic per seed, and shaped like a contact center's day. */
import { describe, expect, it } from 'vitest';
import { generateOrg } from '../../main/sandbox/org/generator';
import type { ScheduleState } from '../../main/sandbox/org/model';
import { forecastSession, midnight, quarter } from './forecasts-fixture';

const { bu, weeks, forecastOf } = forecastSession();

describe('what the generator draws', () => {
  const now = new Date('2026-11-23T12:00:00Z');

  it('is deterministic: same seed, same forecasts; another seed, other values', () => {
    const a = generateOrg({ seed: 3, agents: 200, weeks: 3, now });
    const b = generateOrg({ seed: 3, agents: 200, weeks: 3, now });
    const c = generateOrg({ seed: 4, agents: 200, weeks: 3, now });
    const of = (org: typeof a.org) => [...[...org.businessUnits.values()][0]!.shortTermForecasts!.values()];
    expect(of(a.org)).toEqual(of(b.org));
    expect(of(c.org).map((f) => f.weeks)).not.toEqual(of(a.org).map((f) => f.weeks));
  });

  /** Agents on queue per quarter hour of a week in one schedule (fractions for part-covered quarters). */
  function onQueue(schedule: ScheduleState, startMs: number, count: number): number[] {
    const codes = new Set(
      bu()
        .activityCodes.filter((c) => c.category === 'OnQueueWork')
        .map((c) => c.id),
    );
    const out = new Array<number>(count).fill(0);
    for (const a of schedule.agentSchedules.values())
      for (const shift of a.shifts)
        for (const act of shift.activities) {
          if (!codes.has(act.activityCodeId)) continue;
          const from = Date.parse(act.startDate);
          const to = from + act.lengthMinutes * 60_000;
          for (let i = Math.max(0, Math.floor((from - startMs) / quarter)); i < count; i++) {
            const q0 = startMs + i * quarter;
            if (q0 >= to) break;
            out[i]! += Math.max(0, Math.min(to, q0 + quarter) - Math.max(from, q0)) / quarter;
          }
        }
    return out;
  }

  it('looks like a 500-agent Chicago center: morning and afternoon peaks, low nights and weekends, in line with what is on queue', () => {
    const w = weeks().find((x) => x.weekDate === '2026-11-16')!;
    const f = forecastOf(w.weekDate);
    const startMs = midnight(w.weekDate);
    const required = Array.from({ length: 672 }, (_, i) =>
      f.weeks[0]!.reduce((n, g) => n + g.staffingRequirementsPerInterval[i]!, 0),
    );
    const hourly = (day: number, hour: number) =>
      required.slice(day * 96 + hour * 4, day * 96 + hour * 4 + 4).reduce((a, b) => a + b, 0) / 4;
    const tuesday = Array.from({ length: 24 }, (_, h) => hourly(1, h));
    const peak = Math.max(...tuesday);
    expect(peak).toBeGreaterThan(150);
    expect(peak).toBeLessThan(450);
    // Peaks in the morning (9–12) and the afternoon (13–17), each well above the early morning and the evening.
    expect(Math.max(...tuesday.slice(9, 12))).toBeGreaterThan(3 * tuesday[7]!);
    expect(Math.max(...tuesday.slice(13, 17))).toBeGreaterThan(2 * tuesday[20]!);
    expect(Math.max(...tuesday.slice(1, 5))).toBeLessThan(0.1 * peak);
    expect(Math.max(...Array.from({ length: 24 }, (_, h) => hourly(6, h)))).toBeLessThan(0.25 * peak);
    expect(Math.max(...Array.from({ length: 24 }, (_, h) => hourly(5, h)))).toBeLessThan(0.5 * peak);

    // In line with the published schedule: agent-hours within 15%, and short as often as over.
    const scheduled = onQueue(bu().schedules.get(w.scheduleId)!, startMs, 672);
    const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(total(required) / total(scheduled)).toBeGreaterThan(0.85);
    expect(total(required) / total(scheduled)).toBeLessThan(1.15);
    const open = scheduled.map((v, i) => v - required[i]!).filter((_, i) => required[i]! > 20);
    expect(open.filter((d) => d > 1).length).toBeGreaterThan(0.2 * open.length);
    expect(open.filter((d) => d < -1).length).toBeGreaterThan(0.2 * open.length);
  });
});
