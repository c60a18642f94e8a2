import { describe, expect, it } from 'vitest';
import { environmentFor, findRegion, genesysRegions } from './regions';

describe('Genesys Cloud regions', () => {
  it('lists Sydney, US East and US West with friendly names and both hosts', () => {
    expect(findRegion('mypurecloud.com.au')).toEqual({
      id: 'mypurecloud.com.au',
      name: 'Asia Pacific (Sydney)',
      apiBase: 'https://api.mypurecloud.com.au',
      loginBase: 'https://login.mypurecloud.com.au',
    });
    expect(findRegion('mypurecloud.com')?.name).toBe('Americas (US East)');
    expect(findRegion('usw2.pure.cloud')).toMatchObject({
      name: 'Americas (US West)',
      apiBase: 'https://api.usw2.pure.cloud',
    });
  });

  it('gives every region a friendly label, not an AWS code, and unique ids', () => {
    for (const region of genesysRegions) expect(region.name).not.toMatch(/^[a-z]{2}-[a-z]+-\d$/);
    expect(new Set(genesysRegions.map((r) => r.id)).size).toBe(genesysRegions.length);
  });

  it('maps a profile to its hosts', () => {
    expect(environmentFor({ region: 'mypurecloud.de' })).toEqual({
      apiBase: 'https://api.mypurecloud.de',
      loginBase: 'https://login.mypurecloud.de',
    });
    expect(environmentFor({ baseUrl: 'http://127.0.0.1:4010/' })).toEqual({
      apiBase: 'http://127.0.0.1:4010',
      loginBase: 'http://127.0.0.1:4010',
    });
  });

  it('refuses unknown regions, plain http off this computer, and empty profiles', () => {
    expect(() => environmentFor({ region: 'example.com' })).toThrow(/Unknown Genesys Cloud region/);
    expect(() => environmentFor({ baseUrl: 'http://genesys.example.com' })).toThrow(/must use https/);
    expect(() => environmentFor({})).toThrow(/neither a region nor a base URL/);
  });
});
