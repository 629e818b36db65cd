import type { BookingSide, CalendarVisit, Slot, SlotAvailability } from '@skr/protocol/calendar';
import type { CalendarView } from './booking-decision';
import { sideDemands, sidePlaces } from './booking-decision';
import { spareFor } from './matching';
import { buildSlots, daysBetween } from './slots';

/** What availability asks: one service, on one side (the branch books only its own places). */
export interface AvailabilityQuery {
  readonly serviceId: string;
  readonly side: BookingSide;
}

/** The visits grouped by slot start: scanning every visit for every slot is 240 × visits a month. */
function byStart(visits: readonly CalendarVisit[]): Map<string, CalendarVisit[]> {
  const out = new Map<string, CalendarVisit[]>();
  for (const v of visits) {
    const list = out.get(v.start);
    if (list) list.push(v);
    else out.set(v.start, [v]);
  }
  return out;
}

/** The availability of one slot, or undefined when no bookable place serves the service. */
function slotAvailability(
  slot: Slot,
  visitsAt: readonly CalendarVisit[],
  q: AvailabilityQuery,
): SlotAvailability | undefined {
  // With nothing booked, every bookable place serving the service takes one visit of it.
  let capacity = 0;
  for (const u of slot.units)
    if (u.owner !== 'walk-in' && u.serviceIds.includes(q.serviceId)) capacity += 1;
  if (capacity === 0) return undefined;
  const free = spareFor(
    sidePlaces(slot, q.side),
    sideDemands(visitsAt, slot.start, q.side),
    q.serviceId,
  );
  return {
    start: slot.start,
    day: slot.day,
    time: slot.time,
    serviceId: q.serviceId,
    capacity,
    free,
  };
}

/**
 * Every slot of one local day that serves the service, with its capacity and the places the side
 * can still book, whatever the time now. It reads only that day's plan, ledger and visits, so a
 * caller may keep it until one of those changes; the lead-time cut is the caller's (`bookableNow`).
 */
export function dayAvailability(
  view: CalendarView,
  dayVisits: readonly CalendarVisit[],
  day: string,
  q: AvailabilityQuery,
): SlotAvailability[] {
  return daySlots(view, byStart(dayVisits), day, q);
}

function daySlots(
  view: CalendarView,
  at: ReadonlyMap<string, readonly CalendarVisit[]>,
  day: string,
  q: AvailabilityQuery,
): SlotAvailability[] {
  const out: SlotAvailability[] = [];
  for (const slot of buildSlots(view.plan, day, day, view.zone, view.ledger)) {
    const a = slotAvailability(slot, at.get(slot.start) ?? [], q);
    if (a) out.push(a);
  }
  return out;
}

/** The slots no channel may book any more (starting before now + minLeadMinutes) left out. */
export function bookableNow(
  slots: readonly SlotAvailability[],
  view: Pick<CalendarView, 'plan'>,
  now: Date,
): SlotAvailability[] {
  const earliest = now.getTime() + view.plan.rules.minLeadMinutes * 60_000;
  return slots.filter((s) => Date.parse(s.start) >= earliest);
}

/**
 * The slots from `from` to `to` (local days) that serve `serviceId`, with the places the service
 * has and those `side` can still book; slots starting before now + minLeadMinutes are left out,
 * since no channel may book them any more.
 */
export function availability(
  view: CalendarView,
  visits: readonly CalendarVisit[],
  q: { from: string; to: string; serviceId: string; side: BookingSide },
  now: Date,
): SlotAvailability[] {
  const at = byStart(visits);
  const out: SlotAvailability[] = [];
  for (const { day } of daysBetween(q.from, q.to)) out.push(...daySlots(view, at, day, q));
  return bookableNow(out, view, now);
}
