import { useEffect, useState } from 'react';

/**
 * The clock, moving every `everyMs` while `active` (a countdown on screen); still otherwise, so an
 * idle screen does not re-render every second.
 */
export function useNow(active: boolean, everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs]);
  return now;
}
