/**
 * The write: `update/uploadurl` → PUT the gzipped body → `update
 * {uploadKey}` → the operation's end. Each chain is one attempt, and its
 * `sendUpdate` goes out once: whatever happens after it (a 5xx, a timeout, a
 * lost notification, a crash) is settled by re-reading, never by sending it
 * again. A 429 anywhere in the chain wrote nothing: the chain starts over
 * after exactly `Retry-After` (the upload key may be spent).
 */
import type { PublishEvent } from './machine-events';
import type { Transition } from './machine-effects';
import { answered, call, fail, retryLater, andThen, toPhase } from './machine-core';
import { classify, describeOutcome, namedAgents, retryAfterMs, unsentNamedAgents } from './machine-outcome';
import { agentsSent, intendedOfSent } from './machine-plan';
import { startReread } from './machine-reread';
import type { PublishState } from './machine-state';

export function startUpload(state: PublishState, at: number): Transition {
  const attempt = state.attempt + 1;
  return andThen(toPhase({ ...state, attempt, waiting: null }, 'uploading'), (s) =>
    call(s, at, { call: 'requestUploadUrl', attempt }, { type: 'requestUploadUrl', attempt }),
  );
}

type Ev<T extends PublishEvent['type']> = Extract<PublishEvent, { type: T }>;

/** A failed step of the chain before the update itself: nothing was written, so it may simply start over. */
function chainFailed(state: PublishState, ev: Ev<'uploadUrl' | 'uploadPut'>, what: string): Transition {
  const got = answered(state, ev.at, ev.type === 'uploadUrl' ? 'requestUploadUrl' : 'putUpload', ev.outcome);
  const kind = classify(ev.outcome);
  if (kind === 'rateLimited')
    return andThen(got, (s) =>
      retryLater(s, ev.at, 'rateLimited', { next: 'upload' }, 'Rate limited.', retryAfterMs(ev.outcome, ev.at)),
    );
  if (kind === 'unknown' || kind === 'stale')
    return andThen(got, (s) => retryLater(s, ev.at, 'transient', { next: 'upload' }, `${what} kept failing.`));
  return andThen(got, (s) => fail(s, `${what} was refused: ${describeOutcome(ev.outcome)}.`));
}

export function onUploadUrl(state: PublishState, ev: Ev<'uploadUrl'>): Transition {
  const flight = state.inFlight;
  if (flight?.call !== 'requestUploadUrl') return { state, effects: [] };
  if (classify(ev.outcome) !== 'ok' || !ev.uploadKey || !ev.url)
    return chainFailed(state, ev, 'Asking Genesys for an upload URL');
  const { uploadKey, url } = ev;
  return andThen(answered(state, ev.at, 'requestUploadUrl', ev.outcome, 'upload URL received'), (s) =>
    call(
      s,
      ev.at,
      { call: 'putUpload', attempt: flight.attempt, uploadKey },
      { type: 'putUpload', attempt: flight.attempt, uploadKey, url, headers: ev.headers ?? {} },
    ),
  );
}

export function onUploadPut(state: PublishState, ev: Ev<'uploadPut'>): Transition {
  const flight = state.inFlight;
  if (flight?.call !== 'putUpload') return { state, effects: [] };
  if (classify(ev.outcome) !== 'ok') return chainFailed(state, ev, 'Uploading the schedule');
  const version = state.schedule.version;
  const agentIds = agentsSent(state);
  const { attempt, uploadKey } = flight;
  const note = `uploaded: ${agentIds.length} agent(s) at schedule version ${version}`;
  return andThen(answered(state, ev.at, 'putUpload', ev.outcome, note), (s) =>
    call(
      s,
      ev.at,
      { call: 'sendUpdate', attempt, uploadKey, version, agentIds },
      { type: 'sendUpdate', attempt, uploadKey, version, agentIds, published: true },
    ),
  );
}

export function onUpdateAnswered(state: PublishState, ev: Ev<'updateAnswered'>): Transition {
  const flight = state.inFlight;
  if (flight?.call !== 'sendUpdate') return { state, effects: [] };
  const { attempt, version, agentIds } = flight;
  const sent = { attempt, version, agentIds };
  const kind = classify(ev.outcome);
  const got = answered({ ...state, sent }, ev.at, 'sendUpdate', ev.outcome);
  if (kind === 'ok' && ev.status === 'Complete') return andThen(got, (s) => startReread(s, ev.at, 'verify'));
  if (kind === 'ok' && ev.operationId) {
    const operationId = ev.operationId;
    const intended = intendedOfSent(state);
    return andThen(got, (s) =>
      andThen(toPhase(s, 'awaitingOperation'), (t) =>
        call(
          t,
          ev.at,
          { call: 'awaitOperation', attempt, operationId, version, agentIds },
          { type: 'awaitOperation', attempt, operationId, version, intended },
        ),
      ),
    );
  }
  if (kind === 'stale') {
    // Named agents count when the publish tracks them, sent or not: a draft's unedited agent it does not send
    // can be held all the same. Only agents it does not know are left to the words of the report.
    const tracked = Object.keys(state.agents);
    const refusal = {
      version,
      agentIds,
      namedAgentIds: namedAgents(ev.outcome, tracked),
      unsentNamedIds: unsentNamedAgents(ev.outcome, tracked),
    };
    return andThen(got, (s) => startReread({ ...s, refusal }, ev.at, 'stale'));
  }
  if (kind === 'rateLimited')
    return andThen(got, (s) =>
      retryLater(s, ev.at, 'rateLimited', { next: 'upload' }, 'Rate limited.', retryAfterMs(ev.outcome, ev.at)),
    );
  if (kind === 'unknown' || kind === 'ok')
    return andThen(got, (s) =>
      retryLater(s, ev.at, 'unknownOutcome', { next: 'reread', purpose: 'reconcile' }, 'The outcome stayed unknown.'),
    );
  return andThen(got, (s) => fail(s, `Genesys refused the publish: ${describeOutcome(ev.outcome)}.`));
}

export function onOperationEnded(state: PublishState, ev: Ev<'operationEnded'>): Transition {
  const flight = state.inFlight;
  if (flight?.call !== 'awaitOperation') return { state, effects: [] };
  const note = `operation ${flight.operationId}: ${ev.result}${ev.reason ? ` (${ev.reason})` : ''}`;
  const got = answered(state, ev.at, 'awaitOperation', { status: null }, note);
  if (ev.result === 'applied') return andThen(got, (s) => startReread(s, ev.at, 'verify'));
  if (ev.result === 'failed') return andThen(got, (s) => startReread(s, ev.at, 'failedOperation'));
  return andThen(got, (s) =>
    retryLater(s, ev.at, 'unknownOutcome', { next: 'reread', purpose: 'reconcile' }, 'The outcome stayed unknown.'),
  );
}
