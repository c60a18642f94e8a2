/**
 * Answers that are not what the SDK types promise. A tiny local server plays
 * a misbehaving Genesys: every bad shape becomes a `malformed` GenesysError
 * naming the field (never a crash, never a half-read schedule), and unknown
 * extra fields are accepted.
 */
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGenesysApi, deafOperations } from '../../main/genesys/client/api';
import { GenesysError } from '../../main/genesys/client/errors';
import { createGenesysHttp } from '../../main/genesys/client/http';
import type { AuditEntry } from '../../main/genesys/types';

const token = 'local-secret-token-0123456789';
const wfm = '/api/v2/workforcemanagement';
let server: Server;
let base = '';
let echoAuthorization = false;
const answers = new Map<string, { status: number; body: string }>();

function answer(path: string, status: number, body: string) {
  answers.set(path, { status, body });
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const found = echoAuthorization
      ? {
          status: 400,
          body: JSON.stringify({ message: `Header not accepted: ${req.headers.authorization}`, code: 'bad.request' }),
        }
      : answers.get(new URL(req.url ?? '/', 'http://x').pathname);
    req.resume();
    res.writeHead(found?.status ?? 404, { 'content-type': 'application/json', 'inin-correlation-id': 'ctx-local-1' });
    res.end(found?.body ?? '{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function client() {
  const audit: AuditEntry[] = [];
  const sleeps: number[] = [];
  const httpClient = createGenesysHttp({
    env: { apiBase: base, loginBase: base },
    tokens: { getAccessToken: async () => token, invalidate: () => {} },
    audit: { record: (e) => audit.push(e) },
    profileId: 'local',
    maxReadAttempts: 2,
    // Half the backoff ceiling: with Math.random, a full-jitter draw of 0 ms skips the wait (1 run in a few hundred).
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  const api = createGenesysApi(httpClient, { operations: deafOperations });
  return { api, audit, sleeps };
}

async function malformed(p: Promise<unknown>): Promise<GenesysError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(GenesysError);
  const g = err as GenesysError;
  expect(g.kind).toBe('malformed');
  expect(g.contextId).toBe('ctx-local-1');
  expect(g.message).not.toContain(token);
  return g;
}

describe('malformed answers', () => {
  it('names the field whose type is wrong', async () => {
    answer(`${wfm}/businessunits`, 200, JSON.stringify({ entities: [{ id: 'bu-1' }, { id: 42, name: 'Bad' }] }));
    const { api, audit } = client();
    const err = await malformed(api.getBusinessUnits());
    expect(err.message).toContain('entities[1].id');
    // Logged as the failure it is, once: a bad shape is not retried.
    expect(audit).toEqual([
      expect.objectContaining({ status: 200, errorKind: 'malformed', contextId: 'ctx-local-1', attempt: 1 }),
    ]);
  });

  it('treats a 2xx that is not JSON, or is empty, as malformed', async () => {
    answer('/api/v2/organizations/me', 200, '<html>maintenance</html>');
    expect((await malformed(client().api.getOrganization())).message).toContain('not JSON');
    answer(`${wfm}/businessunits/bu-empty/managementunits`, 200, '');
    await malformed(client().api.getManagementUnits('bu-empty'));
  });

  it('refuses a time zone it cannot convert with, and zone-less shift instants', async () => {
    answer(
      `${wfm}/businessunits/bu-mars`,
      200,
      JSON.stringify({ id: 'bu-mars', settings: { timeZone: 'Mars/Olympus_Mons', startDayOfWeek: 'Monday' } }),
    );
    expect((await malformed(client().api.getBusinessUnit('bu-mars', { expandSettings: true }))).message).toContain(
      'settings.timeZone',
    );

    const query = `${wfm}/businessunits/bu-1/weeks/2026-11-23/schedules/s-1/agentschedules/query`;
    answer(
      query,
      200,
      JSON.stringify({
        status: 'Complete',
        result: {
          agentSchedules: [
            {
              user: { id: 'u-1' },
              metadata: { version: 1 },
              shifts: [{ startDate: '2026-11-23T14:00:00', lengthMinutes: 480 }],
            },
          ],
        },
      }),
    );
    const err = await malformed(
      client().api.queryAgentSchedules('bu-1', '2026-11-23', 's-1', { managementUnitId: 'mu-1' }),
    );
    expect(err.message).toContain('result.agentSchedules[0].shifts[0].startDate');
  });

  it('asks for what the analysis needs: an agent schedule without its version is malformed', async () => {
    const query = `${wfm}/businessunits/bu-2/weeks/2026-11-23/schedules/s-2/agentschedules/query`;
    answer(
      query,
      200,
      JSON.stringify({ status: 'Complete', result: { agentSchedules: [{ user: { id: 'u-1' }, shifts: [] }] } }),
    );
    const err = await malformed(
      client().api.queryAgentSchedules('bu-2', '2026-11-23', 's-2', { managementUnitId: 'mu-1' }),
    );
    expect(err.message).toContain('agentSchedules[0].metadata');
  });

  it('accepts fields it does not know, and keeps them', async () => {
    answer(
      `${wfm}/businessunits`,
      200,
      JSON.stringify({ entities: [{ id: 'bu-1', name: 'BU', brandNewField: { nested: true } }], alsoNew: 1 }),
    );
    const units = await client().api.getBusinessUnits();
    expect(units).toEqual([{ id: 'bu-1', name: 'BU', brandNewField: { nested: true } }]);
  });

  it('a 5xx with an HTML body is a server error (retried as a read), not a crash', async () => {
    answer(`${wfm}/businessunits/bu-down`, 502, '<html>Bad gateway</html>');
    const { api, audit, sleeps } = client();
    const err = await api.getBusinessUnit('bu-down').then(
      () => null,
      (e: unknown) => e as GenesysError,
    );
    expect(err?.kind).toBe('server');
    expect(err?.contextId).toBe('ctx-local-1');
    expect(audit.map((e) => e.status)).toEqual([502, 502]);
    expect(sleeps).toHaveLength(1);
  });

  it('never lets the token into a message or the Activity log, even when the server echoes it', async () => {
    echoAuthorization = true;
    const { api, audit } = client();
    const err = (await api.getBusinessUnit('bu-echo').catch((e: unknown) => e)) as GenesysError;
    echoAuthorization = false;
    expect(err.kind).toBe('invalid');
    expect(err.message).toContain('[redacted]');
    expect(`${err.message} ${JSON.stringify(err)} ${JSON.stringify(audit)}`).not.toContain(token);
  });
});
