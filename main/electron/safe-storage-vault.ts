/**
 * The desktop app's vault: secrets encrypted by Electron `safeStorage` (macOS
 * Keychain, Windows DPAPI, Linux keyring) in one JSON file. On a Linux desktop
 * without a keyring Electron falls back to `basic_text`, a key built into every
 * copy of Chromium, which protects nothing; there secrets stay in memory unless
 * the user opts in, and `describe()` says so.
 *
 * Takes a `safeStorage`-like object instead of importing electron, so it runs
 * under Vitest with a fake, and in the services process, where encrypting is
 * a request to Electron main over a port (platform-relay.ts), hence async.
 */
import { readFile } from 'node:fs/promises';
import { createWriteQueue, writeFileAtomically } from '../genesys/vault/atomic-file';
import { createMemoryVault } from '../genesys/vault/memory-vault';
import { VaultError, type SecretVault } from '../genesys/vault/vault';

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer | Promise<Buffer>;
  decryptString(encrypted: Buffer): string | Promise<string>;
  /** Linux only in Electron. */
  getSelectedStorageBackend?(): string;
}

export interface SafeStorageVaultOptions {
  safeStorage: SafeStorageLike;
  filePath: string;
  /** The user chose to keep secrets on disk even under `basic_text`. */
  allowPlaintextBackend?: boolean;
  platform?: NodeJS.Platform;
}

const fileFormat = 'publish-desk-safe-storage/1';
/** Each value is versioned, so a later cipher change can read old entries. */
const entryPrefix = 'pdv1:';

interface StoredFile {
  format: typeof fileFormat;
  entries: Record<string, string>;
}

function keychainName(platform: NodeJS.Platform, backend: string | undefined): string {
  if (platform === 'darwin') return 'the macOS Keychain';
  if (platform === 'win32') return 'Windows (DPAPI, tied to your Windows account)';
  if (backend?.startsWith('kwallet')) return 'KWallet';
  if (backend === 'gnome_libsecret') return 'the GNOME keyring (libsecret)';
  return 'the system keyring';
}

export function createSafeStorageVault(options: SafeStorageVaultOptions): SecretVault {
  const { safeStorage, filePath, allowPlaintextBackend = false, platform = process.platform } = options;
  const available = safeStorage.isEncryptionAvailable();
  const backendName = safeStorage.getSelectedStorageBackend?.();
  const basicText = backendName === 'basic_text';

  if (!available) {
    return createMemoryVault(
      'This computer offers Publish Desk no keychain to encrypt secrets with: they stay in memory until you quit, and you sign in again next time.',
    );
  }
  if (basicText && !allowPlaintextBackend) {
    return createMemoryVault(
      'Your Linux desktop has no keyring (basic_text): secrets stay in memory until you quit. To store them weakly protected instead, start Publish Desk with PUBLISH_DESK_ALLOW_PLAINTEXT_SECRETS=1.',
    );
  }

  const enqueue = createWriteQueue();
  let loaded: Promise<StoredFile> | null = null;
  const damaged = (why: string) =>
    new VaultError(
      'corrupt',
      `The secrets file ${filePath} is damaged (${why}). It was left as it is; move it away and sign in again.`,
    );

  async function load(): Promise<StoredFile> {
    let text: string;
    try {
      text = await readFile(filePath, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { format: fileFormat, entries: {} };
      throw new VaultError(
        'unavailable',
        `The secrets file ${filePath} cannot be read (${(err as Error).message}). Check its permissions.`,
      );
    }
    let doc: Partial<StoredFile>;
    try {
      doc = JSON.parse(text) as Partial<StoredFile>;
    } catch {
      throw damaged('not valid JSON');
    }
    if (doc.format !== fileFormat) throw damaged('not a Publish Desk secrets file');
    if (
      !doc.entries ||
      typeof doc.entries !== 'object' ||
      !Object.values(doc.entries).every((v) => typeof v === 'string')
    ) {
      throw damaged('an entry is incomplete');
    }
    return { format: fileFormat, entries: { ...doc.entries } };
  }

  // A failed load is not cached: the user may fix the file and try again.
  const current = () =>
    (loaded ??= load().catch((err: unknown) => {
      loaded = null;
      throw err;
    }));

  const commit = (change: (entries: Record<string, string>) => Record<string, string>) =>
    enqueue(async () => {
      const doc = await current();
      const entries = change(doc.entries);
      if (entries === doc.entries) return;
      const next: StoredFile = { format: fileFormat, entries };
      await writeFileAtomically(filePath, JSON.stringify(next, null, 2));
      loaded = Promise.resolve(next);
    });

  return {
    backend: 'safeStorage',
    persistent: true,
    async get(key) {
      const stored = (await current()).entries[key];
      if (stored === undefined) return null;
      if (!stored.startsWith(entryPrefix)) {
        throw new VaultError(
          'newer-format',
          `The saved secret "${key}" was written by a newer Publish Desk. Update Publish Desk, or sign in again to replace it.`,
        );
      }
      try {
        return await safeStorage.decryptString(Buffer.from(stored.slice(entryPrefix.length), 'base64'));
      } catch (err) {
        // The keychain could not be asked at all (say, its relay is gone): not the entry's fault.
        if (err instanceof VaultError) throw err;
        // Typically the keychain entry behind the key was reset, or the file came from another account.
        throw new VaultError(
          'unreadable-entry',
          `The saved secret "${key}" can no longer be decrypted by ${keychainName(platform, backendName)}. Sign in again to replace it.`,
        );
      }
    },
    async set(key, value) {
      const sealed = entryPrefix + (await safeStorage.encryptString(value)).toString('base64');
      await commit((entries) => ({ ...entries, [key]: sealed }));
    },
    delete: (key) =>
      commit((entries) => {
        if (!(key in entries)) return entries;
        const { [key]: _gone, ...rest } = entries;
        return rest;
      }),
    describe: () =>
      basicText
        ? `Your Linux desktop has no keyring (basic_text): as you chose, secrets are stored in ${filePath} only weakly protected; anyone who can read your files can read them.`
        : `Secrets are encrypted by ${keychainName(platform, backendName)} in ${filePath}, so only your account on this computer can read them.`,
  };
}
