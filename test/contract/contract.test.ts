/** The same contract cases over every transport: they must behave identically. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpsCallError } from '../../renderer/bridge/call-error';
import { dataDirs, startHttpHarness, startIpcHarness, startPortHarness, type TransportHarness } from './transports';

const transports: Array<[string, () => Promise<TransportHarness> | TransportHarness]> = [
  ['Electron IPC (relayed over the services port)', startIpcHarness],
  ['MessagePort', startPortHarness],
  ['HTTP host', startHttpHarness],
];

describe.each(transports)('contract over %s', (_label, start) => {
  let t: TransportHarness;
  beforeAll(async () => {
    t = await start();
  });
  afterAll(async () => {
    await t.close();
  });

  it('app.info reports the transport that carried it', async () => {
    const info = await t.client.call('app.info', {});
    expect(info.transport).toBe(t.name);
    expect(info.mode).toBe(t.name === 'http' ? 'browser' : 'electron');
    expect(info.version).toBe('0.1.0-test');
    expect(info.dataDir).toBe(dataDirs.get(t.name));
    expect(Date.parse(info.startedAt)).not.toBeNaN();
  });

  it('refuses a method that is not in the contract', async () => {
    expect(await t.rawCall('app.exec', { cmd: 'rm -rf /' })).toEqual({
      ok: false,
      error: { code: 'unknownMethod', message: 'Unknown method: "app.exec"' },
    });
    expect(await t.rawCall(null, {})).toMatchObject({ ok: false, error: { code: 'unknownMethod' } });
  });

  it('refuses arguments that do not match, and the client raises it as an OpsCallError', async () => {
    expect(await t.rawCall('app.info', { path: '/etc' })).toMatchObject({ ok: false, error: { code: 'badArguments' } });
    const bad = t.client.call('app.info', { path: '/etc' } as unknown as Record<string, never>);
    await expect(bad).rejects.toBeInstanceOf(OpsCallError);
    await expect(bad).rejects.toMatchObject({ code: 'badArguments' });
  });

  it('answers a wrong week or region as bad input that says what to do, and the client carries the category', async () => {
    const unit = { profileId: 'sandbox', businessUnitId: 'never-synced' };
    expect(await t.rawCall('analysis.rerun', { ...unit, week: '2025-02-30' })).toMatchObject({
      ok: false,
      error: {
        code: 'badArguments',
        category: 'badInput',
        message: expect.stringContaining('2025-02-30 is not a date on the calendar'),
      },
    });
    expect(await t.rawCall('analysis.rerun', { ...unit, week: '2026-11-30' })).toMatchObject({
      ok: false,
      error: {
        code: 'failed',
        category: 'badInput',
        message: expect.stringContaining('has not been synced on this machine yet'),
      },
    });
    const draft = {
      name: 'Moon',
      kind: 'region',
      region: 'moon.example',
      grantType: 'client_credentials',
      clientId: 'c',
      clientSecret: 's',
    } as const;
    await expect(t.client.call('connections.save', draft)).rejects.toMatchObject({
      code: 'failed',
      category: 'badInput',
      message: '"moon.example" is not a Genesys Cloud region. Pick one from the list.',
    });
  });

  it('pushes app.notice events to subscribers, and stops after unsubscribe', async () => {
    const received: string[] = [];
    const off = t.client.on('app.notice', (n) => received.push(n.message));
    const notice = (message: string) => ({ level: 'info' as const, message, at: new Date().toISOString() });
    // The WebSocket connects asynchronously: emit until the first one lands.
    for (let i = 0; i < 50 && received.length === 0; i++) {
      t.services.events.emit('app.notice', notice('first'));
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(received[0]).toBe('first');
    received.length = 0;
    t.services.events.emit('app.notice', notice('second'));
    await new Promise((r) => setTimeout(r, 50));
    expect(received).toEqual(['second']);
    off();
    t.services.events.emit('app.notice', notice('after-off'));
    await new Promise((r) => setTimeout(r, 50));
    expect(received).toEqual(['second']);
  });
});
