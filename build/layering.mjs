// The layering table of ARCHITECTURE.md as code: which folder may import
// which. Used by the `publish-desk/layering` ESLint rule, so CI fails on a
// violation. Paths are repo-relative with forward slashes.
import { builtinModules } from 'node:module';
import path from 'node:path';

const nodeBuiltins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Longest prefix wins; a file outside these layers is unrestricted (configs). */
const layers = [
  'shared',
  'renderer',
  'main/electron',
  'main/host',
  'main/services',
  'main/genesys',
  'main/mirror',
  'main/publish',
  'main/sandbox',
  'main/cli',
  'test',
  'build',
];

/** For each layer: the layers it may import (itself always), and package rules. */
const rules = {
  shared: { layers: [], packages: ['luxon', 'zod', 'purecloud-platform-client-v2'], node: false },
  renderer: {
    layers: ['shared'],
    packages: ['react', 'react-dom', 'zustand', '@tanstack/react-query', '@tanstack/react-virtual', 'luxon', 'zod'],
    node: false,
  },
  'main/electron': { layers: '*main', packages: '*', node: true },
  'main/host': {
    layers: ['shared', 'main/services', 'main/genesys', 'main/mirror', 'main/publish', 'main/sandbox'],
    packages: 'noElectron',
    node: true,
  },
  'main/services': {
    layers: ['shared', 'main/genesys', 'main/mirror', 'main/publish', 'main/sandbox'],
    packages: 'noElectron',
    node: true,
  },
  'main/publish': { layers: ['shared', 'main/mirror', 'main/genesys'], packages: 'noElectron', node: true },
  'main/mirror': { layers: ['shared', 'main/genesys'], packages: 'noElectron', node: true },
  'main/genesys': { layers: ['shared'], packages: 'noElectron', node: true },
  // The sandbox must never share code with the client, or a bug could hide on both sides of the wire.
  'main/sandbox': { layers: ['shared'], packages: 'noElectron', node: true },
  'main/cli': { layers: ['shared', 'main/services', 'main/sandbox'], packages: 'noElectron', node: true },
  test: { layers: '*', packages: '*', node: true },
  build: { layers: '*', packages: '*', node: true },
};

export function layerOf(repoPath) {
  const p = repoPath.split(path.sep).join('/');
  let best = null;
  for (const layer of layers) {
    if ((p === layer || p.startsWith(layer + '/')) && (!best || layer.length > best.length)) best = layer;
  }
  return best;
}

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * Returns why `fromFile` may not import `specifier`, or null when it may.
 * `fromFile` is repo-relative.
 */
export function layeringViolation(fromFile, specifier) {
  const from = layerOf(fromFile);
  if (!from) return null;
  const rule = rules[from];
  if (specifier.startsWith('.')) {
    const target = path.posix.normalize(
      path.posix.join(path.posix.dirname(fromFile.split(path.sep).join('/')), specifier),
    );
    const to = layerOf(target);
    if (!to || to === from) return null;
    if (rule.layers === '*') return null;
    // Unit tests beside their code may use the shared test support.
    if (to === 'test' && /\.test\.tsx?$/.test(fromFile)) return null;
    if (rule.layers === '*main' && (to === 'shared' || to.startsWith('main/'))) return null;
    if (Array.isArray(rule.layers) && rule.layers.includes(to)) return null;
    return `${from}/ may not import ${to}/ (see the layering table in ARCHITECTURE.md)`;
  }
  if (nodeBuiltins.has(specifier) || nodeBuiltins.has(specifier.split('/')[0])) {
    return rule.node ? null : `${from}/ may not use Node built-ins ('${specifier}'): it must run in a browser too`;
  }
  const pkg = packageName(specifier);
  if (rule.packages === '*') return null;
  // Unit tests sit beside their code and may use the test runner.
  if (pkg === 'vitest' && /\.test\.tsx?$/.test(fromFile)) return null;
  if (rule.packages === 'noElectron') {
    return pkg === 'electron' ? `only main/electron/ may import 'electron'` : null;
  }
  return rule.packages.includes(pkg) ? null : `${from}/ may not import the package '${pkg}'`;
}
