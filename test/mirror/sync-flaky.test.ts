/**
 * The flaky sandbox (5xx, resets, hangs): reads are retried by the client, so
 * the mirror still ends up equal to the sandbox's state row for row, and a
 * resync still fetches nothing unchanged. Large MUs answer by download URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mirrorRig, type MirrorRig } from './mirror-rig';
import { incompleteSchedules, mirrorScheduleRows, orgScheduleRows, orgSchedulesIn } from './org-rows';

let rig: MirrorRig;
beforeAll(async () => {
  rig = await mirrorRig({ seed: 52, faults: ['flaky'], asyncAgentThreshold: 20, downloadAgentThreshold: 40 });
});
afterAll(() => rig?.close());

describe('sync from the flaky sandbox', () => {
  it('mirrors every synced schedule row for row despite failed requests', async () => {
    const result = await rig.sync();
    expect(result.status).toBe('ok');
    // The faults really happened: some requests were answered 5xx or not at all, and were retried.
    expect(rig.tally.failed()).toBeGreaterThan(0);
    expect(mirrorScheduleRows(rig.db, rig.businessUnitId)).toEqual(
      orgScheduleRows(rig.sandbox.runtime.org, rig.businessUnitId, result.weeks),
    );
    expect(incompleteSchedules(rig.db)).toEqual([]);
  });

  it('resyncs without fetching any agent schedule again', async () => {
    const result = await rig.sync();
    expect(result).toMatchObject({
      status: 'ok',
      schedulesFetched: 0,
      schedulesUnchanged: orgSchedulesIn(rig.sandbox.runtime.org, rig.businessUnitId, result.weeks).length,
      agentSchedulesWritten: 0,
    });
    expect(mirrorScheduleRows(rig.db, rig.businessUnitId)).toEqual(
      orgScheduleRows(rig.sandbox.runtime.org, rig.businessUnitId, result.weeks),
    );
  });
});
