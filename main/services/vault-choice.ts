/**
 * Outside Electron there is no OS keychain to lean on. Secrets stay in memory
 * unless the supervisor opts in to a passphrase-encrypted file by setting
 * PUBLISH_DESK_VAULT_PASSPHRASE (scrypt + AES-256-GCM, in the data folder).
 * Browser mode and the CLI share that file.
 */
import path from 'node:path';
import { createMemoryVault } from '../genesys/vault/memory-vault';
import { openPassphraseFileVault } from '../genesys/vault/passphrase-file-vault';
import type { SecretVault } from '../genesys/vault/vault';

export const vaultFileName = 'secrets.vault';

export async function fileOrMemoryVault(
  dataDir: string,
  env: NodeJS.ProcessEnv,
  memoryDescription: string,
): Promise<SecretVault> {
  const passphrase = env.PUBLISH_DESK_VAULT_PASSPHRASE;
  if (!passphrase) return createMemoryVault(memoryDescription);
  return openPassphraseFileVault({ filePath: path.join(dataDir, vaultFileName), passphrase });
}
