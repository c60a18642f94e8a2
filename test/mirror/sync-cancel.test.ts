/**
 * Cancelling a sync stops it between steps: the run is recorded as
 * cancelled, a schedule already saved is whole and new, the next one is
 * whole and as it was, and nothing is half-written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listWeeks, lastSyncRun } from '../../main/mirror/mirror-reads';
import { mirrorRig, type MirrorRig } from './mirror-rig';
import {
  businessUnitOf,
  incompleteSchedules,
  mirrorScheduleRows,
  orgScheduleRows,
  type ScheduleRows,
} from './org-rows';

let rig: MirrorRig;
beforeAll(async () => {
  rig = await mirrorRig({ seed: 53 });
});
afterAll(() => rig?.close());

/** Only the rows of one schedule (every row starts with its schedule id). */
function rowsOf(rows: ScheduleRows, scheduleId: string): ScheduleRows {
  const only = (list: unknown[]) => list.filter((r) => (r as unknown[])[0] === scheduleId);
  return {
    schedules: only(rows.schedules),
    agentSchedules: only(rows.agentSchedules),
    shifts: only(rows.shifts),
    activities: only(rows.activities),
    fullDayTimeOff: only(rows.fullDayTimeOff),
  };
}

describe('cancel', () => {
  it('before the first schedule is saved: nothing of any schedule is written, the run says cancelled', async () => {
    const controller = new AbortController();
    const result = await rig.sync({
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'agentSchedules' && p.done === 1) controller.abort();
      },
    });
    expect(result.status).toBe('cancelled');
    expect(lastSyncRun(rig.db, rig.profileId, rig.businessUnitId)).toMatchObject({
      status: 'cancelled',
      schedulesFetched: 0,
      agentSchedulesWritten: 0,
    });
    expect(
      rig.db
        .prepare(
          'SELECT (SELECT count(*) FROM schedules) + (SELECT count(*) FROM agent_schedules) + (SELECT count(*) FROM shifts)',
        )
        .pluck()
        .get(),
    ).toBe(0);
  });

  it('between two changed schedules: the first is new and whole, the second whole and unchanged', async () => {
    const first = await rig.sync();
    expect(first.status).toBe('ok');
    const before = mirrorScheduleRows(rig.db, rig.businessUnitId);
    const bu = businessUnitOf(rig.sandbox.runtime.org, rig.businessUnitId);
    const [a, b] = listWeeks(rig.db, rig.businessUnitId).filter((w) => !w.published);
    for (const week of [a!, b!]) {
      const schedule = bu.schedules.get(week.scheduleId)!;
      const agent = [...schedule.agentSchedules.values()].find((x) => x.shifts.length > 0)!;
      agent.shifts.shift();
      agent.version += 1;
      schedule.version += 1;
    }

    const controller = new AbortController();
    const result = await rig.sync({
      signal: controller.signal,
      onProgress: (p) => {
        if (p.item?.endsWith(': saved')) controller.abort();
      },
    });
    expect(result).toMatchObject({ status: 'cancelled', schedulesFetched: 1 });
    const after = mirrorScheduleRows(rig.db, rig.businessUnitId);
    const truth = orgScheduleRows(rig.sandbox.runtime.org, rig.businessUnitId, first.weeks);
    expect(rowsOf(after, a!.scheduleId)).toEqual(rowsOf(truth, a!.scheduleId));
    expect(rowsOf(after, b!.scheduleId)).toEqual(rowsOf(before, b!.scheduleId));
    expect(rowsOf(after, b!.scheduleId)).not.toEqual(rowsOf(truth, b!.scheduleId));
    expect(incompleteSchedules(rig.db)).toEqual([]);

    // The next sync picks up where the cancelled one stopped.
    expect(await rig.sync()).toMatchObject({
      status: 'ok',
      schedulesFetched: 1,
      schedulesUnchanged: first.schedulesFetched - 1,
    });
    expect(mirrorScheduleRows(rig.db, rig.businessUnitId)).toEqual(truth);
  });
});
