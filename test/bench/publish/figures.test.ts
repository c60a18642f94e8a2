import { describe, expect, it } from 'vitest';
import { forcedRetryAfters, retryAfterUnionMs, wallFloorMs } from './figures';

describe('the publish bench’s floor', () => {
  it('counts Retry-Afters that run at the same time once', () => {
    // Two queries in flight refused together (2 s and 3 s), then a later 429 of 3 s.
    const sent = [
      { at: 1_000, ms: 2_000 },
      { at: 1_010, ms: 3_000 },
      { at: 9_000, ms: 3_000 },
    ];
    expect(retryAfterUnionMs(sent)).toBe(4_010 - 1_000 + 3_000);
    const floor = wallFloorMs({ retryAfters: sent, operationDelaysMs: [50], requests: 80, perMinute: 300 });
    expect(floor.floorMs).toBe(6_060);
    expect(floor.retryAfterSumMs).toBe(8_000);
  });

  it('adds waits that do not overlap, in whatever order they were recorded', () => {
    expect(
      retryAfterUnionMs([
        { at: 10_000, ms: 1_000 },
        { at: 0, ms: 2_000 },
        { at: 2_000, ms: 500 },
      ]),
    ).toBe(3_500);
    expect(retryAfterUnionMs([])).toBe(0);
  });

  it('adds what the budget forces beyond a minute’s requests', () => {
    expect(wallFloorMs({ retryAfters: [], operationDelaysMs: [], requests: 450, perMinute: 300 }).rateLimitMs).toBe(
      30_000,
    );
  });

  it('leaves out a 429 on a request the publish goes on without (the editors’ names)', () => {
    const sent = [
      { at: 0, ms: 2_000 },
      { at: 5_000, ms: 3_000 },
    ];
    const rows = [
      { status: 200, pathTemplate: '/api/v2/workforcemanagement/businessunits/{businessUnitId}' },
      { status: 429, pathTemplate: '/api/v2/workforcemanagement/businessunits/{businessUnitId}' },
      { status: 429, pathTemplate: '/api/v2/users' },
    ];
    expect(forcedRetryAfters(sent, rows)).toEqual([sent[0]]);
    // Rows that do not pair up with what the sandbox sent: every 429 counts.
    expect(forcedRetryAfters(sent, rows.slice(0, 2))).toEqual(sent);
  });
});
