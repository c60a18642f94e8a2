/**
 * The coverage strip's counts, remembered until the mirror changes. Counting a 5,000-agent week
 * decodes every agent's packed week (~0.3 s), and the services' one thread answers the timeline's
 * row pages too: counted once per mirror state, the strip costs a lookup when the supervisor
 * switches screens or schedules and comes back.
 *
 * "The mirror changed" is SQLite's own answer: `PRAGMA data_version` moves when another connection
 * (the sync worker) commits, `total_changes()` when this one writes. Either empties the cache.
 */
import type Database from 'better-sqlite3';
import type { TimelineCoverage } from '../../../shared/coverage/types';
import { readCoverage, type CoverageQuery } from './coverage';

/** A few schedules' weeks of one unit or another; each is ~700 numbers. */
const maxEntries = 32;

export function createCoverageCache(db: Database.Database) {
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  const ownChanges = db.prepare('SELECT total_changes()').pluck();
  let state = '';
  const entries = new Map<string, TimelineCoverage>();
  return {
    read(q: CoverageQuery): TimelineCoverage {
      const now = `${String(dataVersion.get())}:${String(ownChanges.get())}`;
      if (now !== state) {
        entries.clear();
        state = now;
      }
      const key = `${q.businessUnitId}\u0000${q.scheduleId}\u0000${q.week}`;
      let coverage = entries.get(key);
      if (!coverage) {
        coverage = readCoverage(db, q);
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
        entries.set(key, coverage);
      }
      return coverage;
    },
  };
}
