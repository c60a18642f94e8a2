import { describe, expect, it } from 'vitest';
import type { PreflightItem } from '../../../shared/contract/publish';
import { hasBlockers, levelLook, orderPreflight, preflightFix } from './preflight-items';

const item = (i: PreflightItem['item'], level: PreflightItem['level']): PreflightItem => ({
  item: i,
  level,
  reason: '',
});

describe('preflight items', () => {
  it('offers the fix each item needs, and none for a green one', () => {
    expect(preflightFix(item('freshness', 'amber'))).toBe('resync');
    expect(preflightFix(item('freshness', 'green'))).toBe('none');
    expect(preflightFix(item('findings', 'red'))).toBe('openFindings');
    expect(preflightFix(item('conflicts', 'red'))).toBe('decideConflicts');
    expect(preflightFix(item('budget', 'amber'))).toBe('none');
    // Nothing to click: the publish goes on without the channel (the reason says so).
    expect(preflightFix(item('notificationChannel', 'amber'))).toBe('none');
    expect(preflightFix(item('scriptSessions', 'amber'))).toBe('scriptPolicy');
    expect(preflightFix(item('scriptSessions', 'green'))).toBe('none');
  });

  it('orders blockers first, then warnings, in a fixed order within a level', () => {
    const ordered = orderPreflight([
      item('budget', 'green'),
      item('scriptSessions', 'amber'),
      item('freshness', 'green'),
      item('findings', 'red'),
      item('notificationChannel', 'amber'),
    ]);
    expect(ordered.map((i) => i.item)).toEqual([
      'findings',
      'scriptSessions',
      'notificationChannel',
      'freshness',
      'budget',
    ]);
  });

  it('never carries a level by colour alone: each has its own icon and word', () => {
    const looks = Object.values(levelLook);
    expect(new Set(looks.map((l) => l.icon)).size).toBe(3);
    expect(new Set(looks.map((l) => l.word)).size).toBe(3);
  });

  it('blocks confirmation while anything is red', () => {
    expect(hasBlockers([item('budget', 'amber'), item('freshness', 'green')])).toBe(false);
    expect(hasBlockers([item('budget', 'amber'), item('findings', 'red')])).toBe(true);
  });
});
