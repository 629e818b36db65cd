import { useEffect, useState } from 'react';
import { branchClock } from './branch-time';

/**
 * The branch server's current time, re-rendering every `ms` (for running timers): the PC's
 * clock corrected by the server's, so a drifting PC does not shorten or lengthen a wait.
 */
export function useNow(ms = 1000): Date {
  const [now, setNow] = useState(() => branchClock.now());
  useEffect(() => {
    const tick = () => setNow(branchClock.now());
    const id = setInterval(tick, ms);
    // Redraw at once when the server's time and zone arrive.
    const off = branchClock.subscribe(tick);
    return () => {
      clearInterval(id);
      off();
    };
  }, [ms]);
  return now;
}
