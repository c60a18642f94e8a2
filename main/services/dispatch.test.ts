import { describe, expect, it, vi } from 'vitest';
import type { OpsApi } from '../../shared/contract';
import { createServices } from '.';
import { createDispatch } from './dispatch';

const fixedRuntime = { platform: 'test-x64', versions: { node: '20.0.0', electron: null, chrome: null } };

describe('dispatch', () => {
  const { dispatch } = createServices({
    appName: 'Publish Desk',
    appVersion: '9.9.9',
    dataDir: '/data/pd',
    mode: 'browser',
    runtime: fixedRuntime,
    now: () => new Date('2026-11-23T06:00:00Z'),
  });

  it('answers app.info with the transport that carried the call', async () => {
    const viaHttp = await dispatch('app.info', {}, { transport: 'http' });
    expect(viaHttp).toEqual({
      ok: true,
      result: {
        name: 'Publish Desk',
        version: '9.9.9',
        dataDir: '/data/pd',
        transport: 'http',
        mode: 'browser',
        platform: 'test-x64',
        versions: fixedRuntime.versions,
        startedAt: '2026-11-23T06:00:00.000Z',
      },
    });
    const viaIpc = await dispatch('app.info', undefined, { transport: 'ipc' });
    expect(viaIpc.ok && viaIpc.result.transport).toBe('ipc');
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

  it('turns a handler failure into a failed outcome and logs it', async () => {
    const log = vi.fn();
    const failing = { 'app.info': async () => Promise.reject(new Error('disk unreadable')) } satisfies OpsApi;
    const outcome = await createDispatch(failing, log)('app.info', {}, { transport: 'ipc' });
    expect(outcome).toEqual({ ok: false, error: { code: 'failed', message: 'disk unreadable' } });
    expect(log).toHaveBeenCalledWith('app.info failed: disk unreadable');
  });
});
