/** `publish-desk analyze`: a synced week analysed offline from the mirror, as a CI job uses it (JSON, exit codes). */
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../main/sandbox/server';
import { tempDataDir } from '../support/temp-services';
import { addChicago, cli, onChicago } from './run-cli';

describe('publish-desk analyze', () => {
  // Two syncs and analyses in-process, each booting the heavy worker from TypeScript: the timeout is a hang guard.
  it('analyses a synced week offline from the mirror, finds what the sandbox planted there, and exits 4 on error findings', async () => {
    const planted = await startSandbox({ seed: 33, agents: 200 });
    const dataDir = tempDataDir();
    const env = { PUBLISH_DESK_CLIENT_SECRET: planted.clientSecret };
    await cli(addChicago(planted, dataDir), env);
    const sync = await cli(onChicago('sync', ['--weeks', '2', '--json'], dataDir), env);
    expect(sync.code).toBe(0);
    const weeks = (JSON.parse(sync.out) as { weeks: string[] }).weeks;
    const manifest = planted.runtime.manifest;
    await planted.close(); // from here on, offline

    for (const week of weeks) {
      const run = await cli(onChicago('analyze', ['--week', week, '--json'], dataDir));
      const result = JSON.parse(run.out) as {
        businessUnit: { id: string; timeZone: string };
        week: string;
        findings: Array<{ kind: string; severity: string; agentId: string | null }>;
      };
      expect(Object.keys(result)).toEqual(['businessUnit', 'week', 'findings']);
      expect(result).toMatchObject({
        businessUnit: { id: manifest.businessUnitId, timeZone: 'America/Chicago' },
        week,
      });
      const hasErrors = result.findings.some((f) => f.severity === 'error');
      expect(run.code).toBe(hasErrors ? 4 : 0);
      const scheduleIds = new Set(manifest.weeks.filter((w) => w.weekDate === week).map((w) => w.scheduleId));
      for (const p of manifest.planted.filter(
        (x) => x.scheduleId && scheduleIds.has(x.scheduleId) && x.kind !== 'scriptSession',
      )) {
        expect(result.findings).toContainEqual(expect.objectContaining({ kind: p.kind, agentId: p.userId }));
      }
      expect(result.findings.some((f) => f.kind === 'zoneMismatch')).toBe(true);
    }
    const human = await cli([
      'analyze',
      '--profile',
      'Chicago',
      '--bu',
      'Chicago Contact Center',
      '--week',
      weeks[0]!,
      '--data-dir',
      dataDir,
    ]);
    expect(human.out).toMatch(/Chicago Contact Center, week of .* \(America\/Chicago\): \d+ finding\(s\)/);
    expect(
      (await cli(['analyze', '--profile', 'Chicago', '--bu', 'Elsewhere', '--week', weeks[0]!, '--data-dir', dataDir]))
        .code,
    ).toBe(2);
    expect((await cli(onChicago('analyze', ['--week', '23/11/2026'], dataDir))).code).toBe(2);
  }, 90_000);
});
