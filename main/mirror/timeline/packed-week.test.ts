import { describe, expect, it } from 'vitest';
import { decodeAgentWeek, encodeAgentWeek, PackedWeekError, type DecodedShift, type PackedShift } from './packed-week';

const hour = 3_600_000;
const monday = Date.parse('2026-11-23T14:00:00.000Z');
const shifts: PackedShift[] = [
  {
    key: 7,
    id: 'shift-a',
    startMs: monday,
    endMs: monday + 8 * hour,
    manuallyEdited: false,
    activities: [
      { offsetMs: 0, lengthMinutes: 120, codeIndex: 0, paid: true },
      { offsetMs: 2 * hour, lengthMinutes: 15, codeIndex: 1, paid: null },
      { offsetMs: 2 * hour + 15 * 60_000 + 500, lengthMinutes: 345, codeIndex: 2, paid: false },
    ],
  },
  {
    key: 2 ** 40,
    id: null,
    startMs: monday + 24 * hour,
    endMs: monday + 32 * hour,
    manuallyEdited: true,
    activities: [],
  },
  {
    key: 9,
    id: 'schicht-ü-日本',
    startMs: monday + 48 * hour,
    endMs: monday + 56 * hour,
    manuallyEdited: false,
    activities: [{ offsetMs: 0, lengthMinutes: 480, codeIndex: 0, paid: true }],
  },
];
const codes = ['on-queue', 'break', 'lunch'];
const decode = (b: Buffer, from = -Infinity, to = Infinity) => {
  const out: DecodedShift[] = [];
  decodeAgentWeek(b, 'week-1', codes, from, to, out);
  return out;
};

describe('packed agent week', () => {
  it('round-trips every field: 64-bit keys and instants, missing ids, unknown paid, any id text', () => {
    const out = decode(encodeAgentWeek(shifts));
    expect(out).toEqual(
      shifts.map((s) => ({
        key: s.key,
        id: s.id,
        scheduleId: 'week-1',
        startMs: s.startMs,
        endMs: s.endMs,
        manuallyEdited: s.manuallyEdited,
        activities: s.activities.map((a) => ({
          startMs: s.startMs + a.offsetMs,
          lengthMinutes: a.lengthMinutes,
          activityCodeId: codes[a.codeIndex],
          paid: a.paid,
        })),
      })),
    );
  });

  it('returns only shifts overlapping the window', () => {
    const b = encodeAgentWeek(shifts);
    expect(decode(b, monday + 8 * hour, monday + 24 * hour)).toEqual([]); // the gap between the first two shifts
    expect(decode(b, monday + 8 * hour - 1, monday + 24 * hour + 1).map((s) => s.key)).toEqual([7, 2 ** 40]);
    expect(decode(b, monday + 50 * hour, monday + 51 * hour).map((s) => s.key)).toEqual([9]);
  });

  it('refuses a damaged or foreign blob with a message that says to resync', () => {
    const b = encodeAgentWeek(shifts);
    expect(() => decode(Buffer.alloc(0))).toThrow(PackedWeekError);
    expect(() => decode(Buffer.from([2, 0, 0, 0, 0]))).toThrow(/format 2.*Sync the week again/);
    expect(() => decode(b.subarray(0, b.length - 10))).toThrow(/cannot be read .*Sync the week again/);
    const wrongCode = encodeAgentWeek([
      { ...shifts[0]!, activities: [{ offsetMs: 0, lengthMinutes: 1, codeIndex: 3, paid: null }] },
    ]);
    expect(() => decode(wrongCode)).toThrow(/activity code index outside/);
  });

  it('refuses to pack what it could not read back', () => {
    expect(() => encodeAgentWeek([{ ...shifts[0]!, id: 'x'.repeat(70_000) }])).toThrow(RangeError);
  });
});
