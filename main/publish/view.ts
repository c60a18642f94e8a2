/**
 * The publish as every screen and the CLI show it, built from the journal
 * alone (state and steps), so a reloaded window, a second one and the CLI
 * see the same thing. Agent names come from the mirror.
 */
import type Database from 'better-sqlite3';
import type {
  PublishAgentView,
  PublishCounts,
  PublishDecision,
  PublishSummary,
  PublishView,
} from '../../shared/contract/publish';
import { agentWeekMatches } from '../../shared/publish/agent-week';
import { phaseMessages } from '../../shared/publish/machine-core';
import { preflightItems } from '../../shared/publish/machine-holds';
import type { PublishAgent, PublishState } from '../../shared/publish/machine-state';
import { prepared } from '../mirror/statement-cache';
import type { PublishJournal, PublishJobRow } from './journal';

export function countsOf(state: PublishState): PublishCounts {
  const counts: PublishCounts = { pending: 0, applied: 0, held: 0, conflict: 0, failed: 0 };
  for (const a of Object.values(state.agents)) counts[a.status] += 1;
  return counts;
}

/**
 * The last names read, per database: the same agents give the same names until another connection writes
 * the mirror (a sync, in the worker: `PRAGMA data_version` moves). A view is asked for after every step,
 * and reading 1,000 names each time was half of building it.
 */
const namesRead = new WeakMap<Database.Database, { ids: string; dataVersion: unknown; names: Map<string, string> }>();

function names(db: Database.Database, ids: readonly string[]): Map<string, string> {
  const key = ids.join('\n');
  const dataVersion = prepared(db, 'PRAGMA data_version').pluck().get();
  const known = namesRead.get(db);
  if (known && known.ids === key && known.dataVersion === dataVersion) return known.names;
  const rows = prepared(db, `SELECT id, name FROM agents WHERE id IN (SELECT value FROM json_each(?))`).all(
    JSON.stringify(ids),
  ) as Array<{ id: string; name: string | null }>;
  const found = new Map(rows.filter((r) => r.name).map((r) => [r.id, r.name!]));
  namesRead.set(db, { ids: key, dataVersion, names: found });
  return found;
}

function noteOf(a: PublishAgent): string | null {
  if (a.hold) return a.hold.note;
  if (a.failure) return a.failure;
  if (a.conflict) return conflictSummary(a);
  if (a.resolution) return `Conflict resolved: ${a.resolution}.`;
  if (a.changedBy.length)
    return `Also changed by ${a.changedBy.map((c) => `${c.modifiedBy} at ${c.modifiedAt}`).join(', ')}; rebased.`;
  return null;
}

function conflictSummary(a: PublishAgent): string {
  const c = a.conflict!;
  const who = c.changedBy.length
    ? c.changedBy.map((s) => `${s.modifiedBy} at ${s.modifiedAt}`).join(', ')
    : 'someone else (no history)';
  const n = c.contested.shiftIds.length;
  return `Changed by ${who} too: ${n} shift(s) both changed${c.merge ? '; a merge is offered' : '; no merge (their shifts and ours would overlap)'}.`;
}

/**
 * Each agent's view, kept while the machine keeps its agent object (a transition replaces only the agents it
 * changes): a view asked for every few hundred ms over 1,000 agents would otherwise compare every week again.
 */
const agentViews = new WeakMap<PublishAgent, PublishAgentView>();

function agentView(a: PublishAgent, name: string | null): PublishAgentView {
  const known = agentViews.get(a);
  if (known && known.agentName === name) return known;
  const view = freshAgentView(a, name);
  agentViews.set(a, view);
  return view;
}

function freshAgentView(a: PublishAgent, name: string | null): PublishAgentView {
  return {
    agentId: a.agentId,
    agentName: name,
    status: a.status,
    edited: a.edited,
    note: noteOf(a),
    hold: a.hold,
    conflict: a.conflict
      ? {
          baseVersion: a.conflict.base.version,
          theirsVersion: a.conflict.theirs.version,
          changedBy: a.conflict.changedBy,
          mergeOffered: a.conflict.merge !== null,
          contestedShiftIds: a.conflict.contested.shiftIds,
          contestedDates: a.conflict.contested.markerDates,
          summary: conflictSummary(a),
        }
      : null,
    resolution: a.resolution,
    changedBy: a.changedBy,
    baseVersion: a.base.version,
    intendedShiftCount: a.intended.shifts.length,
    changes: !agentWeekMatches(a.base.week, a.intended),
  };
}

function decisionOf(state: PublishState): PublishDecision | null {
  const conflictAgentIds = Object.values(state.agents)
    .filter((a) => a.status === 'conflict')
    .map((a) => a.agentId);
  const confirm = state.phase === 'confirming';
  if (conflictAgentIds.length === 0 && state.blockingFindings.length === 0 && !confirm) return null;
  return { conflictAgentIds, findings: state.blockingFindings, confirm };
}

export interface RunInfo {
  running: boolean;
  heldReady: string[];
}

export function summaryOf(row: PublishJobRow, state: PublishState, run: RunInfo): PublishSummary {
  return {
    jobId: row.id,
    profileId: row.profileId,
    businessUnitId: row.businessUnitId,
    scheduleId: row.scheduleId,
    week: row.week,
    phase: state.phase,
    outcome: state.outcome,
    running: run.running,
    cancelled: row.outcome === 'cancelled',
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    counts: countsOf(state),
  };
}

export function publishView(
  db: Database.Database,
  journal: PublishJournal,
  row: PublishJobRow,
  run: RunInfo,
): PublishView {
  const state = journal.state(row.id);
  const agents = Object.values(state.agents);
  const known = names(
    db,
    agents.map((a) => a.agentId),
  );
  const steps = journal.steps(row.id);
  return {
    ...summaryOf(row, state, run),
    runJobId: row.runJobId,
    message: phaseMessages[state.phase],
    schedule: state.schedule,
    attempt: state.attempt,
    waiting: state.waiting
      ? { reason: state.waiting.reason, until: new Date(state.waiting.untilMs).toISOString() }
      : null,
    preflight: state.preflight ? preflightItems(state) : [],
    decision: decisionOf(state),
    heldReadyAgentIds: run.heldReady,
    agents: agents.map((a) => agentView(a, known.get(a.agentId) ?? null)),
    steps,
    seq: steps.at(-1)?.seq ?? 0,
  };
}
