// The calendar's reads (issue 14): a visit looked up by code and PESEL before it is cancelled or
// moved (kiosk, desk), answered exactly like a change would be; the manager's day view.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pesel } from './calendar-people';
import { startTestBranch, type TestBranch } from './harness';
import { weeklyPlan } from './booking-plan';

// Tuesday 2026-12-01 09:00 in Warsaw; Wednesday 10:00–11:00 on two counters, one kept for walk-ins.
const NOW = new Date('2026-12-01T08:00:00Z');
const plan = weeklyPlan({
  weekdays: [3],
  from: '10:00',
  to: '11:00',
  counters: ['c1', 'c2'],
  walkIn: 50,
});

let b: TestBranch;
let tokens: { kiosk: string; desk: string; manager: string };
let code: string;
beforeAll(async () => {
  b = await startTestBranch({ now: () => NOW, serveApps: false });
  tokens = {
    kiosk: await b.device('kiosk'),
    desk: await b.login('urzednik1'),
    manager: await b.login('kierownik'),
  };
  expect(
    (await b.api('PUT', '/api/v1/manager/calendar/plan', tokens.manager, { plan })).status,
  ).toBe(200);
  const made = await b.api('POST', '/api/v1/calendar/visits', tokens.kiosk, {
    serviceId: 'emerytury',
    start: '2026-12-02T09:00:00.000Z',
    pesel: pesel(1),
  });
  expect(made.status).toBe(201);
  code = made.body.visit.code as string;
}, 60_000);
afterAll(() => b?.close());

const find = (token: string, c: string, body: object) =>
  b.api('POST', `/api/v1/calendar/visits/${c}/find`, token, body);

describe('finding a visit', () => {
  it('shows it to the kiosk and the desk with the PESEL, in any letter case', async () => {
    for (const token of [tokens.kiosk, tokens.desk]) {
      const r = await find(token, code.toLowerCase(), { pesel: pesel(1) });
      expect(r.status).toBe(200);
      expect(r.body.visit).toMatchObject({
        code,
        day: '2026-12-02',
        time: '10:00',
        status: 'booked',
      });
    }
  });

  it('needs the PESEL (400); a wrong one answers like an unknown code (404)', async () => {
    expect((await find(tokens.kiosk, code, {})).status).toBe(400);
    const wrong = await find(tokens.kiosk, code, { pesel: pesel(2) });
    const unknown = await find(tokens.kiosk, 'NOPE1234', { pesel: pesel(1) });
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(wrong.body.message).toBe(unknown.body.message.replace('NOPE1234', code));
    expect((await find(tokens.manager, code, {})).status).toBe(200);
  });
});

describe("the manager's day view", () => {
  it('lists each slot with walk-in and bookable counters and booked against capacity', async () => {
    const r = await b.api('GET', '/api/v1/manager/calendar/day?day=2026-12-02', tokens.manager);
    expect(r.status).toBe(200);
    expect(r.body.slots.map((s: { time: string }) => s.time)).toEqual(['10:00', '10:30']);
    expect(r.body.slots[0]).toMatchObject({
      walkIn: 1,
      branch: 1,
      portal: 0,
      services: [{ serviceId: 'emerytury', capacity: 1, booked: 1 }],
    });
    expect(r.body.slots[1].services[0].booked).toBe(0);
    expect(
      (await b.api('GET', '/api/v1/manager/calendar/day?day=2026-12-02', tokens.desk)).status,
    ).toBe(403);
  });
});
