/**
 * The coverage strip's counts, remembered until the mirror changes. Counting a 5,000-agent week
 * decodes every agent's packed week (~0.3 s), and the services' one thread answers the timeline's
 * row pages too: counted once per mirror state, the strip costs a lookup when the supervisor
 * switches screens or schedules and comes back.
 *
 * "The mirror changed" is SQLite's own answer: `PRAGMA data_version` moves when another connection
 * (the sync worker) commits, and every count is then done again. `total_changes()` moves when this
 * connection writes, which is mostly the pending change set (edits are kept on this connection):
 * then a count whose mirrored rows are as they were follows the edits agent by agent
 * (coverage-count.ts), and only one whose rows moved is done again.
 */
import type Database from 'better-sqlite3';
import type { TimelineCoverage } from '../../../shared/coverage/types';
import type { CoverageQuery } from './coverage';
import { countCoverage, followEdits, type CoverageCount } from './coverage-count';

/** A few schedules' weeks of one unit or another; each is ~700 numbers, plus the pending agents' differences. */
const maxEntries = 32;

export function createCoverageCache(db: Database.Database) {
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  const ownChanges = db.prepare('SELECT total_changes()').pluck();
  let version: unknown = null;
  let own: unknown = null;
  const entries = new Map<string, { own: unknown; count: CoverageCount }>();
  return {
    read(q: CoverageQuery): TimelineCoverage {
      const v = dataVersion.get();
      if (v !== version) {
        entries.clear();
        version = v;
      }
      own = ownChanges.get();
      const key = `${q.businessUnitId}\u0000${q.scheduleId}\u0000${q.week}`;
      const entry = entries.get(key);
      if (entry && entry.own === own) return entry.count.answer;
      const count = (entry && followEdits(db, entry.count)) || countCoverage(db, q);
      entries.delete(key);
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(key, { own, count });
      return count.answer;
    },
  };
}
