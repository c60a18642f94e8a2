/**
 * The zone a business unit's weeks are drawn in. The mirror lists a unit before its settings are read
 * (its zone is '' until then), and Genesys may name a zone this computer's time-zone data does not know:
 * neither may become a week whose span is NaN, which the services refuse (JSON makes NaN null) and
 * which left the Timeline on "could not be read" when the weeks answered before the overview did.
 */
import { IANAZone } from 'luxon';
import { weekSpan } from './zone-time';

export interface BuZone {
  /** The zone to draw in: the unit's own, or UTC while it is unknown. */
  zone: string;
  /** The unit's settings are not read yet: wait for them rather than draw its week in UTC for a moment. */
  pending: boolean;
  /** The zone Genesys named that this computer cannot read, to say so (times are then in UTC). */
  unknown: string | null;
}

export function buZoneOf(timeZone: string | null | undefined): BuZone {
  if (timeZone === undefined || timeZone === null) return { zone: 'UTC', pending: false, unknown: null };
  if (timeZone === '') return { zone: 'UTC', pending: true, unknown: null };
  if (!IANAZone.isValidZone(timeZone)) return { zone: 'UTC', pending: false, unknown: timeZone };
  return { zone: timeZone, pending: false, unknown: null };
}

/**
 * The week's span to ask the mirror for, or null while there is none to ask: no week, the unit's zone
 * not read yet, or a span that is not two finite instants (which JSON would carry as null).
 */
export function drawnWeekSpan(
  week: string | null,
  timeZone: string | null | undefined,
): { from: number; to: number } | null {
  const z = buZoneOf(timeZone);
  if (!week || z.pending) return null;
  const span = weekSpan(week, z.zone);
  return Number.isFinite(span.from) && Number.isFinite(span.to) ? span : null;
}
