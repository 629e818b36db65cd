import { CalendarPlan, type CalendarVisit } from '@skr/protocol/calendar';
import type { CalendarView } from './booking-decision';

// Test data for the calendar: a Warsaw branch with four counters open for booked visits on
// weekday mornings. Not exported from index.ts; only tests import it.

/** The zone every calendar test uses. */
export const ZONE = 'Europe/Warsaw';

/** Weekday mornings 08:00–12:00 on four counters; shares given by the caller. */
export function morningPlan(walkInSharePercent = 0, portalSharePercent = 0): CalendarPlan {
  const blocks = [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, from: '08:00', to: '12:00', counterId: 'c1', serviceIds: ['emerytury', 'zasilki'] },
    { weekday, from: '08:00', to: '12:00', counterId: 'c2', serviceIds: ['emerytury'] },
    { weekday, from: '08:00', to: '12:00', counterId: 'c3', serviceIds: ['skladki'] },
    { weekday, from: '08:00', to: '12:00', counterId: 'c4', serviceIds: ['zasilki', 'skladki'] },
  ]);
  return CalendarPlan.parse({ blocks, walkInSharePercent, portalSharePercent });
}

/** A view on the plan with an empty escrow ledger. */
export function viewOf(plan: CalendarPlan): CalendarView {
  return { plan, zone: ZONE, ledger: {} };
}

/** A booked visit with defaults (branch side, kiosk channel). */
export function visit(
  p: Partial<CalendarVisit> & Pick<CalendarVisit, 'code' | 'start'>,
): CalendarVisit {
  return {
    personKey: `person-${p.code}`,
    serviceId: 'emerytury',
    side: 'branch',
    channel: 'kiosk',
    status: 'booked',
    bookedAt: '2026-11-01T10:00:00.000Z',
    ...p,
  };
}
