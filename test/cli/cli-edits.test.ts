/** `publish-desk edits`: the week's pending edits and their diff per agent, offline, as people and as JSON. */
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/mirror/database';
import { startSandbox } from '../../main/sandbox/server';
import { createEditsService } from '../../main/services/edits/edits-service';
import { createEventHub } from '../../main/services/event-hub';
import type { AgentDiff, PendingEditSummary } from '../../shared/contract/edits';
import { tempDataDir } from '../support/temp-services';
import { cli } from './run-cli';

const bu = 'Chicago Contact Center';
const dataDir = tempDataDir();
let week: string;
let businessUnitId: string;

/** Pending edits made as the console would, on the mirror the CLI synced. */
function makeEdits(): { scheduleId: string; droppedAgent: string } {
  const { db } = openDatabase(dataDir);
  try {
    const edits = createEditsService({ db, events: createEventHub() });
    const profileId = db.prepare('SELECT id FROM connection_profiles WHERE name = ?').pluck().get('Chicago') as string;
    const { scheduleId } = db
      .prepare(
        'SELECT id AS scheduleId FROM schedules WHERE business_unit_id = ? AND week_date = ? ORDER BY id LIMIT 1',
      )
      .get(businessUnitId, week) as { scheduleId: string };
    const [first] = db
      .prepare('SELECT agent_id, id FROM shifts WHERE schedule_id = ? AND id IS NOT NULL ORDER BY agent_id, start_ms')
      .raw()
      .all(scheduleId) as Array<[string, string]>;
    const other = db
      .prepare('SELECT agent_id FROM agent_schedules WHERE schedule_id = ? AND agent_id <> ? ORDER BY agent_id LIMIT 1')
      .pluck()
      .get(scheduleId, first![0]) as string;
    const ref = { profileId, businessUnitId, scheduleId };
    edits.apply({
      ...ref,
      intent: { kind: 'dropShift', shiftId: first![1] },
      agentIds: [first![0]],
      source: { type: 'direct' },
    });
    edits.apply({
      ...ref,
      intent: { kind: 'holdBack' },
      agentIds: [first![0], other],
      source: { type: 'bulk', agentCount: 2 },
    });
    edits.undo(ref);
    return { scheduleId, droppedAgent: first![0] };
  } finally {
    db.close();
  }
}

const run = (...args: string[]) => cli(['edits', '--profile', 'Chicago', '--bu', bu, '--data-dir', dataDir, ...args]);

beforeAll(async () => {
  const org = await startSandbox({ seed: 33, agents: 60 });
  const env = { PUBLISH_DESK_CLIENT_SECRET: org.clientSecret };
  const add = ['profile', 'add', '--name', 'Chicago', '--base-url', org.baseUrl, '--client-id', org.clientId];
  expect((await cli([...add, '--data-dir', dataDir], env)).code).toBe(0);
  const sync = await cli(
    ['sync', '--profile', 'Chicago', '--bu', bu, '--weeks', '1', '--json', '--data-dir', dataDir],
    env,
  );
  expect(sync.code).toBe(0);
  week = (JSON.parse(sync.out) as { weeks: string[] }).weeks[0]!;
  businessUnitId = org.runtime.manifest.businessUnitId;
  await org.close(); // from here on, offline
}, 60_000);

describe('publish-desk edits', () => {
  it('says there are none before any edit', async () => {
    const none = await run('--week', week);
    expect(none.code).toBe(0);
    expect(none.out).toContain(`${bu}, week of ${week}: 0 pending edit(s).`);
  });

  it(
    'lists the pending and undone edits of the week with each agent’s change in words, offline',
    { timeout: 60_000 },
    async () => {
      const { scheduleId, droppedAgent } = makeEdits();
      const json = await run('--week', week, '--json');
      expect(json.code).toBe(0);
      const result = JSON.parse(json.out) as {
        week: string;
        schedules: Array<{
          scheduleId: string;
          count: number;
          canRedo: boolean;
          edits: PendingEditSummary[];
          diff: AgentDiff[];
        }>;
      };
      const edited = result.schedules.find((s) => s.scheduleId === scheduleId)!;
      expect(edited).toMatchObject({ count: 1, canRedo: true });
      expect(edited.edits.map((e) => [e.seq, e.state, e.source.type])).toEqual([
        [1, 'applied', 'direct'],
        [2, 'undone', 'bulk'],
      ]);
      expect(edited.diff).toEqual([
        expect.objectContaining({
          agentId: droppedAgent,
          heldBack: false,
          lines: [expect.stringMatching(/ shift dropped$/)],
        }),
      ]);
      expect(result.schedules.filter((s) => s.scheduleId !== scheduleId).every((s) => s.count === 0)).toBe(true);

      const human = await run('--week', week, '--schedule', scheduleId);
      expect(human.code).toBe(0);
      expect(human.out).toContain(`${bu}, week of ${week}: 1 pending edit(s).`);
      expect(human.out).toMatch(/1 pending edit\(s\), 1 undone \(can be redone\)/);
      expect(human.out).toMatch(/ {2}1\. Drop .* shift of .* \[made on version \d+\]/);
      expect(human.out).toMatch(/ {2}2\. \(undone\) Hold back/);
      expect(human.out).toMatch(/ {4}.* shift dropped/);
    },
  );

  it(
    'exits 2 naming what is wrong: missing flags, a week not mirrored, a schedule not of the week',
    { timeout: 60_000 },
    async () => {
      expect(await run()).toMatchObject({ code: 2, err: expect.stringContaining('--week') });
      expect(await run('--week', '2026-02-30')).toMatchObject({ code: 2, err: expect.stringContaining('real date') });
      expect(await run('--week', '2030-01-07')).toMatchObject({
        code: 2,
        err: expect.stringContaining('Mirrored weeks'),
      });
      expect(await run('--week', week, '--schedule', 'nope')).toMatchObject({
        code: 2,
        err: expect.stringContaining("not one of the week's"),
      });
    },
  );
});
