import { closeIsDue, missedClose } from '../domain';
import { localDay } from '@skr/protocol/time-zone';
import type { UseCaseContext } from './use-cases';
import { endDay, recordMissedBookings, type EndDayResult } from './use-cases';

/** How often the schedule looks at the clock: a close is at most this late. */
const DAY_CHECK_MS = 30_000;

/**
 * Runs the end of the branch day at the scheduled close (the latest closing time of today's
 * opening hours, in the branch's zone) and, at start, when leftovers of an earlier day show a
 * close was missed; at start it also records the booked visits of days it was off for as
 * no-shows. It polls the injected clock instead of arming one long timer, so a clock
 * moved by NTP or faketime is followed. Answers the stop function.
 */
export function scheduleEndOfDay(
  ctx: UseCaseContext,
  opts: { everyMs?: number; onEnded?: (r: EndDayResult) => void } = {},
): () => void {
  let endedDay: string | undefined;
  const check = (): void => {
    const now = ctx.now();
    const zone = ctx.state.settings.timeZone;
    const today = localDay(now, zone);
    const missed = missedClose(ctx.state, today);
    const due = closeIsDue(ctx.state.hours, now, zone, endedDay);
    if (!missed && !due) return;
    // A missed close of an earlier day does not end today; a scheduled one does.
    const r = endDay(ctx, undefined, { today: due });
    if (due) endedDay = today;
    opts.onEnded?.(r);
  };
  // Visits of days the branch was off for are reported first; today stays as it is.
  recordMissedBookings(ctx);
  check();
  const timer = setInterval(() => {
    try {
      check();
    } catch {
      // A storage fault: the next check tries again.
    }
  }, opts.everyMs ?? DAY_CHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
