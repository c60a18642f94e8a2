/**
 * Script sessions: who is in an active scripted conversation, at preflight
 * (hold them back if the policy says so), after a 409 nobody else's save
 * explains (correlate: hold the agents it named, or the sent agents in a
 * session, and say it is a correlation, not a known cause), and while held
 * agents wait (offer them, or publish them, as their sessions end).
 */
import type { PublishEvent } from './machine-events';
import type { PreflightItem, Transition } from './machine-effects';
import { agentsNotice, answered, emit, fail, retryLater, andThen, toPhase } from './machine-core';
import { analyse, continueToWrite } from './machine-next';
import { classify, describeOutcome, retryAfterMs } from './machine-outcome';
import type { ChannelCheck, PublishAgent, PublishState } from './machine-state';
import { startReread } from './machine-reread';

export const lockNote =
  'Genesys refused the publish (409) while this agent was in an active scripted conversation; held back. ' +
  'This is a correlation: Genesys gives no reason.';

function hold(state: PublishState, agentIds: string[], reason: 'scriptSession' | 'supervisor', note: string) {
  const agents = { ...state.agents };
  for (const id of agentIds) {
    const a = agents[id];
    if (a && (a.status === 'pending' || a.status === 'held'))
      agents[id] = { ...a, status: 'held', hold: { reason, note } };
  }
  return { ...state, agents };
}
export const holdAgents = hold;

/** Said of a held agent the supervisor did not edit: why the publish touches them at all. */
export const uneditedNote =
  ' Not edited in this publish, but publishing the draft changes the week they see: they keep what they see now ' +
  'until they are released, then get the draft week.';

/** Holds agents in script sessions; an unedited agent's note says why a publish that does not edit them holds them. */
function holdScripted(state: PublishState, agentIds: string[], note: string): PublishState {
  const unedited = agentIds.filter((id) => state.agents[id] && !state.agents[id].edited);
  const edited = agentIds.filter((id) => !unedited.includes(id));
  return hold(hold(state, edited, 'scriptSession', note), unedited, 'scriptSession', note + uneditedNote);
}

type Sessions = Extract<PublishEvent, { type: 'scriptSessions' }>;

export function onScriptSessions(state: PublishState, ev: Sessions): Transition {
  const flight = state.inFlight;
  const watching = state.phase === 'held' && flight === null;
  if (flight?.call !== 'checkScriptSessions' && !watching) return { state, effects: [] };
  const kind = classify(ev.outcome);
  if (watching)
    return kind === 'ok' ? heldSessions(state, ev.at, new Set(ev.activeAgentIds ?? [])) : { state, effects: [] };
  if (flight?.call !== 'checkScriptSessions') return { state, effects: [] };
  const active = new Set(ev.activeAgentIds ?? []);
  const got = answered(
    state,
    ev.at,
    'checkScriptSessions',
    ev.outcome,
    `${active.size} agent(s) in a scripted conversation`,
  );
  const purpose = flight.purpose === 'lockCheck' ? 'lockCheck' : 'preflight';
  if (kind === 'rateLimited')
    return andThen(got, (s) =>
      retryLater(
        s,
        ev.at,
        'rateLimited',
        { next: 'checkScriptSessions', purpose },
        'Rate limited.',
        retryAfterMs(ev.outcome, ev.at),
      ),
    );
  if (kind !== 'ok')
    return andThen(got, (s) =>
      retryLater(
        s,
        ev.at,
        'transient',
        { next: 'checkScriptSessions', purpose },
        `Script sessions could not be read: ${describeOutcome(ev.outcome)}.`,
      ),
    );
  if (purpose === 'preflight') return andThen(got, (s) => preflightSessions(s, flight.agentIds, active));
  return andThen(got, (s) => lockCheck(s, ev.at, active));
}

/** The agents preflight analyses ("what you publish is what you saw"): the edited ones still to send. */
export function preflightAnalysed(state: PublishState): string[] {
  return Object.values(state.agents)
    .filter((a) => a.edited && a.status === 'pending')
    .map((a) => a.agentId);
}

function preflightSessions(state: PublishState, agentIds: string[], active: Set<string>): Transition {
  const busy = agentIds.filter((id) => active.has(id));
  const note = 'In an active scripted conversation at preflight; held back by the publish policy.';
  const s = state.policy.holdScriptSessions ? holdScripted(state, busy, note) : state;
  const edited = preflightAnalysed(s);
  const preflight = {
    ...s.preflight,
    mirrorVersion: s.preflight?.mirrorVersion ?? s.schedule.version,
    busyAgentIds: busy,
  };
  return analyse({ ...s, preflight }, 'preflight', edited, 'preflight');
}

/** A 409 with no save behind it: hold the agents it named, or those in sessions; otherwise it is unexplained. */
function lockCheck(state: PublishState, at: number, active: Set<string>): Transition {
  const refusal = state.refusal;
  const s = { ...state, refusal: null };
  if (!refusal) return continueToWrite(s, at, 'reconcile');
  const locked = refusal.namedAgentIds.length ? refusal.namedAgentIds : refusal.agentIds.filter((id) => active.has(id));
  const unsent = refusal.unsentNamedIds ?? [];
  if (locked.length === 0 && unsent.length > 0)
    // Correlated, not proven: Genesys says which agents, the script lock is the likeliest reason.
    return fail(
      s,
      `Genesys refused the publish (409) naming ${unsent.length} agent(s) this publish does not edit: ${unsent.join(', ')}. ` +
        'Publishing the draft changes what they see, and Genesys refuses that while an agent is in a scripted conversation (the likely reason). ' +
        'Hold them back with an edit on the Timeline, or press Retry once their sessions end.',
    );
  if (locked.length === 0)
    return fail(
      s,
      'Genesys refused the publish (409), a re-read shows nobody else saved, and no agent of it is in a scripted conversation. See the contextId in the step timeline.',
    );
  const failures = { ...s.failures, scriptLock: s.failures.scriptLock + 1 };
  if (failures.scriptLock > s.tuning.maxRetries.scriptLock)
    return fail({ ...s, failures }, 'Genesys keeps refusing the publish for agents in scripted conversations.');
  const note =
    active.size && locked.some((id) => active.has(id))
      ? lockNote
      : 'Genesys refused the publish naming this agent (409); held back.';
  const held = holdScripted({ ...s, failures }, locked, note);
  return andThen({ state: held, effects: [agentsNotice(held)] }, (t) => continueToWrite(t, at, 'reconcile'));
}

function heldSessions(state: PublishState, at: number, active: Set<string>): Transition {
  const ended = Object.values(state.agents)
    .filter((a) => a.status === 'held' && a.hold?.reason === 'scriptSession' && !active.has(a.agentId))
    .map((a) => a.agentId);
  if (ended.length === 0) return { state, effects: [] };
  if (state.policy.autoReleaseHeld) return releaseHeld(state, at, ended);
  return { state, effects: [emit({ kind: 'heldReady', agentIds: ended })] };
}

/** Held agents go back into the publish: re-read, rebase (a conflict found while held surfaces now), resubmit. */
export function releaseHeld(state: PublishState, at: number, agentIds: string[]): Transition {
  const agents = { ...state.agents };
  const released: string[] = [];
  for (const id of agentIds) {
    const a: PublishAgent | undefined = agents[id];
    if (a?.status !== 'held') continue;
    agents[id] = { ...a, status: a.conflict ? 'conflict' : 'pending', hold: null };
    released.push(id);
  }
  if (released.length === 0) return { state, effects: [] };
  return startReread({ ...state, agents, outcome: null }, at, 'release', released);
}

/** The preflight's items, green, amber or red with the reason, once the analysis is in. */
export function preflightItems(state: PublishState): PreflightItem[] {
  const mirrorVersion = state.preflight?.mirrorVersion ?? state.schedule.version;
  const busy = state.preflight?.busyAgentIds ?? [];
  const all = Object.values(state.agents);
  const conflicts = all.filter((a) => a.status === 'conflict').length;
  const held = all.filter((a) => a.status === 'held').length;
  const moved = state.schedule.version !== mirrorVersion;
  const budget = state.budget ? state.budget.allowed - state.budget.count : null;
  return [
    {
      item: 'freshness',
      level: moved ? 'amber' : 'green',
      reason: moved
        ? `Someone saved since the mirror read the schedule (version ${mirrorVersion} → ${state.schedule.version}); the changed agents were re-read and rebased.`
        : `The mirror is current (version ${state.schedule.version}).`,
    },
    {
      item: 'conflicts',
      level: conflicts ? 'red' : 'green',
      reason: conflicts
        ? `${conflicts} agent(s) changed by someone else too: choose per agent.`
        : 'No conflicting edits.',
    },
    {
      item: 'findings',
      level: state.blockingFindings.length ? 'red' : 'green',
      reason: state.blockingFindings.length
        ? `${state.blockingFindings.length} error finding(s): fix them, accept their kind, or hold the agents.`
        : 'No error findings left unaccepted.',
    },
    {
      item: 'scriptSessions',
      level: busy.length ? 'amber' : 'green',
      reason: busy.length
        ? `${busy.length} agent(s) in active scripted conversations: ${held ? `${held} held back` : 'published anyway (held if Genesys refuses)'}.`
        : 'No changed agent is in a scripted conversation.',
    },
    {
      item: 'budget',
      level: budget !== null && budget < 10 ? 'amber' : 'green',
      reason:
        budget === null ? 'Request budget not known yet.' : `${budget} request(s) left in this rate-limit window.`,
    },
    channelItem(state.preflight?.channel),
  ];
}

/** The notification channel: never red, since without it an operation's end is found by re-reading instead. */
function channelItem(channel: ChannelCheck | undefined): PreflightItem {
  if (!channel) return { item: 'notificationChannel', level: 'amber', reason: 'Notification channel not checked yet.' };
  if (channel.state === 'open' && !channel.error)
    return {
      item: 'notificationChannel',
      level: 'green',
      reason: 'Notification channel open: operation ends are heard.',
    };
  const after = `${Math.round(channel.unheardRereadAfterMs / 1000)} s`;
  const why = channel.error ? `could not be opened (${channel.error})` : `is ${channel.state}`;
  return {
    item: 'notificationChannel',
    level: 'amber',
    reason: `Notification channel ${why}: the publish goes on; an operation whose end is not heard is re-read after ${after}.`,
  };
}

export const toConfirming = (state: PublishState, items: PreflightItem[]): Transition =>
  andThen(toPhase(state, 'confirming'), (s) => ({
    state: s,
    effects: [emit({ kind: 'preflight', items }), agentsNotice(s)],
  }));
