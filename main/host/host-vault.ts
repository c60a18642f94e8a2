/**
 * Browser mode has no Electron safeStorage. Secrets stay in memory unless the
 * supervisor opts in to a passphrase-encrypted file by setting
 * PUBLISH_DESK_VAULT_PASSPHRASE (scrypt + AES-256-GCM, see the vault).
 */
import path from 'node:path';
import { createMemoryVault } from '../genesys/vault/memory-vault';
import { openPassphraseFileVault } from '../genesys/vault/passphrase-file-vault';
import type { SecretVault } from '../genesys/vault/vault';

export async function hostVault(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<SecretVault> {
  const passphrase = env.PUBLISH_DESK_VAULT_PASSPHRASE;
  if (!passphrase) {
    return createMemoryVault(
      'In memory only: browser mode forgets secrets and tokens when it stops. To keep them, start it with PUBLISH_DESK_VAULT_PASSPHRASE set (an encrypted file in the data folder).',
    );
  }
  return openPassphraseFileVault({ filePath: path.join(dataDir, 'secrets.vault'), passphrase });
}
