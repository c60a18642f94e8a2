/** "Ana Ruiz at Mon 06:02": who changed an agent under us, and when, on the unit's clock. Pure. */
import type { PublishChangeStamp } from '../../../shared/contract/publish';

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
