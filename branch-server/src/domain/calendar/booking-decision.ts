import type {
  BookingChannel,
  BookingRefusal,
  BookingSide,
  CalendarPlan,
  CalendarVisit,
  Slot,
} from '@skr/protocol/calendar';
import { localDay } from '@skr/protocol/time-zone';
import { conflict, invalid, isRefusal, notFound, type DomainError } from '../domain-error';
import { fitsAll } from './matching';
import { buildSlots, type EscrowLedger } from './slots';

// The booking rules, the same for every channel: a slot must exist and serve the service, start
// at least minLeadMinutes after now and within the horizon, the person may hold at most
// maxVisitsPerDay visits that day, minGapMinutes apart, and the visits of the booking side must
// still fit the places that side holds in the slot (escrow: each side books only its own places,
// so no interleaving of the two sides can exceed the slot — see docs/bookings.md).

/** What a calendar decision needs to know besides the visits: the plan, zone and escrow ledger. */
export interface CalendarView {
  readonly plan: CalendarPlan;
  readonly zone: string;
  readonly ledger: EscrowLedger;
}

/** A request to book a visit on one side, from one channel. */
export interface BookCommand {
  code: string;
  personKey: string;
  serviceId: string;
  /** Slot start, ISO. */
  start: string;
  side: BookingSide;
  channel: BookingChannel;
}

/** A CONFLICT whose details.reason a client turns into a message in its language. */
export function refusal(
  reason: BookingRefusal,
  message: string,
  details: Record<string, unknown> = {},
): DomainError {
  return conflict(message, { reason, ...details });
}

/** The slot starting at `start` in the view, or undefined when the plan has none then. */
export function slotAt(view: CalendarView, start: string): Slot | undefined {
  const day = localDay(start, view.zone);
  return buildSlots(view.plan, day, day, view.zone, view.ledger).find((s) => s.start === start);
}

/** The active visits of one side in a slot, as matching demands, in booking order. */
export function sideDemands(visits: readonly CalendarVisit[], start: string, side: BookingSide) {
  return visits
    .filter((v) => v.status === 'booked' && v.start === start && v.side === side)
    .sort((a, b) => a.bookedAt.localeCompare(b.bookedAt) || a.code.localeCompare(b.code))
    .map((v) => ({ id: v.code, serviceId: v.serviceId }));
}

/** The places a side holds in a slot, as matching places. */
export function sidePlaces(slot: Slot, side: BookingSide) {
  return slot.units
    .filter((u) => u.owner === side)
    .map((u) => ({ key: u.counterId, serviceIds: u.serviceIds }));
}

/** Decides a booking: the new visit, or a CONFLICT naming the rule (closed, too-late, …). */
export function decideBooking(
  view: CalendarView,
  visits: readonly CalendarVisit[],
  cmd: BookCommand,
  now: Date,
): { visit: CalendarVisit } | DomainError {
  const startMs = Date.parse(cmd.start);
  if (Number.isNaN(startMs)) return invalid('start must be an ISO instant');
  const start = new Date(startMs).toISOString();
  const rules = view.plan.rules;
  if (visits.some((v) => v.code === cmd.code)) return conflict(`visit ${cmd.code} exists`);
  const slot = slotAt(view, start);
  if (
    !slot ||
    !slot.units.some((u) => u.owner !== 'walk-in' && u.serviceIds.includes(cmd.serviceId))
  )
    return refusal('closed', 'the branch takes no booked visits of this service then');
  const lead = (startMs - now.getTime()) / 60_000;
  if (lead < rules.minLeadMinutes)
    return refusal(
      'too-late',
      `a visit can be booked at the latest ${String(rules.minLeadMinutes)} min before it starts`,
      {
        minLeadMinutes: rules.minLeadMinutes,
      },
    );
  if (lead > rules.horizonDays * 24 * 60)
    return refusal('closed', `visits can be booked up to ${String(rules.horizonDays)} days ahead`);
  const mine = visits.filter(
    (v) =>
      v.status === 'booked' &&
      v.personKey === cmd.personKey &&
      localDay(v.start, view.zone) === slot.day,
  );
  if (mine.length >= rules.maxVisitsPerDay)
    return refusal(
      'daily-limit',
      `at most ${String(rules.maxVisitsPerDay)} visits a day per person`,
      {
        maxVisitsPerDay: rules.maxVisitsPerDay,
      },
    );
  // Visits of one person must leave minGapMinutes between one's end and the next one's start.
  const span = (rules.visitMinutes + rules.minGapMinutes) * 60_000;
  if (mine.some((v) => Math.abs(Date.parse(v.start) - startMs) < span))
    return refusal(
      'gap',
      `${String(rules.minGapMinutes)} min must pass between two visits of one person`,
      {
        minGapMinutes: rules.minGapMinutes,
      },
    );
  const demands = [
    ...sideDemands(visits, start, cmd.side),
    { id: cmd.code, serviceId: cmd.serviceId },
  ];
  if (!fitsAll(sidePlaces(slot, cmd.side), demands))
    return refusal('full', 'no free place for this service at this time');
  return {
    visit: {
      code: cmd.code,
      personKey: cmd.personKey,
      serviceId: cmd.serviceId,
      start,
      side: cmd.side,
      channel: cmd.channel,
      status: 'booked',
      bookedAt: now.toISOString(),
    },
  };
}

/** Decides a cancellation: the cancelled visit; a visit that has started cannot be cancelled. */
export function decideCancel(
  visits: readonly CalendarVisit[],
  code: string,
  now: Date,
): { visit: CalendarVisit } | DomainError {
  const visit = visits.find((v) => v.code === code && v.status === 'booked');
  if (!visit) return notFound(`no booked visit ${code}`);
  if (Date.parse(visit.start) <= now.getTime())
    return refusal('past', 'a visit that has started cannot be cancelled');
  return { visit: { ...visit, status: 'cancelled' } };
}

/**
 * Decides moving a visit to another slot (and service) in one step: the old visit is judged as
 * cancelled, so it neither counts against the daily limit nor holds its place; when the new
 * booking is refused the old visit stays as it was.
 */
export function decideRebook(
  view: CalendarView,
  visits: readonly CalendarVisit[],
  cmd: {
    code: string;
    newCode: string;
    start: string;
    serviceId?: string;
    /** The side acting: the new visit takes one of its places. */
    side: BookingSide;
    channel: BookingChannel;
  },
  now: Date,
): { cancelled: CalendarVisit; visit: CalendarVisit } | DomainError {
  const cancelled = decideCancel(visits, cmd.code, now);
  if (isRefusal(cancelled)) return cancelled;
  const old = cancelled.visit;
  const rest = visits.map((v) => (v.code === old.code ? old : v));
  const booked = decideBooking(
    view,
    rest,
    {
      code: cmd.newCode,
      personKey: old.personKey,
      serviceId: cmd.serviceId ?? old.serviceId,
      start: cmd.start,
      side: cmd.side,
      channel: cmd.channel,
    },
    now,
  );
  if (isRefusal(booked)) return booked;
  return { cancelled: old, visit: booked.visit };
}
