import { activityColour, activityLabel } from './bar-geometry';
import { markerWord } from './findings-index';

/**
 * What the colours and patterns mean. Activity codes have no names or categories through the
 * contract yet, so each code is its short id with a stable colour; every mark also has a word.
 */
export function Legend({ codes }: { codes: string[] }) {
  const shown = codes.slice(0, 8);
  return (
    <div className="tl-legend" aria-label="Legend" role="group">
      {shown.map((c) => (
        <span key={c} className="tl-legend-item">
          <span className="tl-swatch" style={{ background: activityColour(c) }} aria-hidden="true" />
          {activityLabel(c)}
        </span>
      ))}
      {codes.length > shown.length && <span className="muted">+{codes.length - shown.length} more codes</span>}
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
      <span className="tl-legend-item">☎ Script session</span>
      <span className="tl-legend-item">
        <span className="tl-swatch tl-swatch-line tl-swatch-dst" aria-hidden="true" />◆ DST change
      </span>
      <span className="tl-legend-item">
        <span className="tl-swatch tl-swatch-line tl-swatch-now" aria-hidden="true" />
        Now
      </span>
    </div>
  );
}
