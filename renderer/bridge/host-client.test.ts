import { describe, expect, it } from 'vitest';
import { createHostClient } from './host-client';

function clientAnswering(respond: () => Promise<Response>) {
  const seen: Array<{ url: string; init: RequestInit | undefined }> = [];
  const client = createHostClient({
    origin: 'http://127.0.0.1:5000',
    token: 'tok',
    fetchImpl: async (url, init) => {
      seen.push({ url: String(url), init });
      return respond();
    },
  });
  return { client, seen };
}

describe('host client', () => {
  it('posts the call with the launch token header', async () => {
    const { client, seen } = clientAnswering(async () => Response.json({ ok: true, result: { version: '1' } }));
    await expect(client.call('app.info', {})).resolves.toEqual({ version: '1' });
    expect(seen[0]!.url).toBe('http://127.0.0.1:5000/ops/call');
    expect((seen[0]!.init!.headers as Record<string, string>)['x-publish-desk-token']).toBe('tok');
    expect(JSON.parse(String(seen[0]!.init!.body))).toEqual({ method: 'app.info', args: {} });
  });

  it('explains a refused page, an unreachable host and a garbled answer', async () => {
    await expect(
      clientAnswering(async () => new Response('no', { status: 403 })).client.call('app.info', {}),
    ).rejects.toMatchObject({
      code: 'forbidden',
      message: 'This page is no longer authorised. Open the new link printed by `npm start`.',
    });
    await expect(
      clientAnswering(async () => Promise.reject(new TypeError('fetch failed'))).client.call('app.info', {}),
    ).rejects.toMatchObject({
      code: 'transport',
    });
    await expect(
      clientAnswering(async () => new Response('<html>', { status: 200 })).client.call('app.info', {}),
    ).rejects.toMatchObject({
      code: 'transport',
    });
  });
});
