import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { axisEdge, nowLabelSide } from './axis-edge';
import { axisTicks } from './zone-time';

const chicago = 'America/Chicago';
const at = (iso: string) => DateTime.fromISO(iso, { zone: chicago }).toMillis();
const weekFrom = at('2026-11-30T00:00');
const weekTo = at('2026-12-07T00:00');
const ticks = axisTicks(weekFrom, weekTo, chicago, 1);
// One day across ~1,000 px of track.
const scale = { from: weekFrom, pxPerMs: 1000 / 86_400_000 };
const edge = (iso: string) => axisEdge(ticks, { edgeMs: at(iso), toMs: at(iso) + 86_400_000 }, scale, chicago);

describe('the axis at the view’s left edge', () => {
  it('names the day that is drawn when a midnight sits under the sticky names, not the day before', () => {
    // 23:55 Tuesday: Wednesday's midnight is 3.5 px in, under the names, and dropped.
    const view = edge('2026-12-01T23:55');
    expect(view.ticks.some((t) => t.day !== null && t.ms === at('2026-12-02T00:00'))).toBe(false);
    expect(view.edgeDay).toBe('Wed 2 Dec');
  });

  it('names the day at a mid-day edge, and none when the next day’s name is close enough to collide', () => {
    expect(edge('2026-12-02T09:00').edgeDay).toBe('Wed 2 Dec');
    // 22:30: Thursday's name is ~62 px in; two names would overlap.
    const late = edge('2026-12-02T22:30');
    expect(late.edgeDay).toBeNull();
    expect(late.ticks.find((t) => t.day)?.day).toBe('Thu 3 Dec');
  });

  it('drops only the ticks under the names and past the view', () => {
    const view = edge('2026-12-02T09:00');
    expect(view.ticks[0]!.ms).toBe(at('2026-12-02T10:00'));
    expect(view.ticks.at(-1)!.ms).toBe(at('2026-12-03T09:00'));
  });
});

describe('the now label', () => {
  const side = (edgeIso: string, nowIso: string) => {
    const view = edge(edgeIso);
    return nowLabelSide(view.ticks, { edgeMs: at(edgeIso) }, at(nowIso), scale, view.edgeDay);
  };

  it('reads to the right of the line, and to the left when the next day’s name is within its width', () => {
    // ~1,000 px a day: 20:50 is ~131 px before midnight, 22:30 ~62 px.
    expect(side('2026-12-02T08:00', '2026-12-02T20:50')).toBe('right');
    expect(side('2026-12-02T08:00', '2026-12-02T22:30')).toBe('left');
  });

  it('stays right when the left has no room for it beside the day named at the edge', () => {
    // The edge at 21:00 names Wednesday; 22:30 is ~62 px in, so a label to the left would cover that name.
    expect(side('2026-12-02T21:00', '2026-12-02T22:30')).toBe('right');
  });
});
