/**
 * Fault profiles: the mornings supervisors actually have. Named, combinable
 * and drawn from the seeded fault stream, so the same seed and the same
 * request sequence give the same faults.
 *
 * - calm: nothing goes wrong.
 * - publish-morning: other supervisors and shift trades save the schedule
 *   while you publish; script sessions come and go; an occasional 429.
 * - flaky: 5xx, hangs and connection resets, some after the write was
 *   accepted: its operation still runs and lands, the caller just never
 *   heard `Processing`.
 * - script-lock: an update touching an agent in an active script session is
 *   refused with 409 until that session ends (what users report).
 * - slow-async: operations take long (their writes land 20–30 times the
 *   base delay after the answer) and some notifications never come.
 */
import type { Rng } from '../random';
import type { FaultName } from '../runtime';
import { ApiError } from '../http/api-error';
import { tooManyRequests } from '../http/rate-limit';

export type TransportFault = { kind: 'reset' } | { kind: 'hang'; ms: number };

export interface FaultEngine {
  readonly active: ReadonlySet<FaultName>;
  /** Before any bearer request is handled: a 429/503 to throw, a transport fault, or null. */
  beforeRequest(isWrite: boolean): ApiError | TransportFault | null;
  /** After a write was applied: the failure the caller sees instead of success, or null. */
  afterWrite(): ApiError | TransportFault | null;
  /** publish-morning: does another editor save this schedule just before ours? */
  competingSave(): boolean;
  /** publish-morning: do script sessions change on this analytics read? */
  scriptSessionsMove(): boolean;
  readonly scriptLock: boolean;
  /** slow-async: is this operation's notification lost? */
  dropNotification(): boolean;
  /** How long async operations take under the active profiles. */
  operationDelayMs(base: number): number;
}

export interface FaultTuning {
  /** How long a "timeout" holds the connection before dropping it. */
  hangMs: number;
}

export function createFaultEngine(names: FaultName[], rng: Rng, tuning: FaultTuning): FaultEngine {
  const active = new Set(names);
  const on = (n: FaultName) => active.has(n);
  const serverError = () =>
    new ApiError(503, 'service.unavailable', 'The service is currently unavailable. Please try again later.');

  return {
    active,
    beforeRequest(isWrite) {
      if (on('publish-morning') && rng.chance(0.04)) return tooManyRequests(rng.int(1, 3), 300);
      if (on('flaky')) {
        const roll = rng.next();
        if (roll < 0.06) return serverError();
        if (roll < 0.09) return { kind: 'reset' };
        if (roll < 0.11 && !isWrite) return { kind: 'hang', ms: tuning.hangMs };
      }
      return null;
    },
    afterWrite() {
      if (!on('flaky')) return null;
      const roll = rng.next();
      if (roll < 0.08) return new ApiError(504, 'gateway.timeout', 'The request timed out.');
      if (roll < 0.14) return { kind: 'reset' };
      if (roll < 0.18) return { kind: 'hang', ms: tuning.hangMs };
      return null;
    },
    competingSave: () => on('publish-morning') && rng.chance(0.35),
    scriptSessionsMove: () => on('publish-morning') && rng.chance(0.5),
    scriptLock: on('script-lock'),
    dropNotification: () => on('slow-async') && rng.chance(0.3),
    operationDelayMs: (base) => (on('slow-async') ? base * 20 + rng.int(0, base * 10) : base),
  };
}
