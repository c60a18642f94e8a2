/**
 * Sync from the calm sandbox over real HTTP (client credentials), then the
 * mirror against the sandbox's own state row for row; an unchanged resync
 * fetches no agent schedules; a changed or deleted schedule is followed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listWeeks, lastSyncRun, listBusinessUnits } from '../../main/mirror/mirror-reads';
import { mirrorRig, type MirrorRig } from './mirror-rig';
import { businessUnitOf, incompleteSchedules, mirrorScheduleRows, orgScheduleRows, orgSchedulesIn } from './org-rows';

const queryTemplate =
  '/api/v2/workforcemanagement/businessunits/{businessUnitId}/weeks/{weekId}/schedules/{scheduleId}/agentschedules/query';
const listTemplate = '/api/v2/workforcemanagement/businessunits/{businessUnitId}/weeks/{weekId}/schedules';
const getTemplate = `${listTemplate}/{scheduleId}`;

let rig: MirrorRig;
beforeAll(async () => {
  // Four weeks from 2026-11-16: the sync's default three are the last three. Small MUs answer inline; larger ones
  // would come by notification, which cannot reach a client-credentials token, so they are asked in inline batches.
  rig = await mirrorRig({ seed: 51, asyncAgentThreshold: 30 });
});
afterAll(() => rig?.close());

const org = () => rig.sandbox.runtime.org;
const bu = () => businessUnitOf(org(), rig.businessUnitId);

/** Requests by template made while `fn` ran. */
async function requestsDuring(fn: () => Promise<unknown>): Promise<Record<string, number>> {
  const before = rig.tally.byPathTemplate();
  await fn();
  const after = rig.tally.byPathTemplate();
  return Object.fromEntries(
    Object.entries(after)
      .map(([k, v]) => [k, v - (before[k] ?? 0)])
      .filter(([, v]) => (v as number) > 0),
  );
}

describe('first sync (calm)', () => {
  let weeks: string[];
  beforeAll(async () => {
    const result = await rig.sync();
    weeks = result.weeks;
    expect(result.status).toBe('ok');
  });

  it('covers the current BU week and the next two, and records the run', () => {
    expect(weeks).toEqual(['2026-11-23', '2026-11-30', '2026-12-07']);
    const run = lastSyncRun(rig.db, rig.profileId, rig.businessUnitId)!;
    expect(run).toMatchObject({ status: 'ok', weeks, schedulesUnchanged: 0, error: null });
    // Every schedule of the weeks, drafts beside published ones included.
    const schedules = orgSchedulesIn(org(), rig.businessUnitId, weeks);
    expect(schedules.length).toBeGreaterThanOrEqual(3);
    expect(run.schedulesFetched).toBe(schedules.length);
    expect(run.agentSchedulesWritten).toBe(schedules.reduce((n, s) => n + s.agentSchedules.size, 0));
    expect(run.requests).toBeGreaterThan(0);
    expect(rig.progress.at(-1)).toEqual({ phase: 'done', done: 1, total: 1 });
    expect(new Set(rig.progress.map((p) => p.phase))).toEqual(
      new Set(['businessUnit', 'schedules', 'agentSchedules', 'timeOff', 'scriptSessions', 'done']),
    );
  });

  it('mirrors schedules, versions, agent schedules, shifts, activities and full-day time off row for row', () => {
    const expected = orgScheduleRows(org(), rig.businessUnitId, weeks);
    expect(expected.fullDayTimeOff.length).toBeGreaterThan(0);
    expect(mirrorScheduleRows(rig.db, rig.businessUnitId)).toEqual(expected);
    expect(incompleteSchedules(rig.db)).toEqual([]);
  });

  it('mirrors the unit, its management units, activity codes and agents', () => {
    const all = (sql: string) => rig.db.prepare(sql).raw().all();
    expect(listBusinessUnits(rig.db, rig.profileId)).toEqual([
      { id: bu().id, name: bu().name, timeZone: 'America/Chicago', asOf: '2026-11-23T12:00:00.000Z' },
    ]);
    expect(all('SELECT id, name, time_zone FROM management_units ORDER BY id')).toEqual(
      bu()
        .managementUnits.map((m) => [m.id, m.name, m.timeZone])
        .sort((a, b) => a[0]!.localeCompare(b[0]!)),
    );
    expect(all('SELECT id, name, category, paid FROM activity_codes ORDER BY id')).toEqual(
      bu()
        .activityCodes.map((c) => [c.id, c.name, c.category, c.countsAsPaidTime ? 1 : 0])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    const agents = [...org().users.values()].filter((u) => u.businessUnitId === bu().id);
    expect(all('SELECT id, name, email, management_unit_id FROM agents ORDER BY id')).toEqual(
      agents.map((u) => [u.id, u.name, u.email, u.managementUnitId]).sort((a, b) => a[0]!.localeCompare(b[0]!)),
    );
  });

  it('mirrors approved and pending time off touching the weeks, and the active script sessions', () => {
    const first = weeks[0]!;
    const last = '2026-12-13';
    const touching = bu().timeOffRequests.filter(
      (r) =>
        ['APPROVED', 'PENDING'].includes(r.status) &&
        [...r.fullDayManagementUnitDates, ...r.partialDayStartDateTimes.map((d) => d.slice(0, 10))].some(
          (d) => d >= first && d <= last,
        ),
    );
    expect(touching.length).toBeGreaterThan(0);
    const mirrored = rig.db
      .prepare('SELECT id, agent_id, status, version FROM time_off_requests')
      .raw()
      .all() as string[][];
    for (const r of touching) expect(mirrored).toContainEqual([r.id, r.userId, r.status, r.version]);
    const nowMs = Date.parse('2026-11-23T12:00:00Z');
    const active = org().scriptSessions.filter(
      (s) =>
        Date.parse(s.start) >= nowMs - 8 * 3_600_000 &&
        Date.parse(s.start) <= nowMs &&
        (s.end === null || Date.parse(s.end) > nowMs),
    );
    expect(active.length).toBeGreaterThan(0);
    const open = rig.db
      .prepare(
        'SELECT conversation_id, agent_id, script_id FROM script_sessions WHERE "end" IS NULL ORDER BY conversation_id',
      )
      .raw()
      .all();
    expect(open).toEqual(
      active.map((s) => [s.conversationId, s.userId, s.scriptId]).sort((a, b) => a[0]!.localeCompare(b[0]!)),
    );
  });

  it('lists the weeks with their status and "as of"', () => {
    const listed = listWeeks(rig.db, rig.businessUnitId);
    // Per week, the published schedule first; every schedule of the week is there with its own flag.
    expect(listed.map((w) => [w.weekDate, w.scheduleId, w.published])).toEqual(
      orgSchedulesIn(org(), rig.businessUnitId, weeks)
        .sort((a, b) => a.weekDate.localeCompare(b.weekDate) || Number(b.published) - Number(a.published))
        .map((s) => [s.weekDate, s.id, s.published]),
    );
    expect([...new Set(listed.filter((w) => w.published).map((w) => w.weekDate))]).toEqual(['2026-11-23']);
    expect(listed.every((w) => w.agentCount > 0 && w.asOf === '2026-11-23T12:00:00.000Z')).toBe(true);
  });
});

describe('resync', () => {
  it('with nothing changed: one list per week, one get per schedule, no agent-schedule query', async () => {
    let result;
    const requests = await requestsDuring(async () => (result = await rig.sync()));
    const schedules = orgSchedulesIn(org(), rig.businessUnitId, result!.weeks).length;
    expect(result).toMatchObject({
      status: 'ok',
      schedulesFetched: 0,
      schedulesUnchanged: schedules,
      agentSchedulesWritten: 0,
    });
    expect(requests[listTemplate]).toBe(3);
    expect(requests[getTemplate]).toBe(schedules);
    expect(requests[queryTemplate]).toBeUndefined();
    expect(requests['{signedDownloadUrl}']).toBeUndefined();
    // Names were fetched less than a day ago.
    expect(requests['/api/v2/users']).toBeUndefined();
    expect(result!.requests).toBe(Object.values(requests).reduce((a, b) => a + b, 0));
  });

  it('refetches a schedule whose version moved (published through the update flow), and only that one', async () => {
    const week = rig.sandbox.runtime.manifest.weeks.find((w) => w.weekDate === '2026-11-30')!;
    const before = await rig.api.getSchedule(rig.businessUnitId, week.weekDate, week.scheduleId);
    const started = await rig.api.uploadScheduleUpdate(rig.businessUnitId, week.weekDate, week.scheduleId, {
      metadata: { version: before.metadata.version },
      published: true,
      agentSchedules: [],
    });
    const outcome = await rig.api.waitForOperation(rig.businessUnitId, week.weekDate, week.scheduleId, started, {
      baseVersion: before.metadata.version,
      timeoutMs: 5_000,
    });
    expect(outcome.outcome).toBe('applied');

    let result;
    const requests = await requestsDuring(async () => (result = await rig.sync()));
    expect(result).toMatchObject({
      status: 'ok',
      schedulesFetched: 1,
      schedulesUnchanged: orgSchedulesIn(org(), rig.businessUnitId, result!.weeks).length - 1,
      agentSchedulesWritten: 120,
    });
    // At least one query per unit (client credentials: the larger units in inline batches), all for that schedule.
    expect(requests[queryTemplate]).toBeGreaterThanOrEqual(bu().managementUnits.length);
    expect(mirrorScheduleRows(rig.db, rig.businessUnitId)).toEqual(
      orgScheduleRows(org(), rig.businessUnitId, result!.weeks),
    );
    expect(listWeeks(rig.db, rig.businessUnitId).find((w) => w.scheduleId === week.scheduleId)).toMatchObject({
      published: true,
      version: before.metadata.version + 1,
    });
  });

  it('follows an edited agent schedule (new shift length and agent version) and a schedule deleted in Genesys', async () => {
    const week = rig.sandbox.runtime.manifest.weeks.find((w) => w.weekDate === '2026-12-07')!;
    const schedule = bu().schedules.get(week.scheduleId)!;
    const agent = [...schedule.agentSchedules.values()].find((a) => a.shifts.length > 0)!;
    agent.shifts[0]!.lengthMinutes += 30;
    agent.version += 1;
    schedule.version += 1;
    const gone = rig.sandbox.runtime.manifest.weeks.find((w) => w.weekDate === '2026-11-23')!.scheduleId;
    bu().schedules.delete(gone);

    const result = await rig.sync();
    expect(result).toMatchObject({
      status: 'ok',
      schedulesFetched: 1,
      schedulesUnchanged: orgSchedulesIn(org(), rig.businessUnitId, result.weeks).length - 1,
    });
    expect(result.changed).toEqual(expect.arrayContaining(['schedules', 'shifts', 'activities']));
    expect(mirrorScheduleRows(rig.db, rig.businessUnitId)).toEqual(
      orgScheduleRows(org(), rig.businessUnitId, result.weeks),
    );
    expect(rig.db.prepare('SELECT count(*) FROM shifts WHERE schedule_id = ?').pluck().get(gone)).toBe(0);
    expect(incompleteSchedules(rig.db)).toEqual([]);
  });
});
