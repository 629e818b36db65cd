import { CalendarPlan } from '@skr/protocol/calendar';
import { createClient } from '@skr/protocol/client';
import { branchApi } from '@skr/protocol/routes';
import { demoCounters } from '../branch-server/src/seed/demo-branch';

/**
 * The demo branch's weekly plan of booked visits: Monday to Friday 08:00–16:00, each counter
 * taking visits of the services it mainly serves (skill 2 or 3), half of the places escrowed
 * to the portal. Without a plan the kiosk, the desk and the portal stand-in offer no visit.
 */
export function demoCalendarPlan(): CalendarPlan {
  const blocks = [1, 2, 3, 4, 5].flatMap((weekday) =>
    demoCounters.map((c) => ({
      weekday,
      from: '08:00',
      to: '16:00',
      counterId: String(c.id),
      serviceIds: Object.keys(c.skills).filter((s) => (c.skills[s] ?? 0) >= 2),
    })),
  );
  // No counter is kept aside for walk-ins (they are called between visits at every counter):
  // with the usual 30 % a slot's rotating walk-in counters can be both of a service's, and the
  // visit the portal stand-in books for its demo client before the plan exists would lose its
  // place (the plan change is then refused as "stranded").
  return CalendarPlan.parse({
    blocks: blocks.filter((b) => b.serviceIds.length > 0),
    walkInSharePercent: 0,
  });
}

/** Saves the demo plan as the manager when the branch has none; true when it saved it. */
export async function seedDemoCalendar(url: string, managerPassword: string): Promise<boolean> {
  const api = createClient(branchApi, { baseUrl: url });
  const { token } = await api.call('login', {
    body: { username: 'kierownik', password: managerPassword },
  });
  const manager = api.withToken(token);
  try {
    const { plan } = await manager.call('getCalendarPlan', {});
    if (plan && plan.blocks.length > 0) return false;
    await manager.call('putCalendarPlan', { body: { plan: demoCalendarPlan() } });
    return true;
  } finally {
    await manager.call('logout', {}).catch(() => undefined);
  }
}
