/** Opening the channel at preflight: its state as the client has it, a refusal's reason, and no long wait. */
import { describe, expect, it } from 'vitest';
import { GenesysError } from '../genesys/client/errors';
import { channelCheck } from './channel-check';

describe('channel check', () => {
  it('answers the state once the business unit topic is subscribed', async () => {
    let state: 'connecting' | 'open' = 'connecting';
    const operations = {
      watchBusinessUnit: () => {
        state = 'open';
        return Promise.resolve();
      },
    };
    expect(await channelCheck(operations, 'bu', () => state, 30_000)).toEqual({
      state: 'open',
      unheardRereadAfterMs: 30_000,
    });
  });

  it('says why when the channel cannot be created (a 403)', async () => {
    const refused = new GenesysError({
      kind: 'forbidden',
      status: 403,
      contextId: null,
      code: 'missing.permissions',
      method: 'POST',
      pathTemplate: '/api/v2/notifications/channels',
      isWrite: false,
      serverMessage: 'Missing permission',
    });
    const check = await channelCheck({ watchBusinessUnit: () => Promise.reject(refused) }, 'bu', () => 'closed', 3000);
    expect(check.state).toBe('closed');
    expect(check.error).toBe(refused.message);
  });

  it('does not hold preflight for a channel that does not come up: it is said as it is', async () => {
    const check = await channelCheck(
      { watchBusinessUnit: () => new Promise(() => {}) },
      'bu',
      () => 'connecting',
      3000,
      20,
    );
    expect(check).toEqual({ state: 'connecting', unheardRereadAfterMs: 3000 });
  });
});
