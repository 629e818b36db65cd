import type { IssueTicketRequest, IssuedTicket, Ticket } from '@skr/protocol';
import {
  addMinutes,
  branchLoadOf,
  cardBooking,
  cardCheckInWindow,
  decideIssue,
  estimateWait,
  isBooked,
  EstimateProjector,
  MAX_ESTIMATE_MINUTES,
} from '../../domain';
import { uuidv7 } from '../ids';
import type { UseCaseContext } from './context';
import { findTicket } from './find-ticket';

/** What the kiosk gets back: the ticket, and whether this call created it. */
export interface IssueResult {
  ticket: IssuedTicket;
  created: boolean;
}

/** The dry run kept per branch, and the walk-in whose joining it was told of last. */
interface KeptDryRun {
  projector: EstimateProjector;
  joining?: { ticket: Ticket; version: number };
}

const keptDryRuns = new WeakMap<UseCaseContext['state'], KeptDryRun>();

/**
 * The branch's kept dry run (issue 12: run afresh, it was most of an issue's CPU). If the only
 * change since the last estimate is the walk-in it estimated joining its line, the dry run is
 * told so and kept; any other change gives a new state version and a new dry run.
 */
function keptDryRun(ctx: UseCaseContext): KeptDryRun {
  let kept = keptDryRuns.get(ctx.state);
  if (!kept) keptDryRuns.set(ctx.state, (kept = { projector: new EstimateProjector() }));
  const j = kept.joining;
  kept.joining = undefined;
  const { version } = ctx.state;
  if (j && version === j.version + 1 && ctx.state.active.get(j.ticket.id) === j.ticket)
    kept.projector.joined(j.ticket, j.version, version);
  return kept;
}

/**
 * The dry run starts at the whole second: a counter past its typical service is free "now",
 * and with a clock read to the millisecond every ticket of a burst would need a dry run of its
 * own. A second earlier moves a printed wait by at most a second's worth of calls.
 */
const DRY_RUN_TICK_MS = 1000;

/**
 * The wait printed on the ticket: `at` is its line position, `clock` the moment of issue. The
 * same dry run of the counters the scheduler simulation measures (issue 14), with the calendar's
 * visits not checked in yet that fall within the estimate's horizon.
 */
function estimateFor(
  ctx: UseCaseContext,
  serviceId: string,
  priority: boolean,
  at: Date,
  clock: Date = at,
  booked = false,
) {
  const from = new Date(clock.getTime() - (clock.getTime() % DRY_RUN_TICK_MS));
  const expected = ctx.bookings.openBetween(
    from.toISOString(),
    addMinutes(from, MAX_ESTIMATE_MINUTES),
  );
  const { projector } = keptDryRun(ctx);
  const { version } = ctx.state;
  return estimateWait({
    serviceId,
    priority,
    now: at,
    waiting: ctx.state.waitingIn(serviceId),
    counters: [...ctx.state.counters.values()],
    recentServiceMinutes: ctx.state.durations.get(serviceId) ?? [],
    booked,
    branch: branchLoadOf(ctx.state, from, ctx.policy, expected),
    project: (load, ticket, rules) => projector.project(load, ticket, rules, version),
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
    // A late client's walk-in keeps the visit's time, not its place (its line position).
    ...(t.bookedFor !== null && t.lineAt !== t.bookedFor ? { lateArrival: true } : {}),
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
        acceptLate: req.acceptLate,
        lang: req.lang ?? 'pl',
        priority: req.priority ?? null,
        actor,
        nextSequence: (prefix) => ctx.tickets.nextSequence(day, prefix),
      },
      at,
    );
    if (d instanceof Error) return d;
    // A walk-in of a service whose line would outlast the day (or its pool) is refused with
    // the nearest bookable slot; check-ins of booked visits are never cut off, a late client's
    // walk-in (its code kept, its place at the end of the line) is.
    const walkIn = d.created && (code === undefined || d.created.lineAt !== d.created.bookedFor);
    const cutOff = walkIn ? ctx.walkInGate?.(d.created!.serviceId, at) : undefined;
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
      const booked = isBooked(t);
      const est = t.bookingCode
        ? estimateFor(ctx, t.serviceId, false, new Date(t.lineAt), at, booked)
        : estimateFor(ctx, t.serviceId, req.priority !== undefined, new Date(t.lineAt), at);
      // Told at the next estimate, once this ticket is in memory (after this change commits).
      if (!t.bookingCode)
        keptDryRuns.get(ctx.state)!.joining = { ticket: t, version: ctx.state.version };
      answer = { ticket: issued(ctx, t, est), created: true };
    }
    return d;
  });
  return answer!;
}
