import { memo, useMemo } from 'react';
import { xOf, type TrackScale } from './bar-geometry';
import { nameColPx } from './AgentRow';
import { coverageCells, coverageWords } from './coverage-cells';
import type { TimelineCoverage } from '../../../shared/coverage/types';
import { clockLabel } from './zone-time';

export const coveragePx = 24;

const sign = { met: '', short: '−', under: '−−', noTarget: '' } as const;

/**
 * Under the axis, as Genesys's schedule editor and NICE's net-staffing bar have: per quarter hour, the agents
 * on queue in the schedule shown against the short-term forecast's required staff. Short intervals are amber,
 * intervals short by more than 10 % red and hatched, each with a sign and its numbers in its title.
 */
export const CoverageStrip = memo(function CoverageStrip(props: {
  coverage: TimelineCoverage | null;
  scale: TrackScale;
  zone: string;
  viewFrom: number;
  viewTo: number;
}) {
  const { coverage, scale, zone } = props;
  const cells = coverage ? coverageCells(coverage, props.viewFrom, props.viewTo) : [];
  // The week's peak, not the screen's: bars keep their height while scrolling, so one height means one count.
  const peak = useMemo(() => weekPeak(coverage), [coverage]);
  const width = (15 * 60_000 * scale.pxPerMs) | 0;
  return (
    <div className="tl-coverage" style={{ height: coveragePx }} data-testid="coverage-strip">
      <div className="tl-coverage-corner">
        {coverage?.required ? 'On queue vs required' : coverage ? 'On queue (no forecast)' : 'Coverage…'}
      </div>
      {cells.map((c) => {
        const words = `${clockLabel(c.startMs, zone)}–${clockLabel(c.endMs, zone)}: ${coverageWords(c)}`;
        return (
          <div
            key={c.startMs}
            className={`tl-cov tl-cov-${c.band}`}
            style={{ left: nameColPx + xOf(scale, c.startMs), width: Math.max(1, width - 1) }}
            title={words}
            aria-label={words}
            role="img"
            data-testid="coverage-cell"
          >
            <span className="tl-cov-fill" style={{ height: `${Math.round((c.onQueue / peak) * 100)}%` }} />
            {width >= 14 && sign[c.band] && <span className="tl-cov-sign">{sign[c.band]}</span>}
          </div>
        );
      })}
    </div>
  );
});

function weekPeak(coverage: TimelineCoverage | null): number {
  let peak = 1;
  if (!coverage) return peak;
  for (const n of coverage.onQueue) if (n > peak) peak = n;
  for (const n of coverage.required ?? []) if (n > peak) peak = n;
  return peak;
}
