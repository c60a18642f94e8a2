/**
 * What follows a rebase: a decision (conflicts, new findings), a script-lock
 * check (a 409 the re-read does not explain), the next write (at once, or
 * after backoff when someone else saved), or the end (done, or held agents
 * still to publish).
 */
import type { PublishEvent } from './machine-events';
import type { Transition } from './machine-effects';
import { agentsNotice, call, emit, fail, retryLater, andThen, toPhase } from './machine-core';
import { agentsSent } from './machine-plan';
import { stopForConflicts } from './machine-reread';
import type { Finding, PublishState, RereadPurpose } from './machine-state';
import { startUpload } from './machine-write';

const heldAgents = (state: PublishState) => Object.values(state.agents).filter((a) => a.status === 'held');
const pendingAgents = (state: PublishState) => Object.values(state.agents).filter((a) => a.status === 'pending');

/** Unedited agents of a published draft got their week with it (not one whose draft week is still owed). */
function settleUnedited(state: PublishState): PublishState {
  if (!state.schedule.published) return state;
  const agents = { ...state.agents };
  for (const a of Object.values(agents))
    if (a.status === 'pending' && !a.edited && !a.draftWeekDue) agents[a.agentId] = { ...a, status: 'applied' };
  return { ...state, agents };
}

/** Done, or held agents left: watched until their sessions end. */
export function finishOrHold(state: PublishState): Transition {
  const held = heldAgents(state);
  const appliedOnes = Object.values(state.agents).filter((a) => a.status === 'applied');
  // A draft's unedited agents are said apart: the supervisor's edits are what they confirmed.
  const unedited = appliedOnes.filter((a) => !a.edited).length;
  const applied = appliedOnes.length - unedited;
  const alsoSeen = unedited ? `, and ${unedited} agent(s) not edited now see the draft's week` : '';
  if (held.length === 0) {
    // Nothing edited and nobody tracked: only a draft gets here (a published schedule with no edits has nothing to
    // publish), and what happened is the draft going live as it is.
    const outcome =
      applied === 0 && unedited === 0
        ? 'Published: the draft as it is (no pending edits); agents now see it.'
        : `Published: ${applied} agent(s) changed as intended${alsoSeen}.`;
    return andThen(toPhase({ ...state, outcome, waiting: null }, 'done', outcome), (s) => ({
      state: s,
      effects: [agentsNotice(s), emit({ kind: 'finished', phase: 'done', outcome })],
    }));
  }
  const watched = held.filter((a) => a.hold?.reason === 'scriptSession').map((a) => a.agentId);
  const outcome = `Published: ${applied} agent(s) changed${alsoSeen}; ${held.length} held back.`;
  return andThen(toPhase({ ...state, outcome, waiting: null }, 'held', outcome), (s) => ({
    state: s,
    effects: [
      agentsNotice(s),
      ...(watched.length ? [{ type: 'watchScriptSessions' as const, agentIds: watched }] : []),
    ],
  }));
}

/** Whether anything is left to write: an agent entry, or the publish itself. */
const somethingToSend = (state: PublishState) => agentsSent(state).length > 0 || !state.schedule.published;

/** Sends what is left, or ends. `purpose` says whether to back off first (someone else saved) or go at once. */
export function continueToWrite(state: PublishState, at: number, purpose: RereadPurpose): Transition {
  const stopped = stopForConflicts(state);
  if (stopped) return stopped;
  if (!state.confirmed) {
    return andThen(toPhase(state, 'confirming'), (s) => ({ state: s, effects: [agentsNotice(s)] }));
  }
  if (!somethingToSend(state)) return finishOrHold(state);
  if (purpose === 'stale' || purpose === 'verify')
    return retryLater(state, at, 'staleVersion', { next: 'upload' }, 'Someone else keeps saving the schedule.');
  if (purpose === 'failedOperation')
    return retryLater(state, at, 'failedOperation', { next: 'upload' }, 'Genesys keeps ending the publish with Error.');
  return startUpload(state, at);
}

/** After a re-read's rebase (machine-reread.ts `onReread`). */
export function afterRebase(
  state: PublishState,
  at: number,
  purpose: RereadPurpose,
  merged: string[],
  moved: string[],
): Transition {
  let s = purpose === 'verify' || purpose === 'reconcile' ? settleUnedited(state) : state;
  if (purpose === 'preflight') {
    const ids = Object.values(s.agents).map((a) => a.agentId);
    return call(
      s,
      at,
      { call: 'checkScriptSessions', purpose: 'preflight', agentIds: ids },
      {
        type: 'checkScriptSessions',
        agentIds: ids,
      },
    );
  }
  const refusal = s.refusal;
  if (purpose === 'stale' && refusal) {
    s = { ...s, refusal: null };
    const unexplained = s.schedule.version === refusal.version && refusal.agentIds.every((id) => !moved.includes(id));
    // Nobody saved: the 409 was not a stale version. Correlate with script sessions before anything else.
    if (unexplained) {
      const agentIds = refusal.namedAgentIds.length ? refusal.namedAgentIds : refusal.agentIds;
      return call(
        { ...s, refusal },
        at,
        { call: 'checkScriptSessions', purpose: 'lockCheck', agentIds },
        {
          type: 'checkScriptSessions',
          agentIds,
        },
      );
    }
  }
  if (purpose === 'failedOperation' && s.sent) {
    const nobodySaved = s.schedule.version === s.sent.version;
    const notWritten = pendingAgents(s).length > 0 || !s.schedule.published;
    if (nobodySaved && notWritten) {
      const agentIds = pendingAgents(s).map((a) => a.agentId);
      return analyse({ ...s, sent: null }, 'failedReport', agentIds, purpose);
    }
  }
  s = { ...s, sent: null };
  if (merged.length > 0 && !stopForConflicts(s)) return analyse(s, 'rebase', merged, purpose);
  return continueToWrite(s, at, purpose);
}

export function analyse(
  state: PublishState,
  purpose: 'preflight' | 'rebase' | 'failedReport',
  agentIds: string[],
  after: RereadPurpose,
): Transition {
  const inFlight = { call: 'analyse' as const, purpose, agentIds, after };
  return { state: { ...state, inFlight }, effects: [{ type: 'analyse', agentIds }] };
}

export function isBlocking(state: PublishState, f: Finding): boolean {
  const accepted = state.policy.acceptedKinds;
  return (
    f.severity === 'error' &&
    accepted !== 'all' &&
    !accepted.includes(f.kind) &&
    !state.acknowledgedFindings.includes(f.id) &&
    state.agents[f.agentId]?.status !== 'held'
  );
}

type AnalysedEvent = Extract<PublishEvent, { type: 'analysed' }>;

export function onAnalysed(state: PublishState, ev: AnalysedEvent, preflightDone: (s: PublishState) => Transition) {
  const flight = state.inFlight;
  if (flight?.call !== 'analyse') return { state, effects: [] };
  const s = { ...state, inFlight: null };
  const asked = new Set(flight.agentIds);
  const blocking = ev.findings.filter((f) => asked.has(f.agentId) && isBlocking(s, f));
  if (flight.purpose === 'failedReport') {
    const found = ev.findings.filter((f) => asked.has(f.agentId) && f.severity === 'error');
    // What happened, what preflight finds on Genesys' content now, and what the supervisor can do: never a bare "Error".
    const what = found.length
      ? `On what Genesys has now, the analysis finds ${found.length} error(s): ${[...new Set(found.map((f) => f.kind))].join(', ')}. Fix them (or hold those agents), then press Retry.`
      : 'On what Genesys has now, the analysis finds no error: Genesys gave no reason. Press Retry to try once more; if it ends the same way, send Genesys support the contextId of the update in the step timeline.';
    return fail(s, `Genesys ended the publish with Error and nothing was written, so nothing was published. ${what}`);
  }
  if (flight.purpose === 'preflight') return preflightDone({ ...s, blockingFindings: blocking });
  if (blocking.length === 0) return continueToWrite(s, ev.at, flight.after);
  return andThen(toPhase({ ...s, blockingFindings: blocking }, 'reviewing'), (t) => ({
    state: t,
    effects: [emit({ kind: 'decisionNeeded', conflictAgentIds: [], findings: blocking })],
  }));
}
