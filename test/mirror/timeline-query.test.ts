/**
 * The timeline window on a mirror synced from the sandbox: paging, MU
 * filter, name search and "only these agents", shifts with activities and
 * full-day time off cut to the window, each statement served by an index.
 */
import type Database from 'better-sqlite3';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryTimeline, type TimelineQuery } from '../../main/mirror/timeline/window-query';
import type { SandboxUser } from '../../main/sandbox/org/model';
import { mirrorRig, type MirrorRig } from './mirror-rig';
import { businessUnitOf } from './org-rows';

let rig: MirrorRig;
let weeks: string[];
beforeAll(async () => {
  rig = await mirrorRig({ seed: 55 });
  weeks = (await rig.sync()).weeks;
});
afterAll(() => rig?.close());

const zone = 'America/Chicago';
const bu = () => businessUnitOf(rig.sandbox.runtime.org, rig.businessUnitId);
const agents = () => [...rig.sandbox.runtime.org.users.values()].filter((u) => u.businessUnitId === rig.businessUnitId);
const byName = (a: SandboxUser, b: SandboxUser) =>
  a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || (a.id < b.id ? -1 : 1);
/** Tuesday of the first synced week, a BU-local day. */
const day = () => {
  const from = DateTime.fromISO(weeks[0]!, { zone }).plus({ days: 1 });
  return { from: from.toMillis(), to: from.plus({ days: 1 }).toMillis() };
};
const query = (q: Partial<TimelineQuery>) =>
  queryTimeline(rig.db, { businessUnitId: rig.businessUnitId, ...day(), offset: 0, limit: 50, ...q });

describe('agents of the window', () => {
  it('pages through every agent by name', () => {
    const all = agents().sort(byName);
    const first = query({ limit: 50 });
    const second = query({ offset: 50, limit: 50 });
    expect(first.total).toBe(all.length);
    expect([...first.agents, ...second.agents].map((a) => a.id)).toEqual(all.slice(0, 100).map((a) => a.id));
  });

  it('filters by management unit, by name (any case) and by given ids', () => {
    const mu = bu().managementUnits[0]!;
    const inUnit = query({ managementUnitId: mu.id, limit: 500 });
    expect(inUnit.total).toBe(agents().filter((a) => a.managementUnitId === mu.id).length);
    expect(inUnit.agents.every((a) => a.managementUnitId === mu.id)).toBe(true);

    const someone = agents()[7]!;
    const part = someone.name.split(' ').at(-1)!.slice(0, 4);
    const found = query({ search: part.toUpperCase(), limit: 500 });
    expect(found.agents.map((a) => a.id)).toEqual(
      agents()
        .filter((a) => a.name.toLowerCase().includes(part.toLowerCase()))
        .sort(byName)
        .map((a) => a.id),
    );
    expect(query({ search: '%' }).total).toBe(0);

    const chosen = agents()
      .slice(3, 6)
      .map((a) => a.id);
    expect(
      query({ agentIds: chosen })
        .agents.map((a) => a.id)
        .sort(),
    ).toEqual([...chosen].sort());
    expect(query({ agentIds: chosen, search: 'zzzz-nobody' })).toEqual({ total: 0, agents: [] });
  });
});

describe('shifts and time off of the window', () => {
  /** BU-local windows: a day, a whole week, and two days across the boundary between the first two weeks (two schedules). */
  const windows: Record<string, () => { from: number; to: number }> = {
    'a day': day,
    'a week': () => {
      const from = DateTime.fromISO(weeks[0]!, { zone });
      return { from: from.toMillis(), to: from.plus({ days: 7 }).toMillis() };
    },
    'two days across two weeks': () => {
      const from = DateTime.fromISO(weeks[1]!, { zone }).minus({ days: 1 });
      return { from: from.toMillis(), to: from.plus({ days: 2 }).toMillis() };
    },
  };

  it.each(Object.keys(windows))('returns each agent shift overlapping %s, with its activities in order', (name) => {
    const window = windows[name]!();
    const page = query({ ...window, limit: 500 });
    const schedules = [...bu().schedules.values()].filter((s) => weeks.includes(s.weekDate));
    const codesSeen = new Set<string>();
    for (const agent of page.agents) {
      const expected = schedules
        .flatMap((s) => (s.agentSchedules.get(agent.id)?.shifts ?? []).map((sh) => ({ sh, scheduleId: s.id })))
        .filter(
          ({ sh }) =>
            Date.parse(sh.startDate) < window.to && Date.parse(sh.startDate) + sh.lengthMinutes * 60_000 > window.from,
        )
        .sort((a, b) => Date.parse(a.sh.startDate) - Date.parse(b.sh.startDate));
      expect(
        agent.shifts.map((s) => [
          s.id,
          s.scheduleId,
          s.startMs,
          s.endMs,
          s.manuallyEdited,
          s.activities.map((a) => [a.startMs, a.lengthMinutes, a.activityCodeId, a.paid]),
        ]),
      ).toEqual(
        expected.map(({ sh, scheduleId }) => [
          sh.id,
          scheduleId,
          Date.parse(sh.startDate),
          Date.parse(sh.startDate) + sh.lengthMinutes * 60_000,
          sh.manuallyEdited,
          sh.activities.map((a) => [Date.parse(a.startDate), a.lengthMinutes, a.activityCodeId, a.paid]),
        ]),
      );
      agent.shifts.forEach((s) => codesSeen.add(s.scheduleId));
    }
    expect(page.agents.some((a) => a.shifts.length > 0)).toBe(true);
    // Shifts of both weeks (the current week may show its draft revision's shifts beside the published ones).
    const weeksSeen = new Set([...codesSeen].map((id) => bu().schedules.get(id)!.weekDate));
    if (name === 'two days across two weeks') expect(weeksSeen.size).toBe(2);
  });

  it('keeps to one schedule when asked', () => {
    const window = windows['two days across two weeks']!();
    const second = [...bu().schedules.values()].find((s) => s.weekDate === weeks[1])!;
    const page = query({ ...window, limit: 500, scheduleId: second.id });
    const shifts = page.agents.flatMap((a) => a.shifts);
    expect(shifts.length).toBeGreaterThan(0);
    expect(shifts.every((s) => s.scheduleId === second.id)).toBe(true);
  });

  it('places full-day time off at BU-local midnight plus its offset, and only inside the window', () => {
    const schedule = [...bu().schedules.values()].find(
      (s) =>
        weeks.includes(s.weekDate) && [...s.agentSchedules.values()].some((a) => a.fullDayTimeOffMarkers.length > 0),
    )!;
    const owner = [...schedule.agentSchedules.values()].find((a) => a.fullDayTimeOffMarkers.length > 0)!;
    const marker = owner.fullDayTimeOffMarkers[0]!;
    const from = DateTime.fromISO(marker.businessUnitDate, { zone }).toMillis();
    const got = queryTimeline(rig.db, {
      businessUnitId: rig.businessUnitId,
      from,
      to: from + 86_400_000,
      offset: 0,
      limit: 1,
      agentIds: [owner.userId],
      scheduleId: schedule.id,
    });
    expect(got.agents[0]!.timeOff).toContainEqual(
      expect.objectContaining({
        businessUnitDate: marker.businessUnitDate,
        startMs: from + marker.startOffsetMinutes * 60_000,
        lengthMinutes: marker.lengthMinutes,
      }),
    );
    const before = queryTimeline(rig.db, {
      businessUnitId: rig.businessUnitId,
      from: from - 86_400_000,
      to: from,
      offset: 0,
      limit: 1,
      agentIds: [owner.userId],
      scheduleId: schedule.id,
    });
    expect(before.agents[0]!.timeOff.filter((t) => t.businessUnitDate === marker.businessUnitDate)).toEqual([]);
  });
});

describe('query plans', () => {
  /** Runs the query with every statement recorded (SQL and parameters), then asks SQLite how it runs each. */
  function plans(q: Partial<TimelineQuery>): Array<{ sql: string; plan: string }> {
    const seen: Array<{ sql: string; params: unknown[] }> = [];
    const recorded = (statement: Database.Statement, sql: string): Database.Statement => {
      const wrapper: Database.Statement = new Proxy(statement, {
        get: (s, p) => {
          const value = Reflect.get(s, p, s) as unknown;
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) => {
            if (p === 'all' || p === 'get') seen.push({ sql, params: args });
            const out = (value as (...a: unknown[]) => unknown).apply(s, args);
            return out === s ? wrapper : out; // raw() and pluck() return the statement itself
          };
        },
      });
      return wrapper;
    };
    const recording = new Proxy(rig.db, {
      get: (target, prop) =>
        prop === 'prepare' ? (sql: string) => recorded(target.prepare(sql), sql) : Reflect.get(target, prop, target),
    });
    queryTimeline(recording, { businessUnitId: rig.businessUnitId, ...day(), offset: 0, limit: 200, ...q });
    return seen.map(({ sql, params }) => ({
      sql,
      plan: (rig.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>)
        .map((r) => r.detail)
        .join(' | '),
    }));
  }
  const planOf = (all: Array<{ sql: string; plan: string }>, sql: RegExp) =>
    all.find((s) => sql.test(s.sql))?.plan ?? 'no such statement';

  it('reads the roster, packed agent weeks and time off through their indexes, with no scan or sort', () => {
    const all = plans({});
    expect(planOf(all, /FROM agents .* ORDER BY name, id/s)).toMatch(
      /SEARCH agents USING COVERING INDEX agents_by_name \(business_unit_id=\?\)/,
    );
    expect(planOf(all, /FROM schedules/)).toMatch(
      /SEARCH schedules USING INDEX schedules_by_week \(business_unit_id=\?\)/,
    );
    // one unique-index lookup per agent and schedule reached, the page's agents as the outer loop
    expect(planOf(all, /timeline_weeks/)).toMatch(
      /SCAN j VIRTUAL TABLE .* \| SCAN c VIRTUAL TABLE .* \| SEARCH t USING INDEX sqlite_autoindex_timeline_weeks_1 \(schedule_id=\? AND agent_id=\?\)/,
    );
    expect(planOf(all, /JOIN full_day_time_off/)).toMatch(
      /SEARCH t USING INDEX full_day_time_off_by_agent_date \(agent_id=\? AND business_unit_date>\? AND business_unit_date<\?\)/,
    );
    for (const { plan } of all) expect(plan).not.toMatch(/SCAN (agents|schedules|t)\b|TEMP B-TREE/);
  });
});
