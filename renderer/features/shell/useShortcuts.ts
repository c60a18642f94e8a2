import { useEffect } from 'react';
import { useConsole } from '../../store/context';
import { screens } from '../../store/nav-slice';

/** Alt+digit switches screens, so the console works without a mouse. */
export function useShortcuts(): void {
  const goTo = useConsole((s) => s.goTo);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const screen = screens.find((s) => s.key === e.key);
      if (screen) {
        e.preventDefault();
        goTo(screen.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [goTo]);
}
