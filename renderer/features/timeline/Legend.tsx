import { memo } from 'react';
import { useLegend } from './legend-context';
import { markerWord } from './findings-index';

/**
 * What the colours and patterns mean: one swatch per activity category on screen (colour follows
 * Genesys's category, each swatch named), then the marks; every mark also has a word.
 */
export const Legend = memo(function Legend({ codes, compare = false }: { codes: string[]; compare?: boolean }) {
  const legend = useLegend();
  const shown = new Map<string, string>();
  for (const c of codes) shown.set(legend.codeCategory(c), legend.codeColour(c));
  return (
    <div className="tl-legend" aria-label="Legend" role="group">
      {[...shown].map(([category, colour]) => (
        <span key={category} className="tl-legend-item">
          <span className="tl-swatch" style={{ background: colour }} aria-hidden="true" />
          {category}
        </span>
      ))}
      <span className="tl-legend-item">
        <span className="tl-swatch tl-timeoff" aria-hidden="true" />
        Time off
      </span>
      {(['overlap', 'naiveUtc', 'dst'] as const).map((s) => (
        <span key={s} className="tl-legend-item">
          <span className={`tl-swatch tl-marker-${s}`} aria-hidden="true" />
          {markerWord[s]} {s === 'overlap' ? '(hatched)' : s === 'naiveUtc' ? '(dashed)' : '(dotted)'}
        </span>
      ))}
      <span className="tl-legend-item">
        Coverage: <span className="tl-swatch tl-cov-met-swatch" aria-hidden="true" /> met
        <span className="tl-swatch tl-cov-short-swatch" aria-hidden="true" /> short (−)
        <span className="tl-swatch tl-cov-under-swatch" aria-hidden="true" /> under by over 10 % (−−, hatched)
      </span>
      <span className="tl-legend-item">☎ Script session</span>
      {compare && (
        <span className="tl-legend-item" data-testid="legend-ghost">
          <span className="tl-swatch tl-ghost-swatch" aria-hidden="true" />
          What agents see now: published shift that differs (dashed)
          <span className="tl-swatch tl-ghost-same-swatch" aria-hidden="true" />
          the same (thin line)
        </span>
      )}
      {compare && <span className="tl-legend-item">⇄ changed: this publish changes the agent’s week</span>}
      <span className="tl-legend-item">
        <span className="tl-swatch tl-swatch-line tl-swatch-dst" aria-hidden="true" />◆ DST change
      </span>
      <span className="tl-legend-item">
        <span className="tl-swatch tl-swatch-line tl-swatch-now" aria-hidden="true" />
        Now
      </span>
    </div>
  );
});
