import { localDay, startOfLocalDay } from '@skr/protocol/time-zone';
import { decideEndOfDay, decideMissedBookings, END_OF_DAY_ACTOR } from '../../domain';
import { decideVisitRetention } from '../../domain/calendar';
import type { UseCaseContext } from './context';
import { DAY_ENDED_KEY } from '../walk-in-settings';
import { staleReopenings } from './walk-in-cutoffs';

/** What ending the day did (the manager's answer). */
export interface EndDayResult {
  closedCounters: number;
  resolvedTickets: number;
  bookedLeftovers: string[];
  missedBookings: string[];
}

const shiftDay = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * How far back the branch looks for booked visits that never came: a branch switched off over a
 * long weekend or a holiday still reports the visits of the days it missed.
 */
const MISSED_LOOKBACK_DAYS = 14;

/** Codes of visits booked in [fromDay, toDay) (branch days) never checked in nor yet recorded. */
function unrecordedOpen(ctx: UseCaseContext, fromDay: string, toDay: string): string[] {
  const zone = ctx.state.settings.timeZone;
  const from = startOfLocalDay(fromDay, zone).toISOString();
  const open = ctx.bookings.openCodes(from, startOfLocalDay(toDay, zone).toISOString());
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
 * Booked visits of the day(s) being ended that never checked in and are not yet recorded as
 * no-shows: the look-back window up to today, or up to yesterday when leftovers of an earlier
 * day show a missed close (today has not ended).
 */
function missedBookings(ctx: UseCaseContext, now: Date): string[] {
  const today = localDay(now, ctx.state.settings.timeZone);
  let first = shiftDay(today, -MISSED_LOOKBACK_DAYS);
  let missedClose = false;
  for (const t of ctx.state.active.values()) {
    if (t.day < first) first = t.day;
    if (t.day < today) missedClose = true;
  }
  return unrecordedOpen(ctx, first, missedClose ? today : shiftDay(today, 1));
}

/**
 * Records as no-shows the booked visits of days already over that never checked in — the branch
 * was off at their close (a whole day, a weekend) — without ending today: run at start.
 */
export function recordMissedBookings(ctx: UseCaseContext): string[] {
  const { decision } = ctx.uow.run(() => {
    const now = ctx.now();
    const today = localDay(now, ctx.state.settings.timeZone);
    const codes = unrecordedOpen(ctx, shiftDay(today, -MISSED_LOOKBACK_DAYS), today);
    const missed = decideMissedBookings(now, codes);
    // Days the branch was off for are over: their visits forget their persons now too.
    const forget = decideVisitRetention(now, ctx.state.settings.timeZone);
    return { ...missed, rows: [...missed.rows, forget], codes };
  });
  return decision.codes;
}

/**
 * Ends the branch day now: counters closed, clerks signed out of them, leftovers expired, booked
 * visits that never came recorded as no-shows (one transaction; the sync reports them to the
 * portal from the same commit). Screens' recent calls are emptied, so nothing of this day stays
 * showable when numbering restarts tomorrow. Today is marked ended (walk-ins then stop until a
 * counter opens again) unless `today` is false: a close of an earlier day missed while the
 * server was off, run at start, ends that day, not this one.
 */
export function endDay(
  ctx: UseCaseContext,
  actor: string = END_OF_DAY_ACTOR,
  opts: { today?: boolean } = {},
): EndDayResult {
  const { decision } = ctx.uow.run(() => {
    const now = ctx.now();
    const day = localDay(now, ctx.state.settings.timeZone);
    const ended = decideEndOfDay(ctx.state, now, actor, missedBookings(ctx, now));
    // The manager's reopenings were for their day only; earlier days' rows go with this close.
    const stale = staleReopenings(ctx, day);
    const forget = decideVisitRetention(now, ctx.state.settings.timeZone);
    const mark =
      opts.today === false ? [] : [{ row: 'setting' as const, key: DAY_ENDED_KEY, value: day }];
    return { ...ended, rows: [...ended.rows, ...stale, forget, ...mark] };
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
