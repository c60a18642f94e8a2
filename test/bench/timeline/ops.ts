/** The bench's side of the host: a deadline for any await, the contract over HTTP, and the shapes it reads. */

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e: unknown) => (clearTimeout(t), reject(e)),
    );
  });
}

export function opsCaller(host: { origin: string; token: string }) {
  return async <T>(method: string, args: unknown): Promise<T> => {
    const res = await withTimeout(
      fetch(`${host.origin}/ops/call`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: host.origin, 'x-publish-desk-token': host.token },
        body: JSON.stringify({ method, args }),
      }),
      120_000,
      method,
    );
    const outcome = (await res.json()) as { ok: boolean; result?: T; error?: { message: string } };
    if (!outcome.ok) throw new Error(`${method}: ${outcome.error?.message}`);
    return outcome.result as T;
  };
}

export interface Shift {
  key: number;
  startMs: number;
  endMs: number;
}
export interface Agent {
  id: string;
  name: string;
  shifts: Shift[];
}
