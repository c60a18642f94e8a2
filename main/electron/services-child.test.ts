/** The services process's side, with a fake parentPort and fake services. */
import { describe, expect, it, vi } from 'vitest';
import { FakeParentPort, fakeMessageChannelMain } from '../../test/contract/fake-electron';
import type { Services, ServicesOptions } from '../services';
import { createEventHub } from '../services/event-hub';
import { createPortClient, fromMessagePortMain } from '../services/port';
import { runServicesChild } from './services-child';

const start = {
  type: 'start',
  appName: 'Publish Desk',
  appVersion: '0.1.0-test',
  dataDir: '/data',
  nativeBinding: '/app/out/native/better_sqlite3.node',
  secrets: { filePath: '/data/secrets.json', allowPlaintextBackend: false, encryptionAvailable: false },
};

function child() {
  const toMain: unknown[] = [];
  const parentPort = new FakeParentPort((m) => toMain.push(m));
  const created: ServicesOptions[] = [];
  const close = vi.fn(async () => {});
  const exit = vi.fn();
  runServicesChild(parentPort, {
    exit,
    log: () => {},
    createServices: async (options) => {
      created.push(options);
      return {
        dispatch: async () => ({ ok: true, result: 'served' }),
        events: createEventHub(),
        jobs: {},
        movedAside: null,
        close,
      } as unknown as Services;
    },
  });
  const ops = fakeMessageChannelMain();
  const platform = fakeMessageChannelMain();
  const send = (data: unknown, ports = [ops.port2, platform.port2]) => parentPort.emit('message', { data, ports });
  return {
    send,
    created,
    close,
    exit,
    toMain,
    ops,
    platform,
    main: () => createPortClient(fromMessagePortMain(ops.port1)),
  };
}

describe('the services process', () => {
  it('ignores anything but a well-formed start with its two ports, then starts once', async () => {
    const c = child();
    c.send('hello');
    c.send(null);
    c.send({ type: 'start' });
    c.send({ ...start, dataDir: 42 });
    c.send(start, []);
    c.send(start, [c.ops.port2]);
    await new Promise((r) => setTimeout(r, 20));
    expect(c.created).toHaveLength(0);
    c.send(start);
    c.send(start);
    const client = c.main();
    expect(await client.call('app.info', {})).toEqual({ ok: true, result: 'served' });
    expect(c.created).toHaveLength(1);
    expect(c.created[0]).toMatchObject({
      mode: 'electron',
      dataDir: '/data',
      nativeBinding: '/app/out/native/better_sqlite3.node',
    });
    // No keychain in main: the vault keeps secrets in memory and says so.
    expect(c.created[0]!.vault).toMatchObject({ backend: 'memory', persistent: false });
    expect(c.exit).not.toHaveBeenCalled();
  });

  it('closes the services and exits when main closes its port, or says stop', async () => {
    const closedByPort = child();
    closedByPort.send(start);
    const client = closedByPort.main();
    await client.call('app.info', {});
    client.close();
    await vi.waitFor(() => expect(closedByPort.exit).toHaveBeenCalledWith(0));
    expect(closedByPort.close).toHaveBeenCalledOnce();

    const stopped = child();
    stopped.send(start);
    await stopped.main().call('app.info', {});
    stopped.send({ type: 'stop' }, []);
    await vi.waitFor(() => expect(stopped.exit).toHaveBeenCalledWith(0));
    expect(stopped.close).toHaveBeenCalledOnce();

    const early = child();
    early.send({ type: 'stop' }, []);
    await vi.waitFor(() => expect(early.exit).toHaveBeenCalledWith(0));
  });
});
