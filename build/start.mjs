// `npm start`: the desktop app when Electron is installed, otherwise the same
// console in browser mode (loopback host + a Chromium app window).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { electronBinary } from './electron-binary.mjs';
import { ensureElectronNative } from './native-for-electron.mjs';

const passThrough = process.argv.slice(2);

function run(command, args) {
  const child = spawn(command, args, { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (!existsSync('out/host/index.cjs') || !existsSync('out/renderer/index.html')) {
  console.error('Publish Desk is not built yet: run `npm run build` (or `npm install`, which builds it).');
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
