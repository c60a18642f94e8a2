/**
 * The signed upload URL takes what its uploadurl request declared, and never
 * inflates a gzip body without a bound: 1 MB of gzip can claim gigabytes, and
 * in browser mode the sandbox shares the console's process.
 */
import { gzipSync } from 'node:zlib';
import type { Models } from 'purecloud-platform-client-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSandbox, type SandboxSession } from './harness';

const inflateLimit = 4 * 1024 * 1024;
let s: SandboxSession;
let schedulePath: string;

beforeAll(async () => {
  s = await openSandbox({ seed: 22, agents: 30, weeks: 2, maxInflatedUploadBytes: inflateLimit });
  const w = s.sandbox.runtime.manifest.weeks.find((x) => !x.published)!;
  schedulePath = `/api/v2/workforcemanagement/businessunits/${s.sandbox.businessUnitId}/weeks/${w.weekDate}/schedules/${w.scheduleId}`;
});
afterAll(() => s.close());

async function uploadUrl(contentLengthBytes: number) {
  const res = await s.api<Models.UpdateScheduleUploadResponse>('POST', `${schedulePath}/update/uploadurl`, {
    contentLengthBytes,
  });
  expect(res.status).toBe(200);
  return res.body;
}

const put = (url: string, headers: Record<string, string>, body: Buffer) =>
  fetch(url, { method: 'PUT', headers, body: new Uint8Array(body) });

describe('signed upload URLs', () => {
  it('refuse a gzip bomb with 413 once it inflates past the limit, and keep serving', async () => {
    // 64 MB of zeros packs into ~64 KB: sixteen times what the sandbox will inflate here.
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    const before = process.memoryUsage().rss;
    const target = await uploadUrl(bomb.length);
    const res = await put(target.url!, target.headers!, bomb);
    expect(res.status).toBe(413);
    expect(((await res.json()) as Models.ErrorBody).message).toBe(
      `The upload inflates to more than ${inflateLimit} bytes`,
    );
    // Nothing close to the 64 MB it claims was allocated (generous: other tests share this process).
    expect(process.memoryUsage().rss - before).toBeLessThan(48 * 1024 * 1024);
    // The key was not spent on a refused body's content: the update finds no upload to apply.
    const update = await s.api<Models.ErrorBody>('POST', `${schedulePath}/update`, { uploadKey: target.uploadKey });
    expect(update.status).toBe(400);
  });

  it('refuse a body larger than the declared contentLengthBytes with 413', async () => {
    const body = gzipSync(Buffer.from(JSON.stringify({ agentSchedules: [], pad: 'x'.repeat(5000) })));
    const target = await uploadUrl(Math.floor(body.length / 2));
    const res = await put(target.url!, target.headers!, body);
    expect(res.status).toBe(413);
    expect(((await res.json()) as Models.ErrorBody).message).toContain('declared in contentLengthBytes');
  });

  it('take an honest upload of the declared size', async () => {
    const body = gzipSync(Buffer.from(JSON.stringify({ agentSchedules: [] })));
    const target = await uploadUrl(body.length);
    expect((await put(target.url!, target.headers!, body)).status).toBe(200);
  });
});
