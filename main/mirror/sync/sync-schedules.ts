/**
 * Steps 2 and 3 of a sync: the schedules of each week (drafts and
 * published), then the agent schedules of those whose `metadata.version`
 * moved. An unchanged schedule costs one GET and no agent-schedule query:
 * that is what makes a resync on a publish morning cheap.
 *
 * A week can hold several schedules (a draft revision beside the published
 * one) and only one of them is published: publishing one unpublishes the
 * other, which is a save of that other schedule too. Every listed schedule is
 * read, so each one's `published` flag is the one Genesys has now: a moved
 * version is fetched whole, an unmoved one still has its flag refreshed.
 */
import type { BuScheduleListItem, BuScheduleMetadata } from '../../genesys/client/schemas';
import type { ScheduleSnapshot } from '../schedule-store';
import { askAgain } from './ask-again';
import { addDays } from './business-unit-weeks';
import type { SyncContext } from './sync-context';
import { nameUnknownAgents } from './sync-reference-data';

/** Does a schedule starting on `weekDate` for `weekCount` weeks cover the week starting on `week`? */
const spans = (weekDate: string, weekCount: number, week: string) =>
  week >= weekDate && week < addDays(weekDate, weekCount * 7);

/** Returns the header of every schedule listed in the weeks, fetched whole or not (the forecasts step reads them). */
export async function syncSchedules(ctx: SyncContext, weeks: readonly string[]): Promise<BuScheduleMetadata[]> {
  const { changed, headers } = await readScheduleHeaders(ctx, weeks);
  const total = changed.reduce((n, s) => n + s.managementUnits.length, 0);
  let done = 0;
  ctx.progress({ phase: 'agentSchedules', done, total });
  for (const header of changed) {
    ctx.checkpoint();
    const snapshot: ScheduleSnapshot = {
      businessUnitId: ctx.businessUnitId,
      header,
      managementUnits: [],
      fetchedAt: '',
    };
    for (const mu of header.managementUnits) {
      const label = `${header.description ?? header.weekDate} · ${ctx.unitNames.get(mu.managementUnit.id) ?? mu.managementUnit.id}`;
      // The schedule's own agents of the unit: what the client asks for in batches when no notification can reach it.
      const userIds = mu.agents?.map((a) => a.id);
      const query = () =>
        ctx.api.queryAgentSchedules(ctx.businessUnitId, header.weekDate, header.id, {
          managementUnitId: mu.managementUnit.id,
          ...(userIds ? { userIds } : {}),
        });
      const answer = await askAgain(query, ctx.checkpoint);
      snapshot.managementUnits.push({ managementUnitId: mu.managementUnit.id, agentSchedules: answer.agentSchedules });
      ctx.progress({ phase: 'agentSchedules', done: ++done, total, item: label });
      ctx.checkpoint();
    }
    const agents = snapshot.managementUnits.flatMap((mu) =>
      mu.agentSchedules.map((a) => ({ id: a.user.id, managementUnitId: mu.managementUnitId })),
    );
    await nameUnknownAgents(ctx, agents);
    ctx.checkpoint();
    snapshot.fetchedAt = ctx.now().toISOString();
    const written = ctx.stores.schedules.write(snapshot);
    ctx.tally.schedulesFetched += 1;
    ctx.tally.agentSchedulesWritten += written.agentSchedules;
    for (const table of ['schedules', 'agent_schedules', 'shifts', 'activities', 'full_day_time_off'])
      ctx.changed.add(table);
    ctx.progress({ phase: 'agentSchedules', done, total, item: `${header.description ?? header.weekDate}: saved` });
  }
  return headers;
}

/** Lists each week, drops schedules deleted in Genesys, and returns every header and those to fetch whole. */
async function readScheduleHeaders(
  ctx: SyncContext,
  weeks: readonly string[],
): Promise<{ changed: BuScheduleMetadata[]; headers: BuScheduleMetadata[] }> {
  const { api, businessUnitId, stores } = ctx;
  const listed = new Map<string, BuScheduleListItem>();
  const changed: BuScheduleMetadata[] = [];
  const headers: BuScheduleMetadata[] = [];
  ctx.progress({ phase: 'schedules', done: 0, total: weeks.length });
  for (const [i, week] of weeks.entries()) {
    const fresh = (await api.listSchedules(businessUnitId, week)).filter((s) => !listed.has(s.id));
    ctx.checkpoint();
    for (const item of fresh) {
      listed.set(item.id, item);
      // A schedule of several weeks is listed under each: one GET, by its own first week. With its agents per
      // unit (Genesys lists them only when asked), so a changed schedule needs no second GET to be queried.
      const header = await api.getSchedule(businessUnitId, item.weekDate, item.id, { expandAgents: true });
      ctx.checkpoint();
      headers.push(header);
      if (stores.schedules.confirm(header, ctx.now().toISOString())) ctx.tally.schedulesUnchanged += 1;
      else changed.push(header);
      ctx.changed.add('schedules');
    }
    ctx.progress({ phase: 'schedules', done: i + 1, total: weeks.length, item: `Week of ${week}` });
  }
  const gone = stores.schedules
    .versions(businessUnitId)
    .filter((m) => !listed.has(m.id) && weeks.some((w) => spans(m.weekDate, m.weekCount, w)))
    .map((m) => m.id);
  if (gone.length > 0) {
    stores.schedules.remove(gone);
    for (const table of ['schedules', 'agent_schedules', 'shifts', 'activities', 'full_day_time_off'])
      ctx.changed.add(table);
  }
  return { changed, headers };
}
