/** `publish-desk sync --profile P --bu B [--weeks N]`: mirror N weeks of a business unit from the current one. */
import { OpsError } from '../../../shared/ops-error';
import type { SyncRunSummary } from '../../../shared/mirror';
import { CommandFailure, type CliContext } from '../context';
import { followJob } from '../follow-job';
import { UsageError } from '../exit-codes';
import { findProfile } from './profile';
import { signInForRun } from './run-secret';

export async function syncCommand(
  ctx: CliContext,
  flags: { profile?: string; bu?: string; weeks?: string },
): Promise<void> {
  if (!flags.profile || !flags.bu) throw new UsageError('sync needs --profile and --bu');
  const weekCount = flags.weeks === undefined ? 3 : Number(flags.weeks);
  if (!Number.isInteger(weekCount) || weekCount < 1 || weekCount > 12)
    throw new UsageError('--weeks must be a whole number from 1 to 12');
  const profile = await findProfile(ctx, flags.profile);
  await signInForRun(ctx, profile);
  let units = (await ctx.call('schedules.overview', { profileId: profile.id })).businessUnits;
  const matches = () => units.find((u) => u.id === flags.bu || u.name.toLowerCase() === flags.bu!.toLowerCase());
  if (!matches()) units = (await ctx.call('schedules.discover', { profileId: profile.id })).businessUnits;
  const unit = matches();
  if (!unit)
    throw new UsageError(
      `No business unit "${flags.bu}" in ${profile.name}. Known: ${units.map((u) => u.name).join(', ')}`,
    );

  const job = await ctx.call('sync.start', { profileId: profile.id, businessUnitId: unit.id, weekCount });
  const ended = await followJob(ctx, job.jobId, (p) => {
    if (!ctx.json) ctx.err(`  ${p.phase} ${p.done}/${p.total}${p.item ? ` ${p.item}` : ''}`);
  });
  if (ended.state === 'failed')
    throw new CommandFailure(ended.error ?? { code: 'failed', message: 'The sync failed.' });
  const run = ended.result as SyncRunSummary | undefined;
  if (ended.state !== 'succeeded' || !run || run.status !== 'ok') {
    throw new OpsError(
      'unavailable',
      `The sync ${ended.state === 'cancelled' || run?.status === 'cancelled' ? 'was cancelled' : 'did not finish'}; the mirror keeps its last good copy. Run it again.`,
    );
  }
  if (ctx.json) return ctx.out(JSON.stringify(run));
  ctx.out(
    `Synced ${unit.name}, weeks ${run.weeks.join(', ')}: ${run.status}. ${run.schedulesFetched} schedule(s) fetched, ` +
      `${run.schedulesUnchanged} unchanged, ${run.agentSchedulesWritten} agent schedules written, ${run.requests} requests.`,
  );
}
