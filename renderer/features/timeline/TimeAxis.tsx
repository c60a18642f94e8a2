import { useEffect, useMemo, useState, type RefObject } from 'react';
import { msAt, xOf, type TrackScale } from './bar-geometry';
import { nameColPx } from './AgentRow';
import { CoverageStrip, coveragePx } from './CoverageStrip';
import type { TimelineCoverage } from '../../../shared/coverage/types';
import { axisEdge, nowLabelSide } from './axis-edge';
import { axisTicks, clockLabel, tickStepHours, zoneAbbrev, zoneCaption, type ZoneChange } from './zone-time';

/** The hour labels' band; the coverage strip sits under it inside the sticky axis. */
const ticksPx = 46;
export const axisPx = ticksPx + coveragePx;

/**
 * The sticky time axis: day names on local midnights, hour labels in the chosen zone, the zone named
 * in the corner, and labels for DST changes and "now" (their lines cross every row, see TimelineGrid).
 */
export function TimeAxis({
  scale,
  zone,
  scrollRef,
  cullFrom,
  cullTo,
  changes,
  nowMs,
  coverage,
}: {
  coverage: TimelineCoverage | null;
  scale: TrackScale;
  zone: string;
  /** The grid's scroller: the axis follows its every horizontal frame itself (the rows follow in steps). */
  scrollRef: RefObject<HTMLDivElement | null>;
  /** The rows' culling window (moves in steps): the coverage strip draws its cells, so it re-renders per step, not per frame. */
  cullFrom: number;
  cullTo: number;
  changes: ZoneChange[];
  nowMs: number;
}) {
  const { viewFrom, viewTo } = useViewSpan(scrollRef, scale);
  const step = tickStepHours(scale.pxPerMs * 3_600_000);
  const margin = 6 * 3_600_000;
  // The view's left edge (viewFrom has an hour of margin): what is drawn there, see axis-edge.ts.
  const edgeMs = viewFrom + 3_600_000;
  // The week's ticks change with the zoom and the zone only; a scroll frame renders the axis.
  const weekTicks = useMemo(() => axisTicks(scale.from, scale.to, zone, step), [scale.from, scale.to, zone, step]);
  const { ticks, edgeDay } = axisEdge(weekTicks, { edgeMs, toMs: viewTo + margin }, scale, zone);
  return (
    <div role="row" aria-rowindex={1} className="tl-axis" style={{ height: axisPx }}>
      <div role="columnheader" className="tl-axis-corner" data-testid="axis-zone">
        Agent · times in {zoneCaption(scale.from, scale.to, zone)}
      </div>
      <div
        role="columnheader"
        className="tl-axis-track"
        aria-label={`Week in ${zoneCaption(scale.from, scale.to, zone)}`}
      >
        {edgeDay && (
          <div className="tl-day tl-day-edge" style={{ left: nameColPx + xOf(scale, edgeMs) + 4 }}>
            {edgeDay}
          </div>
        )}
        {ticks.map((t) => (
          <div
            key={t.ms}
            className={t.day ? 'tl-tick tl-tick-day' : 'tl-tick'}
            style={{ left: nameColPx + xOf(scale, t.ms) }}
          >
            {t.day && <span className="tl-day">{t.day}</span>}
            <span className="tl-hour" data-testid="axis-label">
              {t.label}
            </span>
          </div>
        ))}
        {changes.map((c) => (
          <div
            key={c.ms}
            className="tl-dst-label"
            style={{ left: nameColPx + xOf(scale, c.ms) }}
            data-testid="dst-label"
          >
            ◆ {c.label}
          </div>
        ))}
        {nowMs >= scale.from && nowMs < scale.to && (
          <div
            className={
              nowLabelSide(ticks, { edgeMs }, nowMs, scale, edgeDay) === 'left'
                ? 'tl-now-label tl-now-label-left'
                : 'tl-now-label'
            }
            style={{ left: nameColPx + xOf(scale, nowMs) }}
            data-testid="now-label"
          >
            Now {clockLabel(nowMs, zone)} {zoneAbbrev(nowMs, zone)}
          </div>
        )}
      </div>
      <CoverageStrip coverage={coverage} scale={scale} zone={zone} viewFrom={cullFrom} viewTo={cullTo} />
    </div>
  );
}

/** The times at the scroller's edges (an hour of margin each side), read again on every scroll and resize. */
function useViewSpan(scrollRef: RefObject<HTMLDivElement | null>, scale: TrackScale) {
  const [box, setBox] = useState({ left: 0, width: 1000 });
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const read = () =>
      setBox((b) =>
        b.left === el.scrollLeft && b.width === el.clientWidth ? b : { left: el.scrollLeft, width: el.clientWidth },
      );
    read();
    // Capture: on the scroller itself capture listeners run before the others, so the position is read
    // before the virtualizer's listener renders the rows. Read after that render, scrollLeft forced a
    // second layout of every frame (a tenth of the scroll's main-thread time in a CPU profile), and
    // the axis's update now joins the rows' render instead of following it.
    el.addEventListener('scroll', read, { passive: true, capture: true });
    const ro = new ResizeObserver(read);
    ro.observe(el);
    return () => {
      el.removeEventListener('scroll', read, { capture: true });
      ro.disconnect();
    };
  }, [scrollRef]);
  return {
    viewFrom: msAt(scale, box.left) - 3_600_000,
    viewTo: msAt(scale, box.left + box.width - nameColPx) + 3_600_000,
  };
}
