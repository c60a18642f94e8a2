/**
 * The login host's pages: the consent page a supervisor sees in the system
 * browser, and the error page shown when the request cannot be redirected
 * back (unknown client, bad redirect URI). Every interpolated value is escaped.
 */
import type { RouteResult } from '../http/route';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// The login host must never be framed (clickjacking) nor cached (the nonce is one-time).
// No CSP `form-action`: browsers apply it to the 302 back to the app's loopback port too.
const pageHeaders = {
  'cache-control': 'no-store',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
};

const style = `body{font:15px system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1d2433}
h1{font-size:1.25rem}button{font:inherit;padding:.5rem 1.25rem;margin-right:.75rem;border-radius:4px;border:1px solid #8a94a6;background:#fff}
button[value=approve]{background:#1f5fc4;border-color:#1f5fc4;color:#fff}.muted{color:#5b6578;font-size:.875rem}`;

function page(status: number, title: string, inner: string): RouteResult {
  const raw = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>${style}</style></head><body>${inner}</body></html>`;
  return { status, raw, contentType: 'text/html; charset=utf-8', headers: pageHeaders };
}

export function consentPage(args: {
  clientName: string;
  userName: string;
  orgName: string;
  nonce: string;
}): RouteResult {
  const { clientName, userName, orgName, nonce } = args;
  return page(
    200,
    'Sign in to Genesys Cloud',
    `<h1>${escapeHtml(clientName)} wants to act as ${escapeHtml(userName)} in ${escapeHtml(orgName)}</h1>
<p>It will read and publish schedules with your permissions until its sign-in expires.</p>
<form method="post" action="/oauth/authorize/decision">
<input type="hidden" name="nonce" value="${escapeHtml(nonce)}">
<button type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form><p class="muted">You can close this tab after answering; the app continues on its own.</p>`,
  );
}

export function loginErrorPage(status: number, message: string): RouteResult {
  return page(status, 'Sign-in problem', `<h1>Sign-in problem</h1><p>${escapeHtml(message)}</p>`);
}
