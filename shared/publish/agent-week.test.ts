/**
 * The field-by-field matchers against their definition: `shiftMatches(s, like)` is
 * `shiftContent(s, like) === shiftContent(like)` (and the same for markers), over seeded pairs that
 * differ in one field at a time, leave optional fields out, or write the same instant two ways.
 */
import { describe, expect, it } from 'vitest';
import {
  agentWeekMatches,
  markerContent,
  markerMatches,
  shiftContent,
  shiftMatches,
  type WeekActivity,
  type WeekMarker,
  type WeekShift,
} from './agent-week';
import { seededRandom, type SeededRandom } from './seeded-random';

const maybe = <T>(r: SeededRandom, value: T): T | undefined => (r.int(0, 2) === 0 ? undefined : value);
const instantText = (r: SeededRandom, ms: number) =>
  r.pick([new Date(ms).toISOString(), new Date(ms).toISOString().replace('.000Z', 'Z'), 'not an instant']);

function activity(r: SeededRandom, ms: number): WeekActivity {
  return {
    startDate: instantText(r, ms),
    lengthMinutes: r.pick([30, 60]),
    activityCodeId: r.pick(['work', 'break']),
    ...{ description: maybe(r, r.pick(['', 'Queue'])), paid: maybe(r, r.pick([true, false])) },
    ...{ payableMinutes: maybe(r, r.pick([30, 60])), timeOffRequestId: maybe(r, 'tor-1') },
    ...{ timeOffRequestSyncVersion: maybe(r, r.pick([1, 2])), externalActivityId: maybe(r, 'ext') },
    externalActivityType: maybe(r, r.pick(['Coaching', 'Meeting'])),
  };
}

function shift(r: SeededRandom, ms: number): WeekShift {
  return {
    id: 's1',
    startDate: instantText(r, ms),
    lengthMinutes: r.pick([480, 510]),
    activities: Array.from({ length: r.int(0, 2) }, (_, i) => activity(r, ms + i * 1_800_000)),
    ...{ manuallyEdited: maybe(r, r.pick([true, false])), workPlanId: maybe(r, r.pick(['wp1', 'wp2'])) },
    ...{ workPlanShiftId: maybe(r, 'wps'), schedule: maybe(r, { id: r.pick(['a', 'b']) }) },
  };
}

function marker(r: SeededRandom): WeekMarker {
  return {
    businessUnitDate: r.pick(['2026-12-01', '2026-12-02']),
    lengthMinutes: r.pick([240, 480]),
    activityCodeId: r.pick(['pto', 'sick']),
    ...{ startOffsetMinutes: maybe(r, r.pick([0, 60])), endOffsetMinutes: maybe(r, 480), paid: maybe(r, true) },
    ...{ description: maybe(r, 'Vacation'), payableMinutes: maybe(r, 480), timeOffRequestId: maybe(r, 't') },
    timeOffRequestSyncVersion: maybe(r, r.pick([1, 2])),
  };
}

describe('field-by-field week matching', () => {
  it('says of every shift pair what comparing their content strings says', () => {
    let same = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const r = seededRandom(seed);
      const ms = Date.parse('2026-12-01T14:00:00Z') + r.int(0, 1) * 1_800_000;
      const like = shift(r, ms);
      // Half the time the other side starts as a copy with one change, so matches are common too.
      const s =
        r.int(0, 1) === 0
          ? shift(r, ms)
          : { ...like, ...r.pick([{}, { lengthMinutes: 510 }, { manuallyEdited: true }]) };
      const expected = shiftContent(s, like) === shiftContent(like);
      expect(shiftMatches(s, like), `seed ${seed}`).toBe(expected);
      if (expected) same++;
    }
    expect(same).toBeGreaterThan(300);
  });

  it('says of every marker pair what comparing their content strings says', () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const r = seededRandom(seed);
      const like = marker(r);
      const m = r.int(0, 1) === 0 ? marker(r) : { ...like, ...r.pick([{}, { paid: false }, { description: 'x' }]) };
      expect(markerMatches(m, like), `seed ${seed}`).toBe(markerContent(m, like) === markerContent(like));
    }
  });

  it('reads an instant written two ways as one, and a text that is no instant only as itself', () => {
    const base: WeekShift = { id: 's', startDate: '2026-12-01T14:00:00Z', lengthMinutes: 60, activities: [] };
    expect(shiftMatches({ ...base, startDate: '2026-12-01T14:00:00.000Z' }, base)).toBe(true);
    expect(shiftMatches({ ...base, startDate: '2026-12-01T15:00:00Z' }, base)).toBe(false);
    const odd = { ...base, startDate: 'soon' };
    expect(shiftMatches(odd, odd)).toBe(true);
    expect(shiftMatches(odd, base)).toBe(false);
    expect(
      agentWeekMatches({ shifts: [odd], fullDayTimeOffMarkers: [] }, { shifts: [base], fullDayTimeOffMarkers: [] }),
    ).toBe(false);
  });
});
