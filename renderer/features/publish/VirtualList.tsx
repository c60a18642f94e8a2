import { useRef, type ReactNode } from 'react';
import { useVirtualizer } from '../timeline/virtual';

interface Props<T> {
  items: readonly T[];
  rowPx: number;
  /** Accessible name of the list. */
  label: string;
  keyOf(item: T): string;
  render(item: T): ReactNode;
  testId?: string;
}

/** Below this many rows all are rendered (a short list needs no window, and stays findable by Ctrl+F). */
const windowFrom = 60;

/**
 * A list of up to thousands of agents: only the rows on screen are in the DOM past `windowFrom`. The
 * scroll box is focusable, so the keyboard scrolls it; each row's own buttons are in the tab order.
 */
export function VirtualList<T>({ items, rowPx, label, keyOf, render, testId }: Props<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = items.length > windowFrom;
  const virtualizer = useVirtualizer({
    count: virtual ? items.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowPx,
    overscan: 8,
  });
  if (!virtual)
    return (
      <div className="pub-scroll" tabIndex={0} role="region" aria-label={`${label} (scrollable)`}>
        <ul className="pub-list" aria-label={label} data-testid={testId}>
          {items.map((item) => (
            <li key={keyOf(item)} className="pub-row">
              {render(item)}
            </li>
          ))}
        </ul>
      </div>
    );
  return (
    <div ref={scrollRef} className="pub-scroll" tabIndex={0} role="region" aria-label={`${label} (scrollable)`}>
      <ul
        className="pub-list"
        aria-label={label}
        aria-rowcount={items.length}
        data-testid={testId}
        style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
      >
        {virtualizer.getVirtualItems().map((v) => {
          const item = items[v.index]!;
          return (
            <li
              key={keyOf(item)}
              className="pub-row"
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                height: rowPx,
                transform: `translateY(${v.start}px)`,
              }}
            >
              {render(item)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
