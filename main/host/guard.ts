/**
 * Who may talk to the loopback host. Loopback alone is not a boundary: any
 * local process or any web page in the user's browser can reach 127.0.0.1.
 * So every request must prove it came from the page we served, by the
 * per-launch token, and API calls must also come from our own origin.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { hostProtocol } from '../../shared/transport';

export interface GuardConfig {
  token: string;
  port: number;
}

export const launchCookieName = (port: number) => `pd_launch_${port}`;

export function tokensMatch(expected: string, offered: string | undefined | null): boolean {
  if (!offered) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(offered);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Only our own host names: refuses DNS-rebinding pages that resolve to 127.0.0.1. */
export function hostHeaderAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

export function originAllowed(origin: string | undefined, port: number): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

export function cookieToken(req: IncomingMessage, port: number): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  const name = launchCookieName(port);
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** Token for a page or asset load: the launch query, or the cookie set by the first load. */
export function pageRequestAllowed(req: IncomingMessage, url: URL, cfg: GuardConfig): boolean {
  if (!hostHeaderAllowed(req, cfg.port)) return false;
  const origin = req.headers.origin;
  if (origin !== undefined && !originAllowed(origin, cfg.port)) return false;
  const offered = url.searchParams.get(hostProtocol.tokenQuery) ?? cookieToken(req, cfg.port);
  return tokensMatch(cfg.token, offered);
}

/** API calls need both the token header and our exact Origin. */
export function apiRequestAllowed(req: IncomingMessage, cfg: GuardConfig): boolean {
  if (!hostHeaderAllowed(req, cfg.port)) return false;
  if (!originAllowed(req.headers.origin, cfg.port)) return false;
  const offered = req.headers[hostProtocol.tokenHeader];
  return tokensMatch(cfg.token, Array.isArray(offered) ? offered[0] : offered);
}

/** WebSocket upgrades cannot carry custom headers from a browser: token in the query. */
export function eventsUpgradeAllowed(req: IncomingMessage, url: URL, cfg: GuardConfig): boolean {
  if (!hostHeaderAllowed(req, cfg.port)) return false;
  if (!originAllowed(req.headers.origin, cfg.port)) return false;
  return tokensMatch(cfg.token, url.searchParams.get(hostProtocol.tokenQuery));
}
