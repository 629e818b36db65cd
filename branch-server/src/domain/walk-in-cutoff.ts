import type { OpeningHours } from '@skr/protocol/manager';
import type { WalkInCutoff } from '@skr/protocol/walk-in-cutoff';
import { localClock, localDay, wallClockToInstant } from '@skr/protocol/time-zone';
import { estimateWait, type EstimateInput } from './estimate';

// Walk-ins when the day is full (issue 14). A walk-in taking a ticket now would be called
// after the people already waiting, as the ticket's own wait estimate says; when that moment
// passes the time the service stops taking walk-ins, the ticket would only promise a wait that
// ends with the doors closing, so the kiosk offers a booked visit instead. A daily pool caps
// walk-ins outright. The manager may open a cut-off service again for today.

/** What the cut-off of one service is judged from; pure, the caller reads it all. */
export interface WalkInCutoffInput extends Omit<EstimateInput, 'priority'> {
  /** The service's walk-in hours (absent = always open, never cut by time). */
  hours: OpeningHours | null | undefined;
  timeZone: string;
  /** Walk-in tickets of the service issued today. */
  walkInsToday: number;
  /** The configured daily walk-in pool, or null. */
  dailyPool: number | null;
  /** The manager opened the service again for today. */
  reopened: boolean;
  /** The branch day was ended today (scheduled close or the manager's "end the day now"). */
  dayEnded?: boolean;
  /**
   * Where a walk-in issued now joins the line (`endOfLine`): the people counted ahead are
   * those in line before it, as the ticket's own estimate counts them. Defaults to `now`.
   */
  joinsAt?: Date;
}

/** Closing instants by zone, day and time: the gate asks at every walk-in issue. */
const closings = new Map<string, number>();

/** When the service stops taking walk-ins on `now`'s local day, or null (no hours, closed today). */
function closingInstant(
  hours: OpeningHours | null | undefined,
  now: Date,
  zone: string,
): Date | null {
  if (!hours || !hours.days.includes(localClock(now, zone).day)) return null;
  const day = localDay(now, zone);
  const key = `${zone} ${day} ${hours.to}`;
  let ms = closings.get(key);
  if (ms === undefined) {
    // A few services × one day: bounded anyway, so a long-running server does not collect days.
    if (closings.size >= 256) closings.clear();
    ms = wallClockToInstant(day, hours.to, zone).getTime();
    closings.set(key, ms);
  }
  return new Date(ms);
}

/**
 * The cut-off of one service now: the predicted call of a walk-in issued now, the closing
 * time, and whether the kiosk must refuse (past closing, pool used up, or the day ended with no
 * counter open; unless reopened).
 */
export function walkInCutoff(input: WalkInCutoffInput): WalkInCutoff {
  const { now } = input;
  const wait = estimateWait({ ...input, now: input.joinsAt ?? now, priority: false });
  const servedAt = new Date(now.getTime() + wait.estimatedWaitMinutes * 60_000);
  const closesAt = closingInstant(input.hours, now, input.timeZone);
  const poolUsed = input.dailyPool !== null && input.walkInsToday >= input.dailyPool;
  // A line served exactly at closing is still served; only a later prediction cuts.
  const late = closesAt !== null && servedAt.getTime() > closesAt.getTime();
  // After the day was ended nobody calls a walk-in, unless a counter opened again since (open
  // or paused: its clerk is there).
  const ended = input.dayEnded === true && input.counters.every((c) => c.state === 'closed');
  const reason = ended ? 'ended' : poolUsed ? 'pool' : late ? 'closing' : null;
  return {
    serviceId: input.serviceId,
    predictedServedAt: servedAt.toISOString(),
    closesAt: closesAt?.toISOString() ?? null,
    walkInsToday: input.walkInsToday,
    dailyPool: input.dailyPool,
    reason,
    reopened: input.reopened,
    cut: reason !== null && !input.reopened,
  };
}
