/**
 * Connections through the contract, as the Connections screen uses them,
 * against sandbox orgs over real HTTP: the built-in sandbox, a client-
 * credentials profile, a supervisor (PKCE) profile through a scripted browser
 * hop, expiry and re-login, and the no-secret-leak grep.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryVault } from '../../main/genesys/vault/memory-vault';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/server';
import type { Services } from '../../main/services';
import type { ConnectionStatus } from '../../shared/connections';
import type { OpsArgs, OpsMethodName, OpsResult } from '../../shared/contract';
import { tempDataDir, tempServices } from '../support/temp-services';

let clock = new Date('2026-11-23T12:00:00Z');
const now = () => clock;
let services: Services;
let org: RunningSandbox;
let dataDir: string;
const vault = createMemoryVault();
const logs: string[] = [];
const pushed: unknown[] = [];
const answers: unknown[] = [];

async function call<M extends OpsMethodName>(method: M, args: OpsArgs<M>): Promise<OpsResult<M>> {
  const outcome = await services.dispatch(method, args, { transport: 'ipc' });
  answers.push(outcome);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.result as OpsResult<M>;
}

/** The system browser, scripted: follow the authorize redirect to the loopback callback. */
async function scriptedBrowser(url: string): Promise<void> {
  const authorize = await fetch(url, { redirect: 'manual' });
  const callback = authorize.headers.get('location');
  if (!callback) throw new Error(`authorize did not redirect: ${authorize.status}`);
  await fetch(callback);
}

beforeAll(async () => {
  org = await startSandbox({ seed: 12, agents: 40, autoApprove: true, tokenLifetimeSeconds: 3600, now });
  dataDir = tempDataDir();
  services = await tempServices({
    dataDir,
    vault,
    now,
    openBrowser: scriptedBrowser,
    log: (l) => logs.push(l),
    sandbox: { agents: 40, now },
  });
  services.events.attach((name, payload) => pushed.push({ name, payload }));
});
afterAll(async () => {
  await services.close();
  await org.close();
});

describe('the built-in sandbox org', () => {
  it('exists from first start, signs in and shows the org name', async () => {
    const [sandbox] = await call('connections.list', {});
    expect(sandbox).toMatchObject({ name: 'Sandbox org', kind: 'sandbox', state: 'signedOut', hasSecret: true });
    const signedIn = await call('connections.signIn', { id: sandbox!.id });
    expect(signedIn).toMatchObject({ state: 'signedIn', orgName: 'Sandbox Org', identity: 'OAuth client sandbox' });
    expect(Date.parse(signedIn.tokenExpiresAt!)).toBeGreaterThan(clock.getTime());
    await expect(call('connections.remove', { id: sandbox!.id })).rejects.toThrow(/cannot be removed/);
  });

  it('records each request in the Activity log, with its contextId', async () => {
    const { rows } = await call('activity.list', { limit: 50, offset: 0 });
    const orgRead = rows.find((r) => r.pathTemplate === '/api/v2/organizations/me');
    expect(orgRead).toMatchObject({ method: 'GET', status: 200, attempt: 1, profileId: 'sandbox-org' });
    expect(orgRead!.contextId).toMatch(/^[0-9a-f-]{36}$/);
    expect(rows.find((r) => r.pathTemplate === '/oauth/token')).toMatchObject({
      method: 'POST',
      status: 200,
      profileId: 'sandbox-org',
    });
  });
});

describe('a client-credentials profile', () => {
  let profile: ConnectionStatus;
  it('is refused with words when a field is wrong', async () => {
    const base = {
      name: 'Chicago (sandbox URL)',
      kind: 'custom' as const,
      baseUrl: org.baseUrl,
      grantType: 'client_credentials' as const,
      clientId: org.clientId,
    };
    await expect(call('connections.save', base)).rejects.toThrow(/Enter the client secret/);
    await expect(call('connections.save', { ...base, kind: 'region', region: 'moon.example' })).rejects.toThrow(
      /"moon.example" is not a Genesys Cloud region/,
    );
    await expect(call('connections.save', { ...base, name: 'Sandbox org', clientSecret: 'x' })).rejects.toThrow(
      /already exists/,
    );
    await expect(call('connections.save', { ...base, baseUrl: 'ftp://x' })).rejects.toThrow(
      /must start with https:\/\//,
    );
  });

  it('saves without the secret in SQLite, tests and shows the org', async () => {
    profile = await call('connections.save', {
      name: 'Chicago (sandbox URL)',
      kind: 'custom',
      baseUrl: org.baseUrl,
      grantType: 'client_credentials',
      clientId: org.clientId,
      clientSecret: org.clientSecret,
    });
    expect(profile).toMatchObject({ state: 'signedOut', hasSecret: true });
    expect(await vault.get(`secret:${profile.id}`)).toBe(org.clientSecret);
    const tested = await call('connections.test', { id: profile.id });
    expect(tested).toMatchObject({ state: 'signedIn', orgName: 'Sandbox Org' });
  });

  it('explains a wrong secret and what to do', async () => {
    const draft = {
      id: profile.id,
      name: profile.name,
      kind: 'custom' as const,
      baseUrl: org.baseUrl,
      grantType: 'client_credentials' as const,
      clientId: org.clientId,
    };
    const wrong = await call('connections.save', { ...draft, clientSecret: 'not-the-secret' });
    expect(wrong.state).toBe('signedOut');
    await expect(call('connections.signIn', { id: profile.id })).rejects.toThrow(
      /client id and secret in Genesys Cloud Admin > OAuth/,
    );
    const [after] = (await call('connections.list', {})).filter((c) => c.id === profile.id);
    expect(after!.lastError).toMatch(/Genesys Cloud Admin > OAuth/);
    const failed = await call('activity.list', { profileId: profile.id, outcome: 'failed', limit: 10, offset: 0 });
    expect(failed.rows[0]).toMatchObject({ pathTemplate: '/oauth/token', status: 401 });
    await call('connections.save', { ...draft, clientSecret: org.clientSecret });
    expect((await call('connections.signIn', { id: profile.id })).state).toBe('signedIn');
  });
});

describe('a supervisor (PKCE) profile', () => {
  let id: string;
  it('signs in through the system browser and shows who is signed in', async () => {
    const supervisorClient = [...org.runtime.org.clients.values()].find((c) =>
      c.grantTypes.includes('authorization_code'),
    )!;
    const saved = await call('connections.save', {
      name: 'Supervisor sign-in',
      kind: 'custom',
      baseUrl: org.baseUrl,
      grantType: 'authorization_code',
      clientId: supervisorClient.clientId,
    });
    id = saved.id;
    const signedIn = await call('connections.signIn', { id });
    const supervisor = org.runtime.org.users.get(supervisorClient.userId!)!;
    expect(signedIn).toMatchObject({ state: 'signedIn', orgName: 'Sandbox Org', identity: supervisor.name });
  });

  it('asks to sign in again (auth.required) when the session ends, then works again', async () => {
    clock = new Date(clock.getTime() + 2 * 3600_000);
    pushed.length = 0;
    await expect(call('connections.test', { id })).rejects.toThrow();
    const [status] = (await call('connections.list', {})).filter((c) => c.id === id);
    expect(status!.state).toBe('expired');
    expect(pushed).toContainEqual({
      name: 'connections.authRequired',
      payload: expect.objectContaining({ profileId: id, profileName: 'Supervisor sign-in' }),
    });
    expect((await call('connections.signIn', { id })).state).toBe('signedIn');
  });

  it('signs out', async () => {
    expect((await call('connections.signOut', { id })).state).toBe('signedOut');
  });
});

describe('secrets never leave main', () => {
  it('no token or client secret appears in answers, events, logs, the audit table or the database files', async () => {
    const secrets: string[] = [org.clientSecret];
    for (const c of await call('connections.list', {})) {
      const raw = await vault.get(`token:${c.id}`);
      if (raw) secrets.push((JSON.parse(raw) as { accessToken: string }).accessToken);
    }
    expect(secrets.length).toBeGreaterThanOrEqual(3);
    const audit = await call('activity.list', { limit: 500, offset: 0 });
    const haystacks = [JSON.stringify(answers), JSON.stringify(pushed), logs.join('\n'), JSON.stringify(audit)];
    for (const file of readdirSync(dataDir)) haystacks.push(readFileSync(path.join(dataDir, file)).toString('latin1'));
    for (const secret of secrets) {
      for (const hay of haystacks) expect(hay.includes(secret)).toBe(false);
    }
  });
});
