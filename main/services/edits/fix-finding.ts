/**
 * edits.fix: a finding's one-click fix as one undoable edit. The finding is
 * looked up in the week's stored analysis (its id is stable across runs for
 * the same data); the fix is computed by the pure core (fixOptions) on the
 * agent's effective week, so a finding already fixed by a pending edit
 * offers nothing rather than an edit that would be refused.
 */
import type Database from 'better-sqlite3';
import type { AppliedEdit, AppliedFix } from '../../../shared/contract/edits';
import { fixOptions } from '../../../shared/edits/fixes';
import { badInput } from '../../../shared/ops-error';
import { createChangeSetStore } from '../../mirror/edits';
import { createWeekAnalysisStore } from '../../mirror/week-analyses';
import { editScope } from './edit-scope';
import type { AgentBase } from './changes-for';
import type { ApplyRequest } from './edits-service';

export interface FixRequest {
  profileId: string;
  businessUnitId: string;
  week: string;
  findingId: string;
  option?: number;
  dryRun?: boolean;
}

/** What a fix needs of the edits service (the service hands itself in). */
export interface FixerEdits {
  apply(req: ApplyRequest, label?: string): AppliedEdit;
  basesFor(scheduleId: string, agentIds: readonly string[]): AgentBase[];
}

export function createFindingFixer(db: Database.Database, edits: FixerEdits) {
  const analyses = createWeekAnalysisStore(db);
  const scope = editScope(db);
  const changeSet = createChangeSetStore(db);

  return function fix(req: FixRequest): AppliedFix {
    scope.checkUnit(req.profileId, req.businessUnitId);
    const analysis = analyses.load(req.businessUnitId, req.week);
    if (!analysis)
      throw badInput(
        `The week of ${req.week} has not been analysed on this machine yet: open it, or run publish-desk analyze, then fix.`,
      );
    const finding = analysis.findings.find((f) => f.id === req.findingId);
    if (!finding)
      throw badInput(
        `The week's analysis has no finding ${req.findingId} (the data changed since, or it is of another week): analyse the week again.`,
      );
    if (!finding.agentId || !finding.scheduleId)
      throw badInput(`A ${finding.kind} finding is about the unit, not one agent's schedule: it has no one-click fix.`);
    const ref = { profileId: req.profileId, businessUnitId: req.businessUnitId, scheduleId: finding.scheduleId };
    const schedule = scope.editable(ref);
    // The analysis reads the mirror, where the finding stays until publish: a second fix would apply twice.
    const already = changeSet
      .edits(finding.scheduleId)
      .find((e) => e.state === 'applied' && e.source.type === 'fix' && e.source.findingId === finding.id);
    if (already) throw badInput(`This finding is fixed already by the pending edit "${already.label}".`);
    const [base] = edits.basesFor(finding.scheduleId, [finding.agentId]);
    const unit = scope.unitContext(
      req.businessUnitId,
      [finding.agentId],
      scope.publishedWeeks(schedule, [finding.agentId]),
    );
    const options = fixOptions(finding, base!.week, {
      timeZone: unit.timeZone,
      activityCodes: unit.activityCodes,
      publishedWeek: unit.publishedWeek(finding.agentId),
    });
    const chosen = options[req.option ?? 0];
    if (!chosen)
      throw badInput(
        options.length === 0
          ? `No one-click fix of this ${finding.kind} finding applies to the agent's week as it is now (a pending edit may have fixed it already).`
          : `This finding offers ${options.length} fix(es); option ${req.option} is not one of them.`,
      );
    const name = unit.agentName(finding.agentId);
    const label = name ? `${chosen.label} of ${name}` : chosen.label;
    const applied = edits.apply(
      {
        ...ref,
        intent: chosen.intent,
        agentIds: [finding.agentId],
        source: { type: 'fix', findingId: finding.id },
        ...(req.dryRun ? { dryRun: true } : {}),
      },
      label,
    );
    return { ...applied, findingId: finding.id, label, options: options.map((o) => o.label) };
  };
}
