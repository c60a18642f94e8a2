/**
 * Step 4 of a sync: approved and pending time-off requests of every
 * management unit, for the dates of the synced weeks. The query asks one day
 * more on each side, because partial days are filtered by their UTC date
 * and an MU west of UTC has evenings on the next UTC day.
 */
import { addDays } from './business-unit-weeks';
import type { SyncContext } from './sync-context';

export async function syncTimeOff(ctx: SyncContext, weeks: readonly string[]): Promise<void> {
  const sorted = [...weeks].sort();
  const firstDate = sorted[0]!;
  const lastDate = addDays(sorted.at(-1)!, 6);
  const units = [...ctx.unitNames];
  for (const [i, [managementUnitId, name]] of units.entries()) {
    ctx.progress({ phase: 'timeOff', done: i, total: units.length, item: name });
    const requests = await ctx.api.queryTimeOffRequests(managementUnitId, {
      statuses: ['APPROVED', 'PENDING'],
      dateRange: { startDate: addDays(firstDate, -1), endDate: addDays(lastDate, 1) },
    });
    ctx.checkpoint();
    ctx.stores.timeOff.replaceRange(managementUnitId, firstDate, lastDate, requests, ctx.now().toISOString());
    ctx.changed.add('time_off_requests');
  }
  ctx.progress({ phase: 'timeOff', done: units.length, total: units.length });
}
