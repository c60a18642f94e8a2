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
