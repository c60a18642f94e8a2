/**
 * The current week's draft revision: beside the published schedule, a few
 * dozen agents edited, the manifest naming exactly the agents that differ,
 * and none of the planted problems copied into it.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { generateOrg } from '../../main/sandbox/org/generator';
import type { AgentScheduleState, ShiftState } from '../../main/sandbox/org/model';

const now = new Date('2026-11-23T12:00:00Z');
const minute = 60_000;
const start = (s: { startDate: string }) => Date.parse(s.startDate);
const end = (s: { startDate: string; lengthMinutes: number }) => start(s) + s.lengthMinutes * minute;

/** The week as a supervisor sees it, ids aside: computed here, independently of the generator. */
function looksLike(a: AgentScheduleState): string {
  const shifts = a.shifts
    .map((s) => `${s.startDate}/${s.lengthMinutes}/${s.activities.map((x) => x.activityCodeId + x.startDate).join()}`)
    .sort();
  return [...shifts, ...a.fullDayTimeOffMarkers.map((m) => m.businessUnitDate).sort()].join('|');
}

describe.each([1, 42])('generateOrg: the draft revision of seed %i', (seed) => {
  const { org, manifest } = generateOrg({ seed, agents: 500, weeks: 6, now });
  const bu = [...org.businessUnits.values()][0]!;
  const revision = bu.schedules.get(manifest.revision.scheduleId)!;
  const current = manifest.weeks.find((w) => w.weekDate === '2026-11-23')!;
  const published = bu.schedules.get(current.scheduleId)!;
  const planted = new Set(manifest.planted.map((p) => p.userId));

  it('is a draft of the current week beside its published schedule, listed after it, with every agent', () => {
    expect(manifest.revision).toMatchObject({ weekDate: '2026-11-23', revisesScheduleId: published.id });
    expect(revision).toMatchObject({ weekDate: '2026-11-23', weekCount: 1, published: false });
    expect(revision.description).toBe('Week of 2026-11-23 (revised)');
    expect(published.published).toBe(true);
    expect(Date.parse(revision.dateCreated)).toBeGreaterThan(Date.parse(published.dateModified));
    expect(Date.parse(revision.dateModified)).toBeLessThan(now.getTime());
    expect([...revision.agentSchedules.keys()].sort()).toEqual([...published.agentSchedules.keys()].sort());
    // Its own shift ids: a schedule's shifts are its own records.
    const publishedIds = new Set([...published.agentSchedules.values()].flatMap((a) => a.shifts.map((s) => s.id)));
    expect([...revision.agentSchedules.values()].some((a) => a.shifts.some((s) => publishedIds.has(s.id)))).toBe(false);
  });

  it('names exactly the agents whose week differs, a few dozen edited on purpose', () => {
    const differ = [...revision.agentSchedules.values()]
      .filter((a) => looksLike(a) !== looksLike(published.agentSchedules.get(a.userId)!))
      .map((a) => a.userId)
      .sort();
    expect(manifest.revision.changedUserIds).toEqual(differ);
    const edits = manifest.revision.edits;
    expect(edits.length).toBeGreaterThanOrEqual(24);
    expect(edits.length).toBeLessThanOrEqual(40);
    expect(new Set(edits.map((e) => e.kind))).toEqual(new Set(['moved', 'added', 'removed']));
    for (const e of edits) {
      expect(differ).toContain(e.userId);
      expect(planted.has(e.userId)).toBe(false);
    }
    // Everyone else who differs is a planted agent, whose published problem the revision does not have.
    for (const id of differ) if (!edits.some((e) => e.userId === id)) expect(planted.has(id)).toBe(true);
    for (const e of edits) {
      const before = published.agentSchedules.get(e.userId)!.shifts.length;
      const after = revision.agentSchedules.get(e.userId)!.shifts.length;
      expect(after - before).toBe({ moved: 0, added: 1, removed: -1 }[e.kind]);
    }
  });

  it('has no overlap, no shift over approved time off and clean activities, also against the other weeks', () => {
    const others = [...bu.schedules.values()].filter((s) => s.weekDate !== '2026-11-23');
    const approved = bu.timeOffRequests.filter((r) => r.status === 'APPROVED');
    for (const agent of revision.agentSchedules.values()) {
      const zone = bu.managementUnits.find((mu) => mu.id === agent.managementUnitId)!.timeZone;
      const mine = [...agent.shifts].sort((a, b) => start(a) - start(b));
      const around = others.flatMap((s) => s.agentSchedules.get(agent.userId)?.shifts ?? []);
      mine.forEach((shift: ShiftState, i) => {
        if (i > 0) expect(start(shift)).toBeGreaterThanOrEqual(end(mine[i - 1]!));
        for (const o of around) expect(start(shift) < end(o) && start(o) < end(shift)).toBe(false);
        let at = start(shift);
        for (const a of shift.activities) {
          expect(start(a)).toBe(at);
          at = end(a);
        }
        expect(at).toBe(end(shift));
        const days = [
          ...approved.filter((r) => r.userId === agent.userId).flatMap((r) => r.fullDayManagementUnitDates),
          ...agent.fullDayTimeOffMarkers.map((m) => m.businessUnitDate),
        ];
        for (const day of days) {
          const from = DateTime.fromISO(day, { zone }).toMillis();
          const to = DateTime.fromISO(day, { zone }).plus({ days: 1 }).toMillis();
          expect(start(shift) < to && end(shift) > from).toBe(false);
        }
      });
    }
  });
});
