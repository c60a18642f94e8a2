/**
 * An opt-in vault for running outside Electron (CLI, browser mode): secrets
 * encrypted with a key derived from the user's passphrase. scrypt makes each
 * passphrase guess cost ~100 ms and 32 MiB; AES-256-GCM detects any change to
 * the file. The file is never deleted, even when it cannot be opened.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createWriteQueue, writeFileAtomically } from './atomic-file';
import { VaultError, type SecretVault } from './vault';

export const vaultFormat = 'publish-desk-vault/1';

export interface ScryptParams {
  name: 'scrypt';
  N: number;
  r: number;
  p: number;
  keyLength: 32;
}

interface Sealed {
  iv: string;
  tag: string;
  data: string;
}

export interface VaultFile {
  format: typeof vaultFormat;
  kdf: ScryptParams;
  salt: string;
  /** A known text sealed with the key: tells a wrong passphrase apart, even in an empty vault. */
  check: Sealed;
  entries: Record<string, Sealed>;
}

const defaultKdf: ScryptParams = { name: 'scrypt', N: 2 ** 15, r: 8, p: 1, keyLength: 32 };
const checkText = 'publish-desk-vault';

/** scrypt needs 128·N·r·p bytes; Node's default cap (32 MiB) is exactly too small for N=2^15, r=8. */
const maxmemFor = (kdf: ScryptParams) => 2 * 128 * kdf.N * kdf.r * kdf.p;

function deriveKey(passphrase: string, salt: Buffer, kdf: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      passphrase.normalize('NFC'),
      salt,
      kdf.keyLength,
      { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: maxmemFor(kdf) },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

// The key name is authenticated too, so an entry copied under another name does not decrypt.
const aadFor = (name: string) => Buffer.from(`${vaultFormat}\0${name}`, 'utf8');

function seal(key: Buffer, name: string, plain: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aadFor(name));
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** null when the key or the bytes are not the ones sealed (GCM authentication failed). */
function open(key: Buffer, name: string, sealed: Sealed): string | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(aadFor(name));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

const isSealed = (v: unknown): v is Sealed =>
  !!v &&
  typeof v === 'object' &&
  ['iv', 'tag', 'data'].every((k) => typeof (v as Record<string, unknown>)[k] === 'string');

// Bounds on a file's KDF parameters, so a tampered file cannot make us allocate gigabytes.
const saneKdf = (k: Partial<ScryptParams> | undefined): k is ScryptParams =>
  !!k &&
  k.name === 'scrypt' &&
  k.keyLength === 32 &&
  Number.isInteger(k.N) &&
  k.N! >= 2 ** 14 &&
  k.N! <= 2 ** 20 &&
  (k.N! & (k.N! - 1)) === 0 &&
  Number.isInteger(k.r) &&
  k.r! >= 1 &&
  k.r! <= 16 &&
  Number.isInteger(k.p) &&
  k.p! >= 1 &&
  k.p! <= 4;

function parseVaultFile(filePath: string, text: string): VaultFile {
  const damaged = (why: string) =>
    new VaultError(
      'corrupt',
      `The secrets file ${filePath} is damaged (${why}). It was left as it is; move it away to start a new vault, or restore it from a backup.`,
    );
  let doc: Partial<VaultFile> & { format?: unknown };
  try {
    doc = JSON.parse(text) as typeof doc;
  } catch {
    throw damaged('not valid JSON');
  }
  if (typeof doc.format === 'string' && doc.format.startsWith('publish-desk-vault/') && doc.format !== vaultFormat) {
    throw new VaultError(
      'newer-format',
      `The secrets file ${filePath} was written by a newer Publish Desk (${doc.format}). Update Publish Desk to open it.`,
    );
  }
  if (doc.format !== vaultFormat) throw damaged('not a Publish Desk vault');
  if (!saneKdf(doc.kdf) || typeof doc.salt !== 'string' || !isSealed(doc.check))
    throw damaged('its header is incomplete');
  const entries = doc.entries && typeof doc.entries === 'object' ? doc.entries : null;
  if (!entries || !Object.values(entries).every(isSealed)) throw damaged('an entry is incomplete');
  return { format: vaultFormat, kdf: doc.kdf, salt: doc.salt, check: doc.check, entries: { ...entries } };
}

export interface PassphraseFileVaultOptions {
  filePath: string;
  passphrase: string;
}

/** Opens the vault, creating the file on first use. Rejects with a `VaultError` for a wrong passphrase or a damaged file. */
export async function openPassphraseFileVault({
  filePath,
  passphrase,
}: PassphraseFileVaultOptions): Promise<SecretVault> {
  if (!passphrase) throw new VaultError('wrong-passphrase', 'Enter the vault passphrase to unlock your saved secrets.');
  let text: string | null = null;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new VaultError(
        'unavailable',
        `The secrets file ${filePath} cannot be read (${(err as Error).message}). Check its permissions.`,
      );
    }
  }
  const enqueue = createWriteQueue();
  let doc: VaultFile;
  let key: Buffer;
  if (text === null) {
    const salt = randomBytes(16);
    key = await deriveKey(passphrase, salt, defaultKdf);
    doc = {
      format: vaultFormat,
      kdf: defaultKdf,
      salt: salt.toString('base64'),
      check: seal(key, '', checkText),
      entries: {},
    };
    await writeFileAtomically(filePath, JSON.stringify(doc, null, 2));
  } else {
    doc = parseVaultFile(filePath, text);
    key = await deriveKey(passphrase, Buffer.from(doc.salt, 'base64'), doc.kdf);
    if (open(key, '', doc.check) !== checkText) {
      throw new VaultError(
        'wrong-passphrase',
        `The vault passphrase is not right, so ${filePath} stays locked. Try again; if it is lost, move the file away and sign in again (the saved secrets cannot be recovered).`,
      );
    }
  }

  // Every change writes a complete new file; the in-memory copy follows only once it is on disk.
  // The change is applied inside the queue, so it builds on every write queued before it.
  const commit = (change: (entries: Record<string, Sealed>) => Record<string, Sealed>) =>
    enqueue(async () => {
      const entries = change(doc.entries);
      if (entries === doc.entries) return;
      const next: VaultFile = { ...doc, entries };
      await writeFileAtomically(filePath, JSON.stringify(next, null, 2));
      doc = next;
    });

  return {
    backend: 'passphrase-file',
    persistent: true,
    async get(name) {
      const sealed = doc.entries[name];
      if (!sealed) return null;
      const plain = open(key, name, sealed);
      if (plain === null) {
        throw new VaultError(
          'unreadable-entry',
          `The saved secret "${name}" in ${filePath} has been altered and cannot be read. Save it again (for a sign-in: sign in again).`,
        );
      }
      return plain;
    },
    set: (name, value) => commit((entries) => ({ ...entries, [name]: seal(key, name, value) })),
    delete: (name) =>
      commit((entries) => {
        if (!(name in entries)) return entries;
        const { [name]: _gone, ...rest } = entries;
        return rest;
      }),
    describe: () =>
      `Secrets are encrypted with your vault passphrase in ${filePath}, because Publish Desk is running outside its desktop app and cannot use the system keychain here.`,
  };
}
