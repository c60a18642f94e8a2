import { describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import {
  contentSecurityPolicy,
  guardSession,
  guardWebContents,
  isExternalLinkAllowed,
  mainWindowOptions,
} from './security';

type Listener = (event: { preventDefault: () => void }, ...rest: unknown[]) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((d: { url: string }) => { action: string }) | null = null;
  const contents = {
    on: (name: string, listener: Listener) => listeners.set(name, listener),
    setWindowOpenHandler: (h: typeof openHandler) => {
      openHandler = h;
    },
  };
  return {
    contents: contents as unknown as WebContents,
    fire(name: string, ...rest: unknown[]) {
      const event = { preventDefault: vi.fn() };
      listeners.get(name)?.(event, ...rest);
      return event.preventDefault;
    },
    open: (url: string) => openHandler?.({ url }),
  };
}

describe('window options', () => {
  it('isolates the renderer: context isolation, sandbox, no Node, web security on', () => {
    const prefs = mainWindowOptions('/app/out/preload/index.cjs').webPreferences!;
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
  });
});

describe('navigation and window guards', () => {
  it('denies every navigation and redirect away from the app', () => {
    const f = fakeContents();
    guardWebContents(f.contents, { openExternal: vi.fn() });
    expect(f.fire('will-navigate', 'https://evil.example')).toHaveBeenCalled();
    expect(f.fire('will-redirect', 'https://evil.example')).toHaveBeenCalled();
    expect(f.fire('will-attach-webview')).toHaveBeenCalled();
  });

  it('never opens a new window; https links go to the system browser, others nowhere', () => {
    const f = fakeContents();
    const openExternal = vi.fn(async () => {});
    guardWebContents(f.contents, { openExternal });
    expect(f.open('https://help.mypurecloud.com/')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://help.mypurecloud.com/');
    for (const url of ['http://example.com', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url']) {
      expect(f.open(url)).toEqual({ action: 'deny' });
    }
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(isExternalLinkAllowed('smb://share')).toBe(false);
  });
});

describe('session guards', () => {
  it('denies permission requests and checks, and adds the CSP to every response', () => {
    let requestHandler: ((wc: unknown, perm: string, cb: (ok: boolean) => void) => void) | undefined;
    let checkHandler: (() => boolean) | undefined;
    let headersHandler:
      ((d: unknown, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void) | undefined;
    const session = {
      setPermissionRequestHandler: (h: typeof requestHandler) => (requestHandler = h),
      setPermissionCheckHandler: (h: typeof checkHandler) => (checkHandler = h),
      webRequest: { onHeadersReceived: (h: typeof headersHandler) => (headersHandler = h) },
    } as unknown as Session;
    guardSession(session);

    const answer = vi.fn();
    requestHandler?.({}, 'media', answer);
    requestHandler?.({}, 'notifications', answer);
    expect(answer.mock.calls).toEqual([[false], [false]]);
    expect(checkHandler?.()).toBe(false);

    const done = vi.fn();
    headersHandler?.({ responseHeaders: { 'X-Other': ['1'] } }, done);
    const headers = done.mock.calls[0]![0].responseHeaders;
    expect(headers['Content-Security-Policy']).toEqual([contentSecurityPolicy]);
    expect(headers['X-Other']).toEqual(['1']);
    expect(contentSecurityPolicy).toContain("default-src 'self'");
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).not.toMatch(/unsafe-(inline|eval)|https?:/);
  });
});
