/**
 * Stand-ins for the Electron pieces the services process hangs on, for a
 * machine without the Electron binary. MessagePortMain is imitated on one end
 * of Node's MessageChannel: messages arrive as `{data, ports}` events and wait
 * until `start()`, as they do in Electron, so the real adapter is exercised.
 */
import { EventEmitter } from 'node:events';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { MessagePortMainLike } from '../../main/services/port';

export class FakeMessagePortMain extends EventEmitter implements MessagePortMainLike {
  private started = false;
  private readonly queued: unknown[] = [];
  closed = false;

  constructor(private readonly port: MessagePort) {
    super();
    port.on('message', (data: unknown) => {
      if (this.started) this.emit('message', { data, ports: [] });
      else this.queued.push(data);
    });
    port.on('close', () => {
      this.closed = true;
      this.emit('close');
    });
  }

  postMessage(message: unknown): void {
    this.port.postMessage(message);
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    for (const data of this.queued.splice(0)) this.emit('message', { data, ports: [] });
  }

  close(): void {
    this.port.close();
  }
}

/** A MessageChannelMain stand-in: two MessagePortMain-shaped ends. */
export function fakeMessageChannelMain(): { port1: FakeMessagePortMain; port2: FakeMessagePortMain } {
  const channel = new MessageChannel();
  return { port1: new FakeMessagePortMain(channel.port1), port2: new FakeMessagePortMain(channel.port2) };
}

/** The child's side of a fake utility process: what Electron puts on `process.parentPort`. */
export class FakeParentPort extends EventEmitter {
  constructor(private readonly toParent: (message: unknown) => void) {
    super();
  }

  postMessage(message: unknown): void {
    this.toParent(structuredClone(message));
  }
}

/**
 * A utilityProcess stand-in that runs the child's code in this process: its
 * `postMessage(message, ports)` arrives on the child's parentPort as
 * `{data, ports}`, and the child's messages come back as 'message' events.
 * `crash()` ends it as a dying process would: 'exit', and its ports closed.
 */
export class FakeUtilityProcess extends EventEmitter {
  readonly parentPort = new FakeParentPort((m) => setImmediate(() => this.alive && this.emit('message', m)));
  readonly received: unknown[] = [];
  private readonly ports: FakeMessagePortMain[] = [];
  alive = true;

  constructor(run: (parentPort: FakeParentPort, exit: (code: number) => void) => void) {
    super();
    run(this.parentPort, (code) => this.end(code));
  }

  postMessage(message: unknown, transfer: FakeMessagePortMain[] = []): void {
    if (!this.alive) return;
    this.received.push(message);
    this.ports.push(...transfer);
    setImmediate(() => this.parentPort.emit('message', { data: structuredClone(message), ports: transfer }));
  }

  kill(): boolean {
    this.crash(143);
    return true;
  }

  crash(code = 1): void {
    for (const port of this.ports) port.close();
    this.end(code);
  }

  private end(code: number): void {
    if (!this.alive) return;
    this.alive = false;
    setImmediate(() => this.emit('exit', code));
  }
}
