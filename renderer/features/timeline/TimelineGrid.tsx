import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Finding } from '../../../shared/analysis/types';
import { useOpsClient } from '../../ops-client-context';
import { useConsole } from '../../store/context';
import { AgentRow, cellId, nameColPx, UnitHeaderRow } from './AgentRow';
import { msAt, scaleFor, trackWidth, xOf, zoomStep } from './bar-geometry';
import { cullMoved, cullWindow } from './cull-window';
import type { FindingsIndex } from './findings-index';
import { coverageQuery, type TimelineFilters, type TimelineSubject } from './queries';
import { Legend } from './Legend';
import './grid-contain.css';
import { cellsOf, type RowCell } from './row-cells';
import { unitKey, type RowItem } from './roster-rows';
import { axisPx, TimeAxis } from './TimeAxis';
import { useAgentPages } from './use-agent-pages';
import { useGridKeys, type JumpRequest } from './use-grid-keys';
import { useVirtualizer } from './virtual';
import { agentChanged } from './week-diff';
import { hourMs, zoneChanges } from './zone-time';
import type { GridEdits } from '../edits/use-grid-edits';

const agentRowPx = 34;
const unitRowPx = 30;
const noFindings: Finding[] = [];
const noCells: RowCell[] = [];
/** A minute is fine enough for the "now" line; the screen is open all morning. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(t);
  }, []);
  return now;
}

/** Agents × the week: rows virtualized, bars only for what is on screen, one tab stop (WAI-ARIA grid). */
export function TimelineGrid(props: {
  subject: TimelineSubject;
  filters: TimelineFilters;
  rows: RowItem[];
  findings: FindingsIndex;
  zone: string;
  buZone: string;
  jump: JumpRequest | null;
  label: string;
  /** The week's published schedule as the subject, when "What agents see now" is on. */
  ghostSubject?: TimelineSubject | null;
  /** Every changed agent of the unit, when "Changed only" fetched them. */
  changedIds?: readonly string[] | null;
  /** Selection, direct edits and pending marks (stable callbacks; maps keep identity per agent). */
  edits?: GridEdits;
}) {
  const edits = props.edits;
  const { subject, rows, findings, zone } = props;
  const view = useConsole((s) => s.timeline);
  const setTimeline = useConsole((s) => s.setTimeline);
  const toggleUnit = useConsole((s) => s.toggleTimelineUnit);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState({ left: 0, width: 1000 });
  const nowMs = useNow();
  const client = useOpsClient();

  const scale = useMemo(
    () => scaleFor(subject.from, subject.to, box.width - nameColPx, view.spanHours),
    [subject.from, subject.to, box.width, view.spanHours],
  );
  const viewFrom = msAt(scale, box.left) - hourMs;
  const viewTo = msAt(scale, box.left + box.width - nameColPx) + hourMs;
  const [cullFrom, cullTo] = cullWindow(scale, box.left, box.width);

  // Stable per row list: a new getItemKey makes the virtualizer measure all 5,000 rows again, and a
  // scroll frame renders the grid, so that was 5,000 objects a frame.
  const estimateSize = useCallback((i: number) => (rows[i]?.kind === 'group' ? unitRowPx : agentRowPx), [rows]);
  const getItemKey = useCallback((i: number) => rows[i]?.key ?? i, [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    paddingStart: axisPx,
    scrollPaddingStart: axisPx,
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const pages = useAgentPages(subject, props.filters, rows, first, last);
  // The coverage strip waits for the first rows: on the services' one thread, its count over the whole
  // unit would otherwise delay the rows the supervisor is waiting for. Once asked, it stays.
  const [rowsShown, setRowsShown] = useState(false);
  useEffect(() => {
    if (!pages.loading) setRowsShown(true);
  }, [pages.loading]);
  const coverage = useQuery(coverageQuery(client, subject, rowsShown));
  // The published schedule's pages: the same rows, filters and paging, keyed by its own scheduleId.
  const ghostSubject = props.ghostSubject ?? null;
  const ghostPages = useAgentPages(ghostSubject, props.filters, rows, first, last);
  const changedSet = useMemo(() => (props.changedIds ? new Set(props.changedIds) : null), [props.changedIds]);
  const changedOf = (agentId: string): boolean | null => {
    if (changedSet) return changedSet.has(agentId);
    if (!ghostSubject) return null;
    const a = pages.agents.get(agentId);
    const g = ghostPages.agents.get(agentId);
    return a && g ? agentChanged(a, g) : null;
  };

  const cellsByRow = new Map<number, RowCell[]>();
  const findingsOf = (agentId: string): Finding[] => findings.byAgent.get(agentId) ?? noFindings;
  for (const it of items) {
    const r = rows[it.index];
    const a = r?.kind === 'agent' ? pages.agents.get(r.agentId) : undefined;
    if (r?.kind === 'agent' && a) cellsByRow.set(it.index, cellsOf(a, zone, findingsOf(r.agentId)));
  }

  // Keep the time in the middle of the screen when zooming or resizing; start the week at "now" or 06:00.
  const centreMs = useRef<number | null>(null);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const target =
      centreMs.current ?? (nowMs >= subject.from && nowMs < subject.to ? nowMs : subject.from + 8 * hourMs);
    el.scrollLeft = Math.max(0, xOf(scale, target) - (box.width - nameColPx) / 2);
    // Only a new scale moves the view; scrolling itself updates centreMs.
  }, [scale]);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const measure = () => setBox({ left: el.scrollLeft, width: el.clientWidth });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    // Ctrl+wheel zooms (a non-passive listener: React's onWheel cannot cancel the page zoom).
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey) return;
      e.preventDefault();
      centreMs.current = msAt(scale, el.scrollLeft + (el.clientWidth - nameColPx) / 2);
      setTimeline({ spanHours: zoomStep(view.spanHours, e.deltaY > 0 ? 1 : -1) });
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      ro.disconnect();
      el.removeEventListener('wheel', onWheel);
    };
  }, [scale, setTimeline, view.spanHours]);

  const keys = useGridKeys({
    rows,
    cellsByRow,
    findings,
    scale,
    virtualizer,
    scrollRef,
    jump: props.jump,
    centreMs,
    rangeMs: viewTo - viewFrom,
    onEdit: edits?.onEdit,
  });

  // Stable callbacks, so a memoized row re-renders only when its own data changes.
  const pickRef = useRef(keys.pick);
  pickRef.current = keys.pick;
  const pick = useCallback((row: number, col: number) => pickRef.current(row, col), []);
  const openDrawer = useCallback((agentId: string) => setTimeline({ drawerAgentId: agentId }), [setTimeline]);
  const toggleGroup = useCallback((mu: string | null) => toggleUnit(unitKey(mu)), [toggleUnit]);

  const changes = useMemo(() => {
    const buChanges = zoneChanges(subject.from, subject.to, props.buZone);
    return zone === props.buZone ? buChanges : [...buChanges, ...zoneChanges(subject.from, subject.to, zone)];
  }, [subject.from, subject.to, props.buZone, zone]);
  const height = virtualizer.getTotalSize();
  const codes = new Set<string>();
  for (const cells of cellsByRow.values())
    for (const c of cells) if (c.kind === 'shift') for (const a of c.shift.activities) codes.add(a.activityCodeId);
  const width = nameColPx + trackWidth(scale);
  // The same codes as the last frame keep the same list, so the (memoized) legend is not drawn again.
  const codesKey = [...codes].sort().join('\n');
  const codeList = useMemo(() => (codesKey ? codesKey.split('\n') : []), [codesKey]);

  return (
    <>
      <div
        ref={scrollRef}
        className="tl-scroll"
        onScroll={(e) => {
          const el = e.currentTarget;
          centreMs.current = msAt(scale, el.scrollLeft + (el.clientWidth - nameColPx) / 2);
          // Rows follow the culling window, which moves in steps: a horizontal scroll renders the grid
          // only when it crosses one (the axis follows every frame on its own, see TimeAxis).
          if (el.clientWidth !== box.width || cullMoved(scale, el.scrollLeft, box.width, [cullFrom, cullTo]))
            setBox({ left: el.scrollLeft, width: el.clientWidth });
        }}
      >
        <div
          role="grid"
          tabIndex={0}
          aria-label={props.label}
          aria-rowcount={rows.length + 1}
          aria-activedescendant={keys.activeRow !== null ? cellId(keys.activeRow, keys.activeCol) : undefined}
          aria-busy={pages.loading}
          className="tl-grid"
          style={{ width, height }}
          onKeyDown={keys.onKeyDown}
          data-testid="timeline-grid"
          ref={keys.gridRef}
        >
          <TimeAxis
            scale={scale}
            zone={zone}
            scrollRef={scrollRef}
            cullFrom={cullFrom}
            cullTo={cullTo}
            changes={changes}
            nowMs={nowMs}
            coverage={coverage.data ?? null}
          />
          {changes.map((c) => (
            <div
              key={c.ms}
              className="tl-dst-line"
              style={{ left: nameColPx + xOf(scale, c.ms), height }}
              aria-hidden="true"
            />
          ))}
          {nowMs >= subject.from && nowMs < subject.to && (
            <div className="tl-now-line" style={{ left: nameColPx + xOf(scale, nowMs), height }} aria-hidden="true" />
          )}
          {items.map((it) => {
            const r = rows[it.index]!;
            const focusCol = keys.activeRow === it.index ? keys.activeCol : null;
            if (r.kind === 'group')
              return (
                <UnitHeaderRow
                  key={it.key}
                  item={r}
                  row={it.index}
                  top={it.start}
                  height={it.size}
                  focusCol={focusCol}
                  onPick={pick}
                  onToggle={toggleGroup}
                  zoneFinding={r.managementUnitId ? (findings.byUnit.get(r.managementUnitId) ?? null) : null}
                  unitSelected={edits?.unitsSelected.has(unitKey(r.managementUnitId))}
                  onSelectUnit={edits?.onSelectUnit}
                />
              );
            return (
              <AgentRow
                key={it.key}
                item={r}
                row={it.index}
                top={it.start}
                height={it.size}
                focusCol={focusCol}
                onPick={pick}
                onOpen={openDrawer}
                agent={pages.agents.get(r.agentId)}
                cells={cellsByRow.get(it.index) ?? noCells}
                findings={findingsOf(r.agentId)}
                scale={scale}
                viewFrom={cullFrom}
                viewTo={cullTo}
                zone={zone}
                ghost={ghostSubject ? ghostPages.agents.get(r.agentId) : undefined}
                changed={changedOf(r.agentId)}
                selected={edits?.selected.has(r.agentId)}
                onSelect={edits?.onSelect}
                onEdit={edits?.onEdit}
                pending={edits?.pending.get(r.agentId)}
                previewMarks={edits?.preview?.agentId === r.agentId ? edits.preview.marks : undefined}
              />
            );
          })}
        </div>
        {pages.error && (
          <p className="error-text tl-page-error" role="alert">
            Some agents’ shifts could not be read: {pages.error.message}
          </p>
        )}
        {ghostPages.error && (
          <p className="error-text tl-page-error" role="alert">
            Some agents’ published shifts could not be read: {ghostPages.error.message}
          </p>
        )}
      </div>
      <Legend codes={codeList} compare={!!ghostSubject || !!changedSet} />
    </>
  );
}
