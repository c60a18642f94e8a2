/**
 * The services' end of the edit-following channel (messages.ts). Every
 * question gets its answer through `onAnswer`, always in the order asked and
 * always exactly once (a failure if the worker stops). `wait` lets the
 * services take an answer that is coming at once without going through the
 * event loop: an edit answered within the wait is stored and announced
 * before `edits.apply` returns, as when the services analysed it themselves,
 * and a longer one (a bulk edit, a worker busy with a sync) is left to arrive
 * later while the loop goes on serving pages.
 */
import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { OpsError } from '../../../shared/ops-error';
import type { FollowPortData, FromFollower, ToFollower } from './messages';

export type FollowQuestion = Omit<ToFollower, 'seq'>;

export interface FollowChannel {
  /** What the worker is given (transfer `port`). */
  readonly workerEnd: FollowPortData;
  ask(question: FollowQuestion, onAnswer: (answer: FromFollower) => void): number;
  /** Blocks this thread up to `ms` for the answer to `seq` (earlier answers are handled first). True when it came. */
  wait(seq: number, ms: number): boolean;
  /** Resolves once every question asked so far is answered. */
  idle(): Promise<void>;
  /** The worker is gone: every open question is answered with a failure. */
  fail(reason: string): void;
}

export function createFollowChannel(): FollowChannel {
  const { port1: ours, port2: theirs } = new MessageChannel();
  const answered = new SharedArrayBuffer(4);
  const counter = new Int32Array(answered);
  const open = new Map<number, (answer: FromFollower) => void>();
  let idleWaiters: Array<() => void> = [];
  let nextSeq = 1;

  function handle(answer: FromFollower): void {
    const onAnswer = open.get(answer.seq);
    if (!onAnswer) return;
    open.delete(answer.seq);
    if (open.size === 0) ours.unref();
    try {
      onAnswer(answer);
    } finally {
      if (open.size === 0) {
        const waiters = idleWaiters;
        idleWaiters = [];
        for (const w of waiters) w();
      }
    }
  }

  function drain(port: MessagePort): void {
    for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) handle(m.message as FromFollower);
  }

  ours.on('message', handle);
  ours.unref();

  return {
    workerEnd: { port: theirs, answered },
    ask(question, onAnswer) {
      const seq = nextSeq++;
      open.set(seq, onAnswer);
      // Referenced while a question is open, so a CLI run waits for its answer before exiting.
      ours.ref();
      ours.postMessage({ ...question, seq } as ToFollower);
      return seq;
    },
    wait(seq, ms) {
      const deadline = performance.now() + ms;
      for (;;) {
        const seen = Atomics.load(counter, 0);
        drain(ours);
        if (!open.has(seq)) return true;
        const left = deadline - performance.now();
        if (left <= 0) return false;
        // The worker bumps the counter after posting, so an answer posted after `drain` wakes this at once.
        Atomics.wait(counter, 0, seen, left);
      }
    },
    idle() {
      if (open.size === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    fail(reason) {
      const error = new OpsError('internal', `The background worker stopped (${reason}). Try again.`);
      for (const seq of [...open.keys()])
        handle({ type: 'failed', seq, error: { message: error.message, category: error.category } });
      ours.close();
    },
  };
}
