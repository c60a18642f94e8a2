/**
 * How the timeline pages its rows, shared by the renderer (which asks for pages as rows scroll in) and
 * main (which answers the top of the grid together with the roster, so the first paint needs one call).
 * Rows are grouped by management unit, units in order of their key (ids are stable across syncs), each
 * behind a header row; an agent's page is its position within its unit divided by the page size. Pure.
 */

/** Agents per page of `timeline.window`. */
export const timelinePageSize = 100;

/** A unit's key in the row layout: agents without a unit group last under '(none)'. */
export const unitKey = (managementUnitId: string | null): string => managementUnitId ?? '(none)';

export interface TopPage {
  managementUnitId: string;
  page: number;
}

/**
 * The pages the first `rowCount` rows of the layout show (headers count as rows; collapsed units show only
 * their header). Agents without a unit are asked for by id, so their pages are left to the renderer.
 */
export function topPagesOf(
  roster: ReadonlyArray<{ managementUnitId: string | null }>,
  collapsedUnits: ReadonlySet<string>,
  rowCount: number,
): TopPage[] {
  const counts = new Map<string, { managementUnitId: string | null; count: number }>();
  for (const a of roster) {
    const k = unitKey(a.managementUnitId);
    const c = counts.get(k);
    if (c) c.count++;
    else counts.set(k, { managementUnitId: a.managementUnitId, count: 1 });
  }
  const pages: TopPage[] = [];
  let row = 0;
  for (const k of [...counts.keys()].sort()) {
    if (row >= rowCount) break;
    const { managementUnitId, count } = counts.get(k)!;
    row += 1; // the unit's header
    if (collapsedUnits.has(k)) continue;
    const shown = Math.min(count, rowCount - row);
    if (managementUnitId !== null)
      for (let p = 0; p * timelinePageSize < shown; p++) pages.push({ managementUnitId, page: p });
    row += count;
  }
  return pages;
}
