/**
 * `publish-desk publish`: the guided publish headless, against the sandbox
 * over HTTP, as a CI job runs it (the client secret in the environment, no
 * vault passphrase, so every run brings the secret again):
 * - without the secret it says so and stops (it used to wait for good: the
 *   publish's token request had no secret and the journal never ended);
 * - a new week's draft publishes as it is (exit 0, the report as JSON), and
 *   asking again answers the same publish with no second write;
 * - a one-click fix kept as a pending edit publishes with the revision, and
 *   Genesys then has the fixed week.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../main/sandbox/server';
import { tempDataDir } from '../support/temp-services';
import { cli } from './run-cli';

const bu = 'Chicago Contact Center';
const dataDir = tempDataDir();
let org: Awaited<ReturnType<typeof startSandbox>>;
let env: Record<string, string>;
let weeks: string[];

interface Report {
  jobId: string;
  phase: string;
  outcome: string;
  schedule: { version: number; published: boolean };
  agents: Array<{ agentId: string; status: string }>;
  attempts: Array<{ kind: string; httpStatus: number | null }>;
}

const at = (week: string, ...args: string[]) => [
  '--profile',
  'Chicago',
  '--bu',
  bu,
  '--week',
  week,
  '--data-dir',
  dataDir,
  ...args,
];
const updates = (r: Report) => r.attempts.filter((a) => a.kind === 'sendUpdate').length;
const unit = () => org.runtime.org.businessUnits.get(org.businessUnitId)!;
const schedulesOf = (week: string) => [...unit().schedules.values()].filter((s) => s.weekDate === week);

beforeAll(async () => {
  org = await startSandbox({ seed: 33, agents: 60 });
  env = { PUBLISH_DESK_CLIENT_SECRET: org.clientSecret };
  const add = ['profile', 'add', '--name', 'Chicago', '--base-url', org.baseUrl, '--client-id', org.clientId];
  expect((await cli([...add, '--data-dir', dataDir], env)).code).toBe(0);
  const sync = await cli(
    ['sync', '--profile', 'Chicago', '--bu', bu, '--weeks', '2', '--json', '--data-dir', dataDir],
    env,
  );
  expect(sync.code).toBe(0);
  weeks = (JSON.parse(sync.out) as { weeks: string[] }).weeks;
  return () => org.close();
}, 90_000);

describe('publish-desk publish', () => {
  it('without the client secret says so and stops', { timeout: 60_000 }, async () => {
    const run = await cli(['publish', ...at(weeks[1]!)], {});
    expect(run.code).not.toBe(0);
    expect(run.err).toMatch(/No client secret is stored for "Chicago"/);
    expect(schedulesOf(weeks[1]!).some((s) => s.published)).toBe(false);
  });

  it("publishes a new week's draft as it is, and asking again writes nothing more", { timeout: 90_000 }, async () => {
    const week = weeks[1]!;
    const [draft] = schedulesOf(week);
    expect(draft?.published).toBe(false);
    const first = await cli(['publish', ...at(week, '--json')], env);
    expect(first.code).toBe(0);
    const report = JSON.parse(first.out) as Report;
    expect(report).toMatchObject({
      phase: 'done',
      schedule: { published: true },
      outcome: 'Published: the draft as it is (no pending edits); agents now see it.',
    });
    expect(updates(report)).toBe(1);
    expect(draft!.published).toBe(true);
    const version = draft!.version;

    const again = await cli(['publish', ...at(week, '--json')], env);
    expect(again.code).toBe(0);
    expect((JSON.parse(again.out) as Report).jobId).toBe(report.jobId);
    expect(draft!.version).toBe(version);
    // In words, the preflight items come first: the Publish screen's, the notification channel's among them.
    const text = await cli(['publish', ...at(week)], env);
    expect(text.code).toBe(0);
    expect(text.err).toMatch(/preflight notificationChannel: green — Notification channel open/);
    expect(text.err).toMatch(/preflight conflicts: green — No conflicting edits/);
  });

  it(
    'publishes a pending one-click fix with the revision, and Genesys has the fixed week',
    { timeout: 120_000 },
    async () => {
      const week = weeks[0]!;
      const analysis = JSON.parse((await cli(['analyze', ...at(week, '--json')], env)).out) as {
        findings: Array<{ id: string; kind: string; agentId: string | null; scheduleId: string | null }>;
      };
      const finding = analysis.findings.find((f) => f.kind === 'naiveUtcShift' && f.agentId && f.scheduleId)!;
      expect(finding).toBeDefined();
      expect((await cli(['fix', ...at(week, '--finding', finding.id)], env)).code).toBe(0);

      const run = await cli(['publish', ...at(week, '--schedule', finding.scheduleId!, '--json')], env);
      expect(run.code).toBe(0);
      const report = JSON.parse(run.out) as Report;
      expect(report.phase).toBe('done');
      expect(report.agents).toContainEqual(expect.objectContaining({ agentId: finding.agentId, status: 'applied' }));
      // Genesys' side: the agent's fixed week is in the published schedule, and the finding is gone on a re-sync.
      const published = schedulesOf(week).find((s) => s.id === finding.scheduleId)!;
      expect(published.published).toBe(true);
      const resync = await cli(
        ['sync', '--profile', 'Chicago', '--bu', bu, '--weeks', '2', '--data-dir', dataDir],
        env,
      );
      expect(resync.code).toBe(0);
      const after = JSON.parse((await cli(['analyze', ...at(week, '--json')], env)).out) as typeof analysis;
      expect(after.findings.map((f) => f.id)).not.toContain(finding.id);
      expect(after.findings.filter((f) => f.kind === 'naiveUtcShift' && f.agentId === finding.agentId)).toEqual([]);
    },
  );
});
