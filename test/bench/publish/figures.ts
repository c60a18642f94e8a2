/**
 * The publish bench's arithmetic: the minimum requests for the faults a
 * publish met, the wall-time floor those faults and the rate limit set, and
 * what a publish lost, computed from the journal, the Activity log and the
 * sandbox's own records, never from the engine's idea of itself.
 */
import type { AuditRow } from '../../../shared/activity';
import type { PublishStep } from '../../../shared/contract/publish';
import type { AgentOutcome } from '../../publish/crash-checks';

/** The calm publish, call by call (what publish-calm.test.ts asserts). */
export const calmCalls: PublishStep['kind'][] = [
  'reread',
  'checkScriptSessions',
  'requestUploadUrl',
  'putUpload',
  'sendUpdate',
  'awaitOperation',
  'reread',
];
/** What a stale version costs at least: one re-read and one new upload. */
const staleCalls: PublishStep['kind'][] = ['reread', 'requestUploadUrl', 'putUpload', 'sendUpdate'];

const isCall = (s: PublishStep) => s.kind !== 'decision' && s.kind !== 'wait' && s.kind !== 'analyse';
/** 409, or the 400 "does not match the current version": someone saved first. */
export const isStale = (s: PublishStep) =>
  s.kind === 'sendUpdate' && (s.httpStatus === 409 || (s.httpStatus === 400 && /version/i.test(s.note)));

export interface StepFigures {
  calls: number;
  staleVersions: number;
  rateLimited: number;
  minimumCalls: number;
  byKind: Record<string, number>;
}

export function stepFigures(steps: PublishStep[]): StepFigures {
  const calls = steps.filter(isCall);
  const staleVersions = calls.filter(isStale).length;
  const rateLimited = calls.filter((s) => s.httpStatus === 429).length;
  const byKind: Record<string, number> = {};
  for (const s of calls) byKind[s.kind] = (byKind[s.kind] ?? 0) + 1;
  return {
    calls: calls.length,
    staleVersions,
    rateLimited,
    minimumCalls: calmCalls.length + staleVersions * staleCalls.length + rateLimited,
    byKind,
  };
}

/**
 * HTTP requests per step: each audit row goes to the call step whose [written, answered] window holds it.
 * A kind's clean cost is the fewest requests one answered-200 step of that kind took (a re-read is the
 * schedule, its agents' query and the histories it needs; an operation may be heard or polled).
 */
const resumed = (s: PublishStep) => s.kind === 'reread' && (s.note ?? '').includes('resumed:');

export function requestFigures(steps: PublishStep[], rows: AuditRow[], stepsOf: StepFigures) {
  const calls = steps.filter(isCall);
  const perStep = new Map<PublishStep, AuditRow[]>(calls.map((s) => [s, []]));
  const outside: AuditRow[] = [];
  for (const row of rows) {
    const at = Date.parse(row.at);
    // The latest step whose window holds the request: a step answered and the next begun in the same millisecond
    // share that instant, and a request is made after its own step is journaled.
    const step = calls.findLast((s) => Date.parse(s.at) <= at && at <= Date.parse(s.answeredAt ?? s.at) + 1);
    if (step) perStep.get(step)!.push(row);
    else outside.push(row);
  }
  const cleanCost: Record<string, number> = {};
  for (const [s, r] of perStep)
    // A re-read resumed after a 429 asks only the units it had not read: it is not what a whole re-read costs.
    if (s.httpStatus !== null && s.httpStatus < 300 && r.every((x) => x.status !== 429) && !resumed(s))
      // Every call step sends at least one request: a step left with none lost its rows to a neighbour's window.
      cleanCost[s.kind] = Math.min(cleanCost[s.kind] ?? Infinity, Math.max(1, r.length));
  const cost = (k: PublishStep['kind']) => (Number.isFinite(cleanCost[k]) ? cleanCost[k]! : 1);
  const minimum =
    calmCalls.reduce((n, k) => n + cost(k), 0) +
    stepsOf.staleVersions * staleCalls.reduce((n, k) => n + cost(k), 0) +
    rows.filter((r) => r.status === 429).length;
  const byPathTemplate: Record<string, number> = {};
  for (const r of rows) byPathTemplate[r.pathTemplate] = (byPathTemplate[r.pathTemplate] ?? 0) + 1;
  return {
    used: rows.length,
    minimum,
    cleanCostPerKind: Object.fromEntries(calmCalls.map((k) => [k, cost(k)])),
    outsideSteps: outside.map((r) => `${r.method} ${r.pathTemplate} ${r.status ?? 'none'}`),
    status429: rows.filter((r) => r.status === 429).length,
    byPathTemplate,
  };
}

/** Sum of the journal's waits by reason (how long each countdown was set for). */
export function waitsByReason(steps: PublishStep[]): Record<string, number> {
  const out: Record<string, number> = { retryAfter: 0, backoff: 0, pacing: 0 };
  for (const s of steps)
    if (s.kind === 'wait' && s.waitReason && s.waitUntil)
      out[s.waitReason] = (out[s.waitReason] ?? 0) + Math.max(0, Date.parse(s.waitUntil) - Date.parse(s.at));
  return out;
}

/** Time from each journal step to the next, summed by the step's kind: where the wall time went. */
export function timeByKind(steps: PublishStep[]): Record<string, number> {
  const out: Record<string, number> = {};
  steps.forEach((s, i) => {
    const next = steps[i + 1];
    if (next) out[s.kind] = (out[s.kind] ?? 0) + Date.parse(next.at) - Date.parse(s.at);
  });
  return out;
}

/** A Retry-After the sandbox sent: when (epoch ms) and for how long. */
export interface RetryAfterSent {
  at: number;
  ms: number;
}

/**
 * How long the Retry-Afters keep a client waiting: the length of their union. Two queries in flight refused
 * together ask for waits that run at the same time, and a client that honours both waits once, not twice.
 */
export function retryAfterUnionMs(sent: readonly RetryAfterSent[]): number {
  const spans = sent.map((r) => [r.at, r.at + r.ms] as const).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let start = -Infinity;
  let end = -Infinity;
  for (const [from, to] of spans) {
    if (from > end) {
      if (end > start) total += end - start;
      start = from;
      end = to;
    } else end = Math.max(end, to);
  }
  if (end > start) total += end - start;
  return total;
}

/**
 * Requests whose refusal a publish goes on without: the editors' names (the report keeps their ids). A 429 on
 * one makes nobody wait, so it sets no floor; every other 429 of the publish does.
 */
const optionalPaths = new Set(['/api/v2/users']);

/**
 * The Retry-Afters the publish had to honour: the sandbox's 429s paired in order with the Activity log's 429 rows
 * of the publish, less those on optional requests. When the two do not pair up, all of them count.
 */
export function forcedRetryAfters(
  sent: readonly RetryAfterSent[],
  rows: ReadonlyArray<{ status: number | null; pathTemplate: string }>,
): RetryAfterSent[] {
  const refused = rows.filter((r) => r.status === 429);
  if (refused.length !== sent.length) return [...sent];
  return sent.filter((_, i) => !optionalPaths.has(refused[i]!.pathTemplate));
}

/** The floor: the Retry-Afters the sandbox sent (overlapping ones once), every operation delay, and what the budget forces. */
export function wallFloorMs(f: {
  retryAfters: readonly RetryAfterSent[];
  operationDelaysMs: number[];
  requests: number;
  perMinute: number;
}) {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const rateLimitMs = (Math.max(0, f.requests - f.perMinute) / f.perMinute) * 60_000;
  const retryAfterMs = retryAfterUnionMs(f.retryAfters);
  return {
    retryAfterMs,
    /** Every Retry-After added up, overlapping or not (the floor before two queries could be in flight). */
    retryAfterSumMs: sum(f.retryAfters.map((r) => r.ms)),
    operationDelaysMs: sum(f.operationDelaysMs),
    rateLimitMs,
    floorMs: retryAfterMs + sum(f.operationDelaysMs) + rateLimitMs,
  };
}

/** What a publish lost, agent by agent: our edits not there, other editors' saves overwritten, shifts twice. */
export function losses(
  result: Map<string, AgentOutcome>,
  edited: readonly string[],
  editedShiftIds: Map<string, string>,
) {
  let editsMissing = 0;
  let theirsOverwritten = 0;
  let otherDifferences = 0;
  let agentsDiffering = 0;
  /** Agents our client wrote more than once (a duplicate write). */
  let writtenTwice = 0;
  for (const [agentId, o] of result) {
    if (o.ourWrites > 1) writtenTwice += 1;
    const actual = new Map(o.actual.map((s) => [s.id, JSON.stringify(s)]));
    let differs = o.actual.length !== o.expected.length;
    for (const s of o.expected) {
      if (actual.get(s.id) === JSON.stringify(s)) continue;
      differs = true;
      if (edited.includes(agentId) && editedShiftIds.get(agentId) === s.id) editsMissing += 1;
      else if (o.theirWrites > 0) theirsOverwritten += 1;
      else otherDifferences += 1;
    }
    if (differs) agentsDiffering += 1;
  }
  return { editsMissing, theirsOverwritten, otherDifferences, agentsDiffering, writtenTwice };
}
