/** The port transport on Node's MessageChannel, standing in for Electron's MessageChannelMain. */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallContext, OpsMethodName, OpsOutcome } from '../../../shared/contract';
import { fakeMessageChannelMain } from '../../../test/contract/fake-electron';
import type { Dispatch } from '../dispatch';
import { createEventHub } from '../event-hub';
import { createPortClient, fromMessagePortMain, portClosedMessage, servePort, PortClosedError } from '.';

const opened: MessagePort[] = [];
afterEach(() => {
  for (const port of opened.splice(0)) port.close();
});

function channel() {
  const { port1, port2 } = new MessageChannel();
  opened.push(port1, port2);
  return { port1, port2 };
}

const ok = (result: unknown): OpsOutcome<OpsMethodName> => ({ ok: true, result }) as OpsOutcome<OpsMethodName>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const notice = (message: string) => ({ level: 'info' as const, message, at: '2026-11-23T12:00:00.000Z' });

/** Services that echo what they were asked, with the transport they were told. */
function echoServices(impl?: Dispatch) {
  const calls: Array<{ method: unknown; args: unknown; ctx: CallContext }> = [];
  const dispatch = vi.fn<Dispatch>(async (method, args, ctx) => {
    calls.push({ method, args, ctx });
    return impl ? impl(method, args, ctx) : ok({ method, args, transport: ctx.transport });
  });
  return { dispatch, events: createEventHub(), calls };
}

function connected(impl?: Dispatch) {
  const { port1, port2 } = channel();
  const services = echoServices(impl);
  const server = servePort(port1, services);
  const client = createPortClient(port2);
  return { services, server, client, serverEnd: port1, clientEnd: port2 };
}

describe('the port transport', () => {
  it('answers a call with the outcome of dispatch, on the port transport unless a relay names its own', async () => {
    const { client, services } = connected();
    expect(await client.call('app.info', {})).toEqual(ok({ method: 'app.info', args: {}, transport: 'port' }));
    expect(await client.call('app.info', {}, 'ipc')).toEqual(ok({ method: 'app.info', args: {}, transport: 'ipc' }));
    expect(services.calls.map((c) => c.ctx)).toEqual([{ transport: 'port' }, { transport: 'ipc' }]);
  });

  it('matches concurrent answers to their calls by id, whatever order they come back in', async () => {
    const { client } = connected(async (method, args) => {
      const n = (args as { n: number }).n;
      await sleep((5 - n) * 15); // the first call is answered last
      return ok({ n, method });
    });
    const answers = await Promise.all([1, 2, 3, 4, 5].map((n) => client.call('schedules.list', { n })));
    expect(answers).toEqual([1, 2, 3, 4, 5].map((n) => ok({ n, method: 'schedules.list' })));
  });

  it('forwards every event to subscribers of its name, and stops after unsubscribe', async () => {
    const { client, services } = connected();
    const notices: string[] = [];
    const all: string[] = [];
    const off = client.on('app.notice', (n) => notices.push(n.message));
    client.onAny((name) => all.push(name));
    services.events.emit('app.notice', notice('one'));
    services.events.emit('mirror.changed', { profileId: 'p', businessUnitId: 'b', tables: ['agents'] } as never);
    await vi.waitFor(() => expect(all).toEqual(['app.notice', 'mirror.changed']));
    expect(notices).toEqual(['one']);
    off();
    services.events.emit('app.notice', notice('two'));
    await vi.waitFor(() => expect(all).toHaveLength(3));
    expect(notices).toEqual(['one']);
  });

  it('ignores messages that are not requests, answers malformed requests with an error, and keeps serving', async () => {
    const { services, clientEnd } = connected();
    const answers: unknown[] = [];
    clientEnd.on('message', (m) => answers.push(m));
    for (const junk of [
      'garbage',
      null,
      42,
      [],
      {},
      { id: 'a' },
      { id: 0 },
      { id: 1.5 },
      { id: -3 },
      { event: 'app.notice' },
    ]) {
      clientEnd.postMessage(junk);
    }
    clientEnd.postMessage({ id: 7, method: 'app.info', args: {}, via: 'carrier-pigeon' });
    clientEnd.postMessage({ id: 8, method: 'app.info', args: {} });
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    expect(answers[0]).toMatchObject({
      id: 7,
      outcome: {
        ok: false,
        error: { code: 'badArguments', message: expect.stringMatching(/^Request 7 is malformed/) },
      },
    });
    expect(answers[1]).toEqual({ id: 8, outcome: ok({ method: 'app.info', args: {}, transport: 'port' }) });
    expect(services.dispatch).toHaveBeenCalledTimes(1);
  });

  it('ignores answers to no waiting call and events outside the contract; a garbled answer fails its call', async () => {
    const { port1: serverEnd, port2 } = channel();
    const client = createPortClient(port2);
    const seen: string[] = [];
    client.onAny((name) => seen.push(name));
    const requests: Array<{ id: number }> = [];
    serverEnd.on('message', (m: { id: number }) => requests.push(m));
    const first = client.call('app.info', {});
    const second = client.call('app.info', {});
    await vi.waitFor(() => expect(requests).toHaveLength(2));
    serverEnd.postMessage({ id: 999, outcome: { ok: true, result: 'forged' } });
    serverEnd.postMessage({ event: 'shell.exec', payload: 'rm -rf /' });
    serverEnd.postMessage('garbage');
    serverEnd.postMessage({ id: requests[0]!.id, outcome: { ok: 'yes' } });
    serverEnd.postMessage({ event: 'app.notice', payload: notice('real') });
    serverEnd.postMessage({ id: requests[1]!.id, outcome: { ok: true, result: 2 } });
    await expect(first).resolves.toMatchObject({ ok: false, error: { code: 'failed', category: 'internal' } });
    await expect(second).resolves.toEqual(ok(2));
    // A repeated answer to a settled call changes nothing.
    serverEnd.postMessage({ id: requests[1]!.id, outcome: { ok: true, result: 3 } });
    await vi.waitFor(() => expect(seen).toEqual(['app.notice']));
  });

  it('turns a throwing dispatcher and an answer structured clone refuses into failed outcomes', async () => {
    const { client } = connected(async (method) => {
      if (method === 'app.info') throw new Error('dispatcher bug');
      return ok({ run: () => 'functions do not cross ports' });
    });
    expect(await client.call('app.info', {})).toMatchObject({
      ok: false,
      error: { code: 'failed', category: 'internal', message: expect.stringContaining('dispatcher bug') },
    });
    expect(await client.call('jobs.list', {})).toMatchObject({
      ok: false,
      error: { code: 'failed', message: 'The services could not send this answer across the port.' },
    });
  });

  it('rejects calls in flight, and every later call, with a transport error when the port closes', async () => {
    const { client, server } = connected(() => new Promise(() => {}));
    const onClose = vi.fn();
    client.onClose(onClose);
    const inFlight = [client.call('app.info', {}), client.call('jobs.list', {})];
    await sleep(20);
    server.close();
    for (const call of inFlight) {
      await expect(call).rejects.toBeInstanceOf(PortClosedError);
      await expect(call).rejects.toThrow(portClosedMessage);
    }
    expect(onClose).toHaveBeenCalledOnce();
    expect(client.closed).toBe(true);
    await expect(client.call('app.info', {})).rejects.toThrow(
      "The console's services process stopped; Publish Desk is restarting it.",
    );
  });

  it('refuses an argument structured clone cannot carry without closing the port', async () => {
    const { client } = connected();
    await expect(client.call('app.info', { run: () => 1 })).rejects.toThrow(/could not be cloned/);
    expect(await client.call('app.info', {})).toMatchObject({ ok: true });
  });

  it('when the client closes, the server stops forwarding events and detaches from the hub', async () => {
    const { port1, port2 } = channel();
    const detach = vi.fn();
    const sinks: Array<(e: string, p: unknown) => void> = [];
    const server = servePort(port1, {
      dispatch: echoServices().dispatch,
      events: { attach: (s) => (sinks.push(s as never), detach) },
    });
    const serverClosed = vi.fn();
    server.onClose(serverClosed);
    const client = createPortClient(port2);
    expect(await client.call('app.info', {})).toMatchObject({ ok: true });
    client.close();
    await vi.waitFor(() => expect(serverClosed).toHaveBeenCalledOnce());
    expect(detach).toHaveBeenCalledOnce();
    expect(() => sinks[0]!('app.notice', notice('late'))).not.toThrow();
  });

  it("works over Electron's MessagePortMain shape ({data} events, silent until start) through the adapter", async () => {
    const { port1, port2 } = fakeMessageChannelMain();
    const services = echoServices();
    servePort(fromMessagePortMain(port1), services);
    const client = createPortClient(fromMessagePortMain(port2));
    const notices: string[] = [];
    client.on('app.notice', (n) => notices.push(n.message));
    expect(await client.call('app.info', {})).toEqual(ok({ method: 'app.info', args: {}, transport: 'port' }));
    services.events.emit('app.notice', notice('over main'));
    await vi.waitFor(() => expect(notices).toEqual(['over main']));
    const inFlight = createPortClient(fromMessagePortMain(port2)).call('app.info', {});
    port1.close();
    await expect(inFlight).rejects.toThrow(portClosedMessage);
  });
});
