import { describe, expect, it } from 'vitest';
import { errorFromAnswer, errorFromTransport, parseMissingPermission, parseRetryAfter } from './error-classify';
import { fullJitterMs, retryDelay } from './retry-policy';

const read = { method: 'GET', pathTemplate: '/api/v2/x/{id}', isWrite: false };
const write = { method: 'POST', pathTemplate: '/api/v2/x/{id}/update', isWrite: true };
const answer = (status: number, body: unknown = {}, headers: Record<string, string> = {}) => ({
  status,
  headers,
  bodyText: JSON.stringify(body),
});

describe('error classification', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('7', 0)).toBe(7000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 12:00:30 GMT', Date.parse('2026-11-23T12:00:00Z'))).toBe(30_000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter(undefined, 0)).toBeUndefined();
  });

  it('maps statuses to kinds, including the 400 that is really a version conflict', () => {
    const kinds = [409, 429, 401, 403, 404, 422, 500, 503].map((s) => errorFromAnswer(answer(s), read, 0).kind);
    expect(kinds).toEqual([
      'versionConflict',
      'rateLimited',
      'unauthorized',
      'forbidden',
      'notFound',
      'invalid',
      'server',
      'server',
    ]);
    const stale = errorFromAnswer(
      answer(400, { message: 'The schedule version in the request (3) does not match the current version (4)' }),
      write,
      0,
    );
    expect(stale.kind).toBe('versionConflict');
    expect(errorFromAnswer(answer(400, { message: 'bad field' }), write, 0).kind).toBe('invalid');
  });

  it('keeps the contextId from the body, else from inin-correlation-id, and shows it', () => {
    expect(
      errorFromAnswer(answer(404, { contextId: 'ctx-body' }, { 'inin-correlation-id': 'ctx-h' }), read, 0).contextId,
    ).toBe('ctx-body');
    const e = errorFromAnswer(
      { status: 502, headers: { 'inin-correlation-id': 'ctx-h' }, bodyText: '<html>' },
      read,
      0,
    );
    expect(e.contextId).toBe('ctx-h');
    expect(e.message).toContain('ctx-h');
  });

  it('names the missing permission of a 403', () => {
    expect(parseMissingPermission({ messageParams: { permissions: '[wfm:schedule:edit]' } })).toBe('wfm:schedule:edit');
    expect(parseMissingPermission({ message: 'You are missing the following permission(s): [a:b:c, d:e:f]' })).toBe(
      'a:b:c, d:e:f',
    );
    const e = errorFromAnswer(answer(403, { messageParams: { permissions: '[wfm:schedule:publish]' } }), write, 0);
    expect(e.missingPermission).toBe('wfm:schedule:publish');
    expect(e.message).toContain('wfm:schedule:publish');
  });

  it('calls every transport failure ambiguous, and warns about writes', () => {
    const reset = errorFromTransport(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), write);
    expect(reset.kind).toBe('ambiguous');
    expect(reset.message).toMatch(/may or may not have been applied/);
    expect(
      errorFromTransport(Object.assign(new Error('timeout of 5ms exceeded'), { code: 'ECONNABORTED' }), read)
        .serverMessage,
    ).toBe('timed out');
  });
});

describe('retry policy', () => {
  const tuning = { baseMs: 100, capMs: 1000 };
  it('backs off with full jitter under a cap', () => {
    expect(fullJitterMs(1, tuning, () => 0.5)).toBe(100);
    expect(fullJitterMs(10, tuning, () => 0.999)).toBeLessThan(1000);
  });

  it('retries reads on 429 (exactly Retry-After), 5xx and ambiguous; never writes', () => {
    const limited = errorFromAnswer(answer(429, {}, { 'retry-after': '3' }), read, 0);
    expect(retryDelay(limited, 1, 4, tuning, () => 0.5)).toEqual({ waitMs: 3000, reason: 'rateLimited' });
    expect(retryDelay(errorFromAnswer(answer(503), read, 0), 1, 4, tuning, () => 0.5)?.reason).toBe('backoff');
    expect(retryDelay(errorFromAnswer(answer(503), read, 0), 4, 4, tuning, () => 0.5)).toBeNull();
    expect(retryDelay(errorFromAnswer(answer(503), write, 0), 1, 4, tuning, () => 0.5)).toBeNull();
    expect(retryDelay(errorFromAnswer(answer(404), read, 0), 1, 4, tuning, () => 0.5)).toBeNull();
  });
});
