/** A journaled agent's row: shared shifts written once, read back as the same data. */
import { describe, expect, it } from 'vitest';
import type { WeekShift } from '../../shared/publish/agent-week';
import type { PublishAgent } from '../../shared/publish/machine-state';
import { sameData } from '../../shared/publish/same-data';
import { agentFromRow, agentRowText } from './agent-row-codec';

const ref = { id: 'sch-draft', weekDate: '2026-11-23', selfUri: '/api/v2/workforcemanagement/x/schedules/sch-draft' };
const shift = (id: string, day: number, extra: Partial<WeekShift> = {}): WeekShift => ({
  id,
  startDate: `2026-11-2${day}T14:00:00.000Z`,
  lengthMinutes: 480,
  activities: [
    { startDate: `2026-11-2${day}T14:00:00.000Z`, lengthMinutes: 240, activityCodeId: 'on-queue', paid: true },
    { startDate: `2026-11-2${day}T18:00:00.000Z`, lengthMinutes: 30, activityCodeId: 'meal', description: 'Meal' },
  ],
  manuallyEdited: false,
  schedule: ref,
  ...extra,
});

function agent(over: Partial<PublishAgent> = {}): PublishAgent {
  const base = [shift('s-1', 3), shift('s-2', 4), shift('s-3', 5)];
  return {
    agentId: 'ana',
    status: 'pending',
    edited: true,
    // The edit moved s-2 by an hour; s-1 and s-3 are as Genesys has them.
    base: { week: { shifts: base, fullDayTimeOffMarkers: [] }, version: 3 },
    intended: {
      shifts: [base[0]!, { ...base[1]!, startDate: '2026-11-24T15:00:00.000Z' }, shift('s-3', 5)],
      fullDayTimeOffMarkers: [],
    },
    // What the agent sees published: the same shifts under the published schedule's ids, without references.
    seenNow: {
      shifts: [shift('p-1', 3, { schedule: undefined }), shift('p-2', 4, { schedule: undefined })],
      fullDayTimeOffMarkers: [{ businessUnitDate: '2026-11-27', lengthMinutes: 480, activityCodeId: 'pto' }],
    },
    hold: null,
    conflict: null,
    resolution: null,
    changedBy: [],
    failure: null,
    ...over,
  };
}

const roundTrip = (a: PublishAgent) => agentFromRow(JSON.parse(agentRowText(a))) as PublishAgent;

describe('an agent row', () => {
  it('writes the shifts the weeks share with base once, and reads back the same data', () => {
    const a = agent();
    const text = agentRowText(a);
    expect(text.length).toBeLessThan(JSON.stringify(a).length * 0.7);
    expect(JSON.parse(text).intended.shifts.map((s: { $b?: number }) => s.$b ?? null)).toEqual([0, null, 2]);
    const back = roundTrip(a);
    expect(sameData(back, a)).toBe(true);
    // Each shift keeps its own id and reference: the published ones have none.
    expect(back.seenNow!.shifts.map((s) => [s.id, s.schedule?.id ?? null])).toEqual([
      ['p-1', null],
      ['p-2', null],
    ]);
    expect(back.intended.shifts[2]!.schedule).toEqual(ref);
  });

  it('never stands a shift for one that differs in anything but its id and reference', () => {
    const a = agent();
    const paidOff = shift('s-3', 5);
    const noted = shift('s-1', 3, { manuallyEdited: true });
    const other = {
      ...a,
      intended: {
        shifts: [noted, { ...paidOff, activities: [{ ...paidOff.activities[0]!, paid: false }] }],
        fullDayTimeOffMarkers: [],
      },
    };
    expect(JSON.parse(agentRowText(other)).intended.shifts.every((s: object) => !('$b' in s))).toBe(true);
    expect(sameData(roundTrip(other), other)).toBe(true);
  });

  it('matches the right one of two base shifts that start together', () => {
    const short = shift('s-9', 6, { lengthMinutes: 120 });
    const a = agent();
    const twins = {
      ...a,
      base: { ...a.base, week: { shifts: [shift('s-8', 6), short], fullDayTimeOffMarkers: [] } },
      intended: { shifts: [{ ...short }], fullDayTimeOffMarkers: [] },
      seenNow: null,
    };
    expect(JSON.parse(agentRowText(twins)).intended.shifts[0].$b).toBe(1);
    expect(sameData(roundTrip(twins), twins)).toBe(true);
  });

  it('reads a row written whole (before shared shifts) as it is, and leaves a reference to nothing for the check', () => {
    const a = agent();
    expect(sameData(agentFromRow(JSON.parse(JSON.stringify(a))), a)).toBe(true);
    const damaged = JSON.parse(agentRowText(a));
    damaged.intended.shifts[0].$b = 99;
    expect((agentFromRow(damaged) as { intended: { shifts: object[] } }).intended.shifts[0]).toEqual({
      $b: 99,
      id: 's-1',
      schedule: ref,
    });
  });

  it('expanded shifts are copies: changing one leaves the base week as read', () => {
    const back = roundTrip(agent());
    (back.intended.shifts[0]!.activities as unknown as Array<{ paid?: boolean }>)[0]!.paid = false;
    expect(back.base.week.shifts[0]!.activities[0]!.paid).toBe(true);
  });
});
