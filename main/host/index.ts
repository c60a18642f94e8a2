/**
 * Browser mode: the console without Electron. Starts the services and the
 * loopback host, prints the launch URL, and opens a Chromium app window.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createServices } from '../services';
import { resolveDataDir } from '../services/data-dir';
import { openAppWindow, openInBrowser } from './chromium';
import { hostVault } from './host-vault';
import { startHost } from './server';

const rootDir = path.resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      'no-open': { type: 'boolean', default: false },
    },
  });
  const dataDir = resolveDataDir(values['data-dir']);
  mkdirSync(dataDir, { recursive: true });
  const pkg = JSON.parse(readFileSync(path.join(rootDir, 'package.json'), 'utf8')) as { version: string };
  const services = await createServices({
    appName: 'Publish Desk',
    appVersion: pkg.version,
    dataDir,
    mode: 'browser',
    vault: await hostVault(dataDir),
    openBrowser: async (url) => {
      const opened = openInBrowser(url, dataDir);
      if (!opened.opened) console.log(`Open this link to sign in (${opened.reason}):\n${url}`);
    },
    log: (line) => console.error(line),
  });
  const host = await startHost({
    dispatch: services.dispatch,
    events: services.events,
    rendererDir: path.join(rootDir, 'out', 'renderer'),
    port: values.port ? Number(values.port) : 0,
  });
  console.log(`Publish Desk is running in browser mode. Open this link (it carries this launch's key):`);
  console.log(host.launchUrl);
  if (!values['no-open']) {
    const opened = openAppWindow(host.launchUrl, dataDir);
    console.log(opened.opened ? `Opened in ${opened.browser}.` : `Not opening a window: ${opened.reason}.`);
  }
  const stop = () => {
    void host
      .close()
      .then(() => services.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`Publish Desk could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
