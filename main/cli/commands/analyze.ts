/**
 * `publish-desk analyze --profile P --bu B --week W [--json]`: the week's
 * findings from the mirror, offline. Exit 0 with no error findings, 4 otherwise,
 * so a CI job can stop a publish that would fail.
 */
import { isCalendarDate } from '../../../shared/time/business-week';
import type { CliContext } from '../context';
import { exitCodes, UsageError } from '../exit-codes';
import { findProfile } from './profile';

export async function analyzeCommand(
  ctx: CliContext,
  flags: { profile?: string; bu?: string; week?: string },
): Promise<number> {
  if (!flags.profile || !flags.bu || !flags.week)
    throw new UsageError('analyze needs --profile, --bu and --week (the first day of the BU week, yyyy-MM-dd)');
  if (!isCalendarDate(flags.week))
    throw new UsageError(
      `--week must be the first day of the BU week as a real date, yyyy-MM-dd (got "${flags.week}")`,
    );
  const profile = await findProfile(ctx, flags.profile);
  const units = (await ctx.call('schedules.overview', { profileId: profile.id })).businessUnits;
  const unit = units.find((u) => u.id === flags.bu || u.name.toLowerCase() === flags.bu!.toLowerCase());
  if (!unit)
    throw new UsageError(
      `Business unit "${flags.bu}" is not mirrored for ${profile.name}. Run publish-desk sync first. Mirrored: ${units.map((u) => u.name).join(', ') || 'none'}`,
    );
  const analysis = await ctx.call('analysis.rerun', {
    profileId: profile.id,
    businessUnitId: unit.id,
    week: flags.week,
  });
  const errors = analysis.findings.filter((f) => f.severity === 'error').length;
  if (ctx.json) {
    ctx.out(JSON.stringify({ businessUnit: analysis.businessUnit, week: analysis.week, findings: analysis.findings }));
  } else {
    ctx.out(
      `${unit.name}, week of ${analysis.week} (${analysis.businessUnit.timeZone}): ${analysis.findings.length} finding(s), ${errors} error(s).`,
    );
    for (const f of analysis.findings) ctx.out(`  [${f.severity}] ${f.kind}: ${f.explanation} → ${f.suggestedFix}`);
  }
  return errors > 0 ? exitCodes.conflict : exitCodes.ok;
}
