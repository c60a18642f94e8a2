/**
 * The passphrase-file vault on a real temp directory: round trips across
 * reopen, a wrong passphrase, a damaged or altered file (always kept), and
 * no secret in the bytes on disk.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPassphraseFileVault, type VaultFile } from '../../main/genesys/vault/passphrase-file-vault';
import { VaultError } from '../../main/genesys/vault/vault';

const secret = 'client-secret-9f3c0d7e-do-not-leak';
let dir: string;
let filePath: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pd-vault-'));
  filePath = path.join(dir, 'secrets.vault.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function problemOf(promise: Promise<unknown>): Promise<VaultError> {
  const err = await promise.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(VaultError);
  return err as VaultError;
}

describe('passphrase-file vault', () => {
  it('keeps secrets across a reopen, with nothing readable on disk', async () => {
    const vault = await openPassphraseFileVault({ filePath, passphrase: 'correct horse battery' });
    expect(vault).toMatchObject({ backend: 'passphrase-file', persistent: true });
    expect(vault.describe()).toContain(filePath);
    await Promise.all([vault.set('profile:sydney:clientSecret', secret), vault.set('profile:sydney:token', 'tok-1')]);
    await vault.delete('profile:sydney:token');
    await vault.delete('never-set');

    const bytes = await readFile(filePath);
    expect(bytes.includes(Buffer.from(secret))).toBe(false);
    expect(bytes.includes(Buffer.from(Buffer.from(secret).toString('base64')))).toBe(false);
    const doc = JSON.parse(bytes.toString('utf8')) as VaultFile;
    expect(doc).toMatchObject({ format: 'publish-desk-vault/1', kdf: { name: 'scrypt', N: 32768, r: 8, p: 1 } });
    expect(Object.keys(doc.entries)).toEqual(['profile:sydney:clientSecret']);
    expect(await readdir(dir)).toEqual(['secrets.vault.json']); // no temp file left behind

    const reopened = await openPassphraseFileVault({ filePath, passphrase: 'correct horse battery' });
    expect(await reopened.get('profile:sydney:clientSecret')).toBe(secret);
    expect(await reopened.get('profile:sydney:token')).toBeNull();
  });

  it('uses a fresh salt per vault and a fresh IV per secret', async () => {
    const a = await openPassphraseFileVault({ filePath, passphrase: 'same' });
    await a.set('k1', secret);
    await a.set('k2', secret);
    const other = path.join(dir, 'other.json');
    await openPassphraseFileVault({ filePath: other, passphrase: 'same' });
    const docA = JSON.parse(await readFile(filePath, 'utf8')) as VaultFile;
    const docB = JSON.parse(await readFile(other, 'utf8')) as VaultFile;
    expect(docA.salt).not.toBe(docB.salt);
    expect(docA.entries.k1!.iv).not.toBe(docA.entries.k2!.iv);
  });

  it('says the passphrase is wrong, even for an empty vault, and keeps the file', async () => {
    await openPassphraseFileVault({ filePath, passphrase: 'right' });
    const before = await readFile(filePath);
    const err = await problemOf(openPassphraseFileVault({ filePath, passphrase: 'wrong' }));
    expect(err.problem).toBe('wrong-passphrase');
    expect(err.message).toMatch(/passphrase is not right.*Try again/);
    expect(await readFile(filePath)).toEqual(before);
  });

  it('reports a damaged file and never deletes or overwrites it', async () => {
    await writeFile(filePath, '{"format": "publish-desk-vault/1", "kdf": ');
    const err = await problemOf(openPassphraseFileVault({ filePath, passphrase: 'any' }));
    expect(err.problem).toBe('corrupt');
    expect(err.message).toMatch(/damaged \(not valid JSON\).*left as it is/);
    expect(await readFile(filePath, 'utf8')).toBe('{"format": "publish-desk-vault/1", "kdf": ');

    await writeFile(filePath, JSON.stringify({ format: 'publish-desk-vault/9' }));
    expect((await problemOf(openPassphraseFileVault({ filePath, passphrase: 'any' }))).problem).toBe('newer-format');
  });

  it('refuses an altered entry and one moved under another name', async () => {
    const vault = await openPassphraseFileVault({ filePath, passphrase: 'pw' });
    await vault.set('a', secret);
    await vault.set('b', 'other');
    const doc = JSON.parse(await readFile(filePath, 'utf8')) as VaultFile;
    doc.entries.b = doc.entries.a!; // swapped between keys
    await writeFile(filePath, JSON.stringify(doc));
    const reopened = await openPassphraseFileVault({ filePath, passphrase: 'pw' });
    expect(await reopened.get('a')).toBe(secret);
    expect((await problemOf(reopened.get('b'))).problem).toBe('unreadable-entry');
  });
});
