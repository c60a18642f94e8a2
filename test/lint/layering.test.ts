/** The linter enforces ARCHITECTURE.md's layering; these cases prove the rule bites. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { layeringViolation } from '../../build/layering.mjs';

describe('layeringViolation', () => {
  it.each([
    ['shared/analysis/overlaps.ts', '../contract', null],
    ['shared/time.ts', 'luxon', null],
    [
      'shared/contract.ts',
      '../main/services',
      'shared/ may not import main/services/ (see the layering table in ARCHITECTURE.md)',
    ],
    ['shared/contract.ts', 'node:fs', "shared/ may not use Node built-ins ('node:fs'): it must run in a browser too"],
    ['shared/contract.ts', 'axios', "shared/ may not import the package 'axios'"],
    ['renderer/App.tsx', '../shared/contract', null],
    ['renderer/App.tsx', 'react', null],
    ['renderer/App.tsx', 'electron', "renderer/ may not import the package 'electron'"],
    [
      'renderer/bridge/index.ts',
      '../../main/services',
      'renderer/ may not import main/services/ (see the layering table in ARCHITECTURE.md)',
    ],
    ['renderer/bridge/index.ts', 'fs', "renderer/ may not use Node built-ins ('fs'): it must run in a browser too"],
    ['main/host/server.ts', 'electron', "only main/electron/ may import 'electron'"],
    ['main/services/index.ts', '@electron/remote', null],
    ['main/electron/main.ts', 'electron', null],
    ['main/electron/main.ts', '../host/server', null],
    [
      'main/services/handlers.ts',
      '../electron/main',
      'main/services/ may not import main/electron/ (see the layering table in ARCHITECTURE.md)',
    ],
    // The port transport runs in the services process, where Electron's main APIs do not exist.
    ['main/services/port/serve-port.ts', 'electron', "only main/electron/ may import 'electron'"],
    [
      'main/services/port/port-client.ts',
      '../../electron/safe-storage-vault',
      'main/services/ may not import main/electron/ (see the layering table in ARCHITECTURE.md)',
    ],
    ['main/services/port/frames.ts', '../../../shared/contract', null],
    ['main/electron/services-child.ts', '../services/port', null],
    [
      'main/sandbox/server.ts',
      '../genesys/client',
      'main/sandbox/ may not import main/genesys/ (see the layering table in ARCHITECTURE.md)',
    ],
    ['main/sandbox/server.ts', '../../shared/contract', null],
    [
      'main/genesys/client.ts',
      '../mirror/db',
      'main/genesys/ may not import main/mirror/ (see the layering table in ARCHITECTURE.md)',
    ],
    ['main/mirror/sync.ts', '../genesys/client', null],
    [
      'main/cli/index.ts',
      '../host/server',
      'main/cli/ may not import main/host/ (see the layering table in ARCHITECTURE.md)',
    ],
    ['shared/contract.test.ts', 'vitest', null],
    ['main/services/dispatch.test.ts', '../../test/support/temp-services', null],
    [
      'main/services/dispatch.ts',
      '../../test/support/temp-services',
      'main/services/ may not import test/ (see the layering table in ARCHITECTURE.md)',
    ],
    ['test/e2e/x.ts', 'electron', null],
  ])('%s importing %s', (from, specifier, expected) => {
    expect(layeringViolation(from, specifier)).toBe(expected);
  });
});

describe('the lint run', () => {
  it('fails on a layering violation and passes clean code', async () => {
    const eslint = new ESLint();
    const [bad] = await eslint.lintText("import { app } from 'electron';\nexport const a = app;\n", {
      filePath: 'main/services/bad-example.ts',
    });
    expect(bad!.messages.map((m) => m.ruleId)).toContain('publish-desk/layering');
    const [good] = await eslint.lintText("import { z } from 'zod';\nexport const s = z.string();\n", {
      filePath: 'shared/good-example.ts',
    });
    expect(good!.errorCount).toBe(0);
  });
});
