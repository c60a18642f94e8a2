/**
 * Turns what came back (an HTTP answer, a transport failure, a body that
 * failed validation) into a `GenesysError`. Pure: the HTTP client decides
 * retries from the result; this file only decides what it means.
 */
import type { z } from 'zod';
import { GenesysError, type GenesysErrorKind } from './errors';
import { errorBody, type ErrorBody } from './schemas-common';

export interface RequestContext {
  method: string;
  pathTemplate: string;
  isWrite: boolean;
}

export interface HttpAnswer {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
  bodyText: string;
}

/** `Retry-After` is seconds or an HTTP date (RFC 9110); both become a wait in ms. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** Genesys names missing permissions as `[a, b]` in messageParams or in the message itself. */
export function parseMissingPermission(body: ErrorBody | null): string | undefined {
  const fromParams = body?.messageParams?.permissions ?? body?.messageParams?.permission;
  const raw = fromParams ?? /missing the following permission\(s\):\s*(\[[^\]]*\]|\S+)/i.exec(body?.message ?? '')?.[1];
  if (!raw) return undefined;
  const inner = raw.replace(/^\[|\]$/g, '').trim();
  return inner === '' ? undefined : inner;
}

export function parseErrorBody(text: string): ErrorBody | null {
  try {
    const parsed = errorBody.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** "does not match the current version": the 400 that means the same as a 409. */
function isVersionMismatch(body: ErrorBody | null): boolean {
  const text = `${body?.message ?? ''} ${body?.code ?? ''}`;
  return /does not match/i.test(text) && /version/i.test(text);
}

function kindOf(status: number, body: ErrorBody | null): GenesysErrorKind {
  if (status === 409) return 'versionConflict';
  if (status === 400 && isVersionMismatch(body)) return 'versionConflict';
  if (status === 429) return 'rateLimited';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status >= 400 && status < 500) return 'invalid';
  // 5xx, and redirects we never follow (a bearer token must not chase a Location header).
  return 'server';
}

/** A non-2xx HTTP answer. */
export function errorFromAnswer(answer: HttpAnswer, ctx: RequestContext, nowMs: number): GenesysError {
  const body = parseErrorBody(answer.bodyText);
  const kind = kindOf(answer.status, body);
  const retryAfterMs =
    kind === 'rateLimited'
      ? (parseRetryAfter(answer.headers['retry-after'], nowMs) ??
        parseRetryAfter(answer.headers['inin-ratelimit-reset'], nowMs))
      : undefined;
  return new GenesysError({
    ...ctx,
    kind,
    status: answer.status,
    contextId: body?.contextId ?? answer.headers['inin-correlation-id'] ?? null,
    code: body?.code ?? null,
    details: body?.details ?? [],
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    ...(kind === 'forbidden' ? optional('missingPermission', parseMissingPermission(body)) : {}),
    ...optional('serverMessage', body?.message),
  });
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

/** No HTTP answer at all: the request may or may not have reached Genesys. */
export function errorFromTransport(err: unknown, ctx: RequestContext): GenesysError {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : null;
  const message = typeof e?.message === 'string' ? e.message : '';
  const reason =
    code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(message)
      ? 'timed out'
      : code === 'ECONNRESET' || /socket hang up/i.test(message)
        ? 'connection reset'
        : code === 'ECONNREFUSED'
          ? 'connection refused'
          : 'network error';
  // Only our own words go into the message: an adapter's message could quote request headers.
  return new GenesysError({ ...ctx, kind: 'ambiguous', status: null, contextId: null, code, serverMessage: reason });
}

/** A 2xx answer whose body is not what the SDK types promise. */
export function malformedError(
  ctx: RequestContext,
  status: number,
  contextId: string | null,
  problem: string,
): GenesysError {
  return new GenesysError({ ...ctx, kind: 'malformed', status, contextId, code: null, serverMessage: problem });
}

/** Names the first failing field, e.g. `entities[3].id: expected string, received number`. */
export function describeZodProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unexpected shape';
  const path = issue.path.reduce<string>(
    (acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : acc === '' ? String(seg) : `${acc}.${String(seg)}`),
    '',
  );
  return `field ${path === '' ? '(body)' : path}: ${issue.message}`;
}
