import type { TestBranch } from './harness';

/**
 * Saves, as the manager, a calendar plan in which one counter takes booked visits of
 * `serviceIds` every day 08:00–16:00, nothing kept for walk-ins or the portal: one place per
 * half hour on any day a browser test runs. Returns the manager's token.
 */
export async function putEveryDayPlan(b: TestBranch, serviceIds: string[]): Promise<string> {
  const manager = await b.login('kierownik');
  const plan = {
    blocks: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      weekday,
      from: '08:00',
      to: '16:00',
      counterId: 'c1',
      serviceIds,
    })),
    walkInSharePercent: 0,
    portalSharePercent: 0,
  };
  const r = await b.api('PUT', '/api/v1/manager/calendar/plan', manager, { plan });
  if (r.status !== 200) throw new Error(`plan: ${r.status} ${JSON.stringify(r.body)}`);
  return manager;
}
