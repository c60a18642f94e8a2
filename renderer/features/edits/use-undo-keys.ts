import { useEffect, useRef } from 'react';

/** Typing in a field keeps the field's own undo. */
const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

/** Ctrl+Z undoes the last pending edit, Ctrl+Shift+Z (or Ctrl+Y) redoes it, while the screen is open. */
export function useUndoKeys(undo: () => void, redo: () => void, enabled: boolean): void {
  const handlers = useRef({ undo, redo });
  handlers.current = { undo, redo };
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || typing(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) handlers.current.undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') handlers.current.redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
