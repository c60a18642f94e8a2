import type { SecretVault } from '../genesys/vault/vault';
import { fileOrMemoryVault } from '../services/vault-choice';

export function hostVault(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<SecretVault> {
  return fileOrMemoryVault(
    dataDir,
    env,
    'In memory only: browser mode forgets secrets and tokens when it stops. To keep them, start it with PUBLISH_DESK_VAULT_PASSPHRASE set (an encrypted file in the data folder).',
  );
}
