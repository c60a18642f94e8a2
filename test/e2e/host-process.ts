/** Starts the built browser-mode console the way `npm start` does, and reads its launch URL. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface HostProcess {
  launchUrl: string;
  origin: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** On a new data folder, or on an existing one (`dataDir`): the host again after a restart, its mirror and change sets kept. */
export async function startHostProcess(dataDir = mkdtempSync(path.join(tmpdir(), 'pd-e2e-'))): Promise<HostProcess> {
  const child: ChildProcess = spawn(process.execPath, ['out/host/index.cjs', '--no-open', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // PD_CALL_TIMING=1 (benchmarks): the host's per-call timings go to this process's stderr.
  if (process.env.PD_CALL_TIMING === '1') child.stderr?.pipe(process.stderr);
  const launchUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`host did not start: ${out}`)), 15_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?launch=\S+/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${code}: ${out}`)));
  });
  return {
    launchUrl,
    origin: new URL(launchUrl).origin,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
