import { describe, expect, it } from 'vitest';
import { dragSpan, edgeAt, movedMinutes, snapToQuarter } from './edit-snap';

const at = (iso: string) => Date.parse(iso);
const minute = 60_000;

describe('snapping a drag to the quarter hour of the zone shown', () => {
  it('rounds to the nearest quarter of the wall clock, in a zone a quarter off UTC too', () => {
    // 08:07 in Chicago (CST, -6) is nearer 08:00, 08:08 nearer 08:15.
    expect(snapToQuarter(at('2026-12-08T14:07:00Z'), 'America/Chicago')).toBe(at('2026-12-08T14:00:00Z'));
    expect(snapToQuarter(at('2026-12-08T14:08:00Z'), 'America/Chicago')).toBe(at('2026-12-08T14:15:00Z'));
    // Kathmandu is +05:45: its quarter hours are UTC's too, but a half-hour zone's half past is not UTC's quarter.
    const kolkata = snapToQuarter(at('2026-12-08T03:20:00Z'), 'Asia/Kolkata'); // 08:50 IST
    expect(new Date(kolkata + 330 * minute).toISOString()).toBe('2026-12-08T08:45:00.000Z');
    const chatham = snapToQuarter(at('2026-12-08T00:00:00Z'), 'Pacific/Chatham'); // +13:45, 13:45 local already
    expect(chatham).toBe(at('2026-12-08T00:00:00Z'));
  });

  it('moves a shift by whole quarters and keeps its length', () => {
    const from = { startMs: at('2026-12-08T14:00:00Z'), endMs: at('2026-12-08T22:30:00Z') };
    const to = dragSpan('move', from, 53 * minute, 'America/Chicago');
    expect(to).toEqual({ startMs: at('2026-12-08T15:00:00Z'), endMs: at('2026-12-08T23:30:00Z') });
    expect(movedMinutes(from, to)).toBe(60);
    expect(movedMinutes(from, dragSpan('move', from, -5 * minute, 'America/Chicago'))).toBe(0);
  });

  it('resizes one edge and never below a quarter hour', () => {
    const from = { startMs: at('2026-12-08T14:00:00Z'), endMs: at('2026-12-08T15:00:00Z') };
    expect(dragSpan('end', from, 38 * minute, 'UTC')).toEqual({
      startMs: from.startMs,
      endMs: at('2026-12-08T15:45:00Z'),
    });
    expect(dragSpan('start', from, 20 * minute, 'UTC')).toEqual({
      startMs: at('2026-12-08T14:15:00Z'),
      endMs: from.endMs,
    });
    expect(dragSpan('end', from, -3 * 60 * minute, 'UTC').endMs - from.startMs).toBe(15 * minute);
    expect(from.endMs - dragSpan('start', from, 5 * 60 * minute, 'UTC').startMs).toBe(15 * minute);
  });

  it('snaps across a DST change on the local clock, not by elapsed time', () => {
    // 2026-03-08 02:00 CST → 03:00 CDT. A start dragged to 03:10 CDT lands on 03:15 CDT (08:15Z).
    const from = { startMs: at('2026-03-08T07:00:00Z'), endMs: at('2026-03-08T15:00:00Z') }; // 01:00 CST
    const to = dragSpan('move', from, 70 * minute, 'America/Chicago'); // 08:10Z = 03:10 CDT
    expect(to.startMs).toBe(at('2026-03-08T08:15:00Z'));
  });

  it('tells the edges from the body, and a narrow bar is only moved', () => {
    expect(edgeAt(2, 200)).toBe('start');
    expect(edgeAt(197, 200)).toBe('end');
    expect(edgeAt(100, 200)).toBe('move');
    expect(edgeAt(1, 12)).toBe('move');
  });
});
