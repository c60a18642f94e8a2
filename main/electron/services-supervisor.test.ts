/**
 * Main's side of the services process, with a fake utilityProcess running the
 * real child code (services-child.ts) over Node's MessageChannel, and fake
 * services so a test decides when a call answers and when the process dies.
 */
import { describe, expect, it, vi } from 'vitest';
import { OpsError } from '../../shared/ops-error';
import { FakeUtilityProcess, fakeMessageChannelMain } from '../../test/contract/fake-electron';
import type { Services, ServicesOptions } from '../services';
import type { Dispatch } from '../services/dispatch';
import { createEventHub } from '../services/event-hub';
import { portClosedMessage } from '../services/port';
import { runServicesChild } from './services-child';
import { relayDispatch } from './services-relay';
import { superviseServices, type SupervisorOptions } from './services-supervisor';

const start = {
  appName: 'Publish Desk',
  appVersion: '0.1.0-test',
  dataDir: '/home/sam/.config/Publish Desk',
  secrets: {
    filePath: '/home/sam/.config/Publish Desk/secrets.json',
    allowPlaintextBackend: false,
    encryptionAvailable: true,
    backend: 'gnome_libsecret',
  },
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const never = new Promise<never>(() => {});

interface Child {
  options: ServicesOptions;
  services: Services;
  close: ReturnType<typeof vi.fn>;
}

/** Services that answer with their generation and the transport they were told; 'jobs.list' never answers. */
function fakeCreateServices(children: Child[], closeImpl: () => Promise<void> = async () => {}) {
  return async (options: ServicesOptions): Promise<Services> => {
    const generation = children.length + 1;
    const dispatch: Dispatch = async (method, _args, ctx) =>
      method === 'jobs.list' ? never : ({ ok: true, result: { generation, transport: ctx.transport } } as never);
    const close = vi.fn(closeImpl);
    const services = {
      dispatch,
      events: createEventHub(),
      jobs: {} as Services['jobs'],
      movedAside: null,
      close,
    } as Services;
    children.push({ options, services, close });
    return services;
  };
}

function supervised(
  overrides: Partial<SupervisorOptions> & { createServices?: (o: ServicesOptions) => Promise<Services> } = {},
) {
  const procs: FakeUtilityProcess[] = [];
  const children: Child[] = [];
  const events: Array<{ event: string; payload: unknown }> = [];
  const log: string[] = [];
  let clock = Date.parse('2026-11-23T12:00:00Z');
  const create = overrides.createServices ?? fakeCreateServices(children);
  const supervisor = superviseServices({
    fork: () => {
      const proc = new FakeUtilityProcess((parentPort, exit) =>
        runServicesChild(parentPort, { createServices: create, exit, log: () => {} }),
      );
      procs.push(proc);
      return proc;
    },
    createChannel: fakeMessageChannelMain,
    start,
    abilities: {
      safeStorage: { encryptString: (s) => Buffer.from(s), decryptString: (b) => b.toString() },
      openExternal: async () => {},
    },
    onEvent: (event, payload) => events.push({ event, payload }),
    restartDelayMs: () => 5,
    now: () => clock,
    log: (line) => log.push(line),
    ...overrides,
  });
  const dispatch = relayDispatch(supervisor);
  const call = (method: string) => dispatch(method, {}, { transport: 'ipc' });
  const notices = () =>
    events.filter((e) => e.event === 'app.notice').map((e) => e.payload as { level: string; message: string });
  return { supervisor, procs, children, events, notices, log, call, advance: (ms: number) => (clock += ms) };
}

describe('the services supervisor', () => {
  it('starts the services in a utility process on two ports and relays calls, saying they came by IPC', async () => {
    const s = supervised();
    expect(await s.call('app.info')).toEqual({ ok: true, result: { generation: 1, transport: 'ipc' } });
    expect(s.procs).toHaveLength(1);
    expect(s.procs[0]!.received[0]).toEqual({ type: 'start', ...start });
    const opts = s.children[0]!.options;
    expect(opts).toMatchObject({ mode: 'electron', appName: 'Publish Desk', dataDir: start.dataDir });
    expect(opts.vault).toMatchObject({ backend: 'safeStorage', persistent: true });
    expect(opts.vault!.describe()).toMatch(/GNOME keyring/);
    await s.supervisor.stop();
  });

  it("forwards the services' events to the window", async () => {
    const s = supervised();
    await s.call('app.info');
    s.children[0]!.services.events.emit('mirror.changed', { tables: ['agents'] } as never);
    await vi.waitFor(() => expect(s.events).toEqual([{ event: 'mirror.changed', payload: { tables: ['agents'] } }]));
    await s.supervisor.stop();
  });

  it('answers a call in flight when the process dies with a transport failure, tells the window, and restarts', async () => {
    const s = supervised();
    await s.call('app.info');
    const inFlight = s.call('jobs.list');
    await sleep(10);
    s.procs[0]!.crash(134);
    expect(await inFlight).toEqual({
      ok: false,
      error: { code: 'failed', category: 'unavailable', message: portClosedMessage },
    });
    expect(s.notices()).toEqual([
      expect.objectContaining({
        level: 'warning',
        message: expect.stringMatching(/stopped unexpectedly \(exit code 134\); Publish Desk is restarting/),
      }),
    ]);
    // A call made while the restart waits goes to the new process.
    expect(await s.call('app.info')).toEqual({ ok: true, result: { generation: 2, transport: 'ipc' } });
    expect(s.procs).toHaveLength(2);
    await s.supervisor.stop();
  });

  it('stops restarting a process that keeps dying soon after start, and says so on every call', async () => {
    const s = supervised({ maxRestarts: 2 });
    await s.call('app.info');
    for (let i = 0; i < 2; i++) {
      s.procs[i]!.crash(1);
      await vi.waitFor(() => expect(s.procs).toHaveLength(i + 2));
      expect(await s.call('app.info')).toMatchObject({ ok: true, result: { generation: i + 2 } });
    }
    s.procs[2]!.crash(1);
    await vi.waitFor(() => expect(s.notices().at(-1)?.level).toBe('error'));
    const outcome = await s.call('app.info');
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'failed', category: 'internal', message: expect.stringMatching(/keep stopping/) },
    });
    await sleep(30);
    expect(s.procs).toHaveLength(3);
    expect(s.notices().map((n) => n.level)).toEqual(['warning', 'warning', 'error']);
  });

  it('counts only crashes soon after a start: a process that ran a while is always restarted', async () => {
    const s = supervised({ maxRestarts: 1, stableAfterMs: 60_000 });
    for (let i = 0; i < 3; i++) {
      await s.call('app.info');
      s.advance(61_000);
      s.procs[i]!.crash(1);
      await vi.waitFor(() => expect(s.procs).toHaveLength(i + 2));
    }
    expect(await s.call('app.info')).toEqual({ ok: true, result: { generation: 4, transport: 'ipc' } });
    await s.supervisor.stop();
  });

  it('does not restart services that could not start: every call, even one already sent, gets their reason', async () => {
    const refused = new OpsError(
      'storage',
      'The data folder /home/sam is read-only. Choose another folder, or fix this one.',
    );
    const s = supervised({ createServices: async () => Promise.reject(refused) });
    const early = s.call('app.info');
    expect(await early).toEqual({
      ok: false,
      error: { code: 'failed', category: 'storage', message: refused.message },
    });
    expect(await s.call('app.info')).toEqual({
      ok: false,
      error: { code: 'failed', category: 'storage', message: refused.message },
    });
    expect(s.notices()).toEqual([expect.objectContaining({ level: 'error', message: refused.message })]);
    await vi.waitFor(() => expect(s.procs[0]!.alive).toBe(false));
    expect(s.procs[0]!.received).toContainEqual({ type: 'stop' });
    await sleep(30);
    expect(s.procs).toHaveLength(1);
  });

  it('stop lets the services close the database and exit, and restarts nothing after', async () => {
    const s = supervised();
    await s.call('app.info');
    await s.supervisor.stop();
    expect(s.children[0]!.close).toHaveBeenCalledOnce();
    expect(s.procs[0]!.alive).toBe(false);
    await sleep(30);
    expect(s.procs).toHaveLength(1);
    expect(await s.call('app.info')).toMatchObject({ ok: false, error: { message: 'Publish Desk is quitting.' } });
  });

  it('stop kills services that do not exit in time', async () => {
    const children: Child[] = [];
    const s = supervised({ createServices: fakeCreateServices(children, () => never), stopTimeoutMs: 30 });
    await s.call('app.info');
    await s.supervisor.stop();
    expect(children[0]!.close).toHaveBeenCalledOnce();
    expect(s.procs[0]!.alive).toBe(false);
  });

  it('says so on every call when the process cannot even be forked', async () => {
    const s = supervised({
      fork: () => {
        throw new Error('ENOENT out/main/services.cjs');
      },
    });
    expect(await s.call('app.info')).toMatchObject({
      ok: false,
      error: { code: 'failed', message: expect.stringContaining('ENOENT out/main/services.cjs') },
    });
    expect(s.notices()).toEqual([expect.objectContaining({ level: 'error' })]);
    await s.supervisor.stop();
  });
});

describe('relayDispatch', () => {
  it('turns an unexpected transport error into a failed outcome instead of a rejected invoke', async () => {
    const client = { call: () => Promise.reject(new Error('DataCloneError')) } as never;
    const dispatch = relayDispatch({ current: async () => ({ client }), peek: () => ({ client }) });
    expect(await dispatch('app.info', {}, { transport: 'ipc' })).toMatchObject({
      ok: false,
      error: { code: 'failed', category: 'internal', message: expect.stringContaining('DataCloneError') },
    });
  });
});
