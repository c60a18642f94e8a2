/**
 * The grid's rows: agents grouped by management unit, each group behind a header with its count.
 * Built from the roster (every matching agent's id, name and MU, no shifts), so the grid knows its
 * full height, each agent's row and each row's page before any shifts arrive. Pure.
 */
import type { TimelineAgent } from '../../../shared/timeline';

export type RosterAgent = Pick<TimelineAgent, 'id' | 'name' | 'managementUnitId'>;

export type RowItem =
  | { kind: 'group'; key: string; managementUnitId: string | null; count: number; collapsed: boolean }
  | {
      kind: 'agent';
      key: string;
      managementUnitId: string | null;
      agentId: string;
      name: string;
      /** Position within the MU in the mirror's order (name, id): the window query's offset. */
      indexInUnit: number;
    };

/** Agents per page of `timeline.window`, and the units' keys: shared with main, which answers the top pages. */
export { timelinePageSize as pageSize, unitKey } from '../../../shared/timeline-pages';
import { timelinePageSize as pageSize, unitKey } from '../../../shared/timeline-pages';

/**
 * One linear pass: groups in order of first appearance would follow the alphabet of their first
 * agent, which means nothing; units are ordered by id (stable across syncs), agents keep roster order.
 */
export function layoutRows(roster: readonly RosterAgent[], collapsed: ReadonlySet<string>): RowItem[] {
  const byUnit = new Map<string, RosterAgent[]>();
  for (const a of roster) {
    const k = unitKey(a.managementUnitId);
    const list = byUnit.get(k);
    if (list) list.push(a);
    else byUnit.set(k, [a]);
  }
  const rows: RowItem[] = [];
  for (const k of [...byUnit.keys()].sort()) {
    const agents = byUnit.get(k)!;
    const mu = agents[0]!.managementUnitId;
    const isCollapsed = collapsed.has(k);
    rows.push({ kind: 'group', key: `g:${k}`, managementUnitId: mu, count: agents.length, collapsed: isCollapsed });
    if (isCollapsed) continue;
    agents.forEach((a, i) =>
      rows.push({ kind: 'agent', key: a.id, managementUnitId: mu, agentId: a.id, name: a.name, indexInUnit: i }),
    );
  }
  return rows;
}

export interface PageRef {
  managementUnitId: string | null;
  page: number;
}

export const pageOfRow = (row: Extract<RowItem, { kind: 'agent' }>): PageRef => ({
  managementUnitId: row.managementUnitId,
  page: Math.floor(row.indexInUnit / pageSize),
});

const pageKey = (p: PageRef): string => `${unitKey(p.managementUnitId)}#${p.page}`;

/**
 * The pages rows [first, last] show, and those to prefetch: the next two pages of rows below (a fast
 * scroll crosses a 100-agent page in about half a second, less than a page read takes on a busy
 * machine) and the one just above (scrolling back up). A scroll frame asks this, so it steps from page
 * to page (a page's rows are consecutive within their unit) instead of visiting its 250 rows.
 */
export function pagesFor(
  rows: readonly RowItem[],
  first: number,
  last: number,
): { shown: PageRef[]; ahead: PageRef[] } {
  const shown = new Map<string, PageRef>();
  const ahead = new Map<string, PageRef>();
  const visit = (into: Map<string, PageRef>, from: number, to: number) => {
    for (let i = from; i <= to;) {
      const r = rows[i]!;
      if (r.kind !== 'agent') {
        i++;
        continue;
      }
      const p = pageOfRow(r);
      const k = pageKey(p);
      if (!shown.has(k)) into.set(k, p);
      // The page's last row, if the unit runs that far; else the unit ended inside the page, and the
      // rows after it (the next unit's header) are walked one by one.
      const end = i + pageSize - 1 - (r.indexInUnit % pageSize);
      const there = rows[end];
      if (there?.kind === 'agent' && there.managementUnitId === r.managementUnitId) i = end + 1;
      else i++;
    }
  };
  visit(shown, Math.max(0, first), Math.min(last, rows.length - 1));
  visit(ahead, last + 1, Math.min(rows.length, last + 1 + 2 * pageSize) - 1);
  // Above: from the nearest row up, as the rows were walked before (the nearest page first).
  for (let i = first - 1; i >= Math.max(0, first - pageSize / 2);) {
    const r = rows[i]!;
    if (r.kind !== 'agent') {
      i--;
      continue;
    }
    const p = pageOfRow(r);
    const k = pageKey(p);
    if (!shown.has(k)) ahead.set(k, p);
    i -= (r.indexInUnit % pageSize) + 1;
  }
  return { shown: [...shown.values()], ahead: [...ahead.values()] };
}

/** A stable name for a set of pages, e.g. to keep an answer while the pages it names stay the same. */
export const pagesKey = (pages: readonly PageRef[]): string => pages.map(pageKey).join(',');

/** The row of an agent, or -1 when filtered out or in a collapsed unit. */
export const rowOfAgent = (rows: readonly RowItem[], agentId: string): number =>
  rows.findIndex((r) => r.kind === 'agent' && r.agentId === agentId);
