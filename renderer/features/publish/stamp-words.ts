/** "Ana Ruiz at Mon 06:02": who changed an agent under us, and when, on the unit's clock. Pure. */
import type { PublishChangeStamp, PublishConflictView } from '../../../shared/contract/publish';

export function stampWords(stamp: PublishChangeStamp, zone: string): string {
  const ms = Date.parse(stamp.modifiedAt);
  if (!Number.isFinite(ms)) return stamp.modifiedBy;
  const when = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(ms);
  return `${stamp.modifiedBy} at ${when}`;
}

/** What both sides changed, in words (the engine's summary writes raw ISO instants; the clock here is the unit's). */
export function contestedWords(c: Pick<PublishConflictView, 'contestedShiftIds' | 'contestedDates' | 'mergeOffered'>) {
  const parts = [
    c.contestedShiftIds.length
      ? `${c.contestedShiftIds.length} shift${c.contestedShiftIds.length === 1 ? '' : 's'}`
      : '',
    c.contestedDates.length ? `${c.contestedDates.length} day${c.contestedDates.length === 1 ? '' : 's'} off` : '',
  ].filter(Boolean);
  const both = parts.length
    ? `Both of you changed ${parts.join(' and ')}.`
    : 'Their changes and yours touch the same week.';
  return `${both} ${c.mergeOffered ? 'Merge keeps both, yours winning where both changed.' : 'Merge is not possible: the shifts would overlap.'}`;
}
