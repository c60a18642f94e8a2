import type { BuildOptions, Plugin } from 'esbuild';

/** Fails a build that imports 'electron' (the services process's bundle). */
export const noElectron: Plugin;
export const entries: BuildOptions[];
