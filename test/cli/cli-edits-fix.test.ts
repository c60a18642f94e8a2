/**
 * `publish-desk fix`: one-click fixes headless, on findings the sandbox
 * planted, offline from the mirror. Each fix becomes one pending edit with
 * the finding as its source; a dry run keeps nothing; a finding fixed once
 * is not fixed twice; findings without a fix are reported and exit 4.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../main/sandbox/server';
import type { PendingEditSummary } from '../../shared/contract/edits';
import { tempDataDir } from '../support/temp-services';
import { cli } from './run-cli';

const bu = 'Chicago Contact Center';
const dataDir = tempDataDir();
let weeks: string[];

interface Finding {
  id: string;
  kind: string;
  agentId: string | null;
  scheduleId: string | null;
}

interface FixRun {
  dryRun: boolean;
  fixed: Array<{
    findingId: string;
    kind: string;
    scheduleId: string;
    fixed: { label: string; editId: string | null };
  }>;
  unfixed: Array<{ findingId: string; reason: string }>;
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

async function findings(week: string): Promise<Finding[]> {
  const run = await cli(['analyze', ...at(week, '--json')]);
  return (JSON.parse(run.out) as { findings: Finding[] }).findings;
}

async function pendingEdits(week: string): Promise<PendingEditSummary[]> {
  const run = await cli(['edits', ...at(week, '--json')]);
  expect(run.code).toBe(0);
  return (JSON.parse(run.out) as { schedules: Array<{ edits: PendingEditSummary[] }> }).schedules.flatMap(
    (s) => s.edits,
  );
}

/** The first synced week with a finding of `kind` that names an agent's schedule. */
async function weekWith(kind: string): Promise<{ week: string; finding: Finding }> {
  for (const week of weeks) {
    const f = (await findings(week)).find((x) => x.kind === kind && x.agentId && x.scheduleId);
    if (f) return { week, finding: f };
  }
  throw new Error(`the sandbox planted no ${kind} finding in ${weeks.join(', ')}`);
}

beforeAll(async () => {
  const org = await startSandbox({ seed: 33, agents: 200 });
  const env = { PUBLISH_DESK_CLIENT_SECRET: org.clientSecret };
  const add = ['profile', 'add', '--name', 'Chicago', '--base-url', org.baseUrl, '--client-id', org.clientId];
  expect((await cli([...add, '--data-dir', dataDir], env)).code).toBe(0);
  const sync = await cli(
    ['sync', '--profile', 'Chicago', '--bu', bu, '--weeks', '2', '--json', '--data-dir', dataDir],
    env,
  );
  expect(sync.code).toBe(0);
  weeks = (JSON.parse(sync.out) as { weeks: string[] }).weeks;
  await org.close(); // from here on, offline
}, 90_000);

describe('publish-desk fix', () => {
  // Many CLI runs, each starting the services: on a shared machine that takes a while.
  it(
    'fixes one finding as one pending edit, after a dry run that keeps nothing, and never twice',
    { timeout: 120_000 },
    async () => {
      const { week, finding } = await weekWith('naiveUtcShift');
      const dry = await cli(['fix', ...at(week, '--finding', finding.id, '--dry-run', '--json')]);
      expect(dry.code).toBe(0);
      const dryRun = JSON.parse(dry.out) as FixRun;
      expect(dryRun).toMatchObject({ dryRun: true, unfixed: [] });
      expect(dryRun.fixed).toEqual([
        expect.objectContaining({ findingId: finding.id, fixed: expect.objectContaining({ editId: null }) }),
      ]);
      expect(dryRun.fixed[0]!.fixed.label).toMatch(/^Move shift /);
      expect(await pendingEdits(week)).toEqual([]);

      const real = await cli(['fix', ...at(week, '--finding', finding.id)]);
      expect(real.code).toBe(0);
      expect(real.out).toContain(`fixed 1 of finding ${finding.id}`);
      const kept = await pendingEdits(week);
      expect(kept).toEqual([
        expect.objectContaining({
          state: 'applied',
          source: { type: 'fix', findingId: finding.id },
          agentIds: [finding.agentId],
          label: dryRun.fixed[0]!.fixed.label,
        }),
      ]);

      // Whether or not the analysis already follows the pending edit, the second fix is not applied again.
      const again = await cli(['fix', ...at(week, '--finding', finding.id, '--json')]);
      expect(again.code).toBe(0);
      expect(JSON.parse(again.out)).toMatchObject({
        fixed: [],
        unfixed: [],
        alreadyFixed: [{ findingId: finding.id, editId: kept[0]!.id }],
      });
      expect(await pendingEdits(week)).toHaveLength(1);
    },
  );

  it(
    'fixes every finding of a kind, each its own edit, and says which could not be fixed',
    { timeout: 120_000 },
    async () => {
      const { week } = await weekWith('shiftOverlap');
      const before = (await findings(week)).filter((f) => f.kind === 'shiftOverlap');
      const already = (await pendingEdits(week)).length;
      const run = await cli(['fix', ...at(week, '--all-of', 'shiftOverlap', '--json')]);
      const result = JSON.parse(run.out) as FixRun;
      expect(run.code).toBe(result.unfixed.length > 0 ? 4 : 0);
      expect([...result.fixed.map((f) => f.findingId), ...result.unfixed.map((u) => u.findingId)].sort()).toEqual(
        before.map((f) => f.id).sort(),
      );
      expect(result.fixed.length).toBeGreaterThan(0);
      const edits = await pendingEdits(week);
      expect(edits).toHaveLength(already + result.fixed.length);
      expect(edits.slice(already).map((e) => e.source)).toEqual(
        result.fixed.map((f) => ({ type: 'fix', findingId: f.findingId })),
      );
      const twice = await cli(['fix', ...at(week, '--all-of', 'shiftOverlap', '--json')]);
      const second = JSON.parse(twice.out) as FixRun & { alreadyFixed: Array<{ findingId: string }> };
      expect(second.fixed).toEqual([]);
      // Fixed ones are either gone from the analysis (it follows pending edits) or said to be fixed already.
      const fixedIds = new Set(result.fixed.map((f) => f.findingId));
      expect(second.alreadyFixed.every((a) => fixedIds.has(a.findingId))).toBe(true);
      expect(twice.code).toBe(second.unfixed.length > 0 ? 4 : 0);
      expect(await pendingEdits(week)).toHaveLength(edits.length);
      const human = await cli(['fix', ...at(week, '--all-of', 'shiftOverlap', '--dry-run')]);
      expect(human.out).toMatch(/would fix 0 of \d+ open shiftOverlap finding\(s\) \(dry run: nothing kept\)/);
    },
  );

  it(
    'exits 2 for a wrong call: no finding named, both named, an unknown kind or finding',
    { timeout: 120_000 },
    async () => {
      const week = weeks[0]!;
      expect(await cli(['fix', ...at(week)])).toMatchObject({
        code: 2,
        err: expect.stringContaining('--finding ID or --all-of KIND'),
      });
      expect((await cli(['fix', ...at(week, '--finding', 'x', '--all-of', 'dstShift')])).code).toBe(2);
      expect(await cli(['fix', ...at(week, '--all-of', 'typo')])).toMatchObject({
        code: 2,
        err: expect.stringContaining('shiftOverlap'),
      });
      expect(await cli(['fix', ...at(week, '--finding', 'no-such-finding')])).toMatchObject({
        code: 2,
        err: expect.stringContaining('no finding'),
      });
    },
  );
});
