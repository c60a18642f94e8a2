/**
 * Keeps the services process running: forks it, hands it its two ports (the
 * contract port and the platform port), serves the platform port, and when
 * the process stops unexpectedly tells the window and starts a new one after
 * a short, growing wait. A process that keeps dying soon after start, or that
 * could not start at all, is left down and every call says why.
 *
 * Written against `...Like` shapes of utilityProcess and MessageChannelMain,
 * so it runs in tests on Node's MessageChannel with a fake process.
 */
import type { AppNotice, OpsEventName, OpsFailure } from '../../shared/contract';
import { createPortClient, fromMessagePortMain, type MessagePortMainLike, type PortClient } from '../services/port';
import { servePlatformRelay, type PlatformAbilities } from './platform-relay';
import { fromServicesMessage, type StartOptions } from './services-start';

export interface UtilityProcessLike {
  postMessage(message: unknown, transfer?: MessagePortMainLike[]): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface SupervisorOptions {
  fork(): UtilityProcessLike;
  createChannel(): { port1: MessagePortMainLike; port2: MessagePortMainLike };
  start: StartOptions;
  abilities: PlatformAbilities;
  /** Every contract event from the services, and the supervisor's own notices. */
  onEvent(event: OpsEventName, payload: unknown): void;
  /** Wait before the nth restart in a row. */
  restartDelayMs?(attempt: number): number;
  /** A process that ran this long before it stopped was not crash-looping. */
  stableAfterMs?: number;
  /** Restarts in a row (each soon after the last start) before giving up. */
  maxRestarts?: number;
  /** How long `stop` waits for a clean exit before killing. */
  stopTimeoutMs?: number;
  now?(): number;
  log?(line: string): void;
}

/** Where a call goes now: the live services, or why there are none. */
export type ServicesSlot = { client: PortClient } | { failure: OpsFailure };

export interface ServicesSupervisor {
  /** Resolves once the services can take a call (waits through a restart). */
  current(): Promise<ServicesSlot>;
  /** The slot right now; null while a restart is pending. */
  peek(): ServicesSlot | null;
  /** Asks the services to close the database and exit; kills them if they do not. */
  stop(): Promise<void>;
}

export const defaultRestartDelayMs = (attempt: number) => Math.min(250 * 2 ** (attempt - 1), 5000);

export function superviseServices(opts: SupervisorOptions): ServicesSupervisor {
  const now = opts.now ?? Date.now;
  const log = opts.log ?? ((line: string) => console.error(line));
  const restartDelayMs = opts.restartDelayMs ?? defaultRestartDelayMs;
  const stableAfterMs = opts.stableAfterMs ?? 30_000;
  const maxRestarts = opts.maxRestarts ?? 5;

  let child: UtilityProcessLike | null = null;
  let client: PortClient | null = null;
  let failure: OpsFailure | null = null;
  let restarts = 0;
  let startedAt = 0;
  let restartTimer: ReturnType<typeof setTimeout> | null = null;
  let stopping: Promise<void> | null = null;
  let exited: (() => void) | null = null;
  const waiting: Array<(slot: ServicesSlot) => void> = [];

  const notice = (level: AppNotice['level'], message: string) =>
    opts.onEvent('app.notice', { level, message, at: new Date(now()).toISOString() } satisfies AppNotice);

  function settleWaiting(): void {
    const slot = slotNow();
    if (!slot) return;
    for (const resolve of waiting.splice(0)) resolve(slot);
  }

  function slotNow(): ServicesSlot | null {
    if (failure) return { failure };
    if (stopping) return { failure: { code: 'failed', message: 'Publish Desk is quitting.', category: 'unavailable' } };
    return client && !client.closed ? { client } : null;
  }

  function launch(): void {
    restartTimer = null;
    let proc: UtilityProcessLike;
    try {
      proc = opts.fork();
    } catch (err) {
      log(`The services process could not be started: ${(err as Error).message}`);
      failure = {
        code: 'failed',
        message: `Publish Desk could not start its services (${(err as Error).message}). Reinstall Publish Desk; if it happens again, send the log to support.`,
        category: 'internal',
      };
      notice('error', failure.message);
      return settleWaiting();
    }
    const ops = opts.createChannel();
    const platform = opts.createChannel();
    const portClient = createPortClient(fromMessagePortMain(ops.port1));
    portClient.onAny((event, payload) => opts.onEvent(event, payload));
    // A port that closes under a live process leaves it unreachable: end it, and the exit restarts it.
    portClient.onClose(() => {
      if (proc === child && !stopping) proc.kill();
    });
    servePlatformRelay(fromMessagePortMain(platform.port1), opts.abilities);
    proc.on('message', (message) => {
      const failed = fromServicesMessage.safeParse(message);
      if (!failed.success || proc !== child) return;
      failure = { code: 'failed', message: failed.data.message, category: failed.data.category };
      notice('error', failed.data.message);
      settleWaiting();
      proc.postMessage({ type: 'stop' });
    });
    proc.on('exit', (code) => {
      if (proc !== child) return;
      child = null;
      portClient.close();
      platform.port1.close();
      onExit(code);
    });
    proc.postMessage({ type: 'start', ...opts.start }, [ops.port2, platform.port2]);
    child = proc;
    client = portClient;
    startedAt = now();
    settleWaiting();
  }

  function onExit(code: number): void {
    if (stopping) return exited?.();
    if (failure) return;
    restarts = now() - startedAt >= stableAfterMs ? 1 : restarts + 1;
    if (restarts > maxRestarts) {
      log(`The services process stopped ${restarts} times in a row (last exit code ${code}); not restarting it.`);
      failure = {
        code: 'failed',
        message:
          "The console's services keep stopping, so Publish Desk stopped restarting them. Quit Publish Desk and start it again; if it happens again, send the log to support.",
        category: 'internal',
      };
      notice('error', failure.message);
      return settleWaiting();
    }
    log(`The services process stopped (exit code ${code}); restarting it (attempt ${restarts}).`);
    notice(
      'warning',
      `The console's services stopped unexpectedly (exit code ${code}); Publish Desk is restarting them. If something you started did not finish, start it again.`,
    );
    restartTimer = setTimeout(launch, restartDelayMs(restarts));
  }

  launch();

  return {
    peek: slotNow,
    current() {
      const slot = slotNow();
      return slot ? Promise.resolve(slot) : new Promise((resolve) => waiting.push(resolve));
    },
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        if (restartTimer) clearTimeout(restartTimer);
        const proc = child;
        if (!proc) return resolve();
        const killer = setTimeout(() => proc.kill(), opts.stopTimeoutMs ?? 5000);
        exited = () => {
          clearTimeout(killer);
          resolve();
        };
        proc.postMessage({ type: 'stop' });
      });
      settleWaiting();
      return stopping;
    },
  };
}
