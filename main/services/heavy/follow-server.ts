/**
 * The worker's end of the edit-following channel (messages.ts): each question
 * answered from the kept weeks, on this thread and connection, then the
 * shared counter bumped so a services thread waiting in Atomics.wait wakes.
 */
import type { KeptWeeks } from '../analysis/kept-weeks';
import { userMessage } from '../dispatch';
import { failureCategory } from '../failure-category';
import type { FollowPortData, FromFollower, ToFollower } from './messages';

function answer(kept: KeptWeeks, q: ToFollower): FromFollower {
  try {
    return { type: 'followed', seq: q.seq, weeks: kept.follow(q.businessUnitId, q.scheduleId, q.clock) };
  } catch (err) {
    const category = failureCategory(err);
    return { type: 'failed', seq: q.seq, error: { message: userMessage(err, category), category } };
  }
}

export function serveFollows(kept: KeptWeeks, { port, answered }: FollowPortData): void {
  const counter = new Int32Array(answered);
  port.on('message', (q: ToFollower) => {
    port.postMessage(answer(kept, q));
    Atomics.add(counter, 0, 1);
    Atomics.notify(counter, 0);
  });
}
