// Cancel and rebook at the branch (issue 14): the rules per channel (kiosk and desk need the
// PESEL, the manager does not), refusals with a reason and a Polish message, the place freed at
// once, and the notifier reacting to the cancellation event itself (no sweep); a late client's
// new visit takes the missed visit's contact the same way (it is logged as that visit moved).
import { bookingRefusalMessage } from '@skr/protocol/calendar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingMessage, Sender } from '../src/notify/sender';
import { pesel } from './calendar-people';
import { startTestBranch, until, type TestBranch } from './harness';

// Tuesday 2026-12-01 09:00 in Warsaw. Tuesday 09:00–10:00 and Wednesday 10:00–13:00, 2 counters.
const NOW = new Date('2026-12-01T08:00:00Z');
/** The branch's clock: NOW, but for the late arrival at the end. */
let now = NOW;
const at = (hhmm: string, day = '2026-12-02') => {
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(Date.UTC(2026, 11, Number(day.slice(8)), h! - 1, m)).toISOString();
};
const plan = {
  blocks: ['c1', 'c2'].flatMap((counterId) => [
    { weekday: 3, from: '10:00', to: '13:00', counterId, serviceIds: ['emerytury'] },
    { weekday: 2, from: '09:00', to: '10:00', counterId, serviceIds: ['emerytury'] },
  ]),
  walkInSharePercent: 0,
  portalSharePercent: 0,
};

/** A recording SMS transport: what the notifier handed over, by address. */
function recordingSms(): Sender & { sent: OutgoingMessage[] } {
  const sent: OutgoingMessage[] = [];
  return {
    channel: 'sms',
    sent,
    send: (m) => {
      sent.push(m);
      return Promise.resolve({ id: String(sent.length) });
    },
    close: () => Promise.resolve(),
  };
}

let b: TestBranch;
let sms: ReturnType<typeof recordingSms>;
let tokens: { kiosk: string; desk: string; manager: string };
beforeAll(async () => {
  sms = recordingSms();
  b = await startTestBranch({ now: () => now, serveApps: false, notify: { senders: { sms } } });
  tokens = {
    kiosk: await b.device('kiosk'),
    desk: await b.login('urzednik1'),
    manager: await b.login('kierownik'),
  };
  const put = await b.api('PUT', '/api/v1/manager/calendar/plan', tokens.manager, { plan });
  expect(put.status).toBe(200);
}, 60_000);
afterAll(() => b?.close());

const book = (token: string, start: string, person: number) =>
  b.api('POST', '/api/v1/calendar/visits', token, {
    serviceId: 'emerytury',
    start,
    pesel: pesel(person),
  });
const free = async (start: string) => {
  const day = start.slice(0, 10);
  const r = await b.api(
    'GET',
    `/api/v1/calendar/slots?serviceId=emerytury&from=${day}&to=${day}`,
    tokens.manager,
  );
  return (r.body.slots as { start: string; free: number }[]).find((s) => s.start === start)?.free;
};
const outbox = (code: string) =>
  b.server.db
    .prepare(`SELECT kind, state FROM notify_outbox WHERE ref = ? ORDER BY id`)
    .all(`booking:${code}`);
/** A visit moved from `from` to `to`: its reminder dropped, the new code confirmed and reminded. */
function expectMoved(from: string, to: string): void {
  expect(outbox(from)).toEqual([
    { kind: 'booking-confirmed', state: 'sent' },
    { kind: 'booking-reminder', state: 'dropped' },
  ]);
  expect(outbox(to).map((r) => (r as { kind: string }).kind)).toEqual([
    'booking-confirmed',
    'booking-reminder',
  ]);
}

describe('cancel at the branch', () => {
  it('kiosk: needs the PESEL (400), a wrong one is 404 like an unknown code; then frees the place', async () => {
    const made = await book(tokens.kiosk, at('10:00'), 1);
    expect(made.status).toBe(201);
    const code = made.body.visit.code as string;
    expect(await free(at('10:00'))).toBe(1);
    const path = `/api/v1/calendar/visits/${code}/cancel`;
    expect((await b.api('POST', path, tokens.kiosk, {})).status).toBe(400);
    const wrong = await b.api('POST', path, tokens.kiosk, { pesel: pesel(2) });
    const unknown = await b.api('POST', '/api/v1/calendar/visits/ZZZZZZZZ/cancel', tokens.kiosk, {
      pesel: pesel(1),
    });
    expect([wrong.status, unknown.status]).toEqual([404, 404]);
    expect(wrong.body.message).toBe(unknown.body.message.replace('ZZZZZZZZ', code));
    const ok = await b.api('POST', path, tokens.kiosk, { pesel: pesel(1) });
    expect(ok.status).toBe(200);
    expect(ok.body.visit).toMatchObject({ code, status: 'cancelled', time: '10:00' });
    expect(await free(at('10:00'))).toBe(2);
    expect((await b.api('POST', path, tokens.kiosk, { pesel: pesel(1) })).status).toBe(404);
  });

  it('desk needs the PESEL too; the manager cancels by code alone (lower case accepted)', async () => {
    const code = (await book(tokens.desk, at('10:30'), 3)).body.visit.code as string;
    const path = `/api/v1/calendar/visits/${code.toLowerCase()}/cancel`;
    expect((await b.api('POST', path, tokens.desk, {})).status).toBe(400);
    const r = await b.api('POST', path, tokens.manager, {});
    expect([r.status, r.body.visit?.status]).toEqual([200, 'cancelled']);
  });
});

describe('rebook at the branch', () => {
  it('desk: moves a visit in one step; the old place is free, the new taken', async () => {
    const code = (await book(tokens.desk, at('11:00'), 4)).body.visit.code as string;
    const r = await b.api('POST', `/api/v1/calendar/visits/${code}/rebook`, tokens.desk, {
      pesel: pesel(4),
      start: at('12:00'),
    });
    expect(r.status).toBe(200);
    expect(r.body.cancelled).toMatchObject({ code, status: 'cancelled', time: '11:00' });
    expect(r.body.visit).toMatchObject({ status: 'booked', time: '12:00', channel: 'desk' });
    expect(r.body.visit.code).not.toBe(code);
    expect([await free(at('11:00')), await free(at('12:00'))]).toEqual([2, 1]);
  });

  it('refused as full (409, Polish message) leaves the old visit as it was', async () => {
    const code = (await book(tokens.kiosk, at('11:00'), 5)).body.visit.code as string;
    expect((await book(tokens.kiosk, at('12:30'), 6)).status).toBe(201);
    expect((await book(tokens.desk, at('12:30'), 7)).status).toBe(201);
    const r = await b.api('POST', `/api/v1/calendar/visits/${code}/rebook`, tokens.kiosk, {
      pesel: pesel(5),
      start: at('12:30'),
    });
    expect([r.status, r.body.details.reason]).toEqual([409, 'full']);
    expect(r.body.message).toBe(bookingRefusalMessage('full', 'pl'));
    expect(await free(at('11:00'))).toBe(1);
    const cancel = await b.api('POST', `/api/v1/calendar/visits/${code}/cancel`, tokens.kiosk, {
      pesel: pesel(5),
    });
    expect(cancel.status).toBe(200);
  });

  it('too late: within an hour of the start, in every channel', async () => {
    for (const [i, token] of [tokens.kiosk, tokens.desk, tokens.manager].entries()) {
      const code = (await book(token, at('10:00'), 10 + i)).body.visit.code as string;
      const r = await b.api('POST', `/api/v1/calendar/visits/${code}/rebook`, token, {
        pesel: pesel(10 + i),
        start: at('09:30', '2026-12-01'),
      });
      expect([r.status, r.body.details.reason]).toEqual([409, 'too-late']);
      expect(r.body.message).toBe('Wizytę można umówić najpóźniej 60 min przed jej rozpoczęciem.');
      await b.api('POST', `/api/v1/calendar/visits/${code}/cancel`, tokens.manager, {});
    }
  });

  it('daily limit and gap per channel; a rebook within the same day does not count the old visit', async () => {
    for (const [i, token] of [tokens.kiosk, tokens.desk, tokens.manager].entries()) {
      const person = 20 + i;
      const codes: string[] = [];
      for (const t of ['10:00', '11:00', '12:00'])
        codes.push((await book(token, at(t), person)).body.visit.code as string);
      const fourth = await book(token, at('12:30'), person);
      expect([fourth.status, fourth.body.details.reason]).toEqual([409, 'daily-limit']);
      expect(fourth.body.message).toBe('Jedna osoba może mieć najwyżej 3 wizyty jednego dnia.');
      const gap = await b.api('POST', `/api/v1/calendar/visits/${codes[0]}/rebook`, token, {
        pesel: pesel(person),
        start: at('11:30'),
      });
      expect([gap.status, gap.body.details.reason]).toEqual([409, 'gap']);
      for (const code of codes)
        await b.api('POST', `/api/v1/calendar/visits/${code}/cancel`, tokens.manager, {});
    }
  });
});

/** Books a visit at the kiosk for `person` and leaves an SMS contact for it; answers its code. */
async function bookWithSms(hhmm: string, person: number, address: string): Promise<string> {
  const made = await book(tokens.kiosk, at(hhmm), person);
  const code = made.body.visit.code as string;
  const contact = await b.api('PUT', `/api/v1/bookings/${code}/contact`, tokens.manager, {
    channel: 'sms',
    address,
    lang: 'pl',
  });
  expect(contact.status).toBe(200);
  return code;
}

describe('notifications follow the calendar events', () => {
  it('a cancellation drops the reminder and queues the notice in the same change; a rebook moves the contact', async () => {
    const code = await bookWithSms('10:30', 40, '+48 600 700 800');
    await until(() => sms.sent.length >= 1);
    expect(sms.sent[0]!.text).toContain(code);

    const moved = await b.api('POST', `/api/v1/calendar/visits/${code}/rebook`, tokens.kiosk, {
      pesel: pesel(40),
      start: at('11:30'),
    });
    expect(moved.status).toBe(200);
    const next = moved.body.visit.code as string;
    expectMoved(code, next);
    await until(() => sms.sent.some((m) => m.text.includes(next)));

    const cancelled = await b.api('POST', `/api/v1/calendar/visits/${next}/cancel`, tokens.kiosk, {
      pesel: pesel(40),
    });
    expect(cancelled.status).toBe(200);
    // No sweep ran (its first run was at start, its next in 30 s): the event did it.
    expect(outbox(next)).toEqual([
      { kind: 'booking-confirmed', state: 'sent' },
      { kind: 'booking-reminder', state: 'dropped' },
      { kind: 'booking-cancelled', state: expect.stringMatching(/pending|sent/) },
    ]);
    await until(() => sms.sent.length >= 3);
    expect(sms.sent.map((m) => m.to)).toEqual(['48600700800', '48600700800', '48600700800']);
  });

  // Last: it moves the clock to Wednesday.
  it("a late client who takes today's slot keeps the contact; the missed visit is no no-show", async () => {
    const missed = await bookWithSms('10:00', 41, '+48 600 700 900');
    await until(() => sms.sent.some((m) => m.text.includes(missed)));

    // Wednesday 10:30: past the 15-minute window; the client takes 12:00 today.
    now = new Date(at('10:30'));
    expect(
      (await b.api('POST', '/api/v1/tickets', tokens.kiosk, { bookingCode: missed })).status,
    ).toBe(409);
    const taken = await b.api('POST', '/api/v1/calendar/late-arrivals', tokens.kiosk, {
      bookingCode: missed,
      start: at('12:00'),
    });
    expect(taken.status).toBe(201);
    const next = taken.body.visit.code as string;
    expectMoved(missed, next);
    await until(() => sms.sent.some((m) => m.text.includes(next) && m.to === '48600700900'));

    // The missed visit is kept (the client came): the close will not count it a no-show.
    const kept = b.server.db.prepare(`SELECT status FROM bookings WHERE code = ?`).get(missed);
    expect(kept).toEqual({ status: 'checked-in' });
  });
});
