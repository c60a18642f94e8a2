/**
 * `publish-desk fix --profile P --bu B --week W (--finding ID | --all-of KIND) [--schedule ID] [--dry-run] [--json]`:
 * one-click fixes, headless. The week is analysed again from the mirror,
 * then each chosen finding's default fix becomes one undoable pending edit
 * (edits.fix), exactly as the console's button would. A finding a pending
 * edit fixed already is said and left, so running the same fix again is
 * harmless. Exit 0 when every chosen finding is fixed, 4 when some could
 * not be (they remain: a pipeline must not publish as if they were gone),
 * 2 for a wrong call.
 */
import { findingKinds, type Finding, type FindingKind } from '../../../shared/analysis/types';
import type { AppliedFix } from '../../../shared/contract/edits';
import { CommandFailure, type CliContext } from '../context';
import { exitCodes, UsageError } from '../exit-codes';
import { weekSchedules, type WeekFlags } from './edits';

export interface FixFlags extends WeekFlags {
  finding?: string;
  'all-of'?: string;
  'dry-run'?: boolean;
}

interface FixOutcome {
  findingId: string;
  kind: FindingKind;
  agentId: string | null;
  scheduleId: string | null;
  explanation: string;
  fixed: Pick<AppliedFix, 'label' | 'options' | 'changes'> & { editId: string | null };
}

interface Unfixed {
  findingId: string;
  kind: FindingKind;
  agentId: string | null;
  explanation: string;
  reason: string;
}

const isKind = (k: string): k is FindingKind => (findingKinds as readonly string[]).includes(k);

export async function fixCommand(ctx: CliContext, flags: FixFlags): Promise<number> {
  const allOf = flags['all-of'];
  if (!flags.finding === !allOf) throw new UsageError('fix needs one of --finding ID or --all-of KIND');
  if (allOf && !isKind(allOf))
    throw new UsageError(`--all-of must be a finding kind: ${findingKinds.join(', ')} (got "${allOf}")`);
  const found = await weekSchedules(ctx, 'fix', flags);
  const unit = { profileId: found.profileId, businessUnitId: found.businessUnit.id };
  // A fresh run: the fix must be of the findings the mirror has now, and edits.fix reads this stored run.
  const analysis = await ctx.call('analysis.rerun', { ...unit, week: found.week });
  const inScope = new Set(found.schedules.map((s) => s.scheduleId));
  // Findings fixed by a pending edit already: a second fix would apply twice (and the analysis may no longer list them).
  const pendingFixes = new Map<string, { editId: string; label: string }>();
  for (const s of found.schedules) {
    const list = await ctx.call('edits.list', { ...unit, scheduleId: s.scheduleId });
    for (const e of list.edits)
      if (e.state === 'applied' && e.source.type === 'fix')
        pendingFixes.set(e.source.findingId, { editId: e.id, label: e.label });
  }
  let chosen: Finding[];
  if (flags.finding) {
    const one = analysis.findings.find((f) => f.id === flags.finding);
    if (!one && !pendingFixes.has(flags.finding))
      throw new UsageError(
        `The week's analysis has no finding ${flags.finding}. List them with publish-desk analyze --week ${found.week} --json.`,
      );
    chosen = one ? [one] : [];
  } else {
    chosen = analysis.findings.filter((f) => f.kind === allOf && (f.scheduleId === null || inScope.has(f.scheduleId)));
  }
  const alreadyFixed = [...pendingFixes]
    .filter(([id]) => (flags.finding ? id === flags.finding : chosen.some((f) => f.id === id)))
    .map(([findingId, edit]) => ({ findingId, ...edit }));
  chosen = chosen.filter((f) => !pendingFixes.has(f.id));
  const dryRun = flags['dry-run'] === true;
  const fixed: FixOutcome[] = [];
  const unfixed: Unfixed[] = [];
  for (const f of chosen) {
    const about = { findingId: f.id, kind: f.kind, agentId: f.agentId, explanation: f.explanation };
    try {
      const applied = await ctx.call('edits.fix', { ...unit, week: found.week, findingId: f.id, dryRun });
      fixed.push({
        ...about,
        scheduleId: applied.scheduleId,
        fixed: {
          label: applied.label,
          options: applied.options,
          changes: applied.changes,
          editId: applied.edit?.id ?? null,
        },
      });
    } catch (err) {
      // A finding without a fix the week accepts is reported and left; anything else stops the run.
      if (!(err instanceof CommandFailure) || err.failure.category !== 'badInput') throw err;
      unfixed.push({ ...about, reason: err.failure.message });
    }
  }
  if (ctx.json) {
    ctx.out(
      JSON.stringify({ businessUnit: found.businessUnit, week: found.week, dryRun, fixed, alreadyFixed, unfixed }),
    );
  } else {
    const what = flags.finding ? `finding ${flags.finding}` : `${chosen.length} open ${allOf} finding(s)`;
    const verb = dryRun ? 'would fix' : 'fixed';
    ctx.out(
      `${found.businessUnit.name}, week of ${found.week}: ${verb} ${fixed.length} of ${what}${dryRun ? ' (dry run: nothing kept)' : ''}.`,
    );
    for (const f of fixed) ctx.out(`  ✓ ${f.fixed.label} (${f.kind}: ${f.explanation})`);
    for (const a of alreadyFixed) ctx.out(`  = ${a.findingId} is fixed already by the pending edit "${a.label}"`);
    for (const u of unfixed) ctx.out(`  ✗ ${u.kind}: ${u.explanation} → ${u.reason}`);
    if (!dryRun && fixed.length > 0)
      ctx.out(`Each fix is one pending edit: see them with publish-desk edits --week ${found.week}.`);
  }
  return unfixed.length > 0 ? exitCodes.conflict : exitCodes.ok;
}
