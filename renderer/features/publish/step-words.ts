/**
 * The step timeline in words: what each journaled step was (the call, the wait, the decision), its
 * outcome, and steps grouped by the write attempt they belong to, so "attempt 2 after a 409" reads
 * as one block. Pure: the words come from the contract's `PublishStep`, the clock from the caller.
 */
import type { PublishStep, PublishStepKind } from '../../../shared/contract/publish';

const kindWords: Record<PublishStepKind, string> = {
  reread: 'Re-read the schedule and agents',
  checkScriptSessions: 'Checked script sessions',
  requestUploadUrl: 'Asked for an upload URL',
  putUpload: 'Uploaded the schedule (gzipped)',
  sendUpdate: 'Sent the update (publish)',
  awaitOperation: 'Waited for the operation',
  analyse: 'Analysed the changed agents',
  wait: 'Waited',
  decision: 'Supervisor decision',
  resume: 'Resumed after a restart',
};

export const stepKindWords = (kind: PublishStepKind): string => kindWords[kind];

const httpWords: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No content',
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  413: 'Too large',
  429: 'Rate limited',
  500: 'Server error',
  502: 'Bad gateway',
  503: 'Unavailable',
  504: 'Gateway timeout',
};

/** The level a step's outcome is shown at: the icon and the word carry it, the colour only groups. */
export type StepTone = 'ok' | 'caution' | 'danger' | 'info';

export interface StepOutcome {
  tone: StepTone;
  /** e.g. "409 Conflict", "No answer", "In flight". */
  words: string;
}

/** Steps that are one HTTP call to Genesys: without a status, the call got no answer (timeout, reset). */
const httpCalls: ReadonlySet<PublishStepKind> = new Set([
  'reread',
  'checkScriptSessions',
  'requestUploadUrl',
  'putUpload',
  'sendUpdate',
]);

export function stepOutcome(step: PublishStep): StepOutcome {
  if (step.status === 'waiting') return { tone: 'caution', words: 'Waiting' };
  if (step.status === 'sent') return { tone: 'info', words: 'In flight' };
  if (step.httpStatus === null)
    return httpCalls.has(step.kind) ? { tone: 'danger', words: 'No answer' } : { tone: 'ok', words: 'Done' };
  const words = `${step.httpStatus} ${httpWords[step.httpStatus] ?? ''}`.trim();
  if (step.httpStatus < 300) return { tone: 'ok', words };
  // The two answers the publish expects on a busy morning and handles itself.
  if (step.httpStatus === 429 || step.httpStatus === 409) return { tone: 'caution', words };
  return { tone: 'danger', words };
}

export interface StepGroup {
  /** Stable key for the list. */
  key: string;
  title: string;
  steps: PublishStep[];
}

/**
 * Consecutive steps of one write attempt form a group ("Attempt 2"); reads, waits and decisions between
 * attempts form their own ("Before the first attempt", "After attempt 1"), in journal order.
 */
export function groupSteps(steps: readonly PublishStep[]): StepGroup[] {
  const groups: StepGroup[] = [];
  let lastAttempt = 0;
  for (const step of [...steps].sort((a, b) => a.seq - b.seq)) {
    const key = step.attempt === null ? `between-${lastAttempt}` : `attempt-${step.attempt}`;
    const current = groups[groups.length - 1];
    if (current?.key === key) {
      current.steps.push(step);
      continue;
    }
    if (step.attempt !== null) lastAttempt = step.attempt;
    const title =
      step.attempt !== null
        ? `Attempt ${step.attempt}`
        : lastAttempt === 0
          ? 'Before the first attempt'
          : `After attempt ${lastAttempt}`;
    // A key seen before (a read between, then the same attempt again) gets its position, to stay unique.
    const unique = groups.some((g) => g.key === key) ? `${key}-${groups.length}` : key;
    groups.push({ key: unique, title, steps: [step] });
  }
  return groups;
}

/** "06:02:15" in the given zone: steps are seconds apart, so seconds matter. */
export function stepClock(iso: string, zone: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return '';
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(ms);
}
