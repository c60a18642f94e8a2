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
  function fullOf(job: PublishState['job']): AnalysedWeek | null {
    if (!full) {
      const input = loadAnalysisInput(db, job.businessUnitId, job.weekId, {
        now: ctx.now().toISOString(),
        viewerTimeZone: ctx.viewerTimeZone,
      });
      // A unit never synced has nothing to analyse against: no findings, and preflight's freshness says why.
      if (input) full = analysedWeek(input);
    }
    return full;
  }
  const analyse = async (state: PublishState, agentIds: readonly string[]): Promise<Finding[]> => {
    const { scheduleId } = state.job;
    const week = fullOf(state.job);
    if (!week) return [];
    const updates = agentIds.flatMap((agentId) => {
      const agent = state.agents[agentId];
      return agent ? [{ agentId, scheduleId, week: agent.intended }] : [];
    });
    const asked = new Set(agentIds);
    const { findings } = reanalyseAgents(week, updates);
    return findings
      .filter(
        (f) => f.agentId !== null && asked.has(f.agentId) && (f.scheduleId === null || f.scheduleId === scheduleId),
      )
      .map((f) => ({ id: f.id, agentId: f.agentId!, kind: f.kind, severity: f.severity, message: f.explanation }));
  };
  /** The week's full analysis made now (a wait's idle time) rather than when preflight asks for it. */
  const prepare = (job: PublishState['job']): void => void fullOf(job);
  return Object.assign(analyse, { prepare });
}
