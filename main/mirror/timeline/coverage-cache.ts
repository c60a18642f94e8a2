/**
 * The coverage strip's counts, remembered until the mirror changes. Counting a 5,000-agent week
 * decodes every agent's packed week (~0.2 s), and the services' one thread answers the timeline's
 * row pages too: counted once per mirror state, the strip costs a lookup when the supervisor
 * switches screens or schedules and comes back, and a count that must be done runs in steps
 * (`readSoon`), so the row pages asked beside it are answered between steps instead of after it.
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
import { countCoverage, countCoverageSteps, followEdits, type CoverageCount } from './coverage-count';

/** A few schedules' weeks of one unit or another; each is ~700 numbers, plus the pending agents' differences. */
const maxEntries = 32;

export type CoverageCache = ReturnType<typeof createCoverageCache>;

const cachesByDb = new WeakMap<Database.Database, CoverageCache>();

/** The one cache of a connection: the timeline's handlers read it, the warm-up after a sync fills it. */
export function coverageCacheOf(db: Database.Database): CoverageCache {
  let cache = cachesByDb.get(db);
  if (!cache) cachesByDb.set(db, (cache = createCoverageCache(db)));
  return cache;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** `stepMs`: how long a step of a whole count decodes before it lets the loop turn. */
export function createCoverageCache(db: Database.Database, opts: { stepMs?: number } = {}) {
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  const ownChanges = db.prepare('SELECT total_changes()').pluck();
  let version: unknown = null;
  const entries = new Map<string, { own: unknown; count: CoverageCount }>();
  const counting = new Map<string, Promise<TimelineCoverage>>();
  const keyOf = (q: CoverageQuery) => `${q.businessUnitId}\u0000${q.scheduleId}\u0000${q.week}`;

  /** The entries as of the mirror now (all dropped when another connection committed), and `q`'s. */
  function current(q: CoverageQuery) {
    const v = dataVersion.get();
    if (v !== version) {
      entries.clear();
      version = v;
    }
    const entry = entries.get(keyOf(q));
    return { entry, fresh: !!entry && entry.own === ownChanges.get(), v };
  }

  function store(q: CoverageQuery, count: CoverageCount): void {
    const key = keyOf(q);
    entries.delete(key);
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
    entries.set(key, { own: ownChanges.get(), count });
  }

  /** The cached answer, or one brought up to the edits; else the data version a whole count starts from. */
  function quick(q: CoverageQuery): { answer: TimelineCoverage } | { v: unknown } {
    const { entry, fresh, v } = current(q);
    if (entry && fresh) return { answer: entry.count.answer };
    const followed = entry && followEdits(db, entry.count);
    if (followed) {
      store(q, followed);
      return { answer: followed.answer };
    }
    return { v };
  }

  async function countInSteps(q: CoverageQuery, startVersion: unknown): Promise<TimelineCoverage> {
    const steps = countCoverageSteps(db, q, opts.stepMs);
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) {
        // Kept only if no other connection committed while it counted (its rows would be stale).
        if (dataVersion.get() === startVersion && version === startVersion) store(q, step.value);
        return step.value.answer;
      }
      await nextTurn();
    }
  }

  return {
    /** The strip now, counted in one go when it must be (tests, one-off reads). */
    read(q: CoverageQuery): TimelineCoverage {
      const found = quick(q);
      if ('answer' in found) return found.answer;
      const count = countCoverage(db, q);
      store(q, count);
      return count.answer;
    },
    /** The strip, a whole count done in steps between other calls; asked twice while counting, counted once. */
    async readSoon(q: CoverageQuery): Promise<TimelineCoverage> {
      const found = quick(q);
      if ('answer' in found) return found.answer;
      const key = keyOf(q);
      const running = counting.get(key);
      if (running) return running;
      const answer = countInSteps(q, found.v).finally(() => counting.delete(key));
      counting.set(key, answer);
      return answer;
    },
  };
}
