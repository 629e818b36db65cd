// Polish statutory holidays over HTTP (issue 14): no slot on Wigilia and Christmas for any
// channel, the manager's day view names the holiday, and a branch with opening hours takes no
// walk-ins that day. A plan may switch the holidays off (training and test branches).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVERY_DAY, weeklyPlan } from './booking-plan';
import { startTestBranch, type TestBranch } from './harness';

// Tuesday 1 December 2026, 09:00 in Warsaw; later moved to Thursday 24 December, 10:00.
let now = new Date('2026-12-01T08:00:00Z');
const plan = weeklyPlan({ weekdays: EVERY_DAY, from: '10:00', to: '11:00', counters: ['c1'] });

let b: TestBranch;
let tokens: { kiosk: string; desk: string; manager: string; admin: string };
beforeAll(async () => {
  b = await startTestBranch({ now: () => now, serveApps: false });
  const [kiosk, desk, manager, admin] = await Promise.all([
    b.device('kiosk'),
    ...['urzednik1', 'kierownik', 'admin'].map((user) => b.login(user)),
  ]);
  tokens = { kiosk: kiosk!, desk: desk!, manager: manager!, admin: admin! };
}, 60_000);
afterAll(() => b?.close());

const putPlan = async (p: object) =>
  expect(
    (await b.api('PUT', '/api/v1/manager/calendar/plan', tokens.manager, { plan: p })).status,
  ).toBe(200);

/** The local days with a slot for pensions from 23 to 28 December, as `token` sees them. */
async function slotDays(token: string): Promise<string[]> {
  const r = await b.api(
    'GET',
    '/api/v1/calendar/slots?serviceId=emerytury&from=2026-12-23&to=2026-12-28',
    token,
  );
  expect(r.status).toBe(200);
  return [...new Set((r.body.slots as { day: string }[]).map((s) => s.day))];
}

describe('statutory holidays', () => {
  it('offers no slot on 24 and 25 December 2026 to the kiosk or the desk', async () => {
    await putPlan(plan);
    // 26 December is a Saturday and a holiday too; 27 a Sunday the plan opens.
    for (const token of [tokens.kiosk, tokens.desk])
      expect(await slotDays(token)).toEqual(['2026-12-23', '2026-12-27', '2026-12-28']);
    const booked = await b.api('POST', '/api/v1/calendar/visits', tokens.kiosk, {
      serviceId: 'emerytury',
      start: '2026-12-25T09:00:00.000Z',
      pesel: '44051401359',
    });
    expect(booked.status).toBe(409);
  });

  it("names the holiday in the manager's day view", async () => {
    const day = async (d: string) =>
      (await b.api('GET', `/api/v1/manager/calendar/day?day=${d}`, tokens.manager)).body;
    expect(await day('2026-12-24')).toEqual({
      day: '2026-12-24',
      slots: [],
      publicHoliday: 'christmas-eve',
    });
    const ordinary = await day('2026-12-23');
    expect(ordinary.publicHoliday).toBeNull();
    expect(ordinary.slots).toHaveLength(2);
  });

  it('opens them for a plan with publicHolidays none', async () => {
    await putPlan({ ...plan, publicHolidays: 'none' });
    expect(await slotDays(tokens.kiosk)).toEqual([
      '2026-12-23',
      '2026-12-24',
      '2026-12-25',
      '2026-12-26',
      '2026-12-27',
      '2026-12-28',
    ]);
    await putPlan(plan);
  });

  it('takes no walk-in on a holiday when the branch has opening hours', async () => {
    const cfg = (await b.api('GET', '/api/v1/config', tokens.admin)).body;
    const hours = { days: [1, 2, 3, 4, 5], from: '08:00', to: '16:00' };
    for (const s of cfg.services as { id: string; active: boolean }[]) {
      if (!s.active) continue;
      const put = await b.api('PUT', `/api/v1/config/services/${s.id}`, tokens.admin, {
        ...s,
        openingHours: hours,
      });
      expect(put.status).toBe(200);
    }
    now = new Date('2026-12-23T09:00:00Z'); // Wednesday, 10:00
    const open = await b.api('POST', '/api/v1/tickets', tokens.kiosk, { serviceId: 'emerytury' });
    expect(open.status).toBe(201);
    expect((await b.api('GET', '/api/v1/opening', tokens.kiosk)).body.open).toBe(true);
    now = new Date('2026-12-24T09:00:00Z'); // Wigilia, 10:00
    const shut = await b.api('POST', '/api/v1/tickets', tokens.kiosk, { serviceId: 'emerytury' });
    expect(shut.status).toBe(409);
    expect(shut.body.details).toMatchObject({ reason: 'closed', holiday: 'christmas-eve' });
    expect(shut.body.message).toBe(
      'Dziś jest dzień ustawowo wolny od pracy: oddział jest nieczynny.',
    );
    // The kiosk's home asks this and hides the tickets.
    expect((await b.api('GET', '/api/v1/opening', tokens.kiosk)).body.open).toBe(false);
  });
});
