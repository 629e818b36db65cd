import type { BranchClock } from '@skr/protocol/branch-clock';
import { memo, useEffect, useReducer, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** The minute on the branch's clock and its zone: what the clock draws. */
function shownMinute(clock: BranchClock): string {
  return `${clock.timeZone} ${Math.floor(clock.now().getTime() / 60_000)}`;
}

/**
 * The branch's time (hours and minutes) from the server's clock in the branch's zone, never the
 * PC's: a screen PC left on UTC or a drifting clock must not show another hour. It ticks on its
 * own so the rest of the board stays still.
 */
export const Clock = memo(function Clock({ clock }: { clock: BranchClock }) {
  const { t, i18n } = useTranslation();
  // Hours and minutes are drawn: the minute (and zone) shown is kept here and a render is asked
  // only when it changes, so the second's tick renders nothing 59 times a minute and a screen's
  // main thread, busy with calls, does not redraw the header every second. (Setting an unchanged
  // state is not free: right after a change React renders and commits the root once more to
  // find it unchanged, a commit no call caused.)
  const shown = useRef(shownMinute(clock));
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const now = clock.now();
  useEffect(() => {
    const tick = () => {
      const minute = shownMinute(clock);
      if (minute === shown.current) return;
      shown.current = minute;
      redraw();
    };
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
