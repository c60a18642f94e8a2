/**
 * A sandbox org of its own for an e2e test, in a child process, with a fault profile: the host's built-in
 * Sandbox org runs calm and has no fault option, so a test adds this one as a custom connection.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface Sandbox {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  child: ChildProcess;
}

export function startFaultySandbox(faults = 'publish-morning', seed = 15): Promise<Sandbox> {
  const child = spawn(
    process.execPath,
    [
      'node_modules/tsx/dist/cli.mjs',
      'main/sandbox/cli.ts',
      '--faults',
      faults,
      '--seed',
      String(seed),
      '--auto-approve',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`sandbox did not start: ${out}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      clearTimeout(timer);
      resolve({ ...(JSON.parse(line) as Omit<Sandbox, 'child'>), child });
    });
    child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}: ${out}`)));
  });
}
