/**
 * Supervisor sign-in end to end against the sandbox org: a scripted browser
 * stands in for the system browser (authorize, read the redirect, visit the
 * loopback callback), so every hop crosses a real HTTP wire.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPkceSignIn, SignInError, type PkceSignInOptions } from '../../main/genesys/auth/loopback-signin';
import { OAuthError } from '../../main/genesys/auth/oauth-error';
import { environmentFor } from '../../main/genesys/regions';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/server';

let approving: RunningSandbox; // autoApprove: the login host redirects straight back with a code
let asking: RunningSandbox; // shows the consent page, where the supervisor can deny

beforeAll(async () => {
  approving = await startSandbox({ agents: 40, weeks: 1, autoApprove: true });
  asking = await startSandbox({ agents: 40, weeks: 1, autoApprove: false });
});
afterAll(async () => {
  await approving?.close();
  await asking?.close();
});

const supervisorClientId = (s: RunningSandbox) =>
  [...s.runtime.org.clients.values()].find((c) => c.name === 'Publish Desk supervisor sign-in')!.clientId;

interface Visit {
  status: number;
  html: string;
}

/** A browser that follows the login host's redirect to our callback; `tamper` edits the callback first. */
function scriptedBrowser(opts: { tamper?: (callback: URL) => void; decision?: 'approve' | 'deny' } = {}) {
  let visited!: (v: Visit) => void;
  const visit = new Promise<Visit>((resolve) => (visited = resolve));
  const openBrowser = async (authorizeUrl: string) => {
    let answer = await fetch(authorizeUrl, { redirect: 'manual' });
    if (answer.status === 200 && opts.decision) {
      // The consent page: submit its form as a person would.
      const nonce = /name="nonce" value="([^"]+)"/.exec(await answer.text())![1]!;
      answer = await fetch(new URL('/oauth/authorize/decision', authorizeUrl), {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ nonce, decision: opts.decision }).toString(),
      });
    }
    expect(answer.status).toBe(302);
    const callback = new URL(answer.headers.get('location')!);
    opts.tamper?.(callback);
    const page = await fetch(callback);
    visited({ status: page.status, html: await page.text() });
  };
  return { openBrowser, visit };
}

function signIn(
  s: RunningSandbox,
  openBrowser: PkceSignInOptions['openBrowser'],
  extra: Partial<PkceSignInOptions> = {},
) {
  return startPkceSignIn({
    env: environmentFor({ baseUrl: s.baseUrl }),
    clientId: supervisorClientId(s),
    openBrowser,
    ...extra,
  });
}

/** After the sign-in ends nothing listens on the loopback port any more. */
async function expectClosed(redirectUri: string) {
  await expect(fetch(redirectUri)).rejects.toThrow();
}

describe('supervisor sign-in with the system browser', () => {
  it('signs in: the token acts as the supervisor and the browser says so', async () => {
    const browser = scriptedBrowser();
    const signin = await signIn(approving, browser.openBrowser);
    const url = new URL(signin.authorizeUrl);
    expect(url.pathname).toBe('/oauth/authorize');
    expect(url.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');

    const tokens = await signin.result;
    expect(tokens.grantType).toBe('authorization_code');
    const me = await fetch(`${approving.baseUrl}/api/v2/users/me`, {
      headers: { authorization: `Bearer ${tokens.accessToken}` },
    });
    expect(me.status).toBe(200);
    const page = await browser.visit;
    expect(page.status).toBe(200);
    expect(page.html).toContain("You're signed in to Publish Desk. You can close this tab.");
    await expectClosed(signin.redirectUri);
  });

  it('also works through the consent page when the supervisor approves', async () => {
    const browser = scriptedBrowser({ decision: 'approve' });
    const signin = await signIn(asking, browser.openBrowser);
    await expect(signin.result).resolves.toMatchObject({ grantType: 'authorization_code' });
  });

  it('ignores an answer whose state was tampered with, and says to start again', async () => {
    const browser = scriptedBrowser({ tamper: (cb) => cb.searchParams.set('state', 'forged') });
    const signin = await signIn(approving, browser.openBrowser);
    const err = await signin.result.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SignInError);
    expect(err).toMatchObject({ kind: 'state-mismatch' });
    expect((err as Error).message).toMatch(/state does not match.*Start the sign-in again/);
    const page = await browser.visit;
    expect(page.status).toBe(400);
    expect(page.html).toContain('Sign-in to Publish Desk did not finish');
    await expectClosed(signin.redirectUri);
  });

  it('reports a denied consent (error=access_denied) in the app and in the browser', async () => {
    const browser = scriptedBrowser({ decision: 'deny' });
    const signin = await signIn(asking, browser.openBrowser);
    const err = await signin.result.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OAuthError);
    expect(err).toMatchObject({ error: 'access_denied' });
    expect((err as Error).message).toMatch(/declined in the browser.*choose Approve/);
    expect((await browser.visit).html).toContain('choose Approve');
    await expectClosed(signin.redirectUri);
  });

  it('gives up after the timeout with a clear message', async () => {
    const signin = await signIn(approving, async () => undefined, { timeoutMs: 150 });
    await expect(signin.result).rejects.toMatchObject({
      kind: 'timeout',
      message: expect.stringMatching(/not finished within 1 second/),
    });
    await expectClosed(signin.redirectUri);
  });

  it('stops on cancel and on an aborted signal, closing the loopback server', async () => {
    const signin = await signIn(approving, async () => undefined);
    const outcome = expect(signin.result).rejects.toMatchObject({ kind: 'cancelled' });
    signin.cancel();
    await outcome;
    await expectClosed(signin.redirectUri);

    const controller = new AbortController();
    const aborted = await signIn(approving, async () => undefined, { signal: controller.signal });
    controller.abort();
    await expect(aborted.result).rejects.toBeInstanceOf(SignInError);
    await expectClosed(aborted.redirectUri);
  });

  it('fails clearly when the browser cannot be opened', async () => {
    const signin = await signIn(approving, async () => {
      throw new Error('no default browser');
    });
    await expect(signin.result).rejects.toMatchObject({
      kind: 'browser',
      message: expect.stringMatching(/could not open your web browser \(no default browser\)/),
    });
  });
});
