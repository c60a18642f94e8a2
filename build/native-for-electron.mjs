// Builds better-sqlite3 for Electron's ABI into out/native/, in a copy of the
// package, so the Node build in node_modules (used by tests and the CLI) is
// never replaced. Runs only when the Electron binary is installed.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, copyFileSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { electronBinary, electronVersion } from './electron-binary.mjs';

const require = createRequire(import.meta.url);
export const nativeOutDir = path.resolve('out/native');

export function ensureElectronNative({ force = false } = {}) {
  if (!electronBinary()) return { built: false, reason: 'Electron binary not installed' };
  const version = electronVersion();
  const target = path.join(nativeOutDir, 'better_sqlite3.node');
  const stamp = path.join(nativeOutDir, 'electron-version.txt');
  if (!force && existsSync(target) && existsSync(stamp) && readFileSync(stamp, 'utf8') === version) {
    return { built: false, reason: `already built for Electron ${version}` };
  }
  const source = path.dirname(require.resolve('better-sqlite3/package.json'));
  const work = mkdtempSync(path.join(os.tmpdir(), 'pd-native-'));
  try {
    cpSync(source, work, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) });
    const env = {
      ...process.env,
      npm_config_runtime: 'electron',
      npm_config_target: version,
      npm_config_disturl: 'https://electronjs.org/headers',
    };
    // A prebuilt binary when one can be downloaded, a source build otherwise.
    const prebuilt = spawnSync(
      'npx',
      ['--no-install', 'prebuild-install', '--runtime', 'electron', '--target', version],
      {
        cwd: work,
        env,
        stdio: 'inherit',
      },
    );
    if (prebuilt.status !== 0) {
      const built = spawnSync(
        'npx',
        [
          '--no-install',
          'node-gyp',
          'rebuild',
          '--release',
          `--target=${version}`,
          '--runtime=electron',
          '--dist-url=https://electronjs.org/headers',
        ],
        { cwd: work, env, stdio: 'inherit' },
      );
      if (built.status !== 0) throw new Error('could not build better-sqlite3 for Electron (see the output above)');
    }
    mkdirSync(nativeOutDir, { recursive: true });
    copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), target);
    writeFileSync(stamp, version);
    return { built: true, reason: `built for Electron ${version}` };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = ensureElectronNative({ force: process.argv.includes('--force') });
  console.log(`better-sqlite3 for Electron: ${result.reason}`);
}
