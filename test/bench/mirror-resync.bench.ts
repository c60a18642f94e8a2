/**
 * A no-change resync of 500 agents × 3 weeks against the sandbox: the API
 * requests it makes, by path template, next to those of the first sync.
 * Goal: one schedule list per week and one get per schedule, no
 * agent-schedule query (and no download of one).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../main/mirror/database';
import { syncBusinessUnit } from '../../main/mirror/sync/sync-business-unit';
import { startSandbox } from '../../main/sandbox/server';
import { genesysClient } from '../mirror/genesys-client';

const now = new Date('2026-11-23T12:00:00Z');
const wfm = '/api/v2/workforcemanagement/businessunits/{businessUnitId}/weeks/{weekId}/schedules';
const list = wfm;
const get = `${wfm}/{scheduleId}`;
const query = `${wfm}/{scheduleId}/agentschedules/query`;

async function main(): Promise<void> {
  // Three weeks of schedules: this week and the next two, exactly what a default sync covers.
  const sandbox = await startSandbox({
    seed: 1,
    agents: 500,
    weeks: 3,
    rateLimitPerMinute: 100_000,
    operationDelayMs: 5,
    now: () => now,
  });
  const client = genesysClient(sandbox);
  const { db } = openDatabase(mkdtempSync(path.join(tmpdir(), 'pd-bench-resync-')));
  const sync = () =>
    syncBusinessUnit({
      db,
      api: client.api,
      profileId: 'bench',
      businessUnitId: sandbox.businessUnitId,
      now: () => now,
      onProgress: () => {},
      requestCount: client.tally.total,
    });
  try {
    const first = await sync();
    const before = client.tally.byPathTemplate();
    const t = performance.now();
    const resync = await sync();
    const resyncMs = performance.now() - t;
    const after = client.tally.byPathTemplate();
    const delta = Object.fromEntries(
      Object.entries(after)
        .map(([k, v]) => [k, v - (before[k] ?? 0)])
        .filter(([, v]) => (v as number) > 0),
    ) as Record<string, number>;
    const schedules = resync.schedulesUnchanged + resync.schedulesFetched;
    console.log(
      `first sync: ${first.requests} requests, ${first.schedulesFetched} schedules and ${first.agentSchedulesWritten} agent schedules fetched`,
    );
    console.log(
      `no-change resync (${resync.weeks.join(', ')}): ${resync.requests} requests in ${resyncMs.toFixed(0)} ms`,
    );
    for (const [template, n] of Object.entries(delta)) console.log(`  ${String(n).padStart(3)}  ${template}`);
    const goal =
      delta[list] === resync.weeks.length && delta[get] === schedules && !delta[query] && !delta['{signedDownloadUrl}'];
    console.log(
      JSON.stringify({
        agents: 500,
        weeks: resync.weeks.length,
        schedules,
        firstSyncRequests: first.requests,
        resyncRequests: resync.requests,
        schedulesUnchanged: resync.schedulesUnchanged,
        agentScheduleQueries: delta[query] ?? 0,
        scheduleLists: delta[list] ?? 0,
        scheduleGets: delta[get] ?? 0,
        byPathTemplate: delta,
        goalMet: goal,
      }),
    );
  } finally {
    client.close();
    db.close();
    await sandbox.close();
  }
}

await main();
