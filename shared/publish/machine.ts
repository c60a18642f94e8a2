/**
 * The guided publish as a pure state machine: `publishTransition(state,
 * event) → {state, effects}`. No clock, no randomness, no I/O: events carry
 * the time and every answer; effects (machine-effects.ts) say what to do,
 * and the engine in main/publish performs them, journaling each step first.
 *
 * The flow: choosing → preflight (re-read, script sessions, analysis) →
 * confirming → uploading → awaitingOperation → verifying → done; and, as the
 * conflict taxonomy says, rebasing (stale version), conflict (a decision per
 * agent), reviewing (new error findings after a re-read), rateLimited (wait
 * exactly `Retry-After`), reconciling (unknown outcome: re-read before
 * anything), failed (a report; one-click `retry` starts again), held (agents
 * in script sessions left out, published as their sessions end).
 */
import type { PublishEvent } from './machine-events';
import type { Transition } from './machine-effects';
import { call, emit, ignore, andThen, toPhase } from './machine-core';
import { holdAgents, onScriptSessions, preflightItems, releaseHeld, toConfirming } from './machine-holds';
import { afterRebase, continueToWrite, finishOrHold, isBlocking, onAnalysed } from './machine-next';
import { inPlay, onReread, startReread, stopForConflicts } from './machine-reread';
import type { PublishAgent, PublishState } from './machine-state';
import { onOperationEnded, onUpdateAnswered, onUploadPut, onUploadUrl, startUpload } from './machine-write';
import { resolveConflict } from './rebase';
import { defaultRetryTuning, retryKinds } from './retry-policy';

export { parsePublishState, publishStateSchema } from './machine-state-schema';
export { agentsSent, uploadFor } from './machine-plan';

/** The state before `start`: nothing chosen. */
export function initialPublishState(): PublishState {
  return {
    schemaVersion: 1,
    phase: 'choosing',
    job: { businessUnitId: '-', weekId: '1970-01-01', scheduleId: '-', overPublished: false },
    policy: { holdScriptSessions: false, acceptedKinds: [], autoReleaseHeld: false },
    tuning: { ...defaultRetryTuning, pacingReserve: 0 },
    schedule: { version: 0, published: false },
    agents: {},
    confirmed: false,
    preflight: null,
    attempt: 0,
    inFlight: null,
    waiting: null,
    sent: null,
    refusal: null,
    failures: Object.fromEntries(retryKinds.map((k) => [k, 0])) as PublishState['failures'],
    budget: null,
    acknowledgedFindings: [],
    blockingFindings: [],
    log: [],
    jitterSeed: 0,
    outcome: null,
  };
}

type Ev<T extends PublishEvent['type']> = Extract<PublishEvent, { type: T }>;

function start(state: PublishState, ev: Ev<'start'>): Transition {
  const agents: Record<string, PublishAgent> = {};
  for (const a of ev.agents) {
    agents[a.agentId] = {
      agentId: a.agentId,
      status: 'pending',
      edited: a.mine !== null,
      base: a.base,
      intended: a.mine ?? a.base.week,
      seenNow: a.seenNow ?? null,
      hold: null,
      conflict: null,
      resolution: null,
      changedBy: [],
      failure: null,
    };
  }
  const begun: PublishState = {
    ...state,
    job: ev.job,
    policy: ev.policy,
    tuning: { ...state.tuning, ...ev.tuning },
    schedule: ev.schedule,
    agents,
    preflight: { mirrorVersion: ev.schedule.version, busyAgentIds: [] },
    jitterSeed: ev.seed | 0,
  };
  return startReread(begun, ev.at, 'preflight', Object.keys(agents));
}

/** Blockers the supervisor must clear before (or while) publishing. */
const blockers = (s: PublishState) =>
  Object.values(s.agents).some((a) => a.status === 'conflict') || s.blockingFindings.length > 0;

function confirm(state: PublishState, ev: Ev<'confirm'>): Transition {
  if (blockers(state)) {
    const conflictAgentIds = Object.values(state.agents)
      .filter((a) => a.status === 'conflict')
      .map((a) => a.agentId);
    return { state, effects: [emit({ kind: 'decisionNeeded', conflictAgentIds, findings: state.blockingFindings })] };
  }
  return continueToWrite({ ...state, confirmed: true }, ev.at, 'retry');
}

function resolve(state: PublishState, ev: Ev<'resolve'>): Transition {
  const agent = state.agents[ev.agentId];
  if (!agent?.conflict || agent.status !== 'conflict') return ignore(state, ev.type, 'That agent has no conflict.');
  const plan = resolveConflict(agent.conflict, ev.choice);
  if (!plan) return ignore(state, ev.type, 'A merge is not offered: their shifts and ours would overlap.');
  const resolved: PublishAgent = {
    ...agent,
    status: 'pending',
    base: agent.conflict.theirs,
    intended: plan.intended,
    changedBy: [...agent.changedBy, ...agent.conflict.changedBy],
    conflict: null,
    resolution: ev.choice,
  };
  const s = { ...state, agents: { ...state.agents, [ev.agentId]: resolved } };
  if (stopForConflicts(s)) return { state: s, effects: [] };
  return state.phase === 'conflict' ? continueToWrite(s, ev.at, 'retry') : toConfirming(s, preflightItems(s));
}

/** Findings accepted or agents held: whatever still blocks stays; the publish goes on when nothing does. */
function afterDecision(s: PublishState, at: number): Transition {
  const left = { ...s, blockingFindings: s.blockingFindings.filter((f) => isBlocking(s, f)) };
  if (left.phase === 'reviewing' && left.blockingFindings.length === 0) return continueToWrite(left, at, 'retry');
  if (left.phase === 'confirming') return toConfirming(left, preflightItems(left));
  return { state: left, effects: [] };
}

function retry(state: PublishState, ev: Ev<'retry'>): Transition {
  if (!['failed', 'conflict', 'reviewing', 'held'].includes(state.phase))
    return ignore(state, ev.type, 'The publish is still running.');
  const agents = { ...state.agents };
  const chosen = ev.agentId ? [ev.agentId] : Object.keys(agents);
  for (const id of chosen) {
    const a = agents[id];
    if (a?.status === 'failed') agents[id] = { ...a, status: 'pending', failure: null };
    if (a?.status === 'conflict' && a.conflict)
      agents[id] = { ...a, status: 'pending', base: a.conflict.base, intended: a.conflict.mine, conflict: null };
  }
  // The supervisor asked: a fresh allowance of retries, not the one the stopped run spent.
  const failures = ev.agentId ? state.failures : initialPublishState().failures;
  const s = { ...state, agents, failures, outcome: null, blockingFindings: [] };
  return startReread(s, ev.at, 'retry', inPlay(s));
}

/** After a restart: whatever was in flight is reconciled, never repeated blindly. */
function resume(state: PublishState, ev: Ev<'resume'>): Transition {
  const f = state.inFlight;
  const s = { ...state, inFlight: null };
  if (state.waiting) return andThen({ state: s, effects: [] }, (t) => afterWait(t, ev.at));
  if (!f)
    return state.phase === 'held'
      ? finishOrHold(s)
      : { state, effects: [emit({ kind: 'phase', phase: state.phase, message: state.outcome ?? '' })] };
  switch (f.call) {
    case 'reread':
      return startReread(s, ev.at, f.purpose, f.agentIds);
    case 'checkScriptSessions':
      return call(s, ev.at, f, { type: 'checkScriptSessions', agentIds: f.agentIds });
    case 'analyse':
      return { state, effects: [{ type: 'analyse', agentIds: f.agentIds }] };
    case 'requestUploadUrl':
    case 'putUpload':
      return startUpload(s, ev.at);
    case 'sendUpdate':
    case 'awaitOperation':
      // It may have been sent and applied: re-read first.
      return startReread(
        { ...s, sent: { attempt: f.attempt, version: f.version, agentIds: f.agentIds } },
        ev.at,
        'reconcile',
      );
  }
}

function afterWait(state: PublishState, at: number): Transition {
  const w = state.waiting;
  if (!w) return { state, effects: [] };
  const s = { ...state, waiting: null };
  if (w.then.next === 'upload') return startUpload(s, at);
  if (w.then.next === 'reread') return startReread(s, at, w.then.purpose);
  const agentIds = w.then.purpose === 'lockCheck' && s.refusal ? s.refusal.agentIds : Object.keys(s.agents);
  return call(
    s,
    at,
    { call: 'checkScriptSessions', purpose: w.then.purpose, agentIds },
    {
      type: 'checkScriptSessions',
      agentIds,
    },
  );
}

/**
 * Rate limits and transient failures are capped as a run in a row, not over the whole publish: a
 * 1,000-agent publish on a busy morning meets more scattered 429s than any cap, each followed by
 * answers that went through. Stale versions, unknown outcomes and failed operations stay counted
 * over the publish, since each of those means re-reading and sending again.
 */
function resetOnSuccess(state: PublishState, ev: PublishEvent): PublishState {
  const outcome = 'outcome' in ev ? ev.outcome : undefined;
  const answered = outcome && outcome.status !== null && outcome.status >= 200 && outcome.status < 300;
  if (!answered || (state.failures.rateLimited === 0 && state.failures.transient === 0)) return state;
  return { ...state, failures: { ...state.failures, rateLimited: 0, transient: 0 } };
}

export function publishTransition(current: PublishState, ev: PublishEvent): Transition {
  const state = resetOnSuccess(current, ev);
  switch (ev.type) {
    case 'start':
      return state.phase === 'choosing' ? start(state, ev) : ignore(state, ev.type, 'A publish is already under way.');
    case 'reread':
      return onReread(state, ev, (s, purpose, merged, moved) => afterRebase(s, ev.at, purpose, merged, moved));
    case 'scriptSessions':
      return onScriptSessions(state, ev);
    case 'analysed':
      return onAnalysed(state, ev, (s) => toConfirming(s, preflightItems(s)));
    case 'uploadUrl':
      return onUploadUrl(state, ev);
    case 'uploadPut':
      return onUploadPut(state, ev);
    case 'updateAnswered':
      return onUpdateAnswered(state, ev);
    case 'operationEnded':
      return onOperationEnded(state, ev);
    case 'waited':
      return afterWait(state, ev.at);
    case 'confirm':
      return state.phase === 'confirming' ? confirm(state, ev) : ignore(state, ev.type, 'Nothing to confirm now.');
    case 'resolve':
      return resolve(state, ev);
    case 'acceptFindings': {
      const kinds = state.policy.acceptedKinds === 'all' ? 'all' : [...state.policy.acceptedKinds, ...(ev.kinds ?? [])];
      const acknowledgedFindings = [...state.acknowledgedFindings, ...(ev.findingIds ?? [])];
      return afterDecision(
        { ...state, policy: { ...state.policy, acceptedKinds: kinds }, acknowledgedFindings },
        ev.at,
      );
    }
    case 'holdAgents':
      return afterDecision(holdAgents(state, ev.agentIds, 'supervisor', 'Held back by the supervisor.'), ev.at);
    case 'releaseHeld':
      return state.phase === 'held'
        ? releaseHeld(state, ev.at, ev.agentIds)
        : ignore(state, ev.type, 'Nothing is held.');
    case 'retry':
      return retry(state, ev);
    case 'finish':
      return state.phase === 'held'
        ? finishHeld(state)
        : ignore(state, ev.type, 'Only a held publish can be finished.');
    case 'resume':
      return resume(state, ev);
  }
}

function finishHeld(state: PublishState): Transition {
  const held = Object.values(state.agents).filter((a) => a.status === 'held').length;
  const outcome = `Published; ${held} agent(s) left as they were (held back).`;
  return andThen(toPhase({ ...state, outcome }, 'done', outcome), (s) => ({
    state: s,
    effects: [emit({ kind: 'finished', phase: 'done', outcome })],
  }));
}
