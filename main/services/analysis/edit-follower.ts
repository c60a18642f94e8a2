/**
 * Findings that follow every edit, seen from the services. The analysed
 * weeks live on the heavy worker (kept-weeks.ts): after each change to a
 * change set the services only post "schedule S's edits changed", and store
 * and announce (`analysis.updated`) the weeks whose findings moved when the
 * answer comes. So the services' loop never builds a week or re-analyses a
 * bulk edit; it goes on answering timeline pages meanwhile.
 *
 * An answer that comes within `waitMs` (one agent's edit takes a few
 * milliseconds on the worker) is taken at once, so `edits.apply` returns with
 * the findings stored and announced as before. A longer one (a bulk edit, the
 * first edit after the worker started, a worker busy with a sync) arrives
 * through the loop; `analysis.get` waits for every answer still to come, so
 * it still sees every edit made before it. Edits another process makes are
 * stored by that process's own follower, and the worker's kept week takes
 * them in with the next edit here (it compares where each agent's pending
 * week stands, whoever moved it).
 */
import type Database from 'better-sqlite3';
import type { AnalysisUpdate } from '../../../shared/analysis/week-analysis';
import { summarize } from '../../../shared/analysis/week-analysis';
import { createWeekAnalysisStore } from '../../mirror/week-analyses';
import type { HeavyWork } from '../heavy/heavy-work';
import type { FromFollower } from '../heavy/messages';
import type { AnalysisClock } from './kept-weeks';

/** How long an edit may hold the services' loop for its findings: the loop-delay goal (issue 14, responsiveness bench). */
export const defaultFollowWaitMs = 50;

/**
 * Past this many agents an edit's findings cannot come within the wait (the
 * worker re-analyses a few hundred agents in well over 50 ms): a bulk edit
 * does not hold the loop for an answer that arrives through it anyway.
 */
export const waitedEditAgents = 50;

export interface EditFollowerDeps {
  db: Database.Database;
  heavy: HeavyWork;
  clock(): AnalysisClock;
  announce(update: AnalysisUpdate): void;
  waitMs?: number;
}

export type EditFollower = ReturnType<typeof createEditFollower>;

export function createEditFollower(deps: EditFollowerDeps) {
  const store = createWeekAnalysisStore(deps.db);
  const waitMs = deps.waitMs ?? defaultFollowWaitMs;
  /** Units whose edits went unfollowed (the worker stopped): their stored weeks are behind, each is run again once. */
  const behind = new Map<string, Set<string>>();

  function followed(businessUnitId: string, answer: FromFollower): void {
    if (answer.type !== 'followed') {
      behind.set(businessUnitId, new Set());
      return;
    }
    for (const { profileId, analysis } of answer.weeks) {
      store.save(analysis);
      deps.announce({ profileId, businessUnitId, week: analysis.week, ...summarize(analysis.findings) });
    }
  }

  return {
    /** After a change set changed (`edits.changed`): every week of the schedule analysed as edited, stored and announced. */
    changed(businessUnitId: string, scheduleId: string, agentsChanged?: number): void {
      const asked = deps.heavy.askFollower({ type: 'follow', businessUnitId, scheduleId, clock: deps.clock() }, (a) =>
        followed(businessUnitId, a),
      );
      if (agentsChanged === undefined || agentsChanged <= waitedEditAgents) asked.wait(waitMs);
    },

    /** Whether the stored analysis of the week may miss an edit whose follow was lost; true once per such week. */
    behind(businessUnitId: string, week: string): boolean {
      const rerun = behind.get(businessUnitId);
      if (!rerun || rerun.has(week)) return false;
      rerun.add(week);
      return true;
    },

    /** Every edit asked about so far followed (benches and tests wait on it). */
    settled(): Promise<void> {
      return deps.heavy.followerIdle();
    },
  };
}
