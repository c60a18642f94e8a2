/** The update (publish) flow and what Genesys refuses in it when it is accepted. */
import type { Models } from 'purecloud-platform-client-v2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientCredentialsToken, openSandbox, type SandboxSession, roomyUploadBytes } from './harness';
import { asUpload, operationEnd, scheduleHelpers } from './schedule-helpers';

let s: SandboxSession;
let h: ReturnType<typeof scheduleHelpers>;

beforeEach(async () => {
  s = await openSandbox({ seed: 11, operationDelayMs: 10 });
  h = scheduleHelpers(s);
});
afterEach(() => s.close());

const draftWeek = () => s.sandbox.runtime.manifest.weeks.find((w) => !w.published)!;

describe('update and publish', () => {
  it('accepts an edit with Processing, then applies it: versions move, the schedule is published, subscribers told', async () => {
    const week = draftWeek();
    const agent = await h.cleanAgent(week);
    const version = await h.version(week);
    const listener = await h.listenToSchedules();
    const [gone, ...kept] = agent.shifts!;
    const res = await h.update(week, {
      published: true,
      metadata: { version },
      agentSchedules: [{ userId: agent.user!.id, metadata: agent.metadata, shifts: [{ id: gone!.id, delete: true }] }],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'Processing', operationId: expect.any(String) });
    const done = await operationEnd(listener, res.body.operationId);
    listener.close();
    expect(done.eventBody).toMatchObject({
      status: 'Complete',
      eventType: 'Update',
      result: { id: week.scheduleId, published: true, metadata: { version: version + 1 } },
    });
    const meta = await h.metadata(week);
    expect(meta.published).toBe(true);
    expect(meta.metadata!.version).toBe(version + 1);
    const after = await h.readAgent(week, agent.user!.id!);
    expect(after!.shifts!.map((x) => x.id)).toEqual(kept.map((x) => x.id));
    expect(after!.metadata!.version).toBe(agent.metadata!.version + 1);
  });

  it('accepts a plain (not gzipped) JSON upload', async () => {
    const week = draftWeek();
    const url = await s.api<Models.UpdateScheduleUploadResponse>('POST', `${h.path(week)}/update/uploadurl`, {
      contentLengthBytes: roomyUploadBytes,
    });
    const body = JSON.stringify({ metadata: { version: await h.version(week) }, agentSchedules: [] });
    const put = await fetch(url.body.url!, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body });
    expect(put.status).toBe(200);
    const res = await s.api('POST', `${h.path(week)}/update`, { uploadKey: url.body.uploadKey });
    expect(res.status).toBe(200);
  });

  it('refuses a stale schedule version with 409 (or the 400 "does not match" variant), writing nothing', async () => {
    const week = draftWeek();
    const version = await h.version(week);
    const statuses = new Set<number>();
    for (let i = 0; i < 12; i++) {
      const res = await h.update(week, { published: true, metadata: { version: version - 1 }, agentSchedules: [] });
      statuses.add(res.status);
      expect(res.body.message).toMatch(/does not match the current version/);
      expect(res.body.contextId).toEqual(expect.any(String));
    }
    expect([...statuses].sort()).toEqual([400, 409]);
    await new Promise((r) => setTimeout(r, 50));
    expect(await h.version(week)).toBe(version);
  });

  it('refuses an agent whose own version moved (a true edit conflict), naming the agent', async () => {
    const week = draftWeek();
    const agent = await h.cleanAgent(week);
    const res = await h.update(week, {
      metadata: { version: await h.version(week) },
      agentSchedules: [{ userId: agent.user!.id, metadata: { version: agent.metadata!.version - 1 }, shifts: [] }],
    });
    expect(res.status).toBe(409);
    expect(res.body.details).toEqual([
      expect.objectContaining({ errorCode: 'agent.schedule.version.mismatch', entityId: agent.user!.id }),
    ]);
  });

  it('refuses a change to an existing agent without its metadata, and a user outside the BU, in one 400', async () => {
    const week = draftWeek();
    const agent = await h.cleanAgent(week);
    const supervisor = [...s.sandbox.runtime.org.users.values()].find((u) => !u.managementUnitId)!;
    const res = await h.update(week, {
      metadata: { version: await h.version(week) },
      agentSchedules: [
        { userId: agent.user!.id, shifts: agent.shifts!.map(asUpload) },
        { userId: supervisor.id, shifts: [] },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.details!.map((d) => [d.errorCode, d.entityId])).toEqual([
      ['missing.metadata', agent.user!.id],
      ['unknown.user', supervisor.id],
    ]);
    expect(res.body.message).toContain('has no metadata.version');
  });

  it('makes upload keys single-use and refuses an update with nothing uploaded', async () => {
    const week = draftWeek();
    const url = await s.api<Models.UpdateScheduleUploadResponse>('POST', `${h.path(week)}/update/uploadurl`, {
      contentLengthBytes: roomyUploadBytes,
    });
    const empty = await s.api<Models.ErrorBody>('POST', `${h.path(week)}/update`, { uploadKey: url.body.uploadKey });
    expect(empty.status).toBe(400);
    const again = await s.api<Models.ErrorBody>('POST', `${h.path(week)}/update`, { uploadKey: url.body.uploadKey });
    expect(again.status).toBe(400);
    expect(again.body.message).toMatch(/upload key is unknown, already used/);
  });
});

describe('permissions', () => {
  it('refuses a write from a read-only client with 403 naming the permission', async () => {
    const readOnly = [...s.sandbox.runtime.org.clients.values()].find((c) => c.name === 'Read-only analyst')!;
    const token = await clientCredentialsToken(s.sandbox, readOnly.clientId, readOnly.clientSecret);
    const res = await s.api<Models.ErrorBody>(
      'POST',
      `${h.path(draftWeek())}/update/uploadurl`,
      { contentLengthBytes: roomyUploadBytes },
      { authorization: `Bearer ${token}` },
    );
    expect(res.status).toBe(403);
    expect(res.body.message).toContain('wfm:schedule:edit');
  });

  it('refuses publishing without wfm:schedule:publish, before anything is accepted', async () => {
    const client = {
      clientId: 'test-editor',
      clientSecret: 's3cret',
      name: 'Editor who may not publish',
      permissions: ['wfm:schedule:view', 'wfm:schedule:edit'],
      grantTypes: ['client_credentials' as const],
    };
    s.sandbox.runtime.org.clients.set(client.clientId, client);
    const auth = { authorization: `Bearer ${await clientCredentialsToken(s.sandbox, client.clientId, 's3cret')}` };
    const week = draftWeek();
    const version = await h.version(week);
    const res = await h.update(week, { published: true, metadata: { version }, agentSchedules: [] }, auth);
    expect(res.status).toBe(403);
    expect(res.body.message).toContain('[wfm:schedule:publish]');
    await new Promise((r) => setTimeout(r, 50));
    expect(await h.metadata(week)).toMatchObject({ published: false, metadata: { version } });
  });
});
