// Bundles the Node side (Electron main, the services process it starts,
// preload, browser-mode host, CLI) with esbuild into out/. npm packages stay
// external: they ship in node_modules (better-sqlite3 must, being native),
// and the preload needs only electron.
import { pathToFileURL } from 'node:url';
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

/**
 * The services process is an Electron utility process: the `electron` module
 * there has none of main's APIs (no safeStorage, no shell), so reaching it is
 * a bug. It asks main over its platform port instead; this makes the build say so.
 */
export const noElectron = {
  name: 'no-electron',
  setup(b) {
    b.onResolve({ filter: /^electron(\/.*)?$/ }, (args) => ({
      errors: [
        {
          text: `The services process may not import 'electron' (imported by ${args.importer}): ask main over the platform port.`,
        },
      ],
    }));
  },
};

export const entries = [
  { entryPoints: ['main/electron/main.ts'], outfile: 'out/main/index.cjs' },
  // Started by main with utilityProcess.fork; runs the services (SQLite, Genesys, sync).
  { entryPoints: ['main/electron/services-process.ts'], outfile: 'out/main/services.cjs', plugins: [noElectron] },
  // Sandboxed preloads may require only 'electron': everything else is inlined.
  {
    entryPoints: ['main/electron/preload.ts'],
    outfile: 'out/preload/index.cjs',
    packages: undefined,
    external: ['electron'],
  },
  { entryPoints: ['main/host/index.ts'], outfile: 'out/host/index.cjs' },
  { entryPoints: ['main/cli/index.ts'], outfile: 'out/cli/index.cjs' },
  // The heavy-work worker (sync ingest, full analyses): started beside whichever entry runs the services.
  {
    entryPoints: ['main/services/heavy/heavy-worker.ts'],
    outfile: 'out/workers/heavy-worker.cjs',
    plugins: [noElectron],
  },
];

// Builds when run (`node build/build-main.mjs`); importing it only reads the entries.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await Promise.all(entries.map((entry) => build({ ...common, ...entry })));
  console.log(`built ${entries.map((e) => e.outfile).join(', ')}`);
}
