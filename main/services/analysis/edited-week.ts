/**
 * A BU week's analysis with its schedules' pending edits in: the mirror's
 * week analysed in full once, then every agent with pending edits analysed
 * again on their effective week (shared/edits/reanalyse.ts, the same pure
 * code the edits follow with), and after each edit only the agents whose
 * pending week moved. What the findings panel, the markers and publish read
 * is therefore always the schedule as edited.
 */
import type Database from 'better-sqlite3';
import type { AnalysisInput } from '../../../shared/analysis/types';
import type { WeekAnalysis } from '../../../shared/analysis/week-analysis';
import { agentWeekFromInput } from '../../../shared/edits/agent-input';
import { analysedWeek, noData, type AnalysedWeek } from '../../../shared/edits/analysed-week';
import { reanalyseAgents, type AgentWeekUpdate } from '../../../shared/edits/reanalyse';
import { badInput } from '../../../shared/ops-error';
import { loadAnalysisInput, type AnalysisContext } from '../../mirror/analysis-input';
import { movedAgents, pendingMarks, pendingWeeksOf, type PendingMarks } from '../../mirror/timeline/pending-weeks';

export const notSynced =
  'This business unit has not been synced on this machine yet. Sync it on the Schedules screen (or `publish-desk sync`), then analyse.';

export interface EditedWeek {
  businessUnitId: string;
  weekDate: string;
  week: AnalysedWeek;
  /** Per schedule of the week: where each agent's pending week stood when it was analysed. */
  marks: ReadonlyMap<string, PendingMarks>;
}

/** The updates that bring these agents of a schedule to their pending weeks (or back to the mirror's, undone). */
function updatesFor(
  db: Database.Database,
  week: AnalysedWeek,
  businessUnitId: string,
  scheduleId: string,
  agentIds: readonly string[],
): AgentWeekUpdate[] {
  if (agentIds.length === 0) return [];
  const pending = new Map(pendingWeeksOf(db, { businessUnitId, scheduleId }, agentIds).map((p) => [p.agentId, p]));
  return agentIds.map((agentId): AgentWeekUpdate => {
    const p = pending.get(agentId);
    if (p) return { agentId, scheduleId, week: p.week, heldBack: p.heldBack };
    // No pending week any more: the mirror's, as the full pass read it (the marker's code is not analysed).
    const base = week.base.get(agentId) ?? noData;
    return { agentId, scheduleId, week: agentWeekFromInput(base.shifts, base.fullDayTimeOff, scheduleId, '') };
  });
}

function scheduleIds(input: AnalysisInput): string[] {
  return (input.schedules ?? []).map((s) => s.id);
}

/** The full pass: the mirror's week, then every agent with pending edits on their effective week. */
export function analyseEditedWeek(
  db: Database.Database,
  businessUnitId: string,
  weekDate: string,
  ctx: AnalysisContext,
): EditedWeek {
  const input = loadAnalysisInput(db, businessUnitId, weekDate, ctx);
  if (!input) throw badInput(notSynced);
  let week = analysedWeek(input);
  const marks = new Map<string, PendingMarks>();
  const updates: AgentWeekUpdate[] = [];
  for (const scheduleId of scheduleIds(input)) {
    const m = pendingMarks(db, scheduleId);
    marks.set(scheduleId, m);
    updates.push(...updatesFor(db, week, businessUnitId, scheduleId, [...m.keys()]));
  }
  if (updates.length > 0) week = reanalyseAgents(week, updates).week;
  return { businessUnitId, weekDate, week, marks };
}

/**
 * The week brought up to the change set as it is now: only agents whose
 * pending week moved since (edited, undone, redone, discarded) are analysed
 * again. The same object when nothing moved.
 */
export function followPendingEdits(db: Database.Database, edited: EditedWeek): EditedWeek {
  const marks = new Map<string, PendingMarks>();
  const updates: AgentWeekUpdate[] = [];
  for (const [scheduleId, before] of edited.marks) {
    const now = pendingMarks(db, scheduleId);
    marks.set(scheduleId, now);
    updates.push(...updatesFor(db, edited.week, edited.businessUnitId, scheduleId, movedAgents(before, now)));
  }
  if (updates.length === 0) return edited;
  return { ...edited, week: reanalyseAgents(edited.week, updates).week, marks };
}

export function weekAnalysisOf(edited: EditedWeek, analysedAt: string): WeekAnalysis {
  return {
    businessUnit: { id: edited.businessUnitId, timeZone: edited.week.input.businessUnit.timeZone },
    week: edited.weekDate,
    findings: [...edited.week.findings],
    analysedAt,
  };
}
