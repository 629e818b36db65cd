import type { CalendarVisit, DaySlot } from '@skr/protocol/calendar';
import type { CalendarView } from './booking-decision';
import { spareFor } from './matching';
import { buildSlots } from './slots';

/**
 * The manager's view of one local day: every slot the plan gives (past ones too), its counters
 * by holder, and for each service it serves the places it would have empty and the visits
 * booked there by either side. Pure: the caller reads the plan, ledger and visits.
 */
export function dayOverview(
  view: CalendarView,
  visits: readonly CalendarVisit[],
  day: string,
): DaySlot[] {
  const booked = new Map<string, CalendarVisit[]>();
  for (const v of visits)
    if (v.status === 'booked') booked.set(v.start, [...(booked.get(v.start) ?? []), v]);
  return buildSlots(view.plan, day, day, view.zone, view.ledger).map((slot) => {
    const bookable = slot.units
      .filter((u) => u.owner !== 'walk-in')
      .map((u) => ({ key: u.counterId, serviceIds: u.serviceIds }));
    const here = booked.get(slot.start) ?? [];
    const serviceIds = [...new Set(slot.units.flatMap((u) => u.serviceIds))].sort();
    const count = (owner: string) => slot.units.filter((u) => u.owner === owner).length;
    return {
      start: slot.start,
      time: slot.time,
      walkIn: count('walk-in'),
      branch: count('branch'),
      portal: count('portal'),
      services: serviceIds.map((serviceId) => ({
        serviceId,
        capacity: spareFor(bookable, [], serviceId),
        booked: here.filter((v) => v.serviceId === serviceId).length,
      })),
    };
  });
}
