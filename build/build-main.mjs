// Bundles the Node side (Electron main, preload, browser-mode host) with
// esbuild into out/. npm packages stay external: they ship in node_modules
// (better-sqlite3 must, being native), and the preload needs only electron.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  packages: 'external',
};

export const entries = [
  { entryPoints: ['main/electron/main.ts'], outfile: 'out/main/index.cjs' },
  // Sandboxed preloads may require only 'electron': everything else is inlined.
  { entryPoints: ['main/electron/preload.ts'], outfile: 'out/preload/index.cjs', packages: undefined, external: ['electron'] },
  { entryPoints: ['main/host/index.ts'], outfile: 'out/host/index.cjs' },
  { entryPoints: ['main/cli/index.ts'], outfile: 'out/cli/index.cjs' },
  // The heavy-work worker (sync ingest, full analyses): started beside whichever entry runs the services.
  { entryPoints: ['main/services/heavy/heavy-worker.ts'], outfile: 'out/workers/heavy-worker.cjs' },
];

await Promise.all(entries.map((entry) => build({ ...common, ...entry })));
console.log(`built ${entries.map((e) => e.outfile).join(', ')}`);
