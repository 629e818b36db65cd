import type { IssueTicketRequest, IssuedTicket, Ticket } from '@skr/protocol';
import { cardBooking, cardCheckInWindow, decideIssue, estimateWait } from '../../domain';
import { uuidv7 } from '../ids';
import type { UseCaseContext } from './context';
import { findTicket } from './find-ticket';

/** What the kiosk gets back: the ticket, and whether this call created it. */
export interface IssueResult {
  ticket: IssuedTicket;
  created: boolean;
}

function estimateFor(ctx: UseCaseContext, serviceId: string, priority: boolean, at: Date) {
  return estimateWait({
    serviceId,
    priority,
    now: at,
    waiting: ctx.state.waitingIn(serviceId),
    counters: [...ctx.state.counters.values()],
    recentServiceMinutes: ctx.state.durations.get(serviceId) ?? [],
  });
}

function issued(
  ctx: UseCaseContext,
  t: Ticket,
  ahead: ReturnType<typeof estimateFor>,
): IssuedTicket {
  return {
    id: t.id,
    number: t.number,
    serviceId: t.serviceId,
    issuedAt: t.issuedAt,
    peopleAhead: ahead.peopleAhead,
    estimatedWaitMinutes: ahead.estimatedWaitMinutes,
    bookedFor: t.bookedFor,
    followUrl: `${ctx.publicBaseUrl}/q/${t.id}`,
  };
}

/** By ID card: the holder's booking, found by the keyed PESEL hash (read in the transaction). */
function bookingCodeOf(ctx: UseCaseContext, req: IssueTicketRequest, at: Date): string | undefined {
  if (req.bookingCode !== undefined || req.bookingPesel === undefined) return req.bookingCode;
  const { from, to } = cardCheckInWindow(at, ctx.state.settings);
  const candidates = ctx.bookings.byPeselHash(
    ctx.hashPesel(req.bookingPesel),
    from,
    to,
    at.toISOString(),
  );
  const found = cardBooking(candidates, at, ctx.state.settings, (id) => ctx.state.active.has(id));
  if (found instanceof Error) throw found;
  return found.code;
}

/**
 * Issues a walk-in ticket, or checks in a booked visit. Resolves once the ticket is on disk
 * (group commit: tickets issued at the same moment share one fsync). The booking is read in
 * the group's transaction, so two check-ins of one code cannot both win.
 */
export async function issueTicket(
  ctx: UseCaseContext,
  req: IssueTicketRequest,
  actor: string | null,
): Promise<IssueResult> {
  let answer: IssueResult | undefined;
  await ctx.uow.runGrouped(() => {
    const at = ctx.now();
    const day = ctx.state.rollDay(at);
    const code = bookingCodeOf(ctx, req, at);
    const d = decideIssue(
      ctx.state,
      {
        id: uuidv7(at),
        serviceId: req.serviceId,
        bookingCode: code,
        booking: code === undefined ? undefined : ctx.bookings.get(code),
        lang: req.lang ?? 'pl',
        priority: req.priority ?? null,
        actor,
        nextSequence: (prefix) => ctx.tickets.nextSequence(day, prefix),
      },
      at,
    );
    if (d instanceof Error) return d;
    // A walk-in of a service whose line would outlast the day (or its pool) is refused with
    // the nearest bookable slot; check-ins of booked visits are never cut off.
    const cutOff =
      d.created && code === undefined ? ctx.walkInGate?.(d.created.serviceId, at) : undefined;
    if (cutOff) return cutOff;
    // Estimates see the line as it was before this ticket joined it.
    if (d.reprintOf !== undefined) {
      // A second check-in (reprint, kiosk restart) answers with the same ticket.
      const existing = findTicket(ctx, d.reprintOf);
      const est = estimateFor(ctx, existing.serviceId, existing.priority !== null, at);
      answer = { ticket: issued(ctx, existing, est), created: false };
    } else {
      const t = d.created!;
      // Everyone ahead in line order (the ticket's own line position, which never goes back
      // with the wall clock), as it was before this ticket joined.
      const est = t.bookingCode
        ? estimateFor(ctx, t.serviceId, false, new Date(t.lineAt))
        : estimateFor(ctx, t.serviceId, req.priority !== undefined, new Date(t.lineAt));
      answer = { ticket: issued(ctx, t, est), created: true };
    }
    return d;
  });
  return answer!;
}
