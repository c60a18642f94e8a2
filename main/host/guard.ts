/**
 * Who may talk to the loopback host. Loopback alone is not a boundary: any
 * local process or any web page in the user's browser can reach 127.0.0.1.
 * So every call and the events socket must prove they come from the page we
 * served, by the per-launch token, and from our own origin.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { hostProtocol } from '../../shared/transport';

export interface GuardConfig {
  token: string;
  port: number;
}

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

/**
 * Who may load the page and its assets. They hold no secret (the built
 * renderer is the same for everyone), so only our Host and Origin are asked
 * for, and a launch key, when offered, must be this launch's: an old link says
 * so instead of opening a console that cannot work. The key itself never
 * rides in a cookie: browsers send cookies to every port of 127.0.0.1, so any
 * other local server the browser visits would receive it. The page keeps it
 * in sessionStorage, which is per origin (port included) and survives a reload.
 */
export function pageRequestAllowed(req: IncomingMessage, url: URL, cfg: GuardConfig): boolean {
  if (!hostHeaderAllowed(req, cfg.port)) return false;
  const origin = req.headers.origin;
  if (origin !== undefined && !originAllowed(origin, cfg.port)) return false;
  const offered = url.searchParams.get(hostProtocol.tokenQuery);
  return offered === null || tokensMatch(cfg.token, offered);
}

/** The page learns the key only from the launch link itself. */
export function launchKeyOffered(url: URL, cfg: GuardConfig): boolean {
  return tokensMatch(cfg.token, url.searchParams.get(hostProtocol.tokenQuery));
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
