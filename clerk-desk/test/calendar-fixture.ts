import { expect } from 'vitest';
import { pesel } from '../../branch-server/test/calendar-people';
import type { TestBranch } from '../../branch-server/test/harness';

/**
 * The manager tests' calendar: on Wednesdays 10:00–12:00 three counters take pensions (the third
 * also benefits), a third of the places kept for walk-ins; `extra` adds to the plan.
 */
export function wednesdayPlan(extra: Record<string, unknown> = {}) {
  return {
    blocks: ['1', '2', '3'].map((counterId) => ({
      weekday: 3,
      from: '10:00',
      to: '12:00',
      counterId,
      serviceIds: counterId === '3' ? ['emerytury', 'zasilki'] : ['emerytury'],
    })),
    walkInSharePercent: 34,
    portalSharePercent: 0,
    ...extra,
  };
}

/**
 * Saves `plan` as the manager and books two pension visits at the kiosk on Wednesday
 * 2 December 2026 at 10:00 (the slot's two bookable places); answers their codes.
 */
export async function planWithTwoVisits(b: TestBranch, plan: object): Promise<string[]> {
  const manager = await b.login('kierownik');
  const kiosk = await b.device('kiosk');
  expect((await b.api('PUT', '/api/v1/manager/calendar/plan', manager, { plan })).status).toBe(200);
  const codes: string[] = [];
  for (const person of [1, 2]) {
    const r = await b.api('POST', '/api/v1/calendar/visits', kiosk, {
      serviceId: 'emerytury',
      start: '2026-12-02T09:00:00.000Z',
      pesel: pesel(person),
    });
    expect(r.status).toBe(201);
    codes.push(r.body.visit.code as string);
  }
  return codes;
}
