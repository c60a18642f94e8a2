/** Bad requests get the right 4xx with a Genesys ErrorBody; the sandbox never crashes. */
import type { Models } from 'purecloud-platform-client-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSandbox, type SandboxSession } from './harness';

const wfm = '/api/v2/workforcemanagement';
let s: SandboxSession;
let queryPath: string;
let muId: string;

beforeAll(async () => {
  s = await openSandbox({ seed: 21, agents: 60, maxBodyBytes: 64 * 1024 });
  const w = s.sandbox.runtime.manifest.weeks[0]!;
  queryPath = `${wfm}/businessunits/${s.sandbox.businessUnitId}/weeks/${w.weekDate}/schedules/${w.scheduleId}/agentschedules/query`;
  muId = s.sandbox.runtime.org.businessUnits.get(s.sandbox.businessUnitId)!.managementUnits[0]!.id;
});
afterAll(() => s.close());

function expectErrorBody(body: Models.ErrorBody, status: number, code: string) {
  expect(body).toMatchObject({ status, code, message: expect.any(String), contextId: expect.any(String) });
  expect(Array.isArray(body.details)).toBe(true);
}

describe('bad input', () => {
  it('malformed JSON → 400', async () => {
    const res = await s.api<Models.ErrorBody>('POST', queryPath, '{"managementUnitId": ', {
      'content-type': 'application/json',
    });
    expect(res.status).toBe(400);
    expectErrorBody(res.body, 400, 'bad.request');
  });

  it('wrong content type → 415', async () => {
    const res = await s.api<Models.ErrorBody>('POST', queryPath, `managementUnitId=${muId}`, {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(415);
    expectErrorBody(res.body, 415, 'unsupported.media.type');
  });

  it('oversized body → 413', async () => {
    const res = await s.api<Models.ErrorBody>('POST', queryPath, {
      managementUnitId: muId,
      userIds: Array.from({ length: 5000 }, (_, i) => `user-${i}-${'x'.repeat(20)}`),
    });
    expect(res.status).toBe(413);
    expectErrorBody(res.body, 413, 'request.entity.too.large');
  });

  it('unknown ids → 404, unknown paths → 404, wrong method → 405', async () => {
    const unknownMu = await s.api<Models.ErrorBody>('POST', queryPath, { managementUnitId: 'no-such-mu' });
    expect(unknownMu.status).toBe(404);
    expectErrorBody(unknownMu.body, 404, 'not.found');
    const unknownPath = await s.api<Models.ErrorBody>('GET', '/api/v2/workforcemanagement/nothing-here');
    expect(unknownPath.status).toBe(404);
    const wrongMethod = await s.api<Models.ErrorBody>('DELETE', `${wfm}/businessunits`);
    expect(wrongMethod.status).toBe(405);
  });

  it('bad dates and wrong field types → 400 naming the field', async () => {
    const res = await s.api<Models.ErrorBody>(
      'GET',
      `${wfm}/businessunits/${s.sandbox.businessUnitId}/weeks/23-11-2026/schedules`,
    );
    expect(res.status).toBe(400);
    const wrongType = await s.api<Models.ErrorBody>('POST', queryPath, { managementUnitId: 42 });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.details).toEqual([expect.objectContaining({ fieldName: 'managementUnitId' })]);
  });

  it('is still serving after all of that', async () => {
    const res = await s.api('GET', `${wfm}/businessunits`);
    expect(res.status).toBe(200);
  });
});

describe('rate limits', () => {
  it('past the per-token budget answers 429 with Retry-After and the inin-ratelimit headers', async () => {
    const limited = await openSandbox({ seed: 21, agents: 30, rateLimitPerMinute: 5 });
    try {
      const statuses: number[] = [];
      let last: Awaited<ReturnType<typeof limited.api>> | undefined;
      for (let i = 0; i < 7; i++) {
        last = await limited.api('GET', `${wfm}/businessunits`);
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(last!.headers.get('inin-ratelimit-allowed')).toBe('5');
      expect(last!.headers.get('inin-ratelimit-count')).toBe('5');
      expect(Number(last!.headers.get('inin-ratelimit-reset'))).toBeGreaterThan(0);
      expect(last!.body).toMatchObject({ status: 429, code: 'too.many.requests' });
    } finally {
      await limited.close();
    }
  });
});
