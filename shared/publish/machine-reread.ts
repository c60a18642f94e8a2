/**
 * Re-reading and rebasing: every path that learns something new from
 * Genesys (preflight, a stale version, an unknown outcome, verification, a
 * failed operation, a retry, releasing held agents) re-reads the schedule and
 * the agents still in play, rebases each agent on what it finds, and only
 * then decides what to send. That is what makes a duplicate write impossible:
 * an agent whose write landed is recognised as applied and not sent again.
 */
import type { ReadAgent, PublishEvent } from './machine-events';
import type { Transition } from './machine-effects';
import { answered, call, emit, fail, retryLater, andThen, toPhase } from './machine-core';
import { classify, describeOutcome, retryAfterMs } from './machine-outcome';
import { sameSeen } from './machine-plan';
import type { PublishAgent, PublishPhase, PublishState, RereadPurpose } from './machine-state';
import { rebaseAgent } from './rebase';
import { sameWeekAsRead } from './same-data';

const phaseOf: Record<RereadPurpose, PublishPhase> = {
  preflight: 'preflight',
  stale: 'rebasing',
  reconcile: 'reconciling',
  verify: 'verifying',
  failedOperation: 'reconciling',
  retry: 'rebasing',
  release: 'rebasing',
};

/** Agents a re-read asks for: everyone not yet applied (or the ones named). */
export const inPlay = (state: PublishState) =>
  Object.values(state.agents)
    .filter((a) => a.status !== 'applied')
    .map((a) => a.agentId);

export function startReread(
  state: PublishState,
  at: number,
  purpose: RereadPurpose,
  agentIds = inPlay(state),
): Transition {
  return andThen(toPhase(state, phaseOf[purpose]), (s) =>
    call(s, at, { call: 'reread', purpose, agentIds }, { type: 'reread', agentIds, withHistory: purpose !== 'verify' }),
  );
}

/** One agent on what Genesys has now. `merged`: its week moved under us and must be analysed again. */
function rebaseOne(
  state: PublishState,
  agent: PublishAgent,
  read: ReadAgent,
): { agent: PublishAgent; merged: boolean } {
  const now = read.now;
  if (agent.status === 'applied' || agent.status === 'conflict') return { agent, merged: false };
  // A held agent of a draft whose hold landed: Genesys has what they see now; that is their new base. An unedited
  // agent's draft week is then no longer in Genesys: it is owed to them, and their release sends it like an edit.
  if (agent.status === 'held' && state.job.overPublished && agent.seenNow && sameSeen(now.week, agent.seenNow))
    if (!sameSeen(agent.base.week, agent.seenNow))
      return { agent: { ...agent, base: now, ...(agent.edited ? {} : { draftWeekDue: true }) }, merged: false };
  const r = rebaseAgent({
    agentId: agent.agentId,
    base: agent.base,
    mine: agent.edited || agent.draftWeekDue ? agent.intended : null,
    theirs: now,
    ...(read.history ? { history: read.history } : {}),
  });
  switch (r.outcome) {
    case 'unedited':
      return { agent: { ...agent, base: now, intended: now.week }, merged: false };
    case 'alreadyApplied':
      if (agent.status === 'held' && !state.schedule.published)
        return { agent: { ...agent, base: now }, merged: false };
      return { agent: { ...agent, status: 'applied', hold: null, base: now, intended: now.week }, merged: false };
    case 'reapplied':
      return { agent: { ...agent, base: now, intended: r.plan.intended }, merged: false };
    case 'merged':
      return {
        agent: { ...agent, base: now, intended: r.plan.intended, changedBy: [...agent.changedBy, ...r.changedBy] },
        merged: true,
      };
    case 'conflict':
      // A held agent keeps its hold; the conflict is decided when it is released.
      return {
        agent: { ...agent, status: agent.status === 'held' ? 'held' : 'conflict', conflict: r.conflict },
        merged: false,
      };
  }
}

/**
 * The agent as it was, when the rebase changed nothing in it (the same version, the same weeks as data, key
 * order aside, and the shifts' `schedule` references Genesys fills in where ours had none): kept as the same
 * object, so what is built from the agents (the journal's rows, the next upload's entries, the views) is not
 * built again for 1,000 agents nobody touched. Keeping the reference-less week is safe: every comparison with
 * what Genesys has leaves out the fields our side leaves out (agent-week.ts), and the upload sends none.
 */
function keptIfSame(before: PublishAgent, after: PublishAgent): PublishAgent {
  if (after === before) return before;
  const same =
    after.status === before.status &&
    after.edited === before.edited &&
    after.resolution === before.resolution &&
    after.failure === before.failure &&
    after.hold === before.hold &&
    after.conflict === before.conflict &&
    after.changedBy === before.changedBy &&
    after.seenNow === before.seenNow &&
    after.base.version === before.base.version &&
    sameWeekAsRead(before.base.week, after.base.week) &&
    sameWeekAsRead(before.intended, after.intended);
  return same ? before : after;
}

type RereadEvent = Extract<PublishEvent, { type: 'reread' }>;

/** The answer to `reread`: rebase everyone read, then decide (machine-next.ts via `next`). */
export function onReread(
  state: PublishState,
  ev: RereadEvent,
  next: (s: PublishState, purpose: RereadPurpose, merged: string[], moved: string[]) => Transition,
): Transition {
  const flight = state.inFlight;
  if (flight?.call !== 'reread') return { state, effects: [] };
  const purpose = flight.purpose;
  const kind = classify(ev.outcome);
  if (kind !== 'ok' || !ev.schedule) {
    const got = answered(state, ev.at, 'reread', ev.outcome);
    const again = { next: 'reread' as const, purpose };
    if (kind === 'rateLimited')
      return andThen(got, (s) =>
        retryLater(s, ev.at, 'rateLimited', again, 'Rate limited.', retryAfterMs(ev.outcome, ev.at)),
      );
    if (kind === 'unknown')
      return andThen(got, (s) => retryLater(s, ev.at, 'transient', again, 'Genesys did not answer the re-read.'));
    return andThen(got, (s) => fail(s, `The schedule could not be re-read: ${describeOutcome(ev.outcome)}.`));
  }
  const read = new Map((ev.agents ?? []).map((a) => [a.agentId, a]));
  let s: PublishState = { ...state, schedule: ev.schedule };
  if (ev.channel && s.preflight) s = { ...s, preflight: { ...s.preflight, channel: ev.channel } };
  const agents = { ...s.agents };
  const merged: string[] = [];
  const moved: string[] = [];
  let changed = false;
  for (const agentId of flight.agentIds) {
    const agent = agents[agentId];
    if (!agent) continue;
    // An agent the read does not return has no schedule there now.
    const now = read.get(agentId) ?? {
      agentId,
      now: { week: { shifts: [], fullDayTimeOffMarkers: [] }, version: null },
    };
    if (now.now.version !== agent.base.version) moved.push(agentId);
    const r = rebaseOne(s, agent, now);
    const kept = keptIfSame(agent, r.agent);
    if (kept !== agent) {
      agents[agentId] = kept;
      changed = true;
    }
    if (r.merged) merged.push(agentId);
  }
  // Nobody changed: the same agents record, so what is kept with it (the next upload's entries) stays.
  s = changed ? { ...s, agents } : s;
  const note =
    `schedule version ${ev.schedule.version}${ev.schedule.published ? ', published' : ''}; ` +
    `${moved.length} of ${flight.agentIds.length} agent(s) moved` +
    (merged.length ? `, ${merged.length} rebased on someone else's edit` : '') +
    (ev.unitsKept ? `; resumed: ${ev.unitsKept} management unit(s) read before the wait kept (same version)` : '');
  return andThen(answered(s, ev.at, 'reread', ev.outcome, note), (t) => next(t, purpose, merged, moved));
}

/** The conflicts, said once: the publish waits for a decision per agent. */
export function stopForConflicts(state: PublishState): Transition | null {
  const conflicts = Object.values(state.agents).filter((a) => a.status === 'conflict');
  if (conflicts.length === 0) return null;
  return andThen(toPhase(state, 'conflict'), (s) => ({
    state: s,
    effects: [emit({ kind: 'decisionNeeded', conflictAgentIds: conflicts.map((a) => a.agentId), findings: [] })],
  }));
}
