/**
 * A sync mirrors every shift whoever signs in. Management units above 30
 * agents are "large" here: Genesys (the sandbox) answers them by a
 * notification on the token user's own topic. A supervisor's session
 * subscribes to that topic and takes the result from it; a client-credentials
 * session has no user to notify, opens no notification channel at all, and
 * still gets every agent (inline batches, or whatever the sandbox answers a
 * token without a user). Either way the mirror equals the sandbox row for row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mirrorRig, type MirrorRig } from './mirror-rig';
import { incompleteSchedules, mirrorScheduleRows, orgScheduleRows, orgSchedulesIn } from './org-rows';

const channels = '/api/v2/notifications/channels';
const subscriptions = `${channels}/{channelId}/subscriptions`;
const queryTemplate =
  '/api/v2/workforcemanagement/businessunits/{businessUnitId}/weeks/{weekId}/schedules/{scheduleId}/agentschedules/query';

describe.each(['client_credentials', 'authorization_code'] as const)('signed in with %s', (grant) => {
  let rig: MirrorRig;
  const heard: string[] = [];
  beforeAll(async () => {
    rig = await mirrorRig({ seed: 55, asyncAgentThreshold: 30 }, { grant });
    rig.notifications.on('queryResult', (e) => heard.push(e.operationId));
  });
  afterAll(() => rig?.close());

  it('mirrors every schedule, agent schedule, shift, activity and marker row for row', async () => {
    const result = await rig.sync();
    expect(result.status).toBe('ok');
    const schedules = orgSchedulesIn(rig.sandbox.runtime.org, rig.businessUnitId, result.weeks);
    expect(result.agentSchedulesWritten).toBe(schedules.reduce((n, s) => n + s.agentSchedules.size, 0));
    expect(mirrorScheduleRows(rig.db, rig.businessUnitId)).toEqual(
      orgScheduleRows(rig.sandbox.runtime.org, rig.businessUnitId, result.weeks),
    );
    expect(incompleteSchedules(rig.db)).toEqual([]);
    const byTemplate = rig.tally.byPathTemplate();
    expect(byTemplate[queryTemplate]).toBeGreaterThan(0);
    if (grant === 'authorization_code') {
      // The supervisor's own query topic, subscribed once; the large units' results came on it.
      expect(byTemplate['/api/v2/users/me']).toBe(1);
      expect(byTemplate[subscriptions]).toBeGreaterThanOrEqual(1);
      expect(heard.length).toBeGreaterThan(0);
    } else {
      // Nothing can be notified to a token without a user: no channel, no subscription, nothing heard.
      expect(byTemplate[channels]).toBeUndefined();
      expect(byTemplate[subscriptions]).toBeUndefined();
      expect(heard).toEqual([]);
    }
  });

  it('resyncs without a single agent-schedule query when nothing changed', async () => {
    const before = rig.tally.byPathTemplate()[queryTemplate] ?? 0;
    const result = await rig.sync();
    expect(result).toMatchObject({ status: 'ok', schedulesFetched: 0, agentSchedulesWritten: 0 });
    expect(rig.tally.byPathTemplate()[queryTemplate] ?? 0).toBe(before);
  });
});
