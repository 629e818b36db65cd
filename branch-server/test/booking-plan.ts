import type { TestBranch } from './harness';

/** Monday (1) to Sunday (7). */
export const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

/** When and where visits are booked: the same hours at each counter on each weekday. */
export interface PlanHours {
  weekdays: number[];
  from: string;
  to: string;
  counters: string[];
  /** Percent of the places kept for walk-ins and escrowed to the portal (default 0). */
  walkIn?: number;
  portal?: number;
}

/**
 * A calendar plan (the body's `plan`) in which every counter of `hours` takes `serviceIds`, or
 * what `serviceIds(i)` gives for the i-th counter (from 0).
 */
export function weeklyPlan(
  hours: PlanHours,
  serviceIds: string[] | ((counter: number) => string[]) = ['emerytury'],
) {
  const servicesOf = typeof serviceIds === 'function' ? serviceIds : () => serviceIds;
  return {
    blocks: hours.weekdays.flatMap((weekday) =>
      hours.counters.map((counterId, i) => ({
        weekday,
        from: hours.from,
        to: hours.to,
        counterId,
        serviceIds: servicesOf(i),
      })),
    ),
    walkInSharePercent: hours.walkIn ?? 0,
    portalSharePercent: hours.portal ?? 0,
  };
}

/** `n` counter ids `prefix`1…n, the number padded to `digits` ("s01"). */
export function counterIds(prefix: string, n: number, digits = 1): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(digits, '0')}`);
}

/**
 * Saves, as the manager, a calendar plan in which one counter takes booked visits of
 * `serviceIds` every day 08:00–16:00, nothing kept for walk-ins or the portal: one place per
 * half hour on any day a browser test runs (statutory holidays too: these tests run on the real
 * date, and on 22 December "two days ahead" is Wigilia). Returns the manager's token.
 */
export async function putEveryDayPlan(b: TestBranch, serviceIds: string[]): Promise<string> {
  const manager = await b.login('kierownik');
  const plan = {
    ...weeklyPlan(
      { weekdays: EVERY_DAY, from: '08:00', to: '16:00', counters: ['c1'] },
      serviceIds,
    ),
    publicHolidays: 'none',
  };
  const r = await b.api('PUT', '/api/v1/manager/calendar/plan', manager, { plan });
  if (r.status !== 200) throw new Error(`plan: ${r.status} ${JSON.stringify(r.body)}`);
  return manager;
}
