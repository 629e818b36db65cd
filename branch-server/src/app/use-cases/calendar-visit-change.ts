import { SkrError } from '@skr/protocol';
import type {
  BookingChannel,
  CalendarPlan,
  CalendarVisit,
  RebookVisitRequest,
  VisitOwnerProof,
  VisitSummary,
} from '@skr/protocol/calendar';
import { localDay } from '@skr/protocol/time-zone';
import { isRefusal, notFound } from '../../domain';
import {
  decideBranchCancel,
  decideBranchRebook,
  type VisitChangeCaller,
} from '../../domain/calendar';
import type { DomainEvent, RowChange } from '../../domain/records';
import type { CalendarStore } from './calendar-store';
import type { UseCaseContext } from './context';

// Cancel and rebook at the branch, through the one write pipeline like a booking: the visits
// the decision reads are read inside the change's transaction. The events name the visit, so
// the notifier (inside the same transaction) drops its reminder and queues the notice.

/** What the change use cases share with booking. */
export interface VisitChangeDeps {
  store: CalendarStore;
  zone: () => string;
  planOrClosed: () => CalendarPlan;
  newCode: () => string;
  summary: (v: CalendarVisit) => VisitSummary;
}

const upper = (code: string) => code.toUpperCase();

/** The visit's row and the event saying what happened to it. */
function visitRow(v: CalendarVisit, zone: string): RowChange {
  return { row: 'calendar-visit', visit: v, day: localDay(v.start, zone) };
}

/** The calendar's cancel and rebook use cases. */
export function visitChangeCommands(ctx: UseCaseContext, d: VisitChangeDeps) {
  const callerOf = (proof: VisitOwnerProof, channel: BookingChannel): VisitChangeCaller => ({
    channel,
    personKey: proof.pesel === undefined ? undefined : ctx.hashPesel(proof.pesel),
  });
  /** The visits of the old visit's day (and of `alsoDay`): what the rules look at. */
  const visitsAround = (code: string, alsoDay?: string): CalendarVisit[] => {
    const old = d.store.visit(code);
    if (!old) return [];
    const day = localDay(old.start, d.zone());
    const same = alsoDay === undefined || alsoDay === day;
    return [...d.store.visitsOn(day), ...(same ? [] : d.store.visitsOn(alsoDay))];
  };
  const event = (
    type: DomainEvent['type'],
    v: CalendarVisit,
    actor: string | null,
    at: string,
    previousCode?: string,
  ): DomainEvent => ({
    at,
    type,
    actor,
    booking: { code: v.code, serviceId: v.serviceId, start: v.start, previousCode },
  });

  return {
    /** Cancels a branch visit; the kiosk and desk prove it with the client's PESEL. */
    cancel(
      code: string,
      proof: VisitOwnerProof,
      channel: BookingChannel,
      actor: string | null,
    ): VisitSummary {
      const caller = callerOf(proof, channel);
      let done: CalendarVisit | undefined;
      ctx.uow.run(() => {
        const now = ctx.now();
        const r = decideBranchCancel(visitsAround(upper(code)), upper(code), caller, now);
        if (isRefusal(r)) return r;
        done = r.visit;
        return {
          events: [event('booking.cancelled', r.visit, actor, now.toISOString())],
          rows: [visitRow(r.visit, d.zone())],
        };
      });
      if (!done) throw new SkrError('INTERNAL', 'cancellation committed without a visit');
      return d.summary(done);
    },

    /** Moves a branch visit to another slot in one step; a refusal leaves the old visit as it was. */
    rebook(
      code: string,
      req: RebookVisitRequest,
      channel: BookingChannel,
      actor: string | null,
    ): { cancelled: VisitSummary; visit: VisitSummary } {
      const caller = callerOf(req, channel);
      let done: { cancelled: CalendarVisit; visit: CalendarVisit } | undefined;
      ctx.uow.run(() => {
        const now = ctx.now();
        const plan = d.planOrClosed();
        const day = localDay(req.start, d.zone());
        const visits = visitsAround(upper(code), day);
        if (visits.length === 0) return notFound(`no booked visit ${upper(code)} for this person`);
        const r = decideBranchRebook(
          { plan, zone: d.zone(), ledger: d.store.ledger(day, day) },
          visits,
          {
            code: upper(code),
            newCode: d.newCode(),
            start: req.start,
            ...(req.serviceId ? { serviceId: req.serviceId } : {}),
          },
          caller,
          now,
        );
        if (isRefusal(r)) return r;
        done = r;
        const at = now.toISOString();
        return {
          events: [event('booking.rebooked', r.visit, actor, at, r.cancelled.code)],
          rows: [visitRow(r.cancelled, d.zone()), visitRow(r.visit, d.zone())],
        };
      });
      if (!done) throw new SkrError('INTERNAL', 'rebooking committed without a visit');
      return { cancelled: d.summary(done.cancelled), visit: d.summary(done.visit) };
    },
  };
}
