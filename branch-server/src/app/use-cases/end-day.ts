import { localDay, startOfLocalDay } from '@skr/protocol/time-zone';
import { decideEndOfDay, END_OF_DAY_ACTOR } from '../../domain';
import type { UseCaseContext } from './context';

/** What ending the day did (the manager's answer). */
export interface EndDayResult {
  closedCounters: number;
  resolvedTickets: number;
  bookedLeftovers: string[];
  missedBookings: string[];
}

const nextDay = (day: string): string =>
  new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * Booked visits of the day(s) being ended that never checked in and are not yet recorded as
 * no-shows. The ended days run from the oldest leftover ticket's day up to today, or up to
 * yesterday when leftovers of an earlier day show a missed close (today has not ended).
 */
function missedBookings(ctx: UseCaseContext, now: Date): string[] {
  const zone = ctx.state.settings.timeZone;
  const today = localDay(now, zone);
  let first = today;
  for (const t of ctx.state.active.values()) if (t.day < first) first = t.day;
  const from = startOfLocalDay(first, zone).toISOString();
  const to = startOfLocalDay(first < today ? today : nextDay(today), zone).toISOString();
  const open = ctx.bookings.openCodes(from, to);
  if (open.length === 0) return open;
  // A second "end the day" (or a restart after one) must not record the same no-show twice.
  const recorded = new Set(
    (
      ctx.db
        .prepare(
          `SELECT json_extract(payload, '$.booking.code') AS code FROM events
           WHERE type = 'booking.no-show' AND at >= ?`,
        )
        .all(from) as { code: string }[]
    ).map((r) => r.code),
  );
  return open.filter((c) => !recorded.has(c));
}

/**
 * Ends the branch day now: counters closed, clerks signed out of them, leftovers expired, booked
 * visits that never came recorded as no-shows (one transaction; the sync reports them to the
 * portal from the same commit). Screens' recent calls are emptied, so nothing of this day stays
 * showable when numbering restarts tomorrow.
 */
export function endDay(ctx: UseCaseContext, actor: string = END_OF_DAY_ACTOR): EndDayResult {
  const { decision } = ctx.uow.run(() => {
    const now = ctx.now();
    return decideEndOfDay(ctx.state, now, actor, missedBookings(ctx, now));
  });
  // Memory only: the calls stay in the log and the statistics; screens stop showing them.
  ctx.state.recentCalls = [];
  return {
    closedCounters: decision.closedCounters,
    resolvedTickets: decision.resolvedTickets,
    bookedLeftovers: decision.bookedLeftovers,
    missedBookings: decision.missedBookings,
  };
}
