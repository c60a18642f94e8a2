/** The shape of a sandbox endpoint and what a handler gets to work with. */
import type { IncomingMessage } from 'node:http';
import { decodeComponent } from '../../../shared/request-target';
import type { SandboxRuntime, TokenGrant } from '../runtime';
import { ApiError } from './api-error';

export interface RouteContext {
  req: IncomingMessage;
  url: URL;
  /** Path parameters by template name, e.g. `{businessUnitId}`. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** The Genesys `contextId` of this request (also the `inin-correlation-id` header). */
  contextId: string;
  /** The caller's token; null only on routes with `auth: 'none'`. */
  grant: TokenGrant | null;
  runtime: SandboxRuntime;
  /** JSON body: 415 unless JSON, 413 if too large, 400 if malformed. */
  readJson(): Promise<unknown>;
  /** Raw body (signed upload URLs accept gzip or plain JSON). */
  readRaw(): Promise<Buffer>;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  /** Sent as is instead of JSON (e.g. the consent page). */
  raw?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path template as the SDK writes it: `/api/v2/workforcemanagement/businessunits/{businessUnitId}`. */
  template: string;
  /** `bearer`: needs a token, counts against the rate limit. `none`: login paths, signed URLs. */
  auth: 'bearer' | 'none';
  /** Genesys permission the token must carry. */
  permission?: string;
  /** Writes are where `flaky` may fail after applying. */
  write?: boolean;
  handle(ctx: RouteContext): Promise<RouteResult> | RouteResult;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

/** Matches request paths against templates; literal segments beat parameters. */
export function createRouter(routes: Route[]) {
  const compiled: CompiledRoute[] = routes
    .map((route) => {
      const names: string[] = [];
      const source = route.template
        .split('/')
        .map((segment) => {
          const m = /^\{(\w+)\}$/.exec(segment);
          if (!m) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(m[1]!);
          return '([^/]+)';
        })
        .join('/');
      return { route, pattern: new RegExp(`^${source}$`), names };
    })
    // Fewer parameters first, so `/schedules/import` wins over `/schedules/{scheduleId}`.
    .sort((a, b) => a.names.length - b.names.length);

  return {
    match(method: string, pathname: string): RouteMatch | 'wrongMethod' | null {
      let pathMatched = false;
      for (const c of compiled) {
        const m = c.pattern.exec(pathname);
        if (!m) continue;
        pathMatched = true;
        if (c.route.method !== method) continue;
        const params: Record<string, string> = {};
        c.names.forEach((name, i) => {
          const value = decodeComponent(m[i + 1]!);
          if (value === null)
            throw new ApiError(400, 'bad.request', `The path segment for {${name}} is not valid percent-encoding`);
          params[name] = value;
        });
        return { route: c.route, params };
      }
      return pathMatched ? 'wrongMethod' : null;
    },
  };
}
