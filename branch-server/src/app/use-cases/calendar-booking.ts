import { randomBytes } from 'node:crypto';
import { SkrError } from '@skr/protocol';
import type {
  BookingChannel,
  BookVisitRequest,
  CalendarPlan,
  CalendarVisit,
  SlotAvailability,
  SlotsQuery,
  VisitSummary,
} from '@skr/protocol/calendar';
import { localClock, localDay } from '@skr/protocol/time-zone';
import { conflict, isRefusal, type Booking, type RowChange } from '../../domain';
import { decideBooking, decidePlanChange, refusal, type CalendarView } from '../../domain/calendar';
import { availabilityCache } from './calendar-availability';
import { calendarStore } from './calendar-store';
import { calendarWants } from './calendar-wants';
import { visitChangeCommands } from './calendar-visit-change';
import type { UseCaseContext } from './context';

// Booking at the branch (kiosk, desk, manager) and the manager's plan, through the one write
// pipeline: the decision reads the day's visits inside the change's transaction, so two
// bookings racing for the last place are judged one after the other and never both accepted.

// No 0/O or 1/I: a code is read aloud at the counter and typed from a slip.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A fresh 8-character booking code. */
function newCode(): string {
  return [...randomBytes(8)].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

/** The slip's and the staff's view of a visit: no person data. */
export function visitSummary(v: CalendarVisit, zone: string): VisitSummary {
  return {
    code: v.code,
    serviceId: v.serviceId,
    start: v.start,
    day: localDay(v.start, zone),
    time: localClock(v.start, zone).time,
    channel: v.channel,
    status: v.status,
  };
}

/** The calendar's use cases for one branch. */
export function calendarCommands(ctx: UseCaseContext) {
  const store = calendarStore(ctx.db);
  const cache = availabilityCache(store);
  const zone = () => ctx.state.settings.timeZone;
  const wants = calendarWants(ctx.db, zone);
  const view = (plan: CalendarPlan, from: string, to: string): CalendarView => ({
    plan,
    zone: zone(),
    ledger: store.ledger(from, to),
  });
  const planOrClosed = (): CalendarPlan => {
    const plan = store.plan();
    if (!plan) throw refusal('closed', 'the branch has no calendar plan yet');
    return plan;
  };

  function bookAs(
    personKey: string,
    req: Pick<BookVisitRequest, 'serviceId' | 'start'>,
    channel: BookingChannel,
    actor: string | null,
    replaces?: Booking,
  ): VisitSummary {
    let booked: CalendarVisit | undefined;
    const decide = () => {
      const now = ctx.now();
      const day = localDay(req.start, zone());
      // The missed visit the new one replaces is read again in the change's transaction: a
      // second request for it (another kiosk, a retry) finds it kept and is refused.
      const missed = replaces && ctx.bookings.get(replaces.code);
      if (replaces && missed?.status !== 'booked')
        return conflict('this booking is already checked in', { bookingCode: replaces.code });
      const d = decideBooking(
        view(planOrClosed(), day, day),
        store.visitsOn(day).filter((v) => v.code !== replaces?.code),
        {
          code: newCode(),
          personKey,
          serviceId: req.serviceId,
          start: req.start,
          side: 'branch',
          channel,
        },
        now,
      );
      if (isRefusal(d)) return d;
      booked = d.visit;
      return {
        events: [
          {
            at: now.toISOString(),
            // In place of a missed visit it is that visit moved: the notifier moves the client's
            // contact to the new code and confirms it, as for a rebook.
            type: missed ? ('booking.rebooked' as const) : ('booking.created' as const),
            actor,
            booking: {
              code: d.visit.code,
              serviceId: d.visit.serviceId,
              start: d.visit.start,
              ...(missed ? { previousCode: missed.code } : {}),
            },
          },
        ],
        rows: [
          { row: 'calendar-visit' as const, visit: d.visit, day },
          // The client came: the missed visit is kept (checked in without a ticket), so the end
          // of the day does not record it as a no-show too.
          ...(missed
            ? [
                {
                  row: 'booking',
                  booking: {
                    ...missed,
                    status: 'checked-in',
                    ticketId: null,
                    updatedAt: now.toISOString(),
                  },
                } satisfies RowChange,
              ]
            : []),
        ],
      };
    };
    try {
      ctx.uow.run(decide);
    } catch (e) {
      // Full here while the portal may hold spare places: ask for one (after the rollback).
      if (
        e instanceof SkrError &&
        (e.details as { reason?: string } | undefined)?.reason === 'full'
      )
        wants.noteFull(req.start, req.serviceId);
      throw e;
    }
    if (!booked) throw new SkrError('INTERNAL', 'booking committed without a visit');
    return visitSummary(booked, zone());
  }

  return {
    /** The saved plan, or null. */
    plan: (): CalendarPlan | null => store.plan(),

    /** Replaces the plan; CONFLICT "stranded" with the list unless the manager accepted it. */
    savePlan(next: CalendarPlan, acceptStranded: boolean, actor: string | null) {
      let stranded: CalendarVisit[] = [];
      ctx.uow.run(() => {
        const now = ctx.now();
        const current = store.plan() ?? next;
        const d = decidePlanChange(
          { plan: current, zone: zone(), ledger: {} },
          next,
          store.bookedAfter(now.toISOString()),
          { acceptStranded },
          now,
        );
        if (isRefusal(d)) return d;
        stranded = d.stranded;
        return {
          events: [{ at: now.toISOString(), type: 'config.changed' as const, actor }],
          rows: [{ row: 'calendar-plan' as const, plan: d.plan }],
        };
      });
      return { plan: next, stranded: stranded.map((v) => visitSummary(v, zone())) };
    },

    /** Free slots of one service as the branch can book them now. */
    slots(q: SlotsQuery): SlotAvailability[] {
      const plan = store.plan();
      if (!plan) return [];
      return cache.slots(plan, zone(), { ...q, side: 'branch' }, ctx.now());
    },

    /** How many local days availability computed rather than read from memory. */
    availabilityComputedDays: (): number => cache.computedDays(),

    /** Books a visit on the branch's share; CONFLICT with details.reason when a rule refuses. */
    book(req: BookVisitRequest, channel: BookingChannel, actor: string | null): VisitSummary {
      return bookAs(ctx.hashPesel(req.pesel), req, channel, actor);
    },

    /**
     * Books for a person already known by their key (a late arrival's missed visit, `replaces`):
     * the missed visit is judged as if it were not there (it neither counts nor holds a place)
     * and, in the same change, recorded as kept (checked in without a ticket), not a no-show.
     */
    bookAs,

    ...visitChangeCommands(ctx, {
      store,
      zone,
      planOrClosed,
      newCode,
      summary: (v) => visitSummary(v, zone()),
    }),
  };
}
/** The calendar use cases. */
export type CalendarCommands = ReturnType<typeof calendarCommands>;
