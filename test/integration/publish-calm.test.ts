/**
 * `calm`: a publish of a draft with pending edits lands in the minimum number
 * of requests (one re-read of the schedule and its agents, one script-session
 * check, uploadurl, PUT, update, and the verifying re-read), every edit is
 * what Genesys has afterwards, the journal holds every step answered, and
 * the report carries every attempt with its contextId and no token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPublishRig, type PublishRig } from './publish-rig';

let rig: PublishRig;
beforeAll(async () => {
  rig = await startPublishRig({ seed: 81 });
}, 60_000);
afterAll(async () => rig?.close());

describe('publish under calm', () => {
  it('publishes every edit in the minimum requests and reports each attempt', async () => {
    const draft = rig.draft();
    const before = new Map(
      [...draft.agentSchedules.values()].map((a) => [a.userId, a.shifts.map((s) => Date.parse(s.startDate))]),
    );
    const edited = await rig.editAgents(draft.id, 3);
    const versionBefore = draft.version;
    const auditBefore = (await rig.call('activity.list', { limit: 1, offset: 0 })).rows[0]?.id ?? 0;
    const view = await rig.publish({ scheduleId: draft.id });
    expect({ phase: view.phase, outcome: view.outcome }).toEqual({ phase: 'done', outcome: view.outcome });
    // The draft is published over the week: its unedited agents whose week differs are tracked (not sent).
    expect(
      view.agents
        .filter((a) => a.edited && a.status === 'applied')
        .map((a) => a.agentId)
        .sort(),
    ).toEqual([...edited].sort());
    expect(view.agents.filter((a) => !a.edited).length).toBeGreaterThan(0);
    expect(view.counts).toMatchObject({ applied: view.agents.length, pending: 0, held: 0 });
    expect(view.outcome).toMatch(/^Published: 3 agent\(s\) changed as intended, and \d+ agent\(s\) not edited now see/);
    expect(view.steps.find((s) => s.kind === 'putUpload')!.note).toMatch(/^uploaded: 3 agent\(s\)/);
    const after = rig.schedule(draft.id);
    expect(after.published).toBe(true);
    expect(after.version).toBe(versionBefore + 1);
    for (const agentId of edited) {
      const starts = after.agentSchedules.get(agentId)!.shifts.map((s) => Date.parse(s.startDate));
      expect(starts).toContain(before.get(agentId)![0]! + 3_600_000);
      expect(starts).not.toContain(before.get(agentId)![0]!);
    }
    const calls = view.steps.filter((s) => s.kind !== 'decision' && s.kind !== 'wait' && s.kind !== 'analyse');
    expect(calls.map((s) => s.kind)).toEqual([
      'reread',
      'checkScriptSessions',
      'requestUploadUrl',
      'putUpload',
      'sendUpdate',
      'awaitOperation',
      'reread',
    ]);
    expect(view.steps.every((s) => s.status !== 'sent' && s.status !== 'waiting')).toBe(true);
    // Preflight opens the notification channel (its item is green): the same channel and subscription as
    // when the business unit's topic waited for the update, only earlier.
    expect(view.preflight.find((i) => i.item === 'notificationChannel')).toMatchObject({ level: 'green' });
    const rows = (await rig.call('activity.list', { limit: 500, offset: 0 })).rows.filter((r) => r.id > auditBefore);
    const channelRows = rows.filter((r) => r.pathTemplate.startsWith('/api/v2/notifications/'));
    expect(channelRows.map((r) => `${r.method} ${r.pathTemplate}`).sort()).toEqual([
      'POST /api/v2/notifications/channels',
      'PUT /api/v2/notifications/channels/{channelId}/subscriptions',
    ]);
    // All of them before the write: preflight's, not the update's.
    const firstWrite = rows.find((r) => r.pathTemplate.endsWith('/update/uploadurl'))!;
    expect(channelRows.every((r) => r.id < firstWrite.id)).toBe(true);
    // The change set was published, so nothing is pending any more.
    const list = await rig.call('edits.list', {
      profileId: rig.profileId,
      businessUnitId: rig.businessUnitId,
      scheduleId: draft.id,
    });
    expect(list.count).toBe(0);

    const csv = await rig.call('publish.report', { jobId: view.jobId, format: 'csv' });
    expect(csv.content.split('\n').filter((l) => l.startsWith('step,')).length).toBe(view.steps.length);
    expect(csv.content).not.toMatch(/Bearer|access_token/i);
    const json = await rig.call('publish.report', { jobId: view.jobId, format: 'json' });
    expect(json.report.agents.filter((a) => a.edited).map((a) => a.status)).toEqual(['applied', 'applied', 'applied']);
    const list2 = await rig.call('publish.list', {});
    expect(list2.map((p) => p.jobId)).toContain(view.jobId);

    // Asked again with nothing edited since (a CLI rerun, or a run resumed after a crash that finished first):
    // the mirror still holds the draft as unpublished, but the journal knows; no second publish, no write.
    const again = await rig.publish({ scheduleId: draft.id });
    expect(again.jobId).toBe(view.jobId);
    expect(rig.schedule(draft.id).version).toBe(versionBefore + 1);
    const list3 = await rig.call('publish.list', {});
    expect(list3.filter((p) => p.scheduleId === draft.id)).toHaveLength(1);
  }, 60_000);
});
