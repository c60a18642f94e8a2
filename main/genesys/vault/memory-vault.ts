/**
 * Secrets in memory only, forgotten at quit: the fallback when the computer
 * offers no safe place, and the vault of tests and the headless CLI.
 */
import type { SecretVault } from './vault';

const defaultDescription = 'Secrets stay in memory until you quit Publish Desk; you will sign in again next time.';

export function createMemoryVault(description = defaultDescription): SecretVault {
  const secrets = new Map<string, string>();
  return {
    backend: 'memory',
    persistent: false,
    get: async (key) => secrets.get(key) ?? null,
    set: async (key, value) => {
      secrets.set(key, value);
    },
    delete: async (key) => {
      secrets.delete(key);
    },
    describe: () => description,
  };
}
