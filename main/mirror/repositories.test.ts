import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProfileRepository } from './connection-profiles';
import { openDatabase } from './database';
import { createAuditRepository } from './request-audit';

function db() {
  return openDatabase(mkdtempSync(path.join(tmpdir(), 'pd-repo-'))).db;
}

const profile = {
  id: 'p1',
  name: 'Production (Sydney)',
  kind: 'region' as const,
  region: 'mypurecloud.com.au',
  baseUrl: null,
  grantType: 'client_credentials' as const,
  clientId: 'abc',
  createdAt: '2026-11-23T06:00:00Z',
  updatedAt: '2026-11-23T06:00:00Z',
};

describe('connection profiles', () => {
  it('saves, updates, finds by name and removes', () => {
    const repo = createProfileRepository(db());
    repo.save(profile);
    repo.save({ ...profile, clientId: 'def', updatedAt: '2026-11-23T07:00:00Z' });
    expect(repo.list()).toEqual([{ ...profile, clientId: 'def', updatedAt: '2026-11-23T07:00:00Z' }]);
    expect(repo.findByName('production (sydney)')?.id).toBe('p1');
    expect(repo.remove('p1')).toBe(true);
    expect(repo.get('p1')).toBeNull();
  });

  it('refuses a region profile without a region (schema check)', () => {
    const repo = createProfileRepository(db());
    expect(() => repo.save({ ...profile, region: null })).toThrow(/CHECK constraint/);
  });
});

describe('request audit', () => {
  it('records entries and filters by profile, outcome and search, newest first', () => {
    const audit = createAuditRepository(db());
    const base = { at: '2026-11-23T06:00:00Z', method: 'GET', durationMs: 12, attempt: 1, errorKind: null };
    audit.sink.record({
      ...base,
      profileId: 'a',
      pathTemplate: '/api/v2/workforcemanagement/businessunits',
      status: 200,
      contextId: 'c1',
    });
    audit.sink.record({
      ...base,
      profileId: 'a',
      pathTemplate: '/api/v2/users',
      status: 429,
      contextId: 'c2',
      errorKind: 'rateLimited',
    });
    audit.sink.record({
      ...base,
      profileId: 'b',
      pathTemplate: '/api/v2/users',
      status: null,
      contextId: null,
      errorKind: 'ambiguous',
    });
    expect(audit.query({ limit: 10, offset: 0 }).rows.map((r) => r.contextId)).toEqual([null, 'c2', 'c1']);
    expect(audit.query({ profileId: 'a', limit: 10, offset: 0 }).total).toBe(2);
    expect(audit.query({ outcome: 'failed', limit: 10, offset: 0 }).rows.map((r) => r.errorKind)).toEqual([
      'ambiguous',
      'rateLimited',
    ]);
    expect(audit.query({ outcome: 'ok', limit: 10, offset: 0 }).total).toBe(1);
    expect(audit.query({ search: 'businessunits', limit: 10, offset: 0 }).total).toBe(1);
    expect(audit.query({ search: '%', limit: 10, offset: 0 }).total).toBe(0);
    expect(audit.query({ limit: 1, offset: 1 }).rows[0]!.contextId).toBe('c2');
  });
});
