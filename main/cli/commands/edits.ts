/**
 * `publish-desk edits --profile P --bu B --week W [--schedule ID] [--json]`:
 * the pending edits of the week's schedules and what they change per agent,
 * from the mirror (offline). What a pipeline checks before it publishes.
 */
import type { AgentDiff, ChangeSetList } from '../../../shared/contract/edits';
import type { WeekSummary } from '../../../shared/mirror';
import { isCalendarDate } from '../../../shared/time/business-week';
import type { CliContext } from '../context';
import { exitCodes, UsageError } from '../exit-codes';
import { findProfile } from './profile';

export interface WeekFlags {
  profile?: string;
  bu?: string;
  week?: string;
  schedule?: string;
}

export interface WeekSchedules {
  profileId: string;
  businessUnit: { id: string; name: string };
  week: string;
  schedules: WeekSummary[];
}

/** The connection, unit and mirrored schedules of the week a command names (`--schedule` keeps one of them). */
export async function weekSchedules(ctx: CliContext, command: string, flags: WeekFlags): Promise<WeekSchedules> {
  if (!flags.profile || !flags.bu || !flags.week)
    throw new UsageError(`${command} needs --profile, --bu and --week (the first day of the BU week, yyyy-MM-dd)`);
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
  const { weeks } = await ctx.call('schedules.weeks', { profileId: profile.id, businessUnitId: unit.id });
  const ofWeek = weeks.filter((w) => w.weekDate === flags.week);
  if (ofWeek.length === 0)
    throw new UsageError(
      `No schedule for the week of ${flags.week} is mirrored for ${unit.name}. Mirrored weeks: ${[...new Set(weeks.map((w) => w.weekDate))].join(', ') || 'none'}`,
    );
  const schedules = flags.schedule ? ofWeek.filter((s) => s.scheduleId === flags.schedule) : ofWeek;
  if (schedules.length === 0)
    throw new UsageError(
      `Schedule ${flags.schedule} is not one of the week's: ${ofWeek.map((s) => `${s.scheduleId} (${s.description})`).join(', ')}`,
    );
  return { profileId: profile.id, businessUnit: { id: unit.id, name: unit.name }, week: flags.week, schedules };
}

type ScheduleEdits = Omit<ChangeSetList, 'agents'> & { description: string; published: boolean; diff: AgentDiff[] };

function printSchedule(ctx: CliContext, s: ScheduleEdits): void {
  const kind = s.published ? 'published' : 'draft';
  const undone = s.edits.length - s.count;
  ctx.out(
    `${s.description} (${kind}, ${s.scheduleId}, version ${s.mirrorScheduleVersion ?? 'gone from the mirror'}): ${s.count} pending edit(s)${undone ? `, ${undone} undone (can be redone)` : ''}.`,
  );
  for (const e of s.edits)
    ctx.out(
      `  ${e.seq}. ${e.state === 'undone' ? '(undone) ' : ''}${e.label} [made on version ${e.baseScheduleVersion}]`,
    );
  for (const d of s.diff) {
    const moved =
      d.mirrorAgentVersion !== null && d.mirrorAgentVersion !== d.baseAgentVersion
        ? ` (changed in Genesys since: version ${d.baseAgentVersion} → ${d.mirrorAgentVersion}; publish rebases)`
        : '';
    ctx.out(`  ${d.agentName ?? d.agentId}${moved}:`);
    for (const line of d.lines.length ? d.lines : ['no change left']) ctx.out(`    ${line}`);
  }
}

export async function editsCommand(ctx: CliContext, flags: WeekFlags): Promise<number> {
  const found = await weekSchedules(ctx, 'edits', flags);
  const schedules: ScheduleEdits[] = [];
  for (const s of found.schedules) {
    const ref = { profileId: found.profileId, businessUnitId: found.businessUnit.id, scheduleId: s.scheduleId };
    const { agents: _weeks, ...list } = await ctx.call('edits.list', ref);
    schedules.push({
      ...list,
      description: s.description,
      published: s.published,
      diff: await ctx.call('edits.diff', ref),
    });
  }
  if (ctx.json) {
    ctx.out(JSON.stringify({ businessUnit: found.businessUnit, week: found.week, schedules }));
    return exitCodes.ok;
  }
  const total = schedules.reduce((n, s) => n + s.count, 0);
  ctx.out(`${found.businessUnit.name}, week of ${found.week}: ${total} pending edit(s).`);
  for (const s of schedules) printSchedule(ctx, s);
  return exitCodes.ok;
}
