import { describe, expect, it } from 'vitest';
import type { TimelineAgent, TimelineShift } from '../../../shared/timeline';
import { agentChanged, changedAgentIds, combineAgentIds } from './week-diff';

const h = 3_600_000;
const shift = (startH: number, endH: number, acts: Array<[string, number, number]> = [], id = 'x'): TimelineShift => ({
  key: 1,
  id,
  scheduleId: 's',
  startMs: startH * h,
  endMs: endH * h,
  manuallyEdited: false,
  activities: acts.map(([code, at, minutes]) => ({
    activityCodeId: code,
    startMs: at * h,
    lengthMinutes: minutes,
    paid: true,
  })),
});
const agent = (id: string, shifts: TimelineShift[]): TimelineAgent => ({
  id,
  name: id,
  managementUnitId: 'mu',
  shifts,
  timeOff: [],
});

describe('which agents a publish changes', () => {
  it('compares what the agent sees: start, end, activity codes and times, not shift ids or order', () => {
    const a = [
      shift(
        8,
        16,
        [
          ['work', 8, 240],
          ['lunch', 12, 60],
        ],
        'id-1',
      ),
      shift(32, 40, [], 'id-2'),
    ];
    const same = [
      shift(32, 40, [], 'other-2'),
      shift(
        8,
        16,
        [
          ['lunch', 12, 60],
          ['work', 8, 240],
        ],
        'other-1',
      ),
    ];
    expect(agentChanged(agent('a', a), agent('a', same))).toBe(false);
    expect(
      agentChanged(
        agent('a', a),
        agent('a', [
          shift(9, 16, [
            ['work', 8, 240],
            ['lunch', 12, 60],
          ]),
          a[1]!,
        ]),
      ),
    ).toBe(true);
    expect(
      agentChanged(
        agent('a', a),
        agent('a', [
          shift(8, 17, [
            ['work', 8, 240],
            ['lunch', 12, 60],
          ]),
          a[1]!,
        ]),
      ),
    ).toBe(true);
    // A lunch moved by an hour, or a code swapped, changes the week.
    expect(
      agentChanged(
        agent('a', a),
        agent('a', [
          shift(8, 16, [
            ['work', 8, 240],
            ['lunch', 13, 60],
          ]),
          a[1]!,
        ]),
      ),
    ).toBe(true);
    expect(
      agentChanged(
        agent('a', a),
        agent('a', [
          shift(8, 16, [
            ['work', 8, 240],
            ['break', 12, 60],
          ]),
          a[1]!,
        ]),
      ),
    ).toBe(true);
    expect(
      agentChanged(
        agent('a', a),
        agent('a', [
          shift(8, 16, [
            ['work', 8, 240],
            ['lunch', 12, 30],
          ]),
          a[1]!,
        ]),
      ),
    ).toBe(true);
    // A shift added or removed.
    expect(agentChanged(agent('a', a), agent('a', [a[0]!]))).toBe(true);
  });

  it('an agent with shifts in one schedule and none (or missing) in the other is changed; none in both is not', () => {
    const draft = [
      agent('same', [shift(8, 16)]),
      agent('moved', [shift(8, 16)]),
      agent('gone', []),
      agent('new', [shift(1, 2)]),
      agent('idle', []),
    ];
    const published = [
      agent('same', [shift(8, 16)]),
      agent('moved', [shift(10, 18)]),
      agent('gone', [shift(8, 16)]),
      agent('idle', []),
      agent('onlyPub', [shift(3, 4)]),
      agent('onlyPubIdle', []),
    ];
    expect(changedAgentIds(draft, published)).toEqual(['gone', 'moved', 'new', 'onlyPub']);
    expect(changedAgentIds([], [])).toEqual([]);
  });

  it('combines "only agents with findings" and "changed only": either alone, or the agents in both', () => {
    expect(combineAgentIds(null, null)).toBeNull();
    expect(combineAgentIds(['b', 'a'], null)).toEqual(['a', 'b']);
    expect(combineAgentIds(null, ['c', 'a'])).toEqual(['a', 'c']);
    expect(combineAgentIds(['b', 'a', 'c'], ['c', 'a', 'd'])).toEqual(['a', 'c']);
    expect(combineAgentIds(['b'], ['c'])).toEqual([]);
  });
});

describe('full-day time off in "changed only"', () => {
  const day = 24 * h;
  const off = (date: string, startMs: number, minutes = 480, code = 'vacation', request: string | null = 'r1') => ({
    scheduleId: 's',
    businessUnitDate: date,
    startMs,
    endMs: startMs + minutes * 60_000,
    lengthMinutes: minutes,
    activityCodeId: code,
    timeOffRequestId: request,
  });
  const withOff = (id: string, shifts: TimelineShift[], timeOff: ReturnType<typeof off>[]): TimelineAgent => ({
    ...agent(id, shifts),
    timeOff,
  });
  const week = [shift(8, 16), shift(32, 40)];

  it('a day off granted, taken back, moved, shortened or recoded changes the week though no shift moved', () => {
    const tue = off('2020-12-01', day);
    const base = withOff('a', week, [tue]);
    expect(agentChanged(withOff('a', week, [tue, off('2020-12-03', 3 * day)]), base)).toBe(true);
    expect(agentChanged(withOff('a', week, []), base)).toBe(true);
    expect(agentChanged(withOff('a', week, [off('2020-12-02', 2 * day)]), base)).toBe(true);
    expect(agentChanged(withOff('a', week, [off('2020-12-01', day, 240)]), base)).toBe(true);
    expect(agentChanged(withOff('a', week, [off('2020-12-01', day, 480, 'sick')]), base)).toBe(true);
  });

  it('the same days off in another order or from another request id are not a change', () => {
    const mon = off('2020-11-30', 0);
    const wed = off('2020-12-02', 2 * day);
    const draft = withOff('a', week, [wed, { ...mon, timeOffRequestId: null, scheduleId: 'draft' }]);
    expect(agentChanged(draft, withOff('a', week, [mon, wed]))).toBe(false);
  });

  it('names agents whose only change is time off, and agents only the published schedule gives a day off', () => {
    const draft = [withOff('granted', [], [off('2020-12-01', day)]), withOff('same', week, [off('2020-12-01', day)])];
    const published = [
      withOff('granted', [], []),
      withOff('same', week, [off('2020-12-01', day)]),
      withOff('onlyPubOff', [], [off('2020-12-04', 4 * day)]),
    ];
    expect(changedAgentIds(draft, published)).toEqual(['granted', 'onlyPubOff']);
  });
});
