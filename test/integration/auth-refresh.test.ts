/**
 * A supervisor session outlives its access token when Genesys issues a
 * refresh token: the console trades it silently (recorded in the Activity
 * log) instead of asking to sign in again. Without one, the session ends with
 * connections.authRequired (connections.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/server';
import type { Services } from '../../main/services';
import type { OpsArgs, OpsMethodName, OpsResult } from '../../shared/contract';
import { tempServices } from '../support/temp-services';

let clock = new Date('2026-11-23T12:00:00Z');
const now = () => clock;
let services: Services;
let org: RunningSandbox;
const pushed: string[] = [];

async function call<M extends OpsMethodName>(method: M, args: OpsArgs<M>): Promise<OpsResult<M>> {
  const outcome = await services.dispatch(method, args, { transport: 'inProcess' });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.result as OpsResult<M>;
}

async function scriptedBrowser(url: string): Promise<void> {
  const authorize = await fetch(url, { redirect: 'manual' });
  await fetch(authorize.headers.get('location')!);
}

beforeAll(async () => {
  org = await startSandbox({
    seed: 13,
    agents: 20,
    autoApprove: true,
    refreshTokens: true,
    tokenLifetimeSeconds: 3600,
    now,
  });
  services = await tempServices({ now, openBrowser: scriptedBrowser });
  services.events.attach((name) => pushed.push(name));
});
afterAll(async () => {
  await services.close();
  await org.close();
});

describe('a supervisor session with a refresh token', () => {
  it('goes on past the access token’s expiry without a new sign-in', async () => {
    const supervisorClient = [...org.runtime.org.clients.values()].find((c) =>
      c.grantTypes.includes('authorization_code'),
    )!;
    const { id } = await call('connections.save', {
      name: 'Supervisor',
      kind: 'custom',
      baseUrl: org.baseUrl,
      grantType: 'authorization_code',
      clientId: supervisorClient.clientId,
    });
    const first = await call('connections.signIn', { id });
    expect(first.state).toBe('signedIn');

    clock = new Date(clock.getTime() + 2 * 3600_000);
    const later = await call('connections.test', { id });
    expect(later).toMatchObject({ state: 'signedIn', orgName: 'Sandbox Org' });
    expect(Date.parse(later.tokenExpiresAt!)).toBeGreaterThan(clock.getTime());
    expect(pushed).not.toContain('connections.authRequired');
    const { rows } = await call('activity.list', { profileId: id, limit: 50, offset: 0 });
    // The code exchange, then the refresh: two token requests, both answered.
    expect(rows.filter((r) => r.pathTemplate === '/oauth/token').map((r) => r.status)).toEqual([200, 200]);
  });
});
