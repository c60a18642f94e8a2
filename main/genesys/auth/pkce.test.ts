import { describe, expect, it } from 'vitest';
import { buildAuthorizeUrl, createPkcePair, createSignInState, s256Challenge } from './pkce';

describe('PKCE (RFC 7636)', () => {
  it('computes the S256 challenge of the RFC 7636 appendix B example', () => {
    expect(s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('makes a fresh 43-character verifier and state every time', () => {
    const a = createPkcePair();
    const b = createPkcePair();
    expect(a.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.challenge).toBe(s256Challenge(a.verifier));
    expect(a.verifier).not.toBe(b.verifier);
    expect(createSignInState()).not.toBe(createSignInState());
  });

  it('builds the authorize URL on the login host with every parameter', () => {
    const url = new URL(
      buildAuthorizeUrl({
        env: { apiBase: 'https://api.mypurecloud.com.au', loginBase: 'https://login.mypurecloud.com.au' },
        clientId: 'client-1',
        redirectUri: 'http://127.0.0.1:5555/callback',
        challenge: 'c'.repeat(43),
        state: 's-1',
      }),
    );
    expect(url.origin + url.pathname).toBe('https://login.mypurecloud.com.au/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'client-1',
      redirect_uri: 'http://127.0.0.1:5555/callback',
      code_challenge: 'c'.repeat(43),
      code_challenge_method: 'S256',
      state: 's-1',
    });
  });
});
