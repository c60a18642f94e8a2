/**
 * A re-read cut off by a 429 halfway through its management units resumes
 * after the wait: the schedule is asked again, and only when its version is
 * the one the earlier units were read at are those units kept.
 */
import { describe, expect, it } from 'vitest';
import { GenesysError } from '../genesys/client/errors';
import type { PublishEvent } from '../../shared/publish/machine-events';
import { createGenesysCalls, type CallDeps } from './genesys-calls';

const target = { businessUnitId: 'bu-1', weekId: '2026-11-23', scheduleId: 's-1' };
/** Three units of two agents each. */
const unitOf = new Map(['a1', 'a2', 'b1', 'b2', 'c1', 'c2'].map((id) => [id, `mu-${id[0]}`]));
const agentIds = [...unitOf.keys()];

const tooMany = (retryAfterMs = 3000) =>
  new GenesysError({
    kind: 'rateLimited',
    status: 429,
    contextId: 'ctx-429',
    code: 'too.many.requests',
    retryAfterMs,
    method: 'POST',
    pathTemplate: '/agentschedules/query',
    isWrite: false,
  });

/** A Genesys of this schedule: its version can move, and one query can be refused. */
function fakeGenesys() {
  const g = {
    scheduleVersion: 4,
    agentVersion: 1,
    /** The 1-based query (counted over the whole test) that is refused with a 429. */
    refuseQuery: 0,
    asked: [] as string[],
    queries: 0,
  };
  const api = {
    getSchedule: () => {
      g.asked.push('schedule');
      return Promise.resolve({ metadata: { version: g.scheduleVersion }, published: true });
    },
    queryAgentSchedules: (_bu: string, _w: string, _s: string, q: { managementUnitId: string; userIds: string[] }) => {
      g.queries += 1;
      if (g.queries === g.refuseQuery) return Promise.reject(tooMany());
      g.asked.push(q.managementUnitId);
      return Promise.resolve({
        agentSchedules: q.userIds.map((id) => ({
          user: { id },
          shifts: [],
          fullDayTimeOffMarkers: [],
          metadata: { version: g.agentVersion },
        })),
      });
    },
  };
  const deps = {
    http: {},
    api,
    operations: { watchBusinessUnit: () => Promise.resolve() },
    channelState: () => 'open',
    target,
    managementUnitOf: (ids: readonly string[]) => new Map(ids.map((id) => [id, unitOf.get(id)!])),
    operationTimeoutMs: 1000,
  } as unknown as CallDeps;
  return { g, calls: createGenesysCalls(deps) };
}

const reread = (calls: ReturnType<typeof createGenesysCalls>) =>
  calls.reread(
    agentIds,
    false,
    () => undefined,
    () => 0,
  ) as Promise<Extract<PublishEvent, { type: 'reread' }>>;

describe('a re-read cut off by a 429', () => {
  it('after the wait, at the same schedule version, asks the schedule and only the units not yet answered', async () => {
    const { g, calls } = fakeGenesys();
    g.refuseQuery = 2;
    const first = await reread(calls);
    expect(first.outcome.status).toBe(429);
    // Two units are in flight at once: mu-c may have been asked before mu-b's refusal came back.
    const answered = g.asked.slice(1);
    expect(g.asked[0]).toBe('schedule');
    expect(answered).toContain('mu-a');
    expect(answered).not.toContain('mu-b');

    g.asked = [];
    const second = await reread(calls);
    expect(second.outcome.status).toBe(200);
    expect(g.asked).toEqual(['schedule', ...['mu-b', 'mu-c'].filter((u) => !answered.includes(u))]);
    expect(second.unitsKept).toBe(answered.length);
    expect(second.agents?.map((a) => a.agentId).sort()).toEqual([...agentIds].sort());
    // The channel is said by the first re-read answered (preflight's), and only by it.
    expect(first.channel).toBeUndefined();
    expect(second.channel).toEqual({ state: 'open', unheardRereadAfterMs: 1000 });
    expect((await reread(calls)).channel).toBeUndefined();
  });

  it('reads every unit again when the schedule version moved during the wait', async () => {
    const { g, calls } = fakeGenesys();
    g.refuseQuery = 3;
    expect((await reread(calls)).outcome.status).toBe(429);
    g.scheduleVersion = 5;
    g.agentVersion = 2;
    g.asked = [];
    const second = await reread(calls);
    expect(g.asked).toEqual(['schedule', 'mu-a', 'mu-b', 'mu-c']);
    expect(second.unitsKept).toBeUndefined();
    // Nothing from before the save: every agent at its version now.
    expect(new Set(second.agents?.map((a) => a.now.version))).toEqual(new Set([2]));
  });

  it('keeps nothing once a re-read was answered whole: the next one asks everything', async () => {
    const { g, calls } = fakeGenesys();
    g.refuseQuery = 2;
    await reread(calls);
    await reread(calls);
    g.asked = [];
    const third = await reread(calls);
    expect(g.asked).toEqual(['schedule', 'mu-a', 'mu-b', 'mu-c']);
    expect(third.unitsKept).toBeUndefined();
  });

  it('asks a unit again when the agents asked of it are not all among the ones it answered', async () => {
    const { g, calls } = fakeGenesys();
    g.refuseQuery = 2;
    await calls.reread(
      ['a1', 'b1'],
      false,
      () => undefined,
      () => 0,
    );
    g.asked = [];
    await reread(calls);
    expect(g.asked).toEqual(['schedule', 'mu-a', 'mu-b', 'mu-c']);
  });
});

describe('a re-read’s management units', () => {
  it('are asked two at a time, and the agents come back in unit order whichever unit answers first', async () => {
    const waiting: Array<{ unit: string; release: () => void }> = [];
    let inFlight = 0;
    let most = 0;
    const answer = (ids: string[]) => ({
      agentSchedules: ids.map((id) => ({
        user: { id },
        shifts: [],
        fullDayTimeOffMarkers: [],
        metadata: { version: 1 },
      })),
    });
    // The query is held until the test lets it answer.
    const held = createGenesysCalls({
      http: {},
      api: {
        getSchedule: () => Promise.resolve({ metadata: { version: 4 }, published: true }),
        queryAgentSchedules: (_b: string, _w: string, _s: string, q: { managementUnitId: string; userIds: string[] }) =>
          new Promise((resolve) => {
            inFlight += 1;
            most = Math.max(most, inFlight);
            waiting.push({
              unit: q.managementUnitId,
              release: () => {
                inFlight -= 1;
                resolve(answer(q.userIds));
              },
            });
          }),
      },
      operations: { watchBusinessUnit: () => Promise.resolve() },
      channelState: () => 'open',
      target,
      managementUnitOf: (ids: readonly string[]) => new Map(ids.map((id) => [id, unitOf.get(id)!])),
      operationTimeoutMs: 1000,
    } as unknown as CallDeps);
    const done = reread(held);
    const tick = () => new Promise((r) => setTimeout(r, 0));
    await tick();
    expect(waiting.map((w) => w.unit)).toEqual(['mu-a', 'mu-b']);
    waiting[1]!.release(); // mu-b answers before mu-a
    await tick();
    expect(waiting.map((w) => w.unit)).toEqual(['mu-a', 'mu-b', 'mu-c']);
    waiting[0]!.release();
    waiting[2]!.release();
    const event = await done;
    expect(most).toBe(2);
    expect(event.agents?.map((a) => a.agentId)).toEqual(agentIds);
  });

  it('refused together, waits the longest Retry-After of them', async () => {
    const waits = new Map([
      ['mu-a', 2000],
      ['mu-b', 5000],
    ]);
    const calls = createGenesysCalls({
      http: {},
      api: {
        getSchedule: () => Promise.resolve({ metadata: { version: 4 }, published: true }),
        queryAgentSchedules: (_b: string, _w: string, _s: string, q: { managementUnitId: string }) =>
          Promise.reject(tooMany(waits.get(q.managementUnitId) ?? 1000)),
      },
      operations: { watchBusinessUnit: () => Promise.resolve() },
      channelState: () => 'open',
      target,
      managementUnitOf: (ids: readonly string[]) => new Map(ids.map((id) => [id, unitOf.get(id)!])),
      operationTimeoutMs: 1000,
    } as unknown as CallDeps);
    const event = await reread(calls);
    expect(event.outcome.status).toBe(429);
    expect(event.outcome.retryAfter).toBe('5');
  });
});
