// Makes the stand-in Electron distribution used by the packaging smoke test
// on machines that cannot download Electron. electron-builder copies this
// folder and renames `electron` to the app's executable; the result is for
// checking the package layout only and must never be shipped.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function makeStubElectronDist(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'electron'),
    '#!/bin/sh\necho "Publish Desk packaging stub: not a real Electron" >&2\nexit 1\n',
    { mode: 0o755 },
  );
  return dir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(makeStubElectronDist(path.resolve(process.argv[2] ?? 'build/stub-electron')));
}
