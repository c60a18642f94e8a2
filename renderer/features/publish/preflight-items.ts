/**
 * Preflight in words: each item's level as an icon and a word (never the colour alone), its title, and
 * the way to fix it the screen offers. Pure: the screen maps each fix to a button.
 */
import type { PreflightItem } from '../../../shared/contract/publish';

export type PreflightFix =
  /** Re-sync the unit, so the mirror matches the server's version (the changed agents come with it). */
  | 'resync'
  /** Open the findings on the timeline (the draft, changed agents only). */
  | 'openFindings'
  /** The script-session policy: hold those agents back, or publish anyway. */
  | 'scriptPolicy'
  /** A conflict is decided below (theirs / mine / merge). */
  | 'decideConflicts'
  /** Nothing to do but wait (the budget refills by itself). */
  | 'none';

export const levelLook: Record<
  PreflightItem['level'],
  { icon: string; word: string; tone: 'ok' | 'caution' | 'danger' }
> = {
  green: { icon: '✓', word: 'Ready', tone: 'ok' },
  amber: { icon: '!', word: 'Check', tone: 'caution' },
  red: { icon: '✕', word: 'Blocks', tone: 'danger' },
};

const titles: Record<PreflightItem['item'], string> = {
  freshness: 'Mirror is current',
  findings: 'Findings',
  scriptSessions: 'Script sessions',
  conflicts: 'Conflicts',
  budget: 'Request budget',
  notificationChannel: 'Notification channel',
};

export const preflightTitle = (item: PreflightItem['item']): string => titles[item];

/** The fix offered for an item; a green item needs none. */
export function preflightFix(item: PreflightItem): PreflightFix {
  if (item.level === 'green') return 'none';
  switch (item.item) {
    case 'freshness':
      return 'resync';
    case 'findings':
      return 'openFindings';
    case 'conflicts':
      return 'decideConflicts';
    case 'scriptSessions':
      return 'scriptPolicy';
    case 'budget':
      return 'none';
    // The publish goes on without it: an operation whose end is not heard is re-read.
    case 'notificationChannel':
      return 'none';
  }
}

/** Preflight items in a fixed order, blockers first, so the eye lands on what stops the publish. */
export function orderPreflight(items: readonly PreflightItem[]): PreflightItem[] {
  const level = { red: 0, amber: 1, green: 2 } as const;
  const order = Object.keys(titles);
  return [...items].sort((a, b) => level[a.level] - level[b.level] || order.indexOf(a.item) - order.indexOf(b.item));
}

/** Whether anything red is left: the Confirm button waits for these. */
export const hasBlockers = (items: readonly PreflightItem[]): boolean => items.some((i) => i.level === 'red');
