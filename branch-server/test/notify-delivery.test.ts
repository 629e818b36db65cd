// Notifications end to end: a branch server with a real SMTP server and the SMS gateway
// emulator over HTTP; tickets, calls and bookings through the real API.
import { startSmsGateway, type SmsGatewayEmulator } from '@skr/hardware-mocks/sms-gateway/index';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingRepo } from '../src/store';
import { startTestBranch, until, type TestBranch } from './harness';
import { startSmtpSink } from './notify-mail';

let b: TestBranch;
let sms: SmsGatewayEmulator;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let kiosk: string;
let clerk: string;
let manager: string;
// Everything the server logs at debug level, without relying on redaction.
const logLines: string[] = [];
const logSink = new Writable({
  write(chunk: Buffer, _enc, done) {
    logLines.push(chunk.toString());
    done();
  },
});

beforeAll(async () => {
  sms = await startSmsGateway({ token: 'test-token' });
  smtp = await startSmtpSink();
  b = await startTestBranch({
    serveApps: false,
    logger: pino({ level: 'debug' }, logSink),
    notify: {
      smtp: { url: smtp.url, from: 'ZUS Oddział <oddzial@zus.test>' },
      sms: { url: sms.url, token: 'test-token', from: 'ZUS' },
      // Near = 2 people ahead; the estimate never triggers it here.
      settings: { near: { ahead: 2, minutes: 0 }, rate: { perAddressPerHour: 50, perSecond: 50 } },
    },
  });
  kiosk = await b.device('kiosk');
  clerk = await b.login('urzednik4');
  manager = await b.login('kierownik');
}, 60_000);
afterAll(async () => {
  await b?.close();
  // No phone number or e-mail address of any test reached the log.
  const log = logLines.join('');
  expect(log.length).toBeGreaterThan(0);
  for (const secret of ['600100200', '600300400', 'klientka@example.test', '600 100 200'])
    expect(log).not.toContain(secret);
  await sms?.close();
  await smtp?.close();
});

const issue = async (lang = 'pl') =>
  (await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'zasilki', lang })).body as {
    id: string;
    number: string;
  };

async function serveNext(): Promise<string> {
  const c = await b.api('POST', '/api/v1/counters/4/call-next', clerk);
  expect(c.status).toBe(200);
  const id = c.body.ticket.id as string;
  await b.api('POST', `/api/v1/tickets/${id}/start`, clerk);
  await b.api('POST', `/api/v1/tickets/${id}/finish`, clerk);
  return id;
}

describe('turn near and called, by SMS', () => {
  it('sends "near" once as the line moves, then "called" with the counter, then forgets the number', async () => {
    expect((await b.api('POST', '/api/v1/counters/4/open', clerk)).status).toBe(200);
    const ahead = [];
    for (let i = 0; i < 5; i += 1) ahead.push(await issue());
    const mine = await issue('pl');
    const put = await b.api('PUT', `/api/v1/public/tickets/${mine.id}/contact`, undefined, {
      channel: 'sms',
      address: '600 100 200',
    });
    expect(put.status).toBe(200);
    expect(JSON.stringify(put.body)).not.toContain('600');
    await new Promise((r) => setTimeout(r, 300));
    expect(sms.messages.filter((m) => m.to === '48600100200')).toHaveLength(0);

    await serveNext();
    await serveNext(); // 3 ahead
    await new Promise((r) => setTimeout(r, 300));
    expect(sms.messages.filter((m) => m.to === '48600100200')).toHaveLength(0);
    await serveNext(); // 2 ahead: near
    await until(() => sms.messages.some((m) => m.to === '48600100200'));
    await serveNext(); // 1 ahead: no second near
    await serveNext();
    const c = await b.api('POST', '/api/v1/counters/4/call-next', clerk);
    expect(c.body.ticket.id).toBe(mine.id);
    await until(() => sms.messages.filter((m) => m.to === '48600100200').length >= 2);
    await new Promise((r) => setTimeout(r, 300));
    const got = sms.messages.filter((m) => m.to === '48600100200').map((m) => m.message);
    expect(got).toHaveLength(2);
    expect(got[0]).toContain(`numer ${mine.number} – przed Tobą 2 os.`);
    // The counter by its public number (not "stanowiska Stanowisko 4", not its id).
    expect(got[1]).toContain(`numer ${mine.number} – zapraszamy do stanowiska 4.`);
    for (const m of sms.messages) expect(m.parts).toBeLessThanOrEqual(2);

    await b.api('POST', `/api/v1/tickets/${mine.id}/start`, clerk);
    await b.api('POST', `/api/v1/tickets/${mine.id}/finish`, clerk);
    const left = b.server.db
      .prepare(`SELECT COUNT(*) AS n FROM notify_contacts WHERE ref = ?`)
      .get(mine.id) as { n: number };
    expect(left.n).toBe(0);
    const stats = await b.api('GET', '/api/v1/manager/notifications', manager);
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({ enabled: true, channels: { sms: { state: 'ok' } } });
    expect(stats.body.sent).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(stats.body)).not.toContain('600100200');
    // The gateway shows in the device list like a board.
    expect(b.branch.deviceHealth()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ deviceId: 'notify-sms', component: 'gateway', ok: true }),
      ]),
    );
  }, 30_000);

  it('withdrawing on the follow page means no message at all', async () => {
    for (let i = 0; i < 4; i += 1) await issue();
    const t = await issue();
    await b.api('PUT', `/api/v1/public/tickets/${t.id}/contact`, undefined, {
      channel: 'sms',
      address: '+48 600 300 400',
    });
    expect((await b.api('DELETE', `/api/v1/public/tickets/${t.id}/contact`)).status).toBe(204);
    for (let i = 0; i < 3; i += 1) await serveNext(); // 1 ahead: would be near
    await new Promise((r) => setTimeout(r, 400));
    expect(sms.messages.filter((m) => m.to === '48600300400')).toHaveLength(0);
  }, 20_000);
});

describe('bookings by e-mail', () => {
  const inTwoDays = () => {
    const d = new Date(Date.now() + 2 * 86_400_000);
    d.setUTCHours(9, 0, 0, 0);
    return d.toISOString();
  };

  it('confirms in the client language with an .ics; a cancelled booking gets its notice and no reminder', async () => {
    const created = await b.api('POST', '/api/v1/bookings', manager, {
      code: 'NTF123',
      serviceId: 'zasilki',
      bookedFor: inTwoDays(),
    });
    expect(created.status).toBeLessThan(300);
    const put = await b.api('PUT', '/api/v1/bookings/NTF123/contact', manager, {
      channel: 'email',
      address: 'klientka@example.test',
      lang: 'uk',
    });
    expect(put.status).toBe(200);
    await until(() => smtp.mails.length >= 1, 10_000);
    const mail = smtp.mails[0]!;
    expect(mail.to).toEqual(['klientka@example.test']);
    expect(mail.headers['content-language']).toBe('uk');
    expect(mail.headers['message-id']).toMatch(/^<[0-9a-f]{32}@zus\.test>$/);
    const text = mail.parts.find((p) =>
      (p.headers['content-type'] ?? '').startsWith('text/plain'),
    )!;
    expect(text.body).toContain('Код бронювання: NTF123');
    const ics = mail.parts.find((p) =>
      (p.headers['content-type'] ?? '').startsWith('text/calendar'),
    )!;
    expect(ics.body).toContain('BEGIN:VEVENT');
    expect(ics.body).toContain('UID:booking-NTF123@skr');
    expect(ics.body).toContain(`DTSTART:${inTwoDays().replace(/[-:]/g, '').replace('.000', '')}`);

    // The portal's feed (or the desk) cancels the booking; then its reminder falls due.
    const repo = bookingRepo(b.server.db);
    repo.save({ ...repo.get('NTF123')!, status: 'cancelled' });
    b.server.notifier.sweep();
    b.server.db
      .prepare(`UPDATE notify_outbox SET next_attempt_ms = 0 WHERE state = 'pending'`)
      .run();
    await until(() => smtp.mails.length >= 2, 10_000);
    await b.server.notifier.drainOnce();
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.mails).toHaveLength(2);
    expect(smtp.mails[1]!.headers.subject).toBeDefined();
    const cancelText = smtp.mails[1]!.parts.find((p) =>
      (p.headers['content-type'] ?? '').startsWith('text/plain'),
    )!;
    expect(cancelText.body).toContain('скасовано');
    const rows = b.server.db
      .prepare(`SELECT kind, state FROM notify_outbox WHERE ref = 'booking:NTF123' ORDER BY id`)
      .all();
    expect(rows).toEqual([
      { kind: 'booking-confirmed', state: 'sent' },
      { kind: 'booking-reminder', state: 'dropped' },
      { kind: 'booking-cancelled', state: 'sent' },
    ]);
  }, 30_000);
});
