/**
 * Packaging smoke test: validates electron-builder.yml, then builds `--dir`
 * with a stub Electron (no download possible here) and checks the asar
 * holds main, the services process, preload and renderer and that the native
 * module is unpacked. Needs `npm run build` first (the test command runs it).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build as esbuild } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noElectron } from '../../build/build-main.mjs';
import { makeStubElectronDist } from '../../build/stub-electron.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(__dirname, '..', '..');

interface AsarModule {
  listPackage(archive: string, opts: { isPack: boolean }): string[];
  statFile(archive: string, file: string): { unpacked?: boolean };
  extractFile(archive: string, file: string): Buffer;
}

async function validate(config: unknown): Promise<void> {
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
  const { DebugLogger } = require('builder-util/out/DebugLogger');
  await validateConfiguration(config, new DebugLogger(false));
}

describe('electron-builder.yml', () => {
  it('is a valid configuration with the product identity and no npm rebuild', async () => {
    const { getConfig } = require('app-builder-lib/out/util/config/config');
    const config = await getConfig(root, 'electron-builder.yml', null);
    await expect(validate(config)).resolves.toBeUndefined();
    expect(config).toMatchObject({ appId: 'com.publishdesk.console', productName: 'Publish Desk', npmRebuild: false });
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('validation rejects a broken configuration (so the check above can fail)', async () => {
    await expect(validate({ appId: 'x', asar: 'sometimes', bogusKey: 1 })).rejects.toThrow(/Invalid configuration/);
  });
});

describe('the main and services bundles', () => {
  const required = (file: string) => {
    const full = path.join(root, file);
    if (!existsSync(full)) throw new Error(`${file} is missing: run \`npm run build\` before this test`);
    return new Set([...readFileSync(full, 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]));
  };

  it('keep the services out of Electron main, and electron out of the services process', () => {
    const main = required('out/main/index.cjs');
    expect(main.has('electron')).toBe(true);
    for (const pkg of ['better-sqlite3', 'axios', 'ws', 'node:http'])
      expect(main.has(pkg), `main requires ${pkg}`).toBe(false);
    const services = required('out/main/services.cjs');
    expect(services.has('better-sqlite3')).toBe(true);
    expect(services.has('electron')).toBe(false);
  });

  it("fail the services build when something reaches 'electron'", async () => {
    const attempt = esbuild({
      stdin: {
        contents: "import { app } from 'electron'; console.log(app);",
        resolveDir: root,
        sourcefile: 'main/electron/oops.ts',
        loader: 'ts',
      },
      bundle: true,
      write: false,
      platform: 'node',
      logLevel: 'silent',
      plugins: [noElectron],
    });
    await expect(attempt).rejects.toThrow(/The services process may not import 'electron'/);
  });
});

describe('packaged app layout (--dir, stub Electron)', () => {
  let work: string;
  let resources: string;

  beforeAll(async () => {
    for (const f of [
      'out/main/index.cjs',
      'out/main/services.cjs',
      'out/workers/heavy-worker.cjs',
      'out/preload/index.cjs',
      'out/renderer/index.html',
    ]) {
      if (!existsSync(path.join(root, f))) throw new Error(`${f} is missing: run \`npm run build\` before this test`);
    }
    work = mkdtempSync(path.join(tmpdir(), 'pd-pack-'));
    const { build, Platform } = require('electron-builder');
    await build({
      projectDir: root,
      targets: Platform.LINUX.createTarget('dir'),
      config: {
        electronDist: makeStubElectronDist(path.join(work, 'stub-electron')),
        directories: { output: path.join(work, 'release') },
      },
    });
    resources = path.join(work, 'release', 'linux-unpacked', 'resources');
  }, 180_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('puts main, the services process, preload, renderer and package.json in app.asar', () => {
    const asar = require('@electron/asar') as AsarModule;
    const archive = path.join(resources, 'app.asar');
    const entries = new Set(asar.listPackage(archive, { isPack: false }).map((e) => e.replaceAll('\\', '/')));
    for (const f of [
      '/package.json',
      '/out/main/index.cjs',
      '/out/main/services.cjs',
      // The services process starts the heavy-work worker from beside its bundle (out/workers).
      '/out/workers/heavy-worker.cjs',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
    ]) {
      expect(entries.has(f), `${f} in app.asar`).toBe(true);
    }
    expect([...entries].some((e) => e.startsWith('/out/') && e.endsWith('.map'))).toBe(false);
    const pkg = JSON.parse(asar.extractFile(archive, 'package.json').toString()) as { main: string };
    expect(pkg.main).toBe('out/main/index.cjs');
  });

  it('keeps better-sqlite3 native module unpacked beside the asar', () => {
    const asar = require('@electron/asar') as AsarModule;
    const rel = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(asar.statFile(path.join(resources, 'app.asar'), rel).unpacked).toBe(true);
    const onDisk = path.join(resources, 'app.asar.unpacked', rel);
    expect(existsSync(onDisk)).toBe(true);
    // An ELF/Mach-O/PE binary, not a placeholder.
    expect(readFileSync(onDisk).length).toBeGreaterThan(100_000);
  });
});
