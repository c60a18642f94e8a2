// `npm start`: builds, then opens the desktop app when Electron is installed,
// otherwise the same console in browser mode (loopback host + a Chromium app
// window, or a link to open).
import { spawn, spawnSync } from 'node:child_process';
import { electronBinary } from './electron-binary.mjs';
import { ensureElectronNative } from './native-for-electron.mjs';

const passThrough = process.argv.slice(2);

function run(command, args) {
  const child = spawn(command, args, { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

console.log('Building Publish Desk…');
const build =
  spawnSync('node_modules/.bin/vite', ['build', '--logLevel', 'warn'], { stdio: 'inherit' }).status === 0 &&
  spawnSync(process.execPath, ['build/build-main.mjs'], { stdio: 'inherit' }).status === 0;
if (!build) {
  console.error('Publish Desk did not build (see above). Run `npm install` first if this is a fresh clone.');
  process.exit(1);
}

const electron = electronBinary();
if (electron && !process.env.PUBLISH_DESK_BROWSER) {
  ensureElectronNative();
  run(electron, ['.', ...passThrough]);
} else {
  if (!electron) console.log('Electron is not installed here; starting Publish Desk in browser mode.');
  run(process.execPath, ['out/host/index.cjs', ...passThrough]);
}
