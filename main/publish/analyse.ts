/**
 * "What you publish is what you saw": the analysis run on the agents'
 * intended weeks (the same pure analysis the findings panel uses), the week
 * analysed in full once per run and then only the asked agents again.
 * Findings of other schedules of the week (the one agents see now) are not
 * this publish's.
 */
import type Database from 'better-sqlite3';
import { analysedWeek, type AnalysedWeek } from '../../shared/edits/analysed-week';
import { reanalyseAgents } from '../../shared/edits/reanalyse';
import type { Finding, PublishState } from '../../shared/publish/machine-state';
import { loadAnalysisInput } from '../mirror/analysis-input';

export function createPublishAnalysis(db: Database.Database, ctx: { now: () => Date; viewerTimeZone: string }) {
  let full: AnalysedWeek | null = null;
  return async (state: PublishState, agentIds: readonly string[]): Promise<Finding[]> => {
    const { businessUnitId, weekId, scheduleId } = state.job;
    if (!full) {
      const input = loadAnalysisInput(db, businessUnitId, weekId, {
        now: ctx.now().toISOString(),
        viewerTimeZone: ctx.viewerTimeZone,
      });
      // A unit never synced has nothing to analyse against: no findings, and preflight's freshness says why.
      if (!input) return [];
      full = analysedWeek(input);
    }
    const updates = agentIds.flatMap((agentId) => {
      const agent = state.agents[agentId];
      return agent ? [{ agentId, scheduleId, week: agent.intended }] : [];
    });
    const asked = new Set(agentIds);
    const { findings } = reanalyseAgents(full, updates);
    return findings
      .filter(
        (f) => f.agentId !== null && asked.has(f.agentId) && (f.scheduleId === null || f.scheduleId === scheduleId),
      )
      .map((f) => ({ id: f.id, agentId: f.agentId!, kind: f.kind, severity: f.severity, message: f.explanation }));
  };
}
