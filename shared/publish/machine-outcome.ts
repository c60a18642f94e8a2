/**
 * What an HTTP outcome means for the publish, as the conflict taxonomy says:
 * a 409 and the 400 "does not match the current version" are the same stale
 * version (nothing written: re-read, rebase, retry); a 429 is waited exactly;
 * a 5xx or no answer at all is an unknown outcome (the write may have
 * happened: reconcile first); any other refusal is final and reported.
 */
import type { HttpOutcome } from './machine-events';
import { readRateBudget, type RateBudget } from './rate-budget';
import { parseRetryAfterMs } from './retry-policy';

export type Answer = 'ok' | 'stale' | 'rateLimited' | 'unknown' | 'refused';

const versionMismatch = (o: HttpOutcome) => {
  const text = `${o.error?.message ?? ''} ${o.error?.code ?? ''}`;
  return /does not match/i.test(text) && /version/i.test(text);
};

export function classify(o: HttpOutcome): Answer {
  const s = o.status;
  if (s === null || s >= 500) return 'unknown';
  if (s >= 200 && s < 300) return 'ok';
  if (s === 409 || (s === 400 && versionMismatch(o))) return 'stale';
  if (s === 429) return 'rateLimited';
  return 'refused';
}

/** A 429's wait: `Retry-After`, else the budget's reset; null when neither says (then: backoff). */
export function retryAfterMs(o: HttpOutcome, at: number): number | null {
  const fromHeader = parseRetryAfterMs(o.retryAfter, at);
  if (fromHeader !== null) return fromHeader;
  const budget = o.rateLimit ? readRateBudget(o.rateLimit, at) : null;
  return budget ? budget.resetAtMs - at : null;
}

/** The budget an answer announced, or the one already known. */
export const budgetAfter = (known: RateBudget | null, o: HttpOutcome, at: number) =>
  (o.rateLimit ? readRateBudget(o.rateLimit, at) : null) ?? known;

/** Agents a refusal names (its details' entity ids, `messageParams.userIds`), among those sent. */
export function namedAgents(o: HttpOutcome, sent: readonly string[]): string[] {
  const among = new Set(sent);
  const named = new Set<string>();
  for (const d of o.error?.details ?? []) if (d.entityId && among.has(d.entityId)) named.add(d.entityId);
  for (const v of Object.values(o.error?.messageParams ?? {}))
    for (const part of v.split(/[\s,;[\]]+/)) if (among.has(part)) named.add(part);
  return [...named].sort();
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Agent ids a refusal names that were not sent: a draft's unedited agents, whom publishing the draft changes
 * too. Only the details' entity ids and `messageParams.userIds` count, and only ids shaped as Genesys ids.
 */
export function unsentNamedAgents(o: HttpOutcome, sent: readonly string[]): string[] {
  const among = new Set(sent);
  const named = new Set<string>();
  for (const d of o.error?.details ?? []) if (d.entityId && uuid.test(d.entityId)) named.add(d.entityId);
  for (const part of (o.error?.messageParams?.userIds ?? '').split(/[\s,;[\]]+/)) if (uuid.test(part)) named.add(part);
  return [...named].filter((id) => !among.has(id)).sort();
}

/** The outcome in words for the step timeline; never a stack trace, always the `contextId` when there is one. */
export function describeOutcome(o: HttpOutcome): string {
  if (o.status === null) return `no answer (${o.transport ?? 'network error'})`;
  const said = o.error?.message ? `: ${o.error.message}` : '';
  return `HTTP ${o.status}${said}${o.contextId ? ` (contextId ${o.contextId})` : ''}`;
}
