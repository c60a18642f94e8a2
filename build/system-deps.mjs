// System packages the tests need: Debian's Chromium for the browser e2e.
// Installed here when this machine allows it, otherwise named in the error.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.PUBLISH_DESK_CHROMIUM ?? '/usr/bin/chromium';

function can(command, args) {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

export function ensureChromium(log = console.log) {
  if (existsSync(chromium)) return chromium;
  const isRoot = process.getuid?.() === 0;
  const hasApt = can('sh', ['-c', 'command -v apt-get']);
  const prefix = isRoot ? [] : can('sudo', ['-n', 'true']) ? ['sudo', '-n'] : null;
  if (process.platform === 'linux' && hasApt && prefix) {
    log('Installing Debian chromium for the browser tests (apt-get)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const run = (args) => {
      const [cmd, ...rest] = [...prefix, ...args];
      return spawnSync(cmd, rest, { stdio: 'inherit', env }).status === 0;
    };
    if (
      run(['apt-get', 'update', '-qq']) &&
      run(['apt-get', 'install', '-y', '-qq', 'chromium']) &&
      existsSync(chromium)
    ) {
      return chromium;
    }
  }
  throw new Error(
    `Chromium is needed for the browser tests and is not at ${chromium}. ` +
      'Install it with `sudo apt-get install chromium` (Debian/Ubuntu), or set PUBLISH_DESK_CHROMIUM to a Chrome/Chromium binary.',
  );
}
