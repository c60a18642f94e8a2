/**
 * The import flow: it needs `wfm:schedule:add`, every successful import
 * creates a new schedule (a blind retry duplicates it), and one whose
 * content fails ends with a bare `Error` and creates nothing.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiAnswer,
  clientCredentialsToken,
  openSandbox,
  putUpload,
  roomyUploadBytes,
  type SandboxSession,
} from './harness';
import { asUpload, operationEnd, scheduleHelpers, wfm } from './schedule-helpers';

let s: SandboxSession;
let h: ReturnType<typeof scheduleHelpers>;
beforeAll(async () => {
  s = await openSandbox({ seed: 16, agents: 120, operationDelayMs: 10 });
  h = scheduleHelpers(s);
});
afterAll(() => s.close());

const week = () => s.sandbox.runtime.manifest.weeks.find((w) => !w.published)!;
const importPath = () => `${wfm}/businessunits/${h.buId}/weeks/${week().weekDate}/schedules/import`;

type ImportAnswer = Models.ScheduleUploadProcessingResponse & Models.ErrorBody;

async function startImport(payload: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer<ImportAnswer>> {
  const url = await s.api<Models.ImportScheduleUploadResponse & ImportAnswer>(
    'POST',
    `${importPath()}/uploadurl`,
    { contentLengthBytes: roomyUploadBytes },
    headers,
  );
  if (url.status !== 200) return url;
  expect(await putUpload(url.body.url!, url.body.headers!, payload)).toBe(200);
  return s.api<ImportAnswer>('POST', importPath(), { uploadKey: url.body.uploadKey }, headers);
}

const listing = async () =>
  (await s.api<Models.BuScheduleListing>('GET', `${wfm}/businessunits/${h.buId}/weeks/${week().weekDate}/schedules`))
    .body.entities!;

describe('import', () => {
  it('creates a new schedule on every successful import: a blind retry duplicates it', async () => {
    const agent = await h.cleanAgent(week());
    const payload = {
      description: 'Imported from the forecasting tool',
      weekCount: 1,
      agentSchedules: [{ userId: agent.user!.id, shifts: agent.shifts!.map(asUpload) }],
    };
    const before = await listing();
    const listener = await h.listenToSchedules();
    for (let i = 0; i < 2; i++) {
      const res = await startImport(payload);
      expect(res.body).toEqual({ status: 'Processing', operationId: expect.any(String) });
      const end = await operationEnd(listener, res.body.operationId);
      expect(end.eventBody).toMatchObject({ status: 'Complete', eventType: 'Import', result: { published: false } });
    }
    listener.close();
    const imported = (await listing()).filter((e) => e.description === payload.description);
    expect((await listing()).length).toBe(before.length + 2);
    expect(new Set(imported.map((e) => e.id)).size).toBe(2);
    const copy = await h.readAgent({ weekDate: week().weekDate, scheduleId: imported[0]!.id! }, agent.user!.id!);
    expect(copy!.shifts!.map((x) => [x.startDate, x.lengthMinutes])).toEqual(
      agent.shifts!.map((x) => [x.startDate, x.lengthMinutes]),
    );
  });

  it('ends an import whose content fails with a bare Error, creating nothing', async () => {
    const agent = await h.cleanAgent(week());
    const [first] = agent.shifts!;
    const before = await listing();
    const listener = await h.listenToSchedules();
    const res = await startImport({
      description: 'Doubled up',
      weekCount: 1,
      agentSchedules: [{ userId: agent.user!.id, shifts: [asUpload(first!), asUpload(first!)] }],
    });
    expect(res.body.status).toBe('Processing');
    const end = await operationEnd(listener, res.body.operationId);
    listener.close();
    expect(end.eventBody).toEqual({ status: 'Error', operationId: res.body.operationId, eventType: 'Import' });
    expect(await listing()).toEqual(before);
  });

  it('refuses a shift that names neither its start nor its activities with a 400, at once', async () => {
    const agent = await h.cleanAgent(week());
    const res = await startImport({
      description: 'Incomplete',
      weekCount: 1,
      agentSchedules: [{ userId: agent.user!.id, shifts: [{ lengthMinutes: 480 }] }],
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('without startDate');
  });

  it('needs wfm:schedule:add: a client that may edit but not add is refused with 403 naming it', async () => {
    const editor = {
      clientId: 'test-edit-only',
      clientSecret: 's3cret',
      name: 'Edits, never adds',
      permissions: ['wfm:schedule:view', 'wfm:schedule:edit', 'wfm:schedule:publish'],
      grantTypes: ['client_credentials' as const],
    };
    s.sandbox.runtime.org.clients.set(editor.clientId, editor);
    const auth = { authorization: `Bearer ${await clientCredentialsToken(s.sandbox, editor.clientId, 's3cret')}` };
    const res = await startImport({ description: 'x', weekCount: 1 }, auth);
    expect(res.status).toBe(403);
    expect(res.body.message).toContain('[wfm:schedule:add]');
    const processing = await s.api<Models.ErrorBody>('POST', importPath(), { uploadKey: 'any' }, auth);
    expect(processing.status).toBe(403);
    expect(s.sandbox.runtime.org.clients.get(s.sandbox.clientId)!.permissions).toContain('wfm:schedule:add');
  });
});
