/**
 * What the Schedules screen shows, from what the supervisor picked (zustand) and what main has.
 * Nothing picked, or a pick that no longer exists (a removed connection, a unit not in this
 * connection's mirror), falls back to the first one. Derived on every render rather than written
 * back after a load, so no answer arriving late can pick for the supervisor.
 */
import type { ConnectionStatus } from '../../../shared/connections';
import type { SchedulesOverview } from '../../../shared/mirror';
import type { OpenWeek } from '../../store/schedules-selection-slice';

export function shownProfile(picked: string | null, connections: ConnectionStatus[] | undefined): string | null {
  if (!connections) return null;
  return connections.some((c) => c.id === picked) ? picked : (connections[0]?.id ?? null);
}

export function shownBusinessUnit(picked: string | null, overview: SchedulesOverview | undefined): string | null {
  if (!overview) return null;
  return overview.businessUnits.some((b) => b.id === picked) ? picked : (overview.businessUnits[0]?.id ?? null);
}

/** The open week's findings belong to one unit: under any other they are closed. */
export function shownWeek(
  open: OpenWeek | null,
  profileId: string | null,
  businessUnitId: string | null,
): string | null {
  return open && open.profileId === profileId && open.businessUnitId === businessUnitId ? open.week : null;
}
