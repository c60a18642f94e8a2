import { spanOf, type TrackScale } from '../timeline/bar-geometry';
import type { PendingMarks } from './pending-marks';

/**
 * A row's pending change drawn over its bars: dashed ghosts where shifts were, outlines where they
 * are now, and the change in words (visually hidden) for a screen reader. A fix's preview is drawn
 * the same way in its own colour, so a supervisor sees the edit on the timeline before applying it.
 */
export function RowEditMarks(props: {
  marks: PendingMarks;
  kind: 'pending' | 'preview';
  scale: TrackScale;
  viewFrom: number;
  viewTo: number;
  left: number;
}) {
  const { marks, kind, scale } = props;
  const inView = (s: { startMs: number; endMs: number }) => s.endMs > props.viewFrom && s.startMs < props.viewTo;
  const box = (s: { startMs: number; endMs: number }) => {
    const { x, width } = spanOf(s.startMs, s.endMs, scale);
    return { left: props.left + x, width };
  };
  return (
    <>
      {marks.ghosts.filter(inView).map((s, i) => (
        <div
          key={`g${i}`}
          className={`ed-was ed-was-${kind}`}
          style={box(s)}
          aria-hidden="true"
          data-testid={`${kind}-was`}
        />
      ))}
      {marks.outlines.filter(inView).map((s, i) => (
        <div
          key={`o${i}`}
          className={`ed-now ed-now-${kind}`}
          style={box(s)}
          aria-hidden="true"
          data-testid={`${kind}-now`}
        />
      ))}
      <span className="ed-sr" data-testid={`${kind}-words`}>
        {kind === 'preview' ? 'Preview: ' : 'Pending edit: '}
        {marks.words.join('; ')}
      </span>
    </>
  );
}
