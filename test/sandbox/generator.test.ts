/**
 * The org generator: deterministic, the week window takes in the DST week,
 * regular shifts are clean, and the planted problems are the only problems.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type {
  AgentScheduleState,
  BusinessUnitState,
  OrgState,
  SandboxManifest,
  ShiftState,
} from '../../main/sandbox/org/model';
import { allPermissions, generateOrg, sandboxCredentials } from '../../main/sandbox/org/generator';

const now = new Date('2026-11-23T12:00:00Z');
const minute = 60_000;
const isoInstant = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

function generate(seed: number, agents = 500, weeks = 6, at = now) {
  return generateOrg({ seed, agents, weeks, now: at });
}

function businessUnit(org: OrgState): BusinessUnitState {
  const bu = [...org.businessUnits.values()][0];
  if (!bu) throw new Error('no business unit');
  return bu;
}

/** Every agent-week of the org, with the week it belongs to; `skip` leaves a schedule out (the draft revision). */
function agentWeeks(org: OrgState, skip?: string): Array<{ weekDate: string; agent: AgentScheduleState }> {
  return [...businessUnit(org).schedules.values()]
    .filter((s) => s.id !== skip)
    .flatMap((s) => [...s.agentSchedules.values()].map((agent) => ({ weekDate: s.weekDate, agent })));
}

const start = (s: { startDate: string }) => Date.parse(s.startDate);
const end = (s: { startDate: string; lengthMinutes: number }) => start(s) + s.lengthMinutes * minute;

function plantedShiftIds(manifest: SandboxManifest, kind: string): Set<string> {
  return new Set(manifest.planted.filter((p) => p.kind === kind).flatMap((p) => p.shiftIds ?? []));
}

/** Wall-clock minutes between a shift's start and end, in a zone. */
function wallMinutes(shift: ShiftState, zone: string): number {
  const wall = (ms: number) => {
    const local = DateTime.fromMillis(ms, { zone });
    return DateTime.fromObject(local.toObject(), { zone: 'UTC' }).toMillis();
  };
  return (wall(end(shift)) - wall(start(shift))) / minute;
}

const seeds = [1, 2, 3, 42];
const orgs = new Map(seeds.map((seed) => [seed, generate(seed)]));
const bySeed = (seed: number) => orgs.get(seed) ?? generate(seed);

describe('generateOrg: determinism', () => {
  it('gives a deep-equal org and manifest for the same seed and options', () => {
    expect(generate(1)).toEqual(bySeed(1));
  });

  it('plants on different agents for different seeds', () => {
    const plantedAgentIndexes = (seed: number) => {
      const { org, manifest } = bySeed(seed);
      const order = [...org.users.keys()];
      return manifest.planted
        .filter((p) => p.userId)
        .map((p) => order.indexOf(p.userId as string))
        .sort((a, b) => a - b);
    };
    expect(plantedAgentIndexes(1)).not.toEqual(plantedAgentIndexes(2));
  });

  it('derives the CLI credentials from the seed alone', () => {
    const { org } = bySeed(1);
    const creds = sandboxCredentials(1);
    expect(sandboxCredentials(1)).toEqual(creds);
    expect(sandboxCredentials(2).clientId).not.toBe(creds.clientId);
    expect(org.clients.get(creds.clientId)?.clientSecret).toBe(creds.clientSecret);
    expect(org.clients.get(creds.clientId)?.permissions).toEqual([...allPermissions]);
  });
});

describe('generateOrg: structure', () => {
  const { org } = bySeed(1);
  const bu = businessUnit(org);

  it('has the BU, its three MUs and the activity codes', () => {
    expect(bu).toMatchObject({ name: 'Chicago Contact Center', timeZone: 'America/Chicago', startDayOfWeek: 'Monday' });
    expect(bu.managementUnits.map((mu) => [mu.name, mu.timeZone])).toEqual([
      ['Chicago Voice', 'America/Chicago'],
      ['Chicago Chat', 'America/Chicago'],
      ['Phoenix Back Office', 'America/Phoenix'],
    ]);
    expect(bu.activityCodes.map((c) => `${c.name}/${c.category}`)).toEqual([
      'On Queue/OnQueueWork',
      'Break/Break',
      'Meal/Meal',
      'Training/Training',
      'Meeting/Meeting',
      'Vacation/TimeOff',
      'Sick/TimeOff',
    ]);
  });

  it('has the three clients with their grants and permissions', () => {
    const clients = [...org.clients.values()];
    const readOnly = clients.find((c) => c.name === 'Read-only analyst');
    const pkce = clients.find((c) => c.name === 'Publish Desk supervisor sign-in');
    expect(readOnly?.permissions).not.toContain('wfm:schedule:edit');
    expect(readOnly?.permissions).not.toContain('wfm:schedule:publish');
    expect(pkce?.grantTypes).toEqual(['authorization_code']);
    const supervisor = org.users.get(pkce?.userId ?? '');
    expect(supervisor?.managementUnitId).toBeUndefined();
  });

  it('writes every instant as UTC ISO with milliseconds', () => {
    for (const { agent } of agentWeeks(org)) {
      for (const shift of agent.shifts) {
        expect(shift.startDate).toMatch(isoInstant);
        for (const a of shift.activities) expect(a.startDate).toMatch(isoInstant);
      }
    }
  });
});

describe('generateOrg: week window', () => {
  it('takes in the DST week before the current one (2026-11-23, six weeks)', () => {
    const { manifest } = bySeed(1);
    expect(manifest.weeks.map((w) => w.weekDate)).toEqual([
      '2026-10-26',
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
      '2026-11-30',
    ]);
    expect(manifest.weeks.map((w) => w.published)).toEqual([true, true, true, true, true, false]);
    expect(manifest.dstWeekDate).toBe('2026-10-26');
  });

  it('leaves the DST week out when it cannot fit beside the current and next week', () => {
    const { manifest } = generate(1, 100, 6, new Date('2026-07-15T12:00:00Z'));
    expect(manifest.dstWeekDate).toBeNull();
    expect(manifest.weeks.map((w) => w.weekDate)).toEqual(expect.arrayContaining(['2026-07-13', '2026-07-20']));
    expect(manifest.planted.some((p) => p.kind === 'dstShift')).toBe(false);
  });

  it('finds the spring change too', () => {
    const { manifest } = generate(1, 100, 6, new Date('2026-03-16T12:00:00Z'));
    expect(manifest.dstWeekDate).toBe('2026-03-02');
  });
});

describe.each(seeds)('generateOrg: seed %i has only the planted problems', (seed) => {
  const { org, manifest } = bySeed(seed);
  const bu = businessUnit(org);
  // The revision is a second schedule of the current week: its shifts replace, not add to, the published ones.
  const weeks = agentWeeks(org, manifest.revision.scheduleId);
  const users = org.users;

  it('keeps activities contiguous, inside and summing to the shift, but for the planted one', () => {
    const found = new Set<string>();
    for (const { agent } of weeks) {
      for (const shift of agent.shifts) {
        let at = start(shift);
        let clean = true;
        for (const a of shift.activities) {
          if (start(a) !== at) clean = false;
          at = end(a);
        }
        if (at !== end(shift) || shift.activities.reduce((sum, a) => sum + a.lengthMinutes, 0) !== shift.lengthMinutes)
          clean = false;
        if (!clean) found.add(shift.id);
      }
    }
    expect(found).toEqual(plantedShiftIds(manifest, 'activityOverlap'));
  });

  it('has overlapping shifts only where planted', () => {
    const byUser = new Map<string, ShiftState[]>();
    for (const { agent } of weeks) byUser.set(agent.userId, [...(byUser.get(agent.userId) ?? []), ...agent.shifts]);
    const pairs = new Set<string>();
    for (const shifts of byUser.values()) {
      const sorted = [...shifts].sort((a, b) => start(a) - start(b));
      sorted.forEach((a, i) =>
        sorted.slice(i + 1).forEach((b) => start(b) < end(a) && pairs.add([a.id, b.id].sort().join('+'))),
      );
    }
    const planted = manifest.planted
      .filter((p) => p.kind === 'shiftOverlap')
      .map((p) => [...(p.shiftIds ?? [])].sort().join('+'));
    expect(planted).toHaveLength(3);
    expect(pairs).toEqual(new Set(planted));
  });

  it('has shifts over time off only where planted, and markers only for approved requests', () => {
    const found = new Set<string>();
    const approved = new Set(bu.timeOffRequests.filter((r) => r.status === 'APPROVED').map((r) => r.id));
    for (const { agent } of weeks) {
      for (const marker of agent.fullDayTimeOffMarkers) {
        expect(approved.has(marker.timeOffRequestId ?? '')).toBe(true);
        const from = DateTime.fromISO(marker.businessUnitDate, { zone: bu.timeZone }).toMillis();
        const to = DateTime.fromISO(marker.businessUnitDate, { zone: bu.timeZone }).plus({ days: 1 }).toMillis();
        const all = weeks.filter((w) => w.agent.userId === agent.userId).flatMap((w) => w.agent.shifts);
        for (const shift of all) if (start(shift) < to && end(shift) > from) found.add(shift.id);
      }
    }
    expect(found).toEqual(plantedShiftIds(manifest, 'timeOffOverlap'));
  });

  it('stores the naive UTC shifts off by exactly the BU offset', () => {
    const naive = manifest.planted.filter((p) => p.kind === 'naiveUtcShift');
    expect(naive).toHaveLength(2);
    for (const p of naive) {
      const unit = bu.managementUnits.find((mu) => mu.id === users.get(p.userId ?? '')?.managementUnitId);
      expect(unit?.timeZone).toBe(bu.timeZone);
      const agentShifts = weeks.filter((w) => w.agent.userId === p.userId).flatMap((w) => w.agent.shifts);
      const shift = agentShifts.find((s) => s.id === p.shiftIds?.[0]) as ShiftState;
      const usual = agentShifts.find((s) => s !== shift) as ShiftState;
      const usualLocal = DateTime.fromISO(usual.startDate, { zone: bu.timeZone }).toFormat('HH:mm');
      // Read the stored UTC wall clock as Chicago time: that is where the shift belongs.
      const storedWall = DateTime.fromISO(shift.startDate, { zone: 'UTC' });
      expect(storedWall.toFormat('HH:mm')).toBe(usualLocal);
      const meant = DateTime.fromObject(storedWall.toObject(), { zone: bu.timeZone });
      expect((start(shift) - meant.toMillis()) / minute).toBe(meant.offset);
      expect([-300, -360]).toContain(meant.offset);
    }
  });

  it('has one DST shift whose elapsed length is 60 min off the wall clock, and no other', () => {
    const off = new Set<string>();
    for (const { agent } of weeks) {
      const zone = bu.managementUnits.find((mu) => mu.id === agent.managementUnitId)?.timeZone ?? bu.timeZone;
      for (const shift of agent.shifts) {
        if (wallMinutes(shift, bu.timeZone) !== shift.lengthMinutes || wallMinutes(shift, zone) !== shift.lengthMinutes)
          off.add(shift.id);
      }
    }
    const dst = manifest.planted.filter((p) => p.kind === 'dstShift');
    expect(dst).toHaveLength(1);
    expect(off).toEqual(plantedShiftIds(manifest, 'dstShift'));
    const shift = weeks.flatMap((w) => w.agent.shifts).find((s) => s.id === dst[0]?.shiftIds?.[0]) as ShiftState;
    expect(Math.abs(shift.lengthMinutes - wallMinutes(shift, bu.timeZone))).toBe(60);
    expect(dst[0]?.weekDate).toBe(manifest.dstWeekDate);
  });

  it('plants the Phoenix MU as the zone mismatch', () => {
    const mismatch = manifest.planted.filter((p) => p.kind === 'zoneMismatch').map((p) => p.managementUnitId);
    expect(mismatch).toEqual(bu.managementUnits.filter((mu) => mu.timeZone !== bu.timeZone).map((mu) => mu.id));
  });

  it('has exactly the planted agents in an active scripted conversation, each with a shift this or next week', () => {
    const nowMs = now.getTime();
    const active = org.scriptSessions.filter((s) => s.end === null);
    const planted = manifest.planted.filter((p) => p.kind === 'scriptSession');
    expect(new Set(active.map((s) => s.userId))).toEqual(new Set(planted.map((p) => p.userId)));
    expect(active).toHaveLength(3);
    for (const s of active) expect(nowMs - Date.parse(s.start)).toBeLessThanOrEqual(2 * 3600_000);
    for (const s of org.scriptSessions) {
      expect(Date.parse(s.start)).toBeLessThanOrEqual(nowMs);
      if (s.end !== null) expect(Date.parse(s.end)).toBeLessThan(nowMs);
    }
    expect(org.scriptSessions.some((s) => s.end !== null)).toBe(true);
    const near = new Set(manifest.weeks.filter((w) => w.weekDate >= '2026-11-23').map((w) => w.weekDate));
    for (const p of planted) {
      expect(weeks.some((w) => near.has(w.weekDate) && w.agent.userId === p.userId && w.agent.shifts.length > 0)).toBe(
        true,
      );
    }
  });
});

describe('generateOrg: a 5,000-agent BU', () => {
  const { org, manifest } = generate(7, 5000);
  const bu = businessUnit(org);
  const agents = [...org.users.values()].filter((u) => u.managementUnitId);

  it('places every agent in an MU of at most 1,500 and schedules each every week', () => {
    expect(manifest.agentCount).toBe(5000);
    expect(agents).toHaveLength(5000);
    for (const mu of bu.managementUnits)
      expect(agents.filter((a) => a.managementUnitId === mu.id).length).toBeLessThanOrEqual(1500);
    for (const schedule of bu.schedules.values()) expect(schedule.agentSchedules.size).toBe(5000);
  });

  it('gives everyone a unique name and email', () => {
    const users = [...org.users.values()];
    expect(new Set(users.map((u) => u.name)).size).toBe(users.length);
    expect(new Set(users.map((u) => u.email)).size).toBe(users.length);
  });
});
