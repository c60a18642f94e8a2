/** Real services on a throwaway data folder, for tests of the transports and handlers. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServices, type Services, type ServicesOptions } from '../../main/services';

export function tempDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'pd-data-'));
}

export function tempServices(overrides: Partial<ServicesOptions> = {}): Promise<Services> {
  return createServices({
    appName: 'Publish Desk',
    appVersion: '0.1.0-test',
    dataDir: tempDataDir(),
    mode: 'browser',
    sandbox: { agents: 60, now: () => new Date('2026-11-23T12:00:00Z') },
    ...overrides,
  });
}
