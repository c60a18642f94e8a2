import { describe, expect, it } from 'vitest';
import { groupSteps, stepClock, stepOutcome } from './step-words';
import { step } from './test-fixtures';

describe('the step timeline in words', () => {
  it('groups a publish-morning run: reads before, attempt 1 ending in 409, the re-read after it, attempt 2', () => {
    const steps = [
      step(1, { kind: 'reread' }),
      step(2, { kind: 'checkScriptSessions' }),
      step(3, { kind: 'requestUploadUrl', attempt: 1 }),
      step(4, { kind: 'putUpload', attempt: 1 }),
      step(5, { kind: 'sendUpdate', attempt: 1, httpStatus: 409 }),
      step(6, { kind: 'reread' }),
      step(7, { kind: 'wait', httpStatus: null, status: 'done' }),
      step(8, { kind: 'requestUploadUrl', attempt: 2 }),
    ];
    // Journal order wins over the order the array came in.
    const groups = groupSteps([...steps].reverse());
    expect(groups.map((g) => [g.title, g.steps.map((s) => s.seq)])).toEqual([
      ['Before the first attempt', [1, 2]],
      ['Attempt 1', [3, 4, 5]],
      ['After attempt 1', [6, 7]],
      ['Attempt 2', [8]],
    ]);
    expect(new Set(groups.map((g) => g.key)).size).toBe(groups.length);
  });

  it('keeps keys unique when an attempt is resumed after reads in between', () => {
    const groups = groupSteps([
      step(1, { kind: 'sendUpdate', attempt: 1, httpStatus: null }),
      step(2, { kind: 'resume', httpStatus: null }),
      step(3, { kind: 'awaitOperation', attempt: 1, httpStatus: null }),
    ]);
    expect(groups.map((g) => g.title)).toEqual(['Attempt 1', 'After attempt 1', 'Attempt 1']);
    expect(new Set(groups.map((g) => g.key)).size).toBe(3);
  });

  it('says each outcome with a word, 409 and 429 as expected trouble, a missing answer as a failure', () => {
    expect(stepOutcome(step(1, { httpStatus: 202, kind: 'sendUpdate' }))).toEqual({
      tone: 'ok',
      words: '202 Accepted',
    });
    expect(stepOutcome(step(1, { httpStatus: 409, kind: 'sendUpdate' }))).toEqual({
      tone: 'caution',
      words: '409 Conflict',
    });
    expect(stepOutcome(step(1, { httpStatus: 429 })).tone).toBe('caution');
    expect(stepOutcome(step(1, { httpStatus: 503 }))).toEqual({ tone: 'danger', words: '503 Unavailable' });
    expect(stepOutcome(step(1, { httpStatus: 418 })).words).toBe('418');
    expect(stepOutcome(step(1, { httpStatus: null, kind: 'sendUpdate' }))).toEqual({
      tone: 'danger',
      words: 'No answer',
    });
    // An operation's end and a decision have no HTTP status and are not failures.
    expect(stepOutcome(step(1, { httpStatus: null, kind: 'awaitOperation' })).tone).toBe('ok');
    expect(stepOutcome(step(1, { status: 'sent', kind: 'sendUpdate' })).words).toBe('In flight');
    expect(stepOutcome(step(1, { status: 'waiting', kind: 'wait' })).words).toBe('Waiting');
  });

  it('writes a step time on the unit clock with seconds', () => {
    expect(stepClock('2026-11-23T12:00:05.000Z', 'America/Chicago')).toBe('06:00:05');
    expect(stepClock('not a time', 'UTC')).toBe('');
  });
});
