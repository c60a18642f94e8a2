/** The desktop vault with a fake `safeStorage` (real AES, key held by the fake "keychain"). */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VaultError } from '../genesys/vault/vault';
import { createSafeStorageVault, type SafeStorageLike } from './safe-storage-vault';

const secret = 'access-token-4b1d-do-not-leak';
let dir: string;
let filePath: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pd-safe-'));
  filePath = path.join(dir, 'secrets.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function fakeSafeStorage(backend: string | undefined, available = true): SafeStorageLike {
  const key = randomBytes(32);
  return {
    isEncryptionAvailable: () => available,
    encryptString(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), data]);
    },
    decryptString(buf) {
      const d = createDecipheriv('aes-256-gcm', key, buf.subarray(0, 12));
      d.setAuthTag(buf.subarray(12, 28));
      return Buffer.concat([d.update(buf.subarray(28)), d.final()]).toString('utf8');
    },
    ...(backend ? { getSelectedStorageBackend: () => backend } : {}),
  };
}

const exists = (p: string) =>
  readFile(p).then(
    () => true,
    () => false,
  );

describe('safeStorage vault', () => {
  it('keeps versioned ciphertext on disk and reads it back after a restart', async () => {
    const keychain = fakeSafeStorage('gnome_libsecret');
    const vault = createSafeStorageVault({ safeStorage: keychain, filePath, platform: 'linux' });
    expect(vault).toMatchObject({ backend: 'safeStorage', persistent: true });
    expect(vault.describe()).toMatch(/encrypted by the GNOME keyring/);
    await Promise.all([vault.set('token', secret), vault.set('other', 'x')]);

    const bytes = await readFile(filePath);
    expect(bytes.includes(Buffer.from(secret))).toBe(false);
    const doc = JSON.parse(bytes.toString('utf8')) as { format: string; entries: Record<string, string> };
    expect(doc.format).toBe('publish-desk-safe-storage/1');
    expect(doc.entries.token).toMatch(/^pdv1:[A-Za-z0-9+/]+=*$/);

    const restarted = createSafeStorageVault({ safeStorage: keychain, filePath, platform: 'linux' });
    expect(await restarted.get('token')).toBe(secret);
    await restarted.delete('token');
    expect(await createSafeStorageVault({ safeStorage: keychain, filePath }).get('token')).toBeNull();
  });

  it('keeps secrets in memory only under basic_text, and says why', async () => {
    const vault = createSafeStorageVault({ safeStorage: fakeSafeStorage('basic_text'), filePath, platform: 'linux' });
    expect(vault).toMatchObject({ backend: 'memory', persistent: false });
    expect(vault.describe()).toBe(
      'Your Linux desktop has no keyring (basic_text): secrets stay in memory until you quit. To store them weakly protected instead, start Publish Desk with PUBLISH_DESK_ALLOW_PLAINTEXT_SECRETS=1.',
    );
    await vault.set('token', secret);
    expect(await vault.get('token')).toBe(secret);
    expect(await exists(filePath)).toBe(false);
  });

  it('stores under basic_text only when the user opts in, and warns', async () => {
    const vault = createSafeStorageVault({
      safeStorage: fakeSafeStorage('basic_text'),
      filePath,
      allowPlaintextBackend: true,
      platform: 'linux',
    });
    expect(vault).toMatchObject({ backend: 'safeStorage', persistent: true });
    expect(vault.describe()).toMatch(/no keyring \(basic_text\).*weakly protected/);
    await vault.set('token', secret);
    expect((await readFile(filePath)).includes(Buffer.from(secret))).toBe(false);
  });

  it('falls back to memory when encryption is unavailable, whatever the opt-in', () => {
    const vault = createSafeStorageVault({
      safeStorage: fakeSafeStorage(undefined, false),
      filePath,
      allowPlaintextBackend: true,
    });
    expect(vault).toMatchObject({ backend: 'memory', persistent: false });
    expect(vault.describe()).toMatch(/no keychain/);
  });

  it('reports a damaged file, a foreign key and a newer format, and never touches the file', async () => {
    await writeFile(filePath, 'not json');
    const damaged = createSafeStorageVault({ safeStorage: fakeSafeStorage(undefined), filePath, platform: 'darwin' });
    await expect(damaged.get('token')).rejects.toMatchObject({ problem: 'corrupt' });
    await expect(damaged.set('token', secret)).rejects.toBeInstanceOf(VaultError);
    expect(await readFile(filePath, 'utf8')).toBe('not json');

    await rm(filePath);
    await createSafeStorageVault({ safeStorage: fakeSafeStorage(undefined), filePath, platform: 'darwin' }).set(
      'token',
      secret,
    );
    const otherKeychain = createSafeStorageVault({
      safeStorage: fakeSafeStorage(undefined),
      filePath,
      platform: 'darwin',
    });
    await expect(otherKeychain.get('token')).rejects.toMatchObject({
      problem: 'unreadable-entry',
      message: expect.stringMatching(/macOS Keychain.*Sign in again/),
    });

    await writeFile(
      filePath,
      JSON.stringify({ format: 'publish-desk-safe-storage/1', entries: { token: 'pdv2:AAAA' } }),
    );
    const afterUpgrade = createSafeStorageVault({
      safeStorage: fakeSafeStorage(undefined),
      filePath,
      platform: 'darwin',
    });
    await expect(afterUpgrade.get('token')).rejects.toMatchObject({ problem: 'newer-format' });
  });
});
