import { SkrError } from '@skr/protocol';
import type {
  BookingChannel,
  SlotAvailability,
  SlotsQuery,
  VisitSummary,
} from '@skr/protocol/calendar';
import type { LateArrivalBookRequest, LateArrivalDetails } from '@skr/protocol/late-arrival';
import type { WalkInCutoffList } from '@skr/protocol/walk-in-cutoff';
import { localDay } from '@skr/protocol/time-zone';
import { cardCheckInWindow, conflict, invalid, isOpen, notFound, type Booking } from '../../domain';
import { missedToday, pastLateWindow } from '../../domain/late-arrival';
import { calendarStore } from './calendar-store';
import type { UseCaseContext } from './context';

// A booked client past the late-arrival window (issue 14): the check-in's `late` refusal gets
// the offer (a walk-in ticket's estimated wait, the nearest free slot today), and the client who
// takes the slot is booked there. The client came, so the missed visit is recorded as kept
// (checked in without a ticket) in the same change: neither a no-show at the end of the day nor
// in the no-show rate; the new visit counts on its own.

/** What the late arrivals need of the branch's other use cases. */
interface LateArrivalDeps {
  /** The branch's free slots (the calendar's availability, lead time applied). */
  slots: (q: SlotsQuery) => SlotAvailability[];
  /** Every service's walk-in cut-off now. */
  cutoffs: () => WalkInCutoffList;
  /** Books for a person key in place of the missed visit (out of the rules, then kept). */
  bookAs: (
    personKey: string,
    req: { serviceId: string; start: string },
    channel: BookingChannel,
    actor: string | null,
    replaces?: Booking,
  ) => VisitSummary;
}

/** The late-arrival use cases. */
export function lateArrivalCommands(ctx: UseCaseContext, deps: LateArrivalDeps) {
  const store = calendarStore(ctx.db);
  const settings = () => ctx.state.settings;

  /** A walk-in ticket of the service now: its wait, or null when none would be issued. */
  function walkIn(serviceId: string, now: Date): LateArrivalDetails['walkIn'] {
    const svc = ctx.state.services.get(serviceId);
    if (!svc?.active || !isOpen(ctx.state.hours.get(serviceId), now, settings().timeZone))
      return null;
    const c = deps.cutoffs().services.find((s) => s.serviceId === serviceId);
    if (!c || c.cut) return null;
    const minutes = (Date.parse(c.predictedServedAt) - now.getTime()) / 60_000;
    return { estimatedWaitMinutes: Math.max(0, Math.round(minutes)) };
  }

  /** The nearest slot today the branch can still book for the service, or null. */
  function slotToday(serviceId: string, now: Date): SlotAvailability | null {
    const today = localDay(now, settings().timeZone);
    const found = deps.slots({ serviceId, from: today, to: today });
    return found.find((s) => s.free > 0 && Date.parse(s.start) > now.getTime()) ?? null;
  }

  /** The missed visit the request names: by code, or the card holder's of today. */
  function missedVisit(req: LateArrivalBookRequest, now: Date): Booking {
    const s = settings();
    if (req.bookingPesel !== undefined) {
      const { from, to } = cardCheckInWindow(now, s);
      const mine = ctx.bookings.byPeselHash(
        ctx.hashPesel(req.bookingPesel),
        from,
        to,
        now.toISOString(),
      );
      const missed = missedToday(mine, now, s);
      if (!missed) throw notFound('no visit of today missed by this ID card holder');
      return missed;
    }
    const b = ctx.bookings.get(req.bookingCode!);
    if (!b || b.status === 'cancelled') throw notFound('no booking with this code');
    if (b.status !== 'booked') throw conflict('this booking is already checked in');
    if (!pastLateWindow(b.bookedFor, now, s))
      throw conflict('this visit can still be checked in', { bookedFor: b.bookedFor });
    return b;
  }

  return {
    /**
     * `err` with the late offer added when it is a check-in's `late` refusal, else `err` as it
     * is. Computed after the refused change (outside its transaction): an offer, not a promise.
     */
    withOffer(err: unknown): unknown {
      if (!(err instanceof SkrError) || err.code !== 'CONFLICT') return err;
      const d = err.details as Partial<LateArrivalDetails> | undefined;
      if (d?.reason !== 'late' || typeof d.serviceId !== 'string') return err;
      const now = ctx.now();
      const details = {
        ...d,
        walkIn: walkIn(d.serviceId, now),
        slot: slotToday(d.serviceId, now),
      } satisfies Partial<LateArrivalDetails>;
      return new SkrError('CONFLICT', err.message, { details, cause: err });
    },

    /**
     * Books the late client at `start` today (the missed visit's service and person); the
     * missed visit is left out of the per-person rules and recorded as kept.
     */
    book(req: LateArrivalBookRequest, channel: BookingChannel, actor: string | null): VisitSummary {
      const now = ctx.now();
      const zone = settings().timeZone;
      if (localDay(req.start, zone) !== localDay(now, zone))
        throw invalid('a late arrival is booked for today only');
      const missed = missedVisit(req, now);
      // The calendar's own person key; a cached portal visit without one: the card's hash, or a
      // key of the code (the new visit then counts for nobody else).
      const personKey =
        store.visit(missed.code)?.personKey ??
        (req.bookingPesel !== undefined ? ctx.hashPesel(req.bookingPesel) : `late:${missed.code}`);
      return deps.bookAs(
        personKey,
        { serviceId: missed.serviceId, start: req.start },
        channel,
        actor,
        missed,
      );
    },
  };
}
/** The late-arrival use cases. */
export type LateArrivalCommands = ReturnType<typeof lateArrivalCommands>;
