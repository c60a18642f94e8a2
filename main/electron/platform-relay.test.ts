/** main's safeStorage and browser, lent to the services process over a port (Node's MessageChannel here). */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { VaultError } from '../genesys/vault/vault';
import { createPlatformRelayClient, isSignInUrlAllowed, safeStorageStatus, servePlatformRelay } from './platform-relay';
import { createSafeStorageVault, type SafeStorageLike } from './safe-storage-vault';

const secret = 'client-secret-77e1-never-in-the-renderer';
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pd-relay-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** main's keychain: real AES, the key never leaves this object. */
function keychain(): SafeStorageLike & { calls: string[] } {
  const key = randomBytes(32);
  const calls: string[] = [];
  return {
    calls,
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString(plain) {
      calls.push('encrypt');
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), data]);
    },
    decryptString(buf) {
      calls.push('decrypt');
      const d = createDecipheriv('aes-256-gcm', key, buf.subarray(0, 12));
      d.setAuthTag(buf.subarray(12, 28));
      return Buffer.concat([d.update(buf.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

const mainLog: string[] = [];
function relay(safeStorage = keychain(), openExternal = vi.fn(async (_url: string) => {})) {
  const { port1, port2 } = new MessageChannel();
  servePlatformRelay(port1, { safeStorage, openExternal }, (line) => mainLog.push(line));
  const client = createPlatformRelayClient(port2, safeStorageStatus(safeStorage, 'linux'));
  return { client, safeStorage, openExternal, mainEnd: port1, servicesEnd: port2 };
}

describe('the platform relay', () => {
  it("gives the services process a safeStorage vault whose keychain is main's", async () => {
    const { client, safeStorage } = relay();
    expect(client.safeStorage.isEncryptionAvailable()).toBe(true);
    expect(client.safeStorage.getSelectedStorageBackend?.()).toBe('gnome_libsecret');
    const filePath = path.join(dir, 'secrets.json');
    const vault = createSafeStorageVault({ safeStorage: client.safeStorage, filePath, platform: 'linux' });
    expect(vault).toMatchObject({ backend: 'safeStorage', persistent: true });
    await vault.set('token', secret);
    expect((await readFile(filePath)).includes(Buffer.from(secret))).toBe(false);
    // A fresh vault (a restarted services process) reads it back through main.
    const again = createSafeStorageVault({ safeStorage: client.safeStorage, filePath, platform: 'linux' });
    expect(await again.get('token')).toBe(secret);
    expect(safeStorage.calls).toEqual(['encrypt', 'decrypt']);
    client.close();
  });

  it('reports a ciphertext main cannot decrypt as an unreadable entry, and a closed relay as unavailable', async () => {
    const filePath = path.join(dir, 'secrets.json');
    const first = relay();
    await createSafeStorageVault({ safeStorage: first.client.safeStorage, filePath }).set('token', secret);
    first.client.close();
    const otherKeychain = relay();
    const vault = createSafeStorageVault({
      safeStorage: otherKeychain.client.safeStorage,
      filePath,
      platform: 'linux',
    });
    await expect(vault.get('token')).rejects.toMatchObject({ problem: 'unreadable-entry' });
    expect(mainLog.at(-1)).toBe('Publish Desk main could not decrypt');
    otherKeychain.mainEnd.close();
    const err = await vault.get('token').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VaultError);
    expect(err).toMatchObject({ problem: 'unavailable', message: expect.stringMatching(/cannot be reached/) });
  });

  it('opens https pages and the local sandbox in the browser, and nothing else', async () => {
    const { client, openExternal } = relay();
    await client.openBrowser('https://login.mypurecloud.com/oauth/authorize?client_id=x');
    await client.openBrowser('http://127.0.0.1:41234/oauth/authorize');
    for (const url of [
      'file:///etc/passwd',
      'http://evil.example/',
      'javascript:alert(1)',
      'smb://share/x',
      'not a url',
    ]) {
      await expect(client.openBrowser(url)).rejects.toThrow(/opens only https sign-in pages/);
    }
    expect(openExternal.mock.calls.map((c) => c[0])).toEqual([
      'https://login.mypurecloud.com/oauth/authorize?client_id=x',
      'http://127.0.0.1:41234/oauth/authorize',
    ]);
    expect(isSignInUrlAllowed('http://localhost:9/x')).toBe(true);
    expect(isSignInUrlAllowed('http://127.0.0.2/x')).toBe(false);
    client.close();
  });

  it('ignores malformed requests in main and answers the next good one', async () => {
    const { mainEnd, servicesEnd, openExternal, safeStorage } = relay();
    const answers: unknown[] = [];
    servicesEnd.on('message', (m) => answers.push(m));
    for (const junk of [
      'x',
      null,
      { id: 1 },
      { id: 2, op: 'exec', cmd: 'sh' },
      { id: 3, op: 'decrypt', sealed: '%%%' },
      { id: 'a', op: 'encrypt', text: 's' },
    ]) {
      servicesEnd.postMessage(junk);
    }
    servicesEnd.postMessage({ id: 9, op: 'encrypt', text: 'ok' });
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    expect(answers[0]).toMatchObject({ id: 9, ok: true, value: expect.any(String) });
    expect(openExternal).not.toHaveBeenCalled();
    expect(safeStorage.calls).toEqual(['encrypt']);
    mainEnd.close();
  });

  it('names the keychain backend only on Linux, where Electron has one to name', () => {
    const status = safeStorageStatus(
      { isEncryptionAvailable: () => false, getSelectedStorageBackend: () => 'basic_text' },
      'darwin',
    );
    expect(status).toEqual({ encryptionAvailable: false });
  });
});
