import type { BranchClock } from '@skr/protocol/branch-clock';
import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The branch's time (hours and minutes) from the server's clock in the branch's zone, never the
 * PC's: a screen PC left on UTC or a drifting clock must not show another hour. It ticks on its
 * own so the rest of the board stays still.
 */
export const Clock = memo(function Clock({ clock }: { clock: BranchClock }) {
  const { t, i18n } = useTranslation();
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    const tick = () => setNow(clock.now());
    const id = setInterval(tick, 1000);
    // Redraw at once when the server's time and zone arrive.
    const off = clock.subscribe(tick);
    return () => {
      clearInterval(id);
      off();
    };
  }, [clock]);
  return (
    <time
      className="clock"
      data-testid="clock"
      data-zone={clock.timeZone}
      dateTime={now.toISOString()}
      aria-label={t('board.clock')}
    >
      {clock.time(now, i18n.language)}
    </time>
  );
});
