import type { BookingSide, CalendarVisit, SlotAvailability } from '@skr/protocol/calendar';
import type { CalendarView } from './booking-decision';
import { sideDemands, sidePlaces } from './booking-decision';
import { spareFor } from './matching';
import { buildSlots } from './slots';

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
  const earliest = now.getTime() + view.plan.rules.minLeadMinutes * 60_000;
  const out: SlotAvailability[] = [];
  // Group once: scanning every visit for every slot is 240 × visits for 30 days.
  const byStart = new Map<string, CalendarVisit[]>();
  for (const v of visits) byStart.set(v.start, [...(byStart.get(v.start) ?? []), v]);
  for (const slot of buildSlots(view.plan, q.from, q.to, view.zone, view.ledger)) {
    if (Date.parse(slot.start) < earliest) continue;
    const bookable = slot.units
      .filter((u) => u.owner !== 'walk-in')
      .map((u) => ({ key: u.counterId, serviceIds: u.serviceIds }));
    const capacity = spareFor(bookable, [], q.serviceId);
    if (capacity === 0) continue;
    const free = spareFor(
      sidePlaces(slot, q.side),
      sideDemands(byStart.get(slot.start) ?? [], slot.start, q.side),
      q.serviceId,
    );
    out.push({
      start: slot.start,
      day: slot.day,
      time: slot.time,
      serviceId: q.serviceId,
      capacity,
      free,
    });
  }
  return out;
}
