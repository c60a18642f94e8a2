/**
 * After a sync of a unit, its timeline is read once at idle, on the services' own connection: the
 * roster (the sync moved its generation), the statements, and SQLite's pages for the schedules of the
 * days around now. The first open of the Timeline after a morning's sync then costs what a later one
 * does (the cold window was about three times a warm one: 45 ms against 15 ms on 5,000 agents).
 * Best effort: a failure here changes nothing the screen reads.
 */
import type Database from 'better-sqlite3';
import type { EventHub } from '../event-hub';
import { rosterOf } from '../../mirror/timeline/roster';
import { queryTimeline } from '../../mirror/timeline/window-query';
import { prepared } from '../../mirror/statement-cache';
import type { CoverageQuery } from '../../mirror/timeline/coverage';
import { coverageCacheOf } from '../../mirror/timeline/coverage-cache';
import { timelinePageSize } from '../../../shared/timeline-pages';

const dayMs = 86_400_000;

/** The week of a schedule the timeline opens on near `nowMs`: the one holding now, else its first. */
function weekNear(weekDate: string, weekCount: number, nowMs: number): string {
  for (let i = 0; i < weekCount; i++) {
    const start = Date.parse(`${weekDate}T00:00:00Z`) + 7 * i * dayMs;
    // Compared in UTC days: the BU's midnight is within 14 hours of UTC's, so the week holding now is this one or a neighbour.
    if (nowMs >= start && nowMs < start + 7 * dayMs) return new Date(start).toISOString().slice(0, 10);
  }
  return weekDate;
}

/** Warms the roster and first row pages; returns the coverage strips worth counting next (one per schedule). */
export function warmTimeline(db: Database.Database, businessUnitId: string, nowMs: number): CoverageQuery[] {
  rosterOf(db, businessUnitId);
  const schedules = prepared(
    db,
    `SELECT id, week_date AS weekDate, week_count AS weekCount,
       first_shift_start_ms AS fromMs, last_shift_end_ms AS toMs FROM schedules
     WHERE business_unit_id = ? AND first_shift_start_ms < ? AND last_shift_end_ms > ?`,
  ).all(businessUnitId, nowMs + 3 * dayMs, nowMs - 3 * dayMs) as Array<{
    id: string;
    weekDate: string;
    weekCount: number;
    fromMs: number;
    toMs: number;
  }>;
  for (const s of schedules)
    queryTimeline(db, {
      businessUnitId,
      scheduleId: s.id,
      from: s.fromMs,
      to: Math.min(s.toMs, s.fromMs + 7 * dayMs),
      offset: 0,
      limit: timelinePageSize,
    });
  return schedules.map((s) => ({ businessUnitId, scheduleId: s.id, week: weekNear(s.weekDate, s.weekCount, nowMs) }));
}

/** Warms a unit's timeline when a sync of it ends, once the services' loop is idle. */
export function warmTimelineAfterSyncs(
  events: EventHub,
  db: Database.Database,
  now: () => Date,
  log: (line: string) => void,
  warm: typeof warmTimeline = warmTimeline,
): () => void {
  const pending = new Set<NodeJS.Timeout>();
  let stopped = false;
  const skipped = (err: unknown) => {
    if (!stopped) log(`timeline warm-up skipped: ${err instanceof Error ? err.message : String(err)}`);
  };
  const detach = events.attach((name, payload) => {
    if (name !== 'job.event') return;
    const step = payload as { kind: string; state: string; subject: { businessUnitId: string } };
    if (step.kind !== 'sync' || step.state !== 'succeeded') return;
    const timer = setTimeout(() => {
      pending.delete(timer);
      try {
        const strips = warm(db, step.subject.businessUnitId, now().getTime());
        // The strips are counted in steps, one after another, so row pages asked meanwhile are answered between.
        // One strip that cannot be counted (logged) leaves the others to be counted.
        void (async () => {
          for (const q of strips) if (!stopped) await coverageCacheOf(db).readSoon(q).catch(skipped);
        })().catch(skipped);
      } catch (err) {
        skipped(err);
      }
    }, 20);
    timer.unref();
    pending.add(timer);
  });
  // Before the database closes: nothing is read from it after.
  return () => {
    stopped = true;
    detach();
    for (const t of pending) clearTimeout(t);
    pending.clear();
  };
}
