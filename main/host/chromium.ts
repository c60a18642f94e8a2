/** Opens the console in a Chromium app window when one is installed and a display exists. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * The flags for the console's window: no first-run, no background traffic.
 * Chromium's sandbox stays on; Chromium refuses to start as root with it, so
 * only then is it turned off (as on our CI machines, which run as root).
 */
export function chromiumFlags(uid: number | undefined = process.getuid?.()): string[] {
  return [...(uid === 0 ? ['--no-sandbox'] : []), ...baseFlags];
}

const baseFlags = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const explicit = env.PUBLISH_DESK_CHROMIUM;
  if (explicit) return existsSync(explicit) ? explicit : null;
  return candidates.find((c) => existsSync(c)) ?? null;
}

export type OpenResult = { opened: true; browser: string } | { opened: false; reason: string };

export function openAppWindow(url: string, dataDir: string, env: NodeJS.ProcessEnv = process.env): OpenResult {
  const browser = findChromium(env);
  if (!browser) return { opened: false, reason: 'no Chromium found (set PUBLISH_DESK_CHROMIUM to use another)' };
  if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { opened: false, reason: 'no display (DISPLAY is not set)' };
  }
  const profile = path.join(dataDir, 'chromium-profile');
  const child = spawn(browser, [...chromiumFlags(), `--user-data-dir=${profile}`, `--app=${url}`], {
    stdio: 'ignore',
    detached: true,
  });
  child.unref();
  return { opened: true, browser };
}

/** A plain browser tab for the sign-in page (supervisor PKCE sign-in), in the same profile. */
export function openInBrowser(url: string, dataDir: string, env: NodeJS.ProcessEnv = process.env): OpenResult {
  const browser = findChromium(env);
  if (!browser) return { opened: false, reason: 'no Chromium found' };
  if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY)
    return { opened: false, reason: 'no display' };
  const child = spawn(browser, [...chromiumFlags(), `--user-data-dir=${path.join(dataDir, 'chromium-profile')}`, url], {
    stdio: 'ignore',
    detached: true,
  });
  child.unref();
  return { opened: true, browser };
}
