import type { CalendarPlan, CalendarVisit } from '@skr/protocol/calendar';
import { localDay } from '@skr/protocol/time-zone';
import { type DomainError } from '../domain-error';
import { refusal, type CalendarView } from './booking-decision';
import { assign } from './matching';
import { buildSlots } from './slots';

/**
 * The future booked visits that would lose their place under `next`: their slot is gone, no
 * longer serves their service, or more visits than places remain (earlier bookings keep theirs).
 * Sides are ignored: the escrow is re-split around the visits when a plan is applied.
 */
export function strandedVisits(
  next: CalendarPlan,
  zone: string,
  visits: readonly CalendarVisit[],
  now: Date,
): CalendarVisit[] {
  const future = visits
    .filter((v) => v.status === 'booked' && Date.parse(v.start) > now.getTime())
    .sort((a, b) => a.bookedAt.localeCompare(b.bookedAt) || a.code.localeCompare(b.code));
  if (future.length === 0) return [];
  const days = future.map((v) => localDay(v.start, zone)).sort();
  const first = days[0] ?? '';
  const last = days[days.length - 1] ?? first;
  const slots = new Map(buildSlots(next, first, last, zone).map((s) => [s.start, s]));
  const stranded: CalendarVisit[] = [];
  const byStart = groupByStart(future);
  for (const [start, group] of byStart) {
    const slot = slots.get(start);
    const places = (slot?.units ?? [])
      .filter((u) => u.owner !== 'walk-in')
      .map((u) => ({ key: u.counterId, serviceIds: u.serviceIds }));
    const { unmatched } = assign(
      places,
      group.map((v) => ({ id: v.code, serviceId: v.serviceId })),
    );
    const lost = new Set(unmatched);
    stranded.push(...group.filter((v) => lost.has(v.code)));
  }
  return stranded;
}

/**
 * Decides replacing the plan: accepted with the visits it strands listed when the manager has
 * seen them (`acceptStranded`), otherwise refused with reason "stranded" and the list.
 */
export function decidePlanChange(
  view: CalendarView,
  next: CalendarPlan,
  visits: readonly CalendarVisit[],
  opts: { acceptStranded: boolean },
  now: Date,
): { plan: CalendarPlan; stranded: CalendarVisit[] } | DomainError {
  const stranded = strandedVisits(next, view.zone, visits, now);
  if (stranded.length > 0 && !opts.acceptStranded)
    return refusal(
      'stranded',
      `the new plan leaves ${String(stranded.length)} booked visits without a place`,
      {
        stranded: stranded.map((v) => ({ code: v.code, start: v.start, serviceId: v.serviceId })),
      },
    );
  return { plan: next, stranded };
}

/** Visits grouped by slot start (Map.groupBy needs ES2024 lib). */
function groupByStart(visits: readonly CalendarVisit[]): Map<string, CalendarVisit[]> {
  const out = new Map<string, CalendarVisit[]>();
  for (const v of visits) out.set(v.start, [...(out.get(v.start) ?? []), v]);
  return out;
}
