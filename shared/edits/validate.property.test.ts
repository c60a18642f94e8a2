/**
 * editProblems only looks for new overlaps around the shifts an edit moved
 * or added (validate.ts newOverlaps). Checked here against the plain
 * definition on random weeks: every pair of shifts that shares time after
 * the edit and did not before is reported, once, and no other.
 */
import { describe, expect, it } from 'vitest';
import type { AgentWeek, WeekShift } from '../publish/agent-week';
import { seededRandom } from '../publish/seeded-random';
import { codes, ctx } from './fixtures';
import { editProblems } from './validate';

const day0 = Date.parse('2026-12-07T14:00:00Z');

function shiftAt(id: string, startMs: number, minutes: number): WeekShift {
  const startDate = new Date(startMs).toISOString();
  return {
    id,
    startDate,
    lengthMinutes: minutes,
    activities: [{ startDate, lengthMinutes: minutes, activityCodeId: codes.onQueue }],
  };
}

/** Pairs of ids sharing time, by the definition: each starts before the other ends. */
function overlapPairs(week: AgentWeek): Set<string> {
  const out = new Set<string>();
  const span = (s: WeekShift) => [Date.parse(s.startDate), Date.parse(s.startDate) + s.lengthMinutes * 60_000];
  week.shifts.forEach((a, i) =>
    week.shifts.slice(i + 1).forEach((b) => {
      const [as, ae] = span(a) as [number, number];
      const [bs, be] = span(b) as [number, number];
      if (as < be && bs < ae) out.add([a.id, b.id].sort().join('|'));
    }),
  );
  return out;
}

describe('editProblems: new overlaps (property)', () => {
  for (let seed = 1; seed <= 40; seed++)
    it(`seed ${seed}: reports exactly the pairs that overlap after and not before`, () => {
      const r = seededRandom(seed);
      const hour = () => Math.floor(r.next() * 24 * 5) * 3_600_000;
      const length = () => 60 * (1 + Math.floor(r.next() * 10));
      const before: AgentWeek = {
        shifts: Array.from({ length: 3 + Math.floor(r.next() * 6) }, (_, i) =>
          shiftAt(`s${i}`, day0 + hour(), length()),
        ),
        fullDayTimeOffMarkers: [],
      };
      const shifts = before.shifts.flatMap((s): WeekShift[] => {
        const pick = r.next();
        if (pick < 0.15) return [];
        if (pick < 0.4) return [shiftAt(s.id!, day0 + hour(), length())];
        if (pick < 0.5) return [{ ...s, activities: [...s.activities] }]; // a new object, same times
        return [s];
      });
      if (r.next() < 0.5) shifts.push(shiftAt('added', day0 + hour(), length()));
      const after: AgentWeek = { shifts, fullDayTimeOffMarkers: [] };

      const known = overlapPairs(before);
      const fresh = [...overlapPairs(after)].filter((p) => !known.has(p));
      const reported = editProblems(before, after, ctx).filter((p) => p.includes('would overlap'));
      expect(reported).toHaveLength(fresh.length);
    });
});
