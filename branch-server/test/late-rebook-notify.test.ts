// A late client who takes today's offered slot (issue 14): the new visit is the missed one moved,
// so the SMS contact the client left for the missed visit follows it — the new code is confirmed
// and reminded, the missed visit's pending reminder goes — and the missed visit is kept, not a
// no-show. Real notifier and outbox, a recording SMS transport; clock injected, no sleeps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingMessage, Sender } from '../src/notify/sender';
import { counterIds, weeklyPlan } from './booking-plan';
import { pesel } from './calendar-people';
import { startTestBranch, until, type TestBranch } from './harness';

let now = new Date('2026-12-01T06:00:00Z'); // Tuesday 07:00 in Warsaw
const NINE = '2026-12-01T08:00:00.000Z'; // 09:00 Warsaw
const ELEVEN = '2026-12-01T10:00:00.000Z'; // 11:00 Warsaw

const sent: OutgoingMessage[] = [];
const sms: Sender = {
  channel: 'sms',
  send: (m) => {
    sent.push(m);
    return Promise.resolve({ id: String(sent.length) });
  },
  close: () => Promise.resolve(),
};

let b: TestBranch;
beforeAll(async () => {
  b = await startTestBranch({ now: () => now, serveApps: false, notify: { senders: { sms } } });
}, 60_000);
afterAll(() => b?.close());

const outbox = (code: string) =>
  b.server.db
    .prepare(`SELECT kind, state FROM notify_outbox WHERE ref = ? ORDER BY id`)
    .all(`booking:${code}`);

describe('a late client rebooked today keeps their notifications', () => {
  it('moves the contact to the new visit and confirms it; the missed visit is no no-show', async () => {
    const manager = await b.login('kierownik');
    const plan = weeklyPlan({
      weekdays: [2],
      from: '08:00',
      to: '16:00',
      counters: counterIds('c', 2),
    });
    expect((await b.api('PUT', '/api/v1/manager/calendar/plan', manager, { plan })).status).toBe(
      200,
    );
    const kiosk = await b.device('kiosk');
    const made = await b.api('POST', '/api/v1/calendar/visits', kiosk, {
      serviceId: 'emerytury',
      start: NINE,
      pesel: pesel(50),
    });
    expect(made.status).toBe(201);
    const missed = made.body.visit.code as string;
    const contact = await b.api('PUT', `/api/v1/bookings/${missed}/contact`, manager, {
      channel: 'sms',
      address: '+48 600 700 900',
      lang: 'pl',
    });
    expect(contact.status).toBe(200);
    await until(() => sent.some((m) => m.text.includes(missed)));

    // 09:30: past the 15-minute window; the client takes 11:00 today.
    now = new Date('2026-12-01T08:30:00Z');
    const late = await b.api('POST', '/api/v1/tickets', kiosk, { bookingCode: missed });
    expect(late.status).toBe(409);
    const taken = await b.api('POST', '/api/v1/calendar/late-arrivals', kiosk, {
      bookingCode: missed,
      start: ELEVEN,
    });
    expect(taken.status).toBe(201);
    const next = taken.body.visit.code as string;
    expect(outbox(missed)).toEqual([
      { kind: 'booking-confirmed', state: 'sent' },
      { kind: 'booking-reminder', state: 'dropped' },
    ]);
    expect(outbox(next).map((r) => (r as { kind: string }).kind)).toEqual([
      'booking-confirmed',
      'booking-reminder',
    ]);
    await until(() => sent.some((m) => m.text.includes(next)));
    expect(new Set(sent.map((m) => m.to))).toEqual(new Set(['48600700900']));

    // The close: the new visit was never checked in (a no-show), the missed one was kept.
    now = new Date('2026-12-01T16:00:00Z');
    const ended = await b.api('POST', '/api/v1/manager/end-day', manager);
    expect(ended.status).toBe(200);
    expect(ended.body.missedBookings).toEqual([next]);
  });
});
