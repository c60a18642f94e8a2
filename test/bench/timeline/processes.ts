/**
 * The timeline bench's processes and servers: the sandbox org in its own process, the built host, the
 * vis-timeline page's server and the browser, each registered as it starts so one cleanup stops them all.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import type http from 'node:http';
import { createInterface } from 'node:readline';
import type { Browser } from 'playwright';
import { startHostProcess, type HostProcess } from '../../e2e/host-process';
import { withTimeout } from './ops';

const children: ChildProcess[] = [];
const hosts: HostProcess[] = [];
export const running: { servers: http.Server[]; browser: Browser | null; dataDir: string | null } = {
  servers: [],
  browser: null,
  dataDir: null,
};

export async function cleanup(): Promise<void> {
  await running.browser?.close().catch(() => {});
  await Promise.all(hosts.map((h) => h.stop()));
  for (const s of running.servers) s.close();
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.exitCode !== null || c.signalCode !== null) return resolve();
          const t = setTimeout(() => {
            c.kill('SIGKILL');
            resolve();
          }, 5000);
          c.once('exit', () => {
            clearTimeout(t);
            resolve();
          });
          c.kill('SIGTERM');
        }),
    ),
  );
  if (running.dataDir) rmSync(running.dataDir, { recursive: true, force: true });
}

export interface Org {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  businessUnitId: string;
}

export async function startSandbox(agents: number): Promise<Org> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'main/sandbox/cli.ts', '--agents', String(agents), '--weeks', '2', '--seed', '7'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.push(child);
  const [line] = (await withTimeout(once(createInterface({ input: child.stdout! }), 'line'), 120_000, 'sandbox')) as [
    string,
  ];
  return JSON.parse(line) as Org;
}

/** The built browser-mode host, started as the e2e tests start it; stopped and its data folder removed in cleanup. */
export async function startHost(): Promise<{ launchUrl: string; origin: string; token: string }> {
  const host = await startHostProcess();
  hosts.push(host);
  running.dataDir = host.dataDir;
  return { launchUrl: host.launchUrl, origin: host.origin, token: new URL(host.launchUrl).searchParams.get('launch')! };
}
