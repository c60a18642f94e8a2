/**
 * After the schedules: the staffing requirement of each short-term forecast
 * a synced schedule names (`shortTermForecast`) that the mirror does not
 * have yet. The reference carries no version, so a mirrored forecast is not
 * asked again: a resync with nothing new makes no forecast request. Each
 * forecast is written in one transaction.
 *
 * A forecast Genesys will not give (no `wfm:shortTermForecast:view` on the
 * OAuth client, deleted since, refused as invalid) leaves its schedules
 * without a requirement – coverage without a target – rather than failing
 * the sync; it is asked again on the next one.
 */
import type { BuScheduleMetadata } from '../../genesys/client/schemas';
import { GenesysError } from '../../genesys/client/errors';
import { askAgain } from './ask-again';
import type { SyncContext } from './sync-context';

const unavailable = (err: unknown) =>
  err instanceof GenesysError && (err.kind === 'forbidden' || err.kind === 'notFound' || err.kind === 'invalid');

export async function syncForecasts(
  ctx: SyncContext,
  headers: readonly BuScheduleMetadata[],
  timeZone: string,
): Promise<void> {
  const { api, businessUnitId } = ctx;
  const store = ctx.stores.staffing;
  const links = headers.map((h) => ({
    scheduleId: h.id,
    forecast: h.shortTermForecast ? { id: h.shortTermForecast.id, weekDate: h.shortTermForecast.weekDate } : null,
  }));
  if (store.link(businessUnitId, links) > 0) ctx.changed.add('schedule_forecasts');
  const wanted = new Map<string, { id: string; weekDate: string }>();
  for (const { forecast } of links) {
    if (forecast && !wanted.has(forecast.id) && !store.isMirrored(businessUnitId, forecast.id))
      wanted.set(forecast.id, forecast);
  }
  for (const forecast of wanted.values()) {
    ctx.checkpoint();
    let requirement;
    try {
      requirement = await askAgain(
        () => api.getStaffingRequirement(businessUnitId, forecast.weekDate, forecast.id),
        ctx.checkpoint,
      );
    } catch (err) {
      if (unavailable(err)) continue;
      throw err;
    }
    ctx.checkpoint();
    // No week computed yet: nothing to hold coverage against; asked again next time.
    if (requirement.weeks.length === 0) continue;
    // Kept under the id the schedules name, whatever the answer's reference says.
    const named = { ...requirement, forecast: { ...requirement.forecast, id: forecast.id } };
    store.write({ businessUnitId, requirement: named, timeZone, fetchedAt: ctx.now().toISOString() });
    ctx.changed.add('staffing_forecasts');
    ctx.changed.add('staffing_requirements');
  }
  if (store.prune(businessUnitId) > 0) {
    ctx.changed.add('staffing_forecasts');
    ctx.changed.add('staffing_requirements');
  }
}
