import { describe, expect, it } from 'vitest';
import { coverageCacheOf, createCoverageCache } from './coverage-cache';
import { countCoverageSteps } from './coverage-count';
import { countMirroredSteps, coverageSetup, runSteps } from './coverage';
import { agent, mirror } from './coverage-fixture';
import Database from 'better-sqlite3';

const q = { businessUnitId: 'bu', scheduleId: 's1', week: '2026-11-23' };
const sum = (c: { onQueue: number[] }) => c.onQueue.reduce((a, b) => a + b, 0);

/** A unit of `n` agents, each an hour on queue at 08:00 Tuesday. */
function bigMirror(n: number) {
  const m = mirror();
  const ids = Array.from({ length: n }, (_, i) => `a${String(i).padStart(4, '0')}`);
  m.db
    .prepare(
      "INSERT OR REPLACE INTO agents (id, business_unit_id, management_unit_id, name, fetched_at) SELECT value, 'bu', 'mu', value, '2026-11-20T12:00:00Z' FROM json_each(?)",
    )
    .run(JSON.stringify(ids));
  m.write(
    's1',
    '2026-11-23',
    1,
    ids.map((id) => agent(id, [[['2026-11-24T08:00', 60, 'queue']]])),
  );
  return m;
}

describe('coverage counted in steps', () => {
  it('yields between agents when asked to, and counts exactly what the count in one go does', () => {
    const { db } = bigMirror(450);
    const setup = coverageSetup(db, q);
    const steps = countMirroredSteps(db, setup, 0);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    // One look at the clock per 100 agents: 450 agents, four pauses.
    expect(pauses).toBe(4);
    expect(Array.from(step.value)).toEqual(Array.from(runSteps(countMirroredSteps(db, setup))));
    // 450 agents × one hour = 1,800 agent-quarter-hours.
    expect(sum(runSteps(countCoverageSteps(db, q)).answer)).toBe(1800);
  });

  it('answers row pages between its steps, counts once when asked twice, then answers from memory', async () => {
    const { db } = bigMirror(3000);
    const cache = createCoverageCache(db, { stepMs: 0 });
    // Stands for the row pages: work queued behind the count on the same loop.
    let between = 0;
    let ticking = true;
    const tick = () => {
      between++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const [a, b] = await Promise.all([cache.readSoon(q), cache.readSoon(q)]);
    ticking = false;
    expect(a).toBe(b);
    expect(sum(a)).toBe(12000);
    expect(cache.read(q)).toBe(a);
    // The loop turned at every step (30 of them: 3,000 agents, 100 a step); a count in one go lets it turn once.
    expect(between).toBeGreaterThanOrEqual(29);
  });

  it('keeps no count whose rows another connection changed while it counted', async () => {
    const { db } = bigMirror(3000);
    const cache = createCoverageCache(db, { stepMs: 0 });
    const counting = cache.readSoon(q);
    const other = new Database(db.name);
    other.prepare("UPDATE activity_codes SET category = 'Break' WHERE business_unit_id = 'bu' AND id = 'queue'").run();
    other.close();
    // Another strip read meanwhile sees the new mirror first (here: a schedule not mirrored).
    expect(() => cache.read({ ...q, scheduleId: 'nope' })).toThrow(/not mirrored/);
    expect(sum(await counting)).toBe(12000);
    // Counted again on the mirror as it is now: nothing is on queue any more.
    expect(sum(await cache.readSoon(q))).toBe(0);
  });

  it('is one cache per connection, shared by the handlers and the warm-up', () => {
    const { db } = mirror();
    expect(coverageCacheOf(db)).toBe(coverageCacheOf(db));
    expect(coverageCacheOf(mirror().db)).not.toBe(coverageCacheOf(db));
  });
});
