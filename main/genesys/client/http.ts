/**
 * The one door to the Genesys Cloud Platform API: bearer token, path
 * templates, response validation, error classification, read retries, the
 * rate-limit throttle and the Activity log. Axios never throws for a status
 * (`validateStatus: () => true`): every answer goes through our own
 * classification, and no axios error (which carries the request headers,
 * token included) ever leaves this file.
 */
import axios, { type AxiosResponse } from 'axios';
import type { z } from 'zod';
import type { AuditSink, GenesysEnvironment, TokenProvider } from '../types';
import {
  describeZodProblem,
  errorFromAnswer,
  errorFromTransport,
  malformedError,
  type RequestContext,
} from './error-classify';
import { GenesysError } from './errors';
import { defaultBackoff, retryDelay, type BackoffTuning, type RetryReason } from './retry-policy';
import {
  initialThrottle,
  observeAnswer,
  readRateBudget,
  reserveSlot,
  type RateBudget,
  type ThrottleState,
} from './throttle';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | readonly string[] | undefined;

export interface RequestSpec<S extends z.ZodType> {
  method: HttpMethod;
  /** The SDK's template, e.g. `/api/v2/workforcemanagement/businessunits/{businessUnitId}`. */
  pathTemplate: string;
  params?: Record<string, string>;
  /** Arrays become repeated parameters (the SDK's `multi` collection format). */
  query?: Record<string, QueryValue>;
  body?: unknown;
  schema: S;
  /** Default: everything but GET. Queries sent as POST pass `false` so they are retried like reads. */
  isWrite?: boolean;
}

export interface WaitNotice {
  reason: RetryReason | 'throttle';
  waitMs: number;
  method: string;
  pathTemplate: string;
  /** The attempt about to be made after the wait. */
  attempt: number;
}

export interface GenesysHttpOptions {
  env: GenesysEnvironment;
  tokens: TokenProvider;
  audit: AuditSink;
  profileId: string;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Attempts per read, first one included. */
  maxReadAttempts?: number;
  /** Epoch ms. */
  now?: () => number;
  backoff?: BackoffTuning;
  /** Every deliberate wait (throttle, Retry-After, backoff), so the UI can show it. */
  onWait?: (notice: WaitNotice) => void;
  /** Each answer's `inin-ratelimit-*` budget, so a poller can keep to its share of it. */
  onRateBudget?: (budget: RateBudget) => void;
}

export interface GenesysHttp {
  request<S extends z.ZodType>(spec: RequestSpec<S>): Promise<z.output<S>>;
  /** GET a signed download URL (query results): no bearer token, it is not an API host. */
  signedDownload<S extends z.ZodType>(url: string, schema: S): Promise<z.output<S>>;
  /** PUT a body to a signed upload URL with the headers Genesys handed out (no bearer token). */
  signedUpload(url: string, headers: Record<string, string>, body: Buffer): Promise<void>;
}

interface Attempt {
  url: string;
  method: HttpMethod;
  headers: Record<string, string>;
  data?: string | Buffer;
  ctx: RequestContext;
  attempt: number;
  /** The bearer token sent, so a server echoing it cannot get it into a message. */
  secret?: string;
}

type Outcome =
  { ok: true; status: number; contextId: string | null; value: unknown } | { ok: false; error: GenesysError };

export function fillTemplate(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') throw new Error(`Genesys client: no value for {${name}} in ${template}`);
    return encodeURIComponent(value);
  });
}

export function queryString(query: Record<string, QueryValue> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value as readonly string[]) search.append(key, v);
    else search.append(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

const lowerCaseHeaders = (res: AxiosResponse): Record<string, string | undefined> => {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(res.headers ?? {}))
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v == null ? undefined : String(v);
  return out;
};

export function createGenesysHttp(options: GenesysHttpOptions): GenesysHttp {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const maxReadAttempts = Math.max(1, options.maxReadAttempts ?? 4);
  const backoff = options.backoff ?? defaultBackoff;
  let throttle: ThrottleState = initialThrottle;
  const client = axios.create({
    timeout: options.timeoutMs ?? 30_000,
    validateStatus: () => true,
    // We parse ourselves, so a 2xx that is not JSON is "malformed", not a silent string.
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    // Never chase a Location header with a bearer token attached.
    maxRedirects: 0,
    maxBodyLength: Infinity,
    maxContentLength: Infinity,
  });

  /** One request, validated and recorded: a 2xx that fails the schema is logged as the failure it is. */
  async function attemptOnce(a: Attempt, schema: z.ZodType | null, useThrottle: boolean): Promise<Outcome> {
    const started = now();
    let outcome: Outcome;
    try {
      const res = await client.request<string>({ url: a.url, method: a.method, headers: a.headers, data: a.data });
      const headers = lowerCaseHeaders(res);
      if (useThrottle) throttle = observeAnswer(throttle, headers, now());
      if (useThrottle && options.onRateBudget) {
        const budget = readRateBudget(headers, now());
        if (budget) options.onRateBudget(budget);
      }
      const raw = typeof res.data === 'string' ? res.data : '';
      const text = a.secret && res.status >= 300 ? raw.split(a.secret).join('[redacted]') : raw;
      outcome =
        res.status >= 200 && res.status < 300
          ? parse(res.status, headers['inin-correlation-id'] ?? null, text, schema, a.ctx)
          : { ok: false, error: errorFromAnswer({ status: res.status, headers, bodyText: text }, a.ctx, now()) };
    } catch (err) {
      outcome = { ok: false, error: errorFromTransport(err, a.ctx) };
    }
    options.audit.record({
      at: new Date(started).toISOString(),
      profileId: options.profileId,
      method: a.method,
      pathTemplate: a.ctx.pathTemplate,
      status: outcome.ok ? outcome.status : outcome.error.status,
      durationMs: Math.max(0, now() - started),
      attempt: a.attempt,
      contextId: outcome.ok ? outcome.contextId : outcome.error.contextId,
      errorKind: outcome.ok ? null : outcome.error.kind,
    });
    return outcome;
  }

  function parse(
    status: number,
    contextId: string | null,
    text: string,
    schema: z.ZodType | null,
    ctx: RequestContext,
  ): Outcome {
    if (!schema) return { ok: true, status, contextId, value: undefined };
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      return { ok: false, error: malformedError(ctx, status, contextId, 'the body is not JSON') };
    }
    const parsed = schema.safeParse(json);
    return parsed.success
      ? { ok: true, status, contextId, value: parsed.data }
      : { ok: false, error: malformedError(ctx, status, contextId, describeZodProblem(parsed.error)) };
  }

  async function wait(reason: WaitNotice['reason'], waitMs: number, ctx: RequestContext, attempt: number) {
    if (waitMs <= 0) return;
    options.onWait?.({ reason, waitMs, method: ctx.method, pathTemplate: ctx.pathTemplate, attempt });
    await sleep(waitMs);
  }

  /** Runs attempts until success, a non-retryable failure, or the read budget is spent. */
  async function run<S extends z.ZodType>(
    build: (attempt: number) => Promise<Attempt>,
    ctx: RequestContext,
    schema: S | null,
    useThrottle: boolean,
  ): Promise<z.output<S> | undefined> {
    const maxAttempts = ctx.isWrite ? 1 : maxReadAttempts;
    for (let attempt = 1; ; attempt++) {
      if (useThrottle) {
        const booked = reserveSlot(throttle, now());
        throttle = booked.state;
        await wait('throttle', booked.delayMs, ctx, attempt);
      }
      const outcome = await attemptOnce(await build(attempt), schema, useThrottle);
      if (outcome.ok) return outcome.value as z.output<S>;
      const error = outcome.error;
      // The token is no good: the next call must fetch a new one (or ask the user to sign in).
      if (error.kind === 'unauthorized' && !ctx.pathTemplate.startsWith('{signed')) options.tokens.invalidate();
      const next = retryDelay(error, attempt, maxAttempts, backoff, random);
      if (!next) throw error;
      await wait(next.reason, next.waitMs, ctx, attempt + 1);
    }
  }

  return {
    async request(spec) {
      const isWrite = spec.isWrite ?? spec.method !== 'GET';
      const ctx: RequestContext = { method: spec.method, pathTemplate: spec.pathTemplate, isWrite };
      const url = `${options.env.apiBase}${fillTemplate(spec.pathTemplate, spec.params)}${queryString(spec.query)}`;
      const data = spec.body === undefined ? undefined : JSON.stringify(spec.body);
      const result = await run(
        async (attempt) => {
          // Fetched per attempt: a retry after a long Retry-After may need a refreshed token.
          const secret = await options.tokens.getAccessToken();
          const headers: Record<string, string> = { Authorization: `Bearer ${secret}`, Accept: 'application/json' };
          if (data !== undefined) headers['Content-Type'] = 'application/json';
          return { url, method: spec.method, headers, data, ctx, attempt, secret };
        },
        ctx,
        spec.schema,
        true,
      );
      return result as z.output<typeof spec.schema>;
    },

    async signedDownload(url, schema) {
      // The URL itself is the credential: the Activity log names it only by its role.
      const ctx: RequestContext = { method: 'GET', pathTemplate: '{signedDownloadUrl}', isWrite: false };
      const result = await run(
        async (attempt) => ({ url, method: 'GET', headers: { Accept: 'application/json' }, ctx, attempt }),
        ctx,
        schema,
        false,
      );
      return result as z.output<typeof schema>;
    },

    async signedUpload(url, headers, body) {
      // Retried like a read: re-putting the same key replaces the blob, and nothing is applied until `update`.
      const ctx: RequestContext = { method: 'PUT', pathTemplate: '{signedUploadUrl}', isWrite: false };
      await run(
        async (attempt) => ({ url, method: 'PUT', headers: { ...headers }, data: body, ctx, attempt }),
        ctx,
        null,
        false,
      );
    },
  };
}
