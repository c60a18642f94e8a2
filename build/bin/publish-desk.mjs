#!/usr/bin/env node
// The `publish-desk` command: the built CLI when present, else the sources through tsx.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const built = path.join(root, 'out', 'cli', 'index.cjs');
const args = process.argv.slice(2);
const run = existsSync(built)
  ? spawnSync(process.execPath, [built, ...args], { stdio: 'inherit' })
  : spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'main', 'cli', 'index.ts'), ...args], {
      stdio: 'inherit',
    });
process.exit(run.status ?? 1);
