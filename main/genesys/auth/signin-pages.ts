/**
 * The pages the system browser shows at the end of a supervisor sign-in.
 * The browser tab is all the user sees at that moment, so failures say what
 * to do next. Every interpolated value is escaped.
 */

export interface SignInPage {
  status: number;
  html: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const style = `body{font:15px system-ui,sans-serif;max-width:34rem;margin:4rem auto;padding:0 1rem;color:#1d2433}
h1{font-size:1.25rem}.muted{color:#5b6578;font-size:.875rem}`;

function page(status: number, title: string, inner: string): SignInPage {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>${style}</style></head><body>${inner}</body></html>`;
  return { status, html };
}

export const signedInPage = (): SignInPage =>
  page(
    200,
    'Signed in – Publish Desk',
    `<h1>You're signed in to Publish Desk. You can close this tab.</h1>
<p class="muted">Publish Desk continues on its own.</p>`,
  );

/** `problem` is the full sentence of the error (what happened and what to do). */
export const signInFailedPage = (problem: string, status = 400): SignInPage =>
  page(
    status,
    'Sign-in did not finish – Publish Desk',
    `<h1>Sign-in to Publish Desk did not finish</h1>
<p>${escapeHtml(problem)}</p>
<p class="muted">Close this tab and start the sign-in again from Publish Desk.</p>`,
  );

export const notFoundPage = (): SignInPage => page(404, 'Not found', '<h1>Not found</h1>');
