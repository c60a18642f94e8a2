/**
 * The retry the forum threads in /work/shared/user-reports describe, as the
 * publish bench's baseline: upload URL → PUT gzipped → update, and on any
 * refusal the same payload again (the same stale `metadata.version`) after a
 * fixed delay, up to ten attempts. No re-read, no rebase, no Retry-After.
 * Plain fetch against the sandbox, so nothing of the app's client helps it.
 */
import { gzipSync } from 'node:zlib';

export interface NaiveTarget {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  businessUnitId: string;
  weekId: string;
  scheduleId: string;
}

export interface NaiveAttempt {
  attempt: number;
  /** The status that ended the attempt (the update's, or the call before it that was refused). */
  status: number;
  /** Which call ended it. */
  call: 'uploadurl' | 'put' | 'update';
  message: string;
}

export interface NaiveRun {
  attempts: NaiveAttempt[];
  /** The update was accepted (what such a script takes for success). */
  accepted: boolean;
  requests: number;
  ms: number;
}

export async function naivePublish(
  target: NaiveTarget,
  /** The update upload as JSON: the same bytes on every attempt. */
  payload: Buffer,
  options: { delayMs: number; maxAttempts: number },
): Promise<NaiveRun> {
  const started = performance.now();
  let requests = 0;
  const call = async (url: string, init: RequestInit) => {
    requests += 1;
    const res = await fetch(url, init);
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
  const basic = Buffer.from(`${target.clientId}:${target.clientSecret}`).toString('base64');
  const token = await call(`${target.baseUrl}/oauth/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  const bearer = { authorization: `Bearer ${String(token.body.access_token)}`, 'content-type': 'application/json' };
  const schedule =
    `${target.baseUrl}/api/v2/workforcemanagement/businessunits/${target.businessUnitId}` +
    `/weeks/${target.weekId}/schedules/${target.scheduleId}`;
  const gz = gzipSync(payload);
  const attempts: NaiveAttempt[] = [];
  const message = (body: Record<string, unknown>) => String(body.message ?? '');
  for (let attempt = 1; attempt <= options.maxAttempts; attempt++) {
    if (attempt > 1) await new Promise((r) => setTimeout(r, options.delayMs));
    const url = await call(`${schedule}/update/uploadurl`, {
      method: 'POST',
      headers: bearer,
      body: JSON.stringify({ contentLengthBytes: gz.length }),
    });
    if (url.status >= 300) {
      attempts.push({ attempt, status: url.status, call: 'uploadurl', message: message(url.body) });
      continue;
    }
    requests += 1;
    const put = await fetch(String(url.body.url), {
      method: 'PUT',
      headers: url.body.headers as Record<string, string>,
      body: gz,
    });
    await put.arrayBuffer();
    if (put.status >= 300) {
      attempts.push({ attempt, status: put.status, call: 'put', message: '' });
      continue;
    }
    const update = await call(`${schedule}/update`, {
      method: 'POST',
      headers: bearer,
      body: JSON.stringify({ uploadKey: url.body.uploadKey }),
    });
    attempts.push({ attempt, status: update.status, call: 'update', message: message(update.body) });
    if (update.status < 300) return { attempts, accepted: true, requests, ms: performance.now() - started };
  }
  return { attempts, accepted: false, requests, ms: performance.now() - started };
}
