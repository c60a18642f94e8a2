import { describe, expect, it } from 'vitest';
import { activityKeys, activityPageSize, auditQueryOf } from './queries';

describe('Activity log queries', () => {
  it('asks for the page under the filters, leaving empty filters out so equal questions share a key', () => {
    expect(auditQueryOf({ outcome: 'failed', search: '', profileId: undefined }, 2)).toEqual({
      outcome: 'failed',
      limit: activityPageSize,
      offset: 2 * activityPageSize,
    });
    expect(activityKeys.page(auditQueryOf({ outcome: 'all', search: '' }, 0))).toEqual(
      activityKeys.page(auditQueryOf({ outcome: 'all' }, 0)),
    );
    expect(activityKeys.page(auditQueryOf({ outcome: 'all', search: 'token' }, 0))).not.toEqual(
      activityKeys.page(auditQueryOf({ outcome: 'all' }, 0)),
    );
  });
});
