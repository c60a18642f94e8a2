import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OpsApi } from '../../shared/contract';
import { tempServices } from '../../test/support/temp-services';
import type { Services } from '.';
import { badInput, OpsError } from '../../shared/ops-error';
import { VaultError } from '../genesys/vault/vault';
import { createDispatch } from './dispatch';
import { failureCategory, httpStatusFor } from './failure-category';

const fixedRuntime = { platform: 'test-x64', versions: { node: '20.0.0', electron: null, chrome: null } };

describe('dispatch', () => {
  let services: Services;
  let dataDir: string;
  const dispatch: Services['dispatch'] = (m, a, c) => services.dispatch(m, a, c);
  beforeAll(async () => {
    const { tempDataDir } = await import('../../test/support/temp-services');
    dataDir = tempDataDir();
    services = await tempServices({
      appVersion: '9.9.9',
      dataDir,
      runtime: fixedRuntime,
      now: () => new Date('2026-11-23T06:00:00Z'),
    });
  });
  afterAll(() => services.close());

  it('answers app.info with the transport that carried the call', async () => {
    const viaHttp = await dispatch('app.info', {}, { transport: 'http' });
    expect(viaHttp).toEqual({
      ok: true,
      result: {
        name: 'Publish Desk',
        version: '9.9.9',
        dataDir,
        transport: 'http',
        mode: 'browser',
        platform: 'test-x64',
        versions: fixedRuntime.versions,
        startedAt: '2026-11-23T06:00:00.000Z',
        databaseMovedAside: null,
      },
    });
    const viaIpc = await dispatch('app.info', undefined, { transport: 'ipc' });
    expect(viaIpc.ok && (viaIpc.result as { transport: string }).transport).toBe('ipc');
  });

  it('says where a corrupt database went, so the console can offer a resync', async () => {
    const { writeFileSync } = await import('node:fs');
    const path = await import('node:path');
    const { tempDataDir } = await import('../../test/support/temp-services');
    const dir = tempDataDir();
    writeFileSync(path.join(dir, 'publish-desk.sqlite'), 'not a database at all '.repeat(200));
    const broken = await tempServices({ dataDir: dir });
    const outcome = await broken.dispatch('app.info', {}, { transport: 'http' });
    expect(outcome.ok && (outcome.result as { databaseMovedAside: string }).databaseMovedAside).toMatch(
      /publish-desk\.sqlite\.corrupt-/,
    );
    await broken.close();
  });

  it('refuses names outside the contract', async () => {
    const outcome = await dispatch('app.shutdown', {}, { transport: 'ipc' });
    expect(outcome).toEqual({ ok: false, error: { code: 'unknownMethod', message: 'Unknown method: "app.shutdown"' } });
    const proto = await dispatch('__proto__', {}, { transport: 'ipc' });
    expect(proto.ok).toBe(false);
  });

  it('refuses arguments that do not match the method', async () => {
    const outcome = await dispatch('app.info', { surprise: true }, { transport: 'http' });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error.code).toBe('badArguments');
  });

  it('turns a handler failure into a failed outcome with its category, words for the user, and the stack only in the log', async () => {
    const log = vi.fn();
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
    const failing = {
      'app.info': async () => Promise.reject(bug),
      'connections.vault': async () => Promise.reject(badInput('Pick a region from the list.')),
    } as unknown as OpsApi;
    const dispatch = createDispatch(failing, log);
    const internal = await dispatch('app.info', {}, { transport: 'ipc' });
    expect(internal).toEqual({
      ok: false,
      error: {
        code: 'failed',
        category: 'internal',
        message: expect.stringMatching(
          /^Publish Desk ran into a problem it did not expect \(Cannot read properties.*\)\. Try again/,
        ),
      },
    });
    expect(JSON.stringify(internal)).not.toMatch(/\bat .*\.ts:\d+/);
    expect(log.mock.calls[0]![0]).toContain(bug.stack!.split('\n')[1]!.trim());
    expect(await dispatch('connections.vault', {}, { transport: 'ipc' })).toEqual({
      ok: false,
      error: { code: 'failed', category: 'badInput', message: 'Pick a region from the list.' },
    });
    expect(log).toHaveBeenLastCalledWith('connections.vault failed: Pick a region from the list.');
  });

  it('sorts storage, vault and sign-in failures into their categories', () => {
    expect(
      failureCategory(Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' })),
    ).toBe('storage');
    expect(failureCategory(Object.assign(new Error('no space'), { code: 'ENOSPC' }))).toBe('storage');
    expect(failureCategory(new VaultError('wrong-passphrase', 'x'))).toBe('auth');
    expect(failureCategory(new VaultError('unreadable-entry', 'x'))).toBe('auth');
    expect(failureCategory(new VaultError('corrupt', 'x'))).toBe('storage');
    expect(failureCategory(new OpsError('conflict', 'busy'))).toBe('conflict');
    expect(failureCategory('a string')).toBe('internal');
    expect([
      httpStatusFor('badInput'),
      httpStatusFor('auth'),
      httpStatusFor('conflict'),
      httpStatusFor('unavailable'),
      httpStatusFor('internal'),
    ]).toEqual([400, 401, 409, 503, 500]);
  });
});
