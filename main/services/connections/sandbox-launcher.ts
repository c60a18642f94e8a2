/**
 * The built-in "Sandbox org" connection talks to a sandbox started in this
 * process on first use, so the console works out of the box, offline.
 */
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../sandbox/server';

export interface SandboxLauncher {
  ensure(): Promise<{ baseUrl: string; clientId: string; clientSecret: string }>;
  close(): Promise<void>;
}

export function createSandboxLauncher(options: SandboxOptions = {}): SandboxLauncher {
  let running: Promise<RunningSandbox> | null = null;
  return {
    ensure() {
      running ??= startSandbox({ autoApprove: true, ...options });
      return running.then(({ baseUrl, clientId, clientSecret }) => ({ baseUrl, clientId, clientSecret }));
    },
    async close() {
      if (running) await (await running).close();
      running = null;
    },
  };
}

/** The id and name of the built-in profile; its base URL is filled at sign-in. */
export const sandboxProfileId = 'sandbox-org';
export const sandboxProfileName = 'Sandbox org';
