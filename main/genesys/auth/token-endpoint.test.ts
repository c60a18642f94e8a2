/** A login host that takes the connection and never answers: the token request gives up with words. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OAuthError } from './oauth-error';
import { requestToken } from './token-endpoint';

let server: Server;
let loginBase: string;
beforeAll(async () => {
  // Reads the request and holds it open: what a stuck proxy or an overloaded login host does.
  server = createServer((req) => req.resume());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  loginBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('the token request against a login host that never answers', () => {
  it('ends with a network error that says it timed out, instead of waiting forever', async () => {
    const err = await requestToken({
      env: { apiBase: 'http://127.0.0.1:1', loginBase },
      grant: 'client_credentials',
      form: { grant_type: 'client_credentials' },
      secrets: [],
      timeoutMs: 150,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OAuthError);
    expect(err).toMatchObject({ error: 'network_error', status: null });
    expect((err as OAuthError).message).toMatch(/no answer within 150 ms/);
    expect((err as OAuthError).message).toMatch(/Check the network connection/);
  }, 10_000);
});
