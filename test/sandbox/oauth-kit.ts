/** What the sandbox login host's tests share: form posts, the code exchange, and a GET with a token. */
import type { RunningSandbox } from '../../main/sandbox/server';

export const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
export const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };

export async function exchange(s: RunningSandbox, fields: Record<string, string>) {
  const res = await fetch(`${s.baseUrl}/oauth/token`, {
    method: 'POST',
    headers: formHeaders,
    body: form({ grant_type: 'authorization_code', ...fields }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export async function get(s: RunningSandbox, path: string, token?: string) {
  const res = await fetch(`${s.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
