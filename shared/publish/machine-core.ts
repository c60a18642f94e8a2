/**
 * The machine's small verbs: make a call (paced, journaled, recorded as in
 * flight), record an answer, wait and retry within the caps, stop with a
 * report. Every transition is built from these, so the engine's contract
 * (machine-effects.ts) holds everywhere by construction.
 */
import type { HttpOutcome } from './machine-events';
import type { PublishEffect, PublishNotice, Transition } from './machine-effects';
import { budgetAfter, describeOutcome } from './machine-outcome';
import type { AfterWait, CallKind, InFlight, PublishPhase, PublishState } from './machine-state';
import { pacingWaitMs, spendOne } from './rate-budget';
import { nextRetry, type RetryKind } from './retry-policy';

export const emit = (notice: PublishNotice): PublishEffect => ({ type: 'emit', notice });

export const phaseMessages: Record<PublishPhase, string> = {
  choosing: 'Choose a business unit, a week and a schedule.',
  preflight: 'Checking the schedule against Genesys before publishing.',
  confirming: 'Review what changes for whom, then publish.',
  uploading: 'Uploading the schedule.',
  awaitingOperation: 'Genesys accepted the publish and is applying it.',
  verifying: 'Checking that Genesys has what was published.',
  rateLimited: 'Genesys asked to wait (rate limited).',
  reconciling: 'The outcome is unknown: re-reading before anything is sent again.',
  rebasing: 'Someone else saved the schedule: re-reading and rebasing the edits.',
  conflict: 'Some agents were changed by someone else too: choose per agent.',
  reviewing: 'New error findings after the re-read: decide before publishing.',
  failed: 'The publish stopped.',
  held: 'Published, except agents held back: they can be published as their sessions end.',
  done: 'Published.',
};

export function toPhase(state: PublishState, phase: PublishPhase, message = phaseMessages[phase]): Transition {
  const effects = state.phase === phase ? [] : [emit({ kind: 'phase', phase, message })];
  return { state: { ...state, phase }, effects };
}

/** Continues a transition with more effects. (Not named `then`: a module exporting `then` is a thenable, and `await import()` would call it.) */
export const andThen = (first: Transition, next: (s: PublishState) => Transition): Transition => {
  const second = next(first.state);
  return { state: second.state, effects: [...first.effects, ...second.effects] };
};

/** mulberry32 over the state's seed: the same journaled state draws the same jitter after a resume. */
export function drawJitter(state: PublishState): [number, PublishState] {
  const seed = (state.jitterSeed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4_294_967_296, { ...state, jitterSeed: seed | 0 }];
}

/** Makes a call: paced by the budget, journaled, marked in flight. */
export function call(state: PublishState, at: number, inFlight: InFlight, effect: PublishEffect): Transition {
  const pause = pacingWaitMs(state.budget, at, state.tuning.pacingReserve);
  const effects: PublishEffect[] = [];
  if (pause > 0) {
    effects.push(emit({ kind: 'waiting', reason: 'pacing', untilMs: at + pause, then: 'upload' }));
    effects.push({ type: 'wait', ms: pause, untilMs: at + pause, reason: 'pacing' });
  }
  effects.push({ type: 'journal', step: { ...inFlight, phase: state.phase } }, effect);
  const budget = spendOne(state.budget, at + pause);
  return { state: { ...state, inFlight, budget }, effects };
}

/** An answer arrived: it leaves flight, goes into the timeline, and its budget headers are kept. */
export function answered(
  state: PublishState,
  at: number,
  kind: CallKind,
  outcome: HttpOutcome,
  note = describeOutcome(outcome),
): Transition {
  const attempt = state.inFlight && 'attempt' in state.inFlight ? state.inFlight.attempt : null;
  const record = {
    seq: state.log.length + 1,
    at,
    call: kind,
    attempt,
    status: outcome.status,
    contextId: outcome.contextId ?? null,
    note,
  };
  const next = {
    ...state,
    inFlight: null,
    log: [...state.log, record],
    budget: budgetAfter(state.budget, outcome, at),
  };
  return { state: next, effects: [emit({ kind: 'call', record })] };
}

/** Stops with a report: whatever is still pending fails with the reason; nothing is retried without the supervisor. */
export function fail(state: PublishState, message: string): Transition {
  const agents = Object.fromEntries(
    Object.entries(state.agents).map(([id, a]) => [
      id,
      a.status === 'pending' ? { ...a, status: 'failed' as const, failure: message } : a,
    ]),
  );
  const stopped = { ...state, agents, inFlight: null, waiting: null, outcome: message };
  return andThen(toPhase(stopped, 'failed', message), (s) => ({
    state: s,
    effects: [agentsNotice(s), emit({ kind: 'finished', phase: 'failed', outcome: message })],
  }));
}

export function agentsNotice(state: PublishState): PublishEffect {
  const agents = Object.values(state.agents).map((a) => ({
    agentId: a.agentId,
    status: a.status,
    note: a.failure ?? a.hold?.note ?? (a.conflict ? 'changed by someone else too' : null),
  }));
  return emit({ kind: 'agents', agents });
}

/**
 * Counts a failure of `kind` and waits before `afterWait`: exactly `retryAfterMs` when the server said, else
 * backoff with full jitter. Past the kind's cap the publish fails with `why`.
 */
export function retryLater(
  state: PublishState,
  at: number,
  kind: RetryKind,
  afterWait: AfterWait,
  why: string,
  retryAfterMs: number | null = null,
): Transition {
  const failures = { ...state.failures, [kind]: state.failures[kind] + 1 };
  const [random, drawn] = drawJitter({ ...state, failures });
  const decision = nextRetry(kind, failures[kind], state.tuning, () => random, retryAfterMs);
  if (!decision.retry) return fail(drawn, `${why} Gave up after ${failures[kind]} tries.`);
  const untilMs = at + decision.waitMs;
  const waiting = { untilMs, reason: decision.reason, then: afterWait };
  const phased = decision.reason === 'retryAfter' ? toPhase(drawn, 'rateLimited') : toPhase(drawn, drawn.phase);
  return andThen(phased, (s) => ({
    state: { ...s, waiting },
    effects: [
      emit({ kind: 'waiting', reason: decision.reason, untilMs, then: afterWait.next }),
      { type: 'wait', ms: decision.waitMs, untilMs, reason: decision.reason },
    ],
  }));
}

/** An event this phase cannot take: said, not thrown, and nothing changes. */
export const ignore = (state: PublishState, event: string, why: string): Transition => ({
  state,
  effects: [emit({ kind: 'ignored', event, why })],
});
