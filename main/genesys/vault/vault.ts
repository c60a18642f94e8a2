/**
 * Where the app keeps secrets (client secrets, access tokens). Only the main
 * process holds a vault; the renderer sees `describe()` and `persistent`,
 * never a value.
 */

export type VaultBackend = 'safeStorage' | 'passphrase-file' | 'memory';

export interface SecretVault {
  backend: VaultBackend;
  /** False when secrets are forgotten at quit (no safe place to keep them). */
  persistent: boolean;
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  /** One sentence for the UI: where secrets live and why. */
  describe(): string;
}

export type VaultProblem = 'wrong-passphrase' | 'corrupt' | 'unreadable-entry' | 'newer-format' | 'unavailable';

/** A vault that cannot do its job; the message says what the user can do. Files are never deleted. */
export class VaultError extends Error {
  constructor(
    readonly problem: VaultProblem,
    message: string,
  ) {
    super(message);
    this.name = 'VaultError';
  }
}
