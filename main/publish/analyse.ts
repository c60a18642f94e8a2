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
import { preflightAnalysed } from '../../shared/publish/machine-holds';
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
  /**
   * The last answer, for the agents it was asked for and the intended weeks they had (the machine replaces an
   * agent's object when its week changes, and keeps it otherwise): the same question gets the same answer.
   */
  let last: { agentIds: readonly string[]; weeks: unknown[]; findings: Finding[] } | null = null;
  function findingsFor(state: PublishState, agentIds: readonly string[]): Finding[] {
    const { scheduleId } = state.job;
    const week = fullOf(state.job);
    if (!week) return [];
    const weeks = agentIds.map((id) => state.agents[id]?.intended);
    const same =
      last !== null &&
      last.agentIds.length === agentIds.length &&
      agentIds.every((id, i) => last!.agentIds[i] === id && last!.weeks[i] === weeks[i]);
    if (same) return last!.findings;
    const updates = agentIds.flatMap((agentId) => {
      const agent = state.agents[agentId];
      return agent ? [{ agentId, scheduleId, week: agent.intended }] : [];
    });
    const asked = new Set(agentIds);
    const { findings } = reanalyseAgents(week, updates);
    const mine = findings
      .filter(
        (f) => f.agentId !== null && asked.has(f.agentId) && (f.scheduleId === null || f.scheduleId === scheduleId),
      )
      .map((f) => ({ id: f.id, agentId: f.agentId!, kind: f.kind, severity: f.severity, message: f.explanation }));
    last = { agentIds: [...agentIds], weeks, findings: mine };
    return mine;
  }
  const analyse = async (state: PublishState, agentIds: readonly string[]): Promise<Finding[]> =>
    findingsFor(state, agentIds);
  /**
   * Made now (a wait's idle time) rather than when preflight asks: the week's full analysis, and, before the
   * supervisor has confirmed, preflight's question (the edited agents still to send). A 429 on preflight's
   * re-read left ~0.15 s of analysing 1,000 agents for after the wait; asked the same, preflight gets this answer.
   */
  const prepare = (state: PublishState): void => {
    fullOf(state.job);
    if (!state.confirmed) findingsFor(state, preflightAnalysed(state));
  };
  return Object.assign(analyse, { prepare });
}
