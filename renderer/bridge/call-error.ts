import type { FailureCategory, OpsErrorCode, OpsFailure } from '../../shared/contract';

/** A failed contract call, with the code and category main gave and words for the user. */
export class OpsCallError extends Error {
  readonly code: OpsErrorCode | 'transport';
  /** What the user can do about it (fix the input, sign in, retry…); absent for transport trouble. */
  readonly category: FailureCategory | undefined;
  constructor(code: OpsErrorCode | 'transport', message: string, category?: FailureCategory) {
    super(message);
    this.name = 'OpsCallError';
    this.code = code;
    this.category = category;
  }
}

/** Unwraps a transport's `{ok, result | error}` outcome. */
export function unwrapOutcome<T>(outcome: unknown): T {
  if (outcome && typeof outcome === 'object' && 'ok' in outcome) {
    const o = outcome as { ok: boolean; result?: T; error?: OpsFailure };
    if (o.ok) return o.result as T;
    if (o.error) throw new OpsCallError(o.error.code, o.error.message, o.error.category);
  }
  throw new OpsCallError(
    'transport',
    'The console service sent an answer it does not understand. Restart Publish Desk.',
  );
}
