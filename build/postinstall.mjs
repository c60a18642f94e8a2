// Runs after `npm install`. Electron's own download script is not allowed
// to run (package.json allowScripts), because where Electron cannot be
// downloaded it would fail the whole install. We run it here instead and
// treat a failure as "browser mode", never as an install error.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { electronBinary } from './electron-binary.mjs';

const require = createRequire(import.meta.url);

if (electronBinary()) {
  console.log('publish-desk: Electron is installed.');
} else if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log(
    'publish-desk: Electron download skipped (ELECTRON_SKIP_BINARY_DOWNLOAD); `npm start` will use browser mode.',
  );
} else {
  const installer = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
  const result = spawnSync(process.execPath, [installer], {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 10 * 60_000,
  });
  if (result.status === 0 && electronBinary()) {
    console.log('publish-desk: Electron downloaded.');
  } else {
    const reason =
      String(result.stderr ?? '')
        .split('\n')
        .find((l) => l.trim()) ?? 'unknown error';
    console.log(
      `publish-desk: Electron could not be downloaded (${reason.trim()}); \`npm start\` will use browser mode.`,
    );
  }
}
