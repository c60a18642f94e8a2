/**
 * What only Electron main can do for the services process, on a port of its
 * own: encrypt and decrypt with safeStorage (it exists only in main) and open
 * the system browser for a supervisor's sign-in. Secrets cross this port
 * between main and the services process only; the window never sees it.
 *
 * Both ends are here and neither imports electron: main passes the real
 * safeStorage and shell, the services process gets a SafeStorageLike whose
 * encrypt and decrypt are requests.
 */
import { z } from 'zod';
import { VaultError } from '../genesys/vault/vault';
import { callId } from '../services/port/frames';
import { createPendingCalls } from '../services/port/pending-calls';
import { PortClosedError, type PortLike } from '../services/port/port-like';
import type { SafeStorageLike } from './safe-storage-vault';

const request = z.discriminatedUnion('op', [
  z.object({ id: callId, op: z.literal('encrypt'), text: z.string() }),
  z.object({ id: callId, op: z.literal('decrypt'), sealed: z.base64() }),
  z.object({ id: callId, op: z.literal('openExternal'), url: z.string().max(8192) }),
]);
type Request = z.infer<typeof request>;
type RequestBody = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

const response = z.union([
  z.object({ id: callId, ok: z.literal(true), value: z.string().optional() }),
  z.object({ id: callId, ok: z.literal(false), message: z.string() }),
]);
type Answer = { ok: true; value?: string } | { ok: false; message: string };

/** What main knows about safeStorage once the app is ready, sent with the start message. */
export interface SafeStorageStatus {
  encryptionAvailable: boolean;
  backend?: string;
}

/** Asked in main after the app is ready (Linux reports its backend only then). */
export function safeStorageStatus(
  safeStorage: Pick<SafeStorageLike, 'isEncryptionAvailable' | 'getSelectedStorageBackend'>,
  platform = process.platform,
): SafeStorageStatus {
  const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend?.() : undefined;
  return { encryptionAvailable: safeStorage.isEncryptionAvailable(), ...(backend !== undefined ? { backend } : {}) };
}

export interface PlatformAbilities {
  safeStorage: Pick<SafeStorageLike, 'encryptString' | 'decryptString'>;
  openExternal(url: string): Promise<void>;
}

/**
 * The browser opens only what a sign-in needs: an https page, or the sandbox
 * org's page on this computer. A services process that went wrong cannot
 * make main open files or other schemes.
 */
export function isSignInUrlAllowed(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'https:') return true;
    return parsed.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  } catch {
    return false;
  }
}

/** Main's end: answers each request; anything that is not a well-formed request is ignored. */
export function servePlatformRelay(
  port: PortLike,
  abilities: PlatformAbilities,
  log: (line: string) => void = console.error,
): void {
  async function perform(req: Request): Promise<Answer> {
    try {
      if (req.op === 'encrypt')
        return { ok: true, value: Buffer.from(await abilities.safeStorage.encryptString(req.text)).toString('base64') };
      if (req.op === 'decrypt')
        return { ok: true, value: await abilities.safeStorage.decryptString(Buffer.from(req.sealed, 'base64')) };
      if (!isSignInUrlAllowed(req.url))
        return {
          ok: false,
          message: 'Publish Desk opens only https sign-in pages, or the sandbox org on this computer.',
        };
      await abilities.openExternal(req.url);
      return { ok: true };
    } catch (err) {
      // Main's log gets the browser's reason; a keychain failure is logged without its text, which is never needed and never a secret.
      log(`Publish Desk main could not ${req.op}${req.op === 'openExternal' ? `: ${(err as Error).message}` : ''}`);
      return { ok: false, message: `The system could not ${req.op === 'openExternal' ? 'open the browser' : req.op}.` };
    }
  }
  port.on('message', (data) => {
    const parsed = request.safeParse(data);
    if (!parsed.success) return;
    void perform(parsed.data).then((answer) => {
      try {
        port.postMessage({ id: parsed.data.id, ...answer });
      } catch {
        // The services process is gone; it is being restarted and will ask again.
      }
    });
  });
  port.start();
}

export interface PlatformRelayClient {
  /** For createSafeStorageVault: status from main, encrypt and decrypt by request. */
  safeStorage: SafeStorageLike;
  openBrowser(url: string): Promise<void>;
  close(): void;
}

/** The services process's end. */
export function createPlatformRelayClient(port: PortLike, status: SafeStorageStatus): PlatformRelayClient {
  const pending = createPendingCalls<Answer>();
  port.on('message', (data) => {
    const parsed = response.safeParse(data);
    if (parsed.success) pending.settle(parsed.data.id, parsed.data);
  });
  port.on('close', () => pending.closeAll());
  port.start();

  async function ask(body: RequestBody): Promise<string> {
    let answer: Answer;
    try {
      answer = await pending.open((id) => port.postMessage({ id, ...body }));
    } catch (err) {
      if (err instanceof PortClosedError)
        throw new VaultError(
          'unavailable',
          'The keychain cannot be reached while Publish Desk restarts its services. Try again.',
        );
      throw err;
    }
    if (!answer.ok) throw new Error(answer.message);
    return answer.value ?? '';
  }

  return {
    safeStorage: {
      isEncryptionAvailable: () => status.encryptionAvailable,
      ...(status.backend !== undefined ? { getSelectedStorageBackend: () => status.backend! } : {}),
      encryptString: async (text) => Buffer.from(await ask({ op: 'encrypt', text }), 'base64'),
      decryptString: (sealed) => ask({ op: 'decrypt', sealed: sealed.toString('base64') }),
    },
    openBrowser: async (url) => {
      await ask({ op: 'openExternal', url });
    },
    close() {
      pending.closeAll();
      port.close();
    },
  };
}
