/**
 * `--state FILE`: the sandbox org survives a restart. The org is written
 * whole, to a temporary file renamed into place, so a kill mid-write leaves
 * the previous good copy.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { OrgState, SandboxManifest } from './model';

interface StateFile {
  format: 'publish-desk-sandbox/1';
  manifest: SandboxManifest;
  org: unknown;
}

/** Maps become tagged arrays so JSON can carry them. */
function replacer(_key: string, value: unknown): unknown {
  return value instanceof Map ? { $map: [...value.entries()] } : value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && '$map' in value)
    return new Map((value as { $map: Array<[unknown, unknown]> }).$map);
  return value;
}

export function saveState(file: string, org: OrgState, manifest: SandboxManifest): void {
  const body: StateFile = { format: 'publish-desk-sandbox/1', manifest, org };
  const temp = `${file}.tmp`;
  writeFileSync(temp, JSON.stringify(body, replacer));
  renameSync(temp, file);
}

export function loadState(file: string): { org: OrgState; manifest: SandboxManifest } | null {
  if (!existsSync(file)) return null;
  let parsed: StateFile;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'), reviver) as StateFile;
  } catch (err) {
    throw new Error(
      `The sandbox state file ${file} is not readable JSON (${(err as Error).message}); move it aside or pass another --state`,
    );
  }
  if (parsed.format !== 'publish-desk-sandbox/1') {
    throw new Error(`The sandbox state file ${file} has an unknown format; move it aside or pass another --state`);
  }
  return { org: parsed.org as OrgState, manifest: parsed.manifest };
}
