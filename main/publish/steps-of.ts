/**
 * What goes into the step timeline for a transition: the journaled call
 * (written before it is made, with what is sent in words), waits with their
 * reason and countdown, the supervisor's decisions, and the answer of the
 * call in flight (the machine's newest `CallRecord`).
 */
import type { PublishEffect, JournalStep } from '../../shared/publish/machine-effects';
import type { PublishEvent } from '../../shared/publish/machine-events';
import type { CallRecord, PublishState } from '../../shared/publish/machine-state';
import type { NewStep } from './journal';

const agents = (n: number) => `${n} agent${n === 1 ? '' : 's'}`;

/** What a journaled call sends, in words: never a signed URL, a key's secret part or a token. */
export function requestOf(step: JournalStep): string {
  switch (step.call) {
    case 'reread':
      return `re-read the schedule and ${agents(step.agentIds.length)} (${step.purpose})`;
    case 'checkScriptSessions':
      return `which of ${agents(step.agentIds.length)} are in a scripted conversation (${step.purpose})`;
    case 'analyse':
      return `analyse the intended weeks of ${agents(step.agentIds.length)} (${step.purpose})`;
    case 'requestUploadUrl':
      return `update/uploadurl for write attempt ${step.attempt}`;
    case 'putUpload':
      return `PUT the gzipped upload of attempt ${step.attempt}`;
    case 'sendUpdate':
      return `update {uploadKey}: published at schedule version ${step.version}, ${agents(step.agentIds.length)}`;
    case 'awaitOperation':
      return `wait for operation ${step.operationId} (from schedule version ${step.version})`;
  }
}

const attemptOf = (step: JournalStep) => ('attempt' in step ? step.attempt : null);

/** The steps to write before a transition's effects run, in effect order. */
export function stepsOf(effects: readonly PublishEffect[], phase: PublishState['phase']): NewStep[] {
  const out: NewStep[] = [];
  for (const e of effects) {
    if (e.type === 'journal')
      out.push({
        kind: e.step.call,
        phase: e.step.phase,
        attempt: attemptOf(e.step),
        request: requestOf(e.step),
        status: 'sent',
      });
    else if (e.type === 'wait')
      out.push({
        kind: 'wait',
        phase,
        attempt: null,
        request: `wait ${Math.ceil(e.ms / 1000)} s`,
        // Pacing is waited right before its call; the other waits are timers, open until they run out.
        status: e.reason === 'pacing' ? 'done' : 'waiting',
        waitReason: e.reason,
        waitUntil: new Date(e.untilMs).toISOString(),
        note: waitNote(e.reason, e.ms),
      });
  }
  return out;
}

function waitNote(reason: 'retryAfter' | 'backoff' | 'pacing', ms: number): string {
  const s = `${Math.round(ms / 100) / 10} s`;
  if (reason === 'retryAfter') return `Genesys asked to wait (429): waiting exactly Retry-After, ${s}.`;
  if (reason === 'backoff') return `Backing off ${s} (with jitter) before trying again.`;
  return `Pacing ${s} so the request budget is not hit.`;
}

/** The supervisor's events, as a decision step (null for the engine's own answers). */
export function decisionOf(ev: PublishEvent, phase: PublishState['phase']): NewStep | null {
  const step = (request: string): NewStep => ({ kind: 'decision', phase, attempt: null, request, status: 'done' });
  switch (ev.type) {
    case 'start': {
      // A draft over a published week also tracks agents it does not edit (mine: null) whose week it changes.
      const unedited = ev.agents.filter((a) => a.mine === null).length;
      const also = unedited ? ` and ${agents(unedited)} not edited whose week the draft changes` : '';
      return step(
        `start: ${agents(ev.agents.length - unedited)} with pending edits${also}, schedule version ${ev.schedule.version}`,
      );
    }
    case 'confirm':
      return step('confirmed what changes for whom');
    case 'resolve':
      return step(`decided agent ${ev.agentId}: ${ev.choice}`);
    case 'acceptFindings':
      return step(
        `accepted findings${ev.kinds?.length ? ` of kind ${ev.kinds.join(', ')}` : ''}${ev.findingIds?.length ? ` (${ev.findingIds.length} by id)` : ''}`,
      );
    case 'holdAgents':
      return step(`held back ${agents(ev.agentIds.length)}`);
    case 'releaseHeld':
      return step(`released ${agents(ev.agentIds.length)} held back`);
    case 'retry':
      return step(ev.agentId ? `retry agent ${ev.agentId}` : 'retry the publish');
    case 'finish':
      return step('finished, leaving held agents as they are');
    case 'resume':
      return { ...step('resumed after a restart: reconciling what was in flight'), kind: 'resume' };
    default:
      return null;
  }
}

/** The answer of the call in flight, from the record the machine added for it. */
export function answerNote(before: PublishState, after: PublishState): CallRecord | null {
  return after.log.length > before.log.length ? (after.log.at(-1) ?? null) : null;
}
