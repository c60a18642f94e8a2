import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../mirror/database';
import { rosterOf } from '../../mirror/timeline/roster';
import { createEventHub } from '../event-hub';
import { warmTimeline, warmTimelineAfterSyncs } from './warm-up';
import { coverageCacheOf } from '../../mirror/timeline/coverage-cache';
import { agent, mirror as coverageMirror } from '../../mirror/timeline/coverage-fixture';

function mirror() {
  const { db } = openDatabase(mkdtempSync(path.join(tmpdir(), 'pd-warm-')));
  const add = (id: string, name: string) =>
    db
      .prepare(
        "INSERT INTO agents (id, business_unit_id, management_unit_id, name, fetched_at) VALUES (?, 'bu', 'mu', ?, '2026-11-23T06:00:00Z')",
      )
      .run(id, name);
  return { db, add };
}

const syncEnded = (state: string, businessUnitId = 'bu', kind = 'sync') =>
  ({ kind, state, subject: { profileId: 'p', businessUnitId } }) as never;
const noon = new Date('2026-11-23T12:00:00Z');

afterEach(() => vi.useRealTimers());

describe('the timeline warmed after a sync', () => {
  it('warms the synced unit at idle once its sync succeeds, not after a failed one, never after stop', () => {
    vi.useFakeTimers();
    const { db } = mirror();
    const events = createEventHub();
    const log = vi.fn();
    const warm = vi.fn(() => []);
    const stop = warmTimelineAfterSyncs(events, db, () => noon, log, warm);
    events.emit('job.event', syncEnded('failed'));
    events.emit('job.event', syncEnded('succeeded', 'bu', 'publish'));
    vi.advanceTimersByTime(100);
    expect(warm).not.toHaveBeenCalled();

    events.emit('job.event', syncEnded('succeeded', 'bu-2'));
    // At idle, not inside the event's delivery.
    expect(warm).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(warm).toHaveBeenCalledWith(db, 'bu-2', noon.getTime());

    warm.mockImplementation(() => {
      throw new Error('database is locked');
    });
    events.emit('job.event', syncEnded('succeeded'));
    vi.advanceTimersByTime(100);
    expect(log).toHaveBeenCalledWith('timeline warm-up skipped: database is locked');

    events.emit('job.event', syncEnded('succeeded'));
    stop();
    vi.advanceTimersByTime(100);
    expect(warm).toHaveBeenCalledTimes(2);
  });

  it('reads the roster the sync changed, so the first window finds it kept', () => {
    const { db, add } = mirror();
    add('a', 'Ana');
    const stale = rosterOf(db, 'bu');
    add('b', 'Bea');
    warmTimeline(db, 'bu', noon.getTime());
    const kept = rosterOf(db, 'bu');
    expect(kept).not.toBe(stale);
    expect(kept.map((a) => a.id)).toEqual(['a', 'b']);
  });

  it('counts the coverage strip of the week holding now for each schedule, so the first open finds it counted', async () => {
    const { db, write } = coverageMirror();
    write('s1', '2026-11-16', 2, [agent('ana', [[['2026-11-24T08:00', 60, 'queue']]])]);
    const cache = coverageCacheOf(db);
    const counted = vi.spyOn(cache, 'readSoon');
    const log = vi.fn();
    const events = createEventHub();
    const stopAgain = warmTimelineAfterSyncs(events, db, () => noon, log);
    events.emit('job.event', syncEnded('succeeded'));
    await vi.waitFor(() => expect(counted).toHaveBeenCalledTimes(1));
    // The schedule's second week holds 23 Nov: that strip, not its first week's.
    expect(counted).toHaveBeenCalledWith({ businessUnitId: 'bu', scheduleId: 's1', week: '2026-11-23' });
    const strip = await counted.mock.results[0]!.value;
    expect(strip.onQueue.reduce((a: number, b: number) => a + b, 0)).toBe(4);
    expect(log).not.toHaveBeenCalled();
    stopAgain();
  });

  it('counts the other schedules when one strip cannot be counted, and says which failed', async () => {
    const { db, write } = coverageMirror();
    write('s1', '2026-11-23', 1, [agent('ana', [[['2026-11-24T08:00', 60, 'queue']]])]);
    write('s2', '2026-11-23', 1, [agent('bea', [[['2026-11-24T09:00', 60, 'queue']]])]);
    const counted = vi.spyOn(coverageCacheOf(db), 'readSoon');
    counted.mockRejectedValueOnce(new Error('database is locked'));
    const log = vi.fn();
    const events = createEventHub();
    const stop = warmTimelineAfterSyncs(events, db, () => noon, log);
    events.emit('job.event', syncEnded('succeeded'));
    await vi.waitFor(() => expect(counted).toHaveBeenCalledTimes(2));
    expect(log).toHaveBeenCalledWith('timeline warm-up skipped: database is locked');
    expect(new Set(counted.mock.calls.map(([q]) => q.scheduleId))).toEqual(new Set(['s1', 's2']));
    stop();
  });
});
