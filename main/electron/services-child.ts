/**
 * The services process (an Electron utility process): receives its two ports
 * from main, opens the services on them, and closes them when main says stop
 * or goes away. Written against `ParentPortLike` (Electron puts the real one
 * on `process.parentPort`), so it runs in tests without Electron.
 */
import { createServices as realCreateServices, type Services } from '../services';
import { userMessage } from '../services/dispatch';
import { failureCategory } from '../services/failure-category';
import { fromMessagePortMain, servePort, type MessagePortMainLike } from '../services/port';
import { createPlatformRelayClient } from './platform-relay';
import { createSafeStorageVault } from './safe-storage-vault';
import { toServicesMessage, type ServicesFailedMessage, type StartMessage } from './services-start';

export interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown; ports?: MessagePortMainLike[] }) => void): unknown;
  postMessage(message: unknown): void;
}

export interface ServicesChildDeps {
  createServices?: typeof realCreateServices;
  exit(code: number): void;
  log?(line: string): void;
}

export function runServicesChild(parentPort: ParentPortLike, deps: ServicesChildDeps): void {
  const log = deps.log ?? ((line: string) => console.error(line));
  const create = deps.createServices ?? realCreateServices;
  let starting: Promise<Services | null> | null = null;
  let ending = false;

  async function start(
    options: StartMessage,
    opsPort: MessagePortMainLike,
    platformPort: MessagePortMainLike,
  ): Promise<Services | null> {
    const platform = createPlatformRelayClient(fromMessagePortMain(platformPort), options.secrets);
    try {
      const services = await create({
        appName: options.appName,
        appVersion: options.appVersion,
        dataDir: options.dataDir,
        mode: 'electron',
        vault: createSafeStorageVault({
          safeStorage: platform.safeStorage,
          filePath: options.secrets.filePath,
          allowPlaintextBackend: options.secrets.allowPlaintextBackend,
        }),
        openBrowser: platform.openBrowser,
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
        log,
      });
      // Main closing our port (or dying) ends this process too.
      servePort(fromMessagePortMain(opsPort), services, log).onClose(() => void end(0));
      return services;
    } catch (err) {
      const category = failureCategory(err);
      const failed: ServicesFailedMessage = { type: 'failed', message: userMessage(err, category), category };
      log(`The services could not start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      // Main answers every call with this and tells us to stop; it does not restart a start that failed.
      parentPort.postMessage(failed);
      return null;
    }
  }

  async function end(code: number): Promise<void> {
    if (ending) return;
    ending = true;
    try {
      // A sync still writing ends whole or rolled back before the database closes.
      await (await starting)?.close();
    } catch (err) {
      log(`The services did not close cleanly: ${(err as Error).message}`);
    }
    deps.exit(code);
  }

  parentPort.on('message', (event) => {
    const parsed = toServicesMessage.safeParse(event?.data);
    if (!parsed.success) return;
    if (parsed.data.type === 'stop') return void end(0);
    const [opsPort, platformPort] = event.ports ?? [];
    if (starting || !opsPort || !platformPort) return;
    starting = start(parsed.data, opsPort, platformPort);
  });
}
