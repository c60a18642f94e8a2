/**
 * Reads the Schedules screen and the analysis make of the mirror, after a
 * sync from the sandbox: the analysis input of a week is complete enough for
 * the analysis to find what the sandbox planted in it, offline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../shared/analysis/analyze';
import { createBusinessUnitStore } from '../../main/mirror/business-unit-store';
import { lastSyncRun, listBusinessUnits, listWeeks, loadAnalysisInput } from '../../main/mirror/mirror-reads';
import { mirrorRig, sandboxNow, type MirrorRig } from './mirror-rig';
import { businessUnitOf } from './org-rows';

let rig: MirrorRig;
let weeks: string[];
beforeAll(async () => {
  rig = await mirrorRig({ seed: 56 });
  weeks = (await rig.sync()).weeks;
});
afterAll(() => rig?.close());

const context = { now: sandboxNow.toISOString(), viewerTimeZone: 'America/Chicago' };

describe('the Schedules screen', () => {
  it('lists business units of the profile (listed ones without settings yet), weeks and the last run', () => {
    createBusinessUnitStore(rig.db).saveListed(
      rig.profileId,
      [
        { id: rig.businessUnitId, name: 'Renamed' },
        { id: 'bu-2', name: 'Another unit' },
      ],
      sandboxNow.toISOString(),
    );
    expect(listBusinessUnits(rig.db, rig.profileId)).toEqual([
      { id: 'bu-2', name: 'Another unit', timeZone: '', asOf: null },
      { id: rig.businessUnitId, name: 'Renamed', timeZone: 'America/Chicago', asOf: sandboxNow.toISOString() },
    ]);
    expect(listBusinessUnits(rig.db, 'another-profile')).toEqual([]);
    // A week can hold several schedules (the current week a draft revision beside the published one).
    expect([...new Set(listWeeks(rig.db, rig.businessUnitId).map((w) => w.weekDate))]).toEqual(weeks);
    expect(lastSyncRun(rig.db, rig.profileId, rig.businessUnitId)).toMatchObject({ status: 'ok', weeks });
    expect(lastSyncRun(rig.db, rig.profileId, 'bu-2')).toBeNull();
  });
});

describe('analysis input of a week', () => {
  it("holds the week's schedules, shifts with activities, time off, requests and active script sessions", () => {
    const week = weeks[1]!;
    const input = loadAnalysisInput(rig.db, rig.businessUnitId, week, context)!;
    const bu = businessUnitOf(rig.sandbox.runtime.org, rig.businessUnitId);
    const schedule = [...bu.schedules.values()].find((s) => s.weekDate === week)!;
    expect(input.businessUnit).toEqual({ id: rig.businessUnitId, timeZone: 'America/Chicago' });
    expect(input.schedules).toEqual([{ id: schedule.id, weekDate: week, weekCount: 1, published: schedule.published }]);
    const shifts = [...schedule.agentSchedules.values()].flatMap((a) => a.shifts);
    expect(input.shifts).toHaveLength(shifts.length);
    const sample = shifts[3]!;
    expect(input.shifts.find((s) => s.id === sample.id)).toEqual({
      id: sample.id,
      scheduleId: schedule.id,
      agentId: [...schedule.agentSchedules.values()].find((a) => a.shifts.includes(sample))!.userId,
      startDate: sample.startDate,
      lengthMinutes: sample.lengthMinutes,
      activities: sample.activities.map((a) => ({
        startDate: a.startDate,
        lengthMinutes: a.lengthMinutes,
        activityCodeId: a.activityCodeId,
      })),
    });
    expect(input.fullDayTimeOff).toHaveLength(
      [...schedule.agentSchedules.values()].reduce((n, a) => n + a.fullDayTimeOffMarkers.length, 0),
    );
    expect(input.managementUnits.map((m) => m.timeZone).sort()).toEqual(
      bu.managementUnits.map((m) => m.timeZone).sort(),
    );
    expect(input.agents).toHaveLength(120);
    expect(input.activityCodes).toHaveLength(bu.activityCodes.length);
    expect(input.timeOffRequests.every((r) => ['APPROVED', 'PENDING'].includes(r.status))).toBe(true);
    expect(input.scriptSessions.length).toBeGreaterThan(0);
    expect(input.scriptSessions.every((s) => s.end === null)).toBe(true);
  });

  it('lets the analysis find the problems the sandbox planted in that week', () => {
    for (const week of weeks) {
      const input = loadAnalysisInput(rig.db, rig.businessUnitId, week, context)!;
      const findings = analyze(input);
      const planted = rig.sandbox.runtime.manifest.planted.filter(
        (p) => p.weekDate === week || p.weekDate === undefined,
      );
      expect(planted.length).toBeGreaterThan(0);
      for (const p of planted) {
        // Script sessions only block shifts being published; the planted ones sit in the published week, so they are input, not findings.
        if (p.kind === 'scriptSession') expect(input.scriptSessions.map((s) => s.agentId)).toContain(p.userId);
        else expect(findings.map((f) => [f.kind, f.agentId])).toContainEqual([p.kind, p.userId ?? null]);
      }
    }
  });

  it('is null for a unit never synced', () => {
    expect(loadAnalysisInput(rig.db, 'unknown-unit', weeks[0]!, context)).toBeNull();
  });
});
