import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { peselCheckDigit, type PueBooking } from '@skr/protocol';
import { localClock, localDay } from '@skr/protocol/time-zone';
import { callApi, loginAt, startTestBranch, TEST_PASSWORD, type TestBranch } from './harness';
import { startServerProcess } from './process';
import { BRANCH_ID, portalEnv, startPortal, startSyncedBranch } from './sync-harness';

// Check-in by ID card: the kiosk sends the card holder's PESEL, the branch finds the booking by
// its keyed hash in the cache (the portal is down), and the PESEL itself is nowhere at the branch.

// Monday 10 March 2025, 09:00 in Warsaw; portal and branch share the clock.
let clock = 0;
const now = () => new Date(clock);
const at = (warsawTime: string, date = '2025-03-10') =>
  new Date(`${date}T${warsawTime}:00+01:00`).getTime();
let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

const pesel = (first10: string) => first10 + String(peselCheckDigit(first10));
const ANNA = pesel('8501011234'); // 09:10 zasilki, 13:00 emerytury
const JAN = pesel('5203154321'); // 09:00 ogolne (someone else)
const EWA = pesel('9007078765'); // 09:05 cancelled
const PIOTR = pesel('7712249876'); // 08:30: more than 15 min late (offered, not checked in)
const OLGA = pesel('6602021357'); // 08:50 skladki and 09:40 pue-profil: the nearer one wins
const NOBODY = pesel('9912310000'); // valid, but has no booking
const ALL = [ANNA, JAN, EWA, PIOTR, OLGA, NOBODY];

type Cached = { code: string; status: string; pesel_hash: string | null; ticket_id: string | null };
function cached(b: TestBranch, code: string): Cached {
  return b.server.db.prepare(`SELECT * FROM bookings WHERE code = ?`).get(code) as Cached;
}

/** Every byte of the branch database files (main file, WAL, shared memory). */
function databaseBytes(dir: string): Buffer[] {
  const files = readdirSync(dir).filter((f) => f.startsWith('branch.sqlite'));
  expect(files.length).toBeGreaterThan(0);
  return files.map((f) => readFileSync(join(dir, f)));
}

describe('check-in by ID card', () => {
  it('finds the booking by the card holder with the portal down, keeps only a keyed hash, survives a restart', async () => {
    clock = at('09:00');
    const pue = await startPortal(now);
    cleanup.push(() => pue.stop());
    let b = await startSyncedBranch(pue, { now });
    const dir = b.dir;
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    cleanup.push(() => b.close(true));

    const book = (serviceId: PueBooking['serviceId'], time: string, who: string, date?: string) =>
      pue.createBooking({
        branchId: BRANCH_ID,
        serviceId,
        date: date ?? '2025-03-10',
        time,
        pesel: who,
      });
    const annaNow = book('zasilki', '09:10', ANNA);
    const annaLater = book('emerytury', '13:00', ANNA);
    const jan = book('ogolne', '09:00', JAN);
    const ewa = book('zasilki', '09:05', EWA);
    pue.cancelBooking(ewa.id);
    book('zasilki', '08:30', PIOTR);
    const olgaEarly = book('skladki', '08:50', OLGA);
    const olgaLate = book('pue-profil', '09:40', OLGA);
    book('emerytury', '09:00', ANNA, '2025-03-11'); // tomorrow: never today's check-in

    await b.server.sync.pullNow();
    pue.faults.set({ down: true });
    await expect(b.server.sync.pullNow()).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    const kiosk = await b.device('kiosk');
    const byCard = (p: string) =>
      b.api('POST', '/api/v1/tickets', kiosk, { bookingPesel: p, lang: 'pl' });

    // The cache holds HMAC-SHA256 under the branch's own secret, not the number, not a plain hash.
    const secret = (
      b.server.db.prepare(`SELECT value FROM settings WHERE key = 'pesel-hmac-key'`).get() as {
        value: string;
      }
    ).value;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const hmac = (p: string) =>
      createHmac('sha256', Buffer.from(secret, 'hex')).update(p).digest('hex');
    expect(cached(b, annaNow.code).pesel_hash).toBe(hmac(ANNA));
    expect(cached(b, annaNow.code).pesel_hash).not.toBe(
      createHash('sha256').update(ANNA).digest('hex'),
    );
    expect(cached(b, jan.code).pesel_hash).toBe(hmac(JAN));

    // Anna, ten minutes early: her 09:10 visit, in line at the booked time.
    const first = await byCard(ANNA);
    expect(first.status).toBe(201);
    expect(first.body.serviceId).toBe('zasilki');
    expect(first.body.bookedFor).toBe(annaNow.startsAt);
    expect(cached(b, annaNow.code)).toMatchObject({
      status: 'checked-in',
      ticket_id: first.body.id,
    });
    // The card again (reprint, second kiosk): the same ticket, nothing new issued.
    const again = await byCard(ANNA);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    // Her booking code gives that same ticket too.
    const byCode = await b.api('POST', '/api/v1/tickets', kiosk, { bookingCode: annaNow.code });
    expect(byCode.status).toBe(200);
    expect(byCode.body.id).toBe(first.body.id);

    // Someone else's card gets their own booking.
    const janTicket = await byCard(JAN);
    expect(janTicket.status).toBe(201);
    expect(janTicket.body.serviceId).toBe('ogolne');
    // Two bookings in the window: the one nearest to now (08:50, ten minutes ago).
    const olga = await byCard(OLGA);
    expect(olga.status).toBe(201);
    expect(olga.body.serviceId).toBe('skladki');
    expect(cached(b, olgaEarly.code).status).toBe('checked-in');
    expect(cached(b, olgaLate.code).status).toBe('booked');

    // 30 minutes late: no ticket, the late offer (issue 14), and nothing names the holder.
    const piotr = await byCard(PIOTR);
    expect([piotr.status, piotr.body.details?.reason]).toEqual([409, 'late']);
    expect(JSON.stringify(piotr.body)).not.toContain(PIOTR);
    // No booking or a cancelled one: NOT_FOUND, and the answer names no PESEL.
    for (const p of [NOBODY, EWA]) {
      const r = await byCard(p);
      expect(r.status).toBe(404);
      expect(r.body.code).toBe('NOT_FOUND');
      expect(r.body.message).toMatch(/ID card/);
      expect(JSON.stringify(r.body)).not.toContain(p);
    }
    // A misread number (check digit wrong) or not a PESEL at all: INVALID before any lookup.
    const wrongDigit = ANNA.slice(0, 10) + String((Number(ANNA[10]) + 1) % 10);
    for (const p of [wrongDigit, '1234567890', 'abcdefghijk', 85010112345]) {
      const r = await byCard(p as string);
      expect(r.status).toBe(400);
      expect(r.body.code).toBe('INVALID');
      expect(JSON.stringify(r.body)).not.toContain(String(p));
    }
    // Still one of serviceId, bookingCode or bookingPesel.
    expect((await b.api('POST', '/api/v1/tickets', kiosk, { lang: 'pl' })).status).toBe(400);

    // Once her ticket is closed, the card does not bring back the finished visit.
    b.branch.act(first.body.id, 'cancel', null);
    expect((await byCard(ANNA)).status).toBe(404);

    // A restart keeps the secret: the hashes cached before it still match a card.
    await b.close(true);
    b = await startTestBranch({ now, dir });
    const kiosk2 = await b.device('kiosk');
    clock = at('12:05');
    const later = await b.api('POST', '/api/v1/tickets', kiosk2, { bookingPesel: ANNA });
    expect(later.status).toBe(201);
    expect(later.body.serviceId).toBe('emerytury');
    expect(later.body.bookedFor).toBe(annaLater.startsAt);

    // Nowhere in the branch database files is a PESEL in clear.
    for (const bytes of databaseBytes(dir)) {
      for (const p of ALL) expect(bytes.includes(Buffer.from(p))).toBe(false);
    }
  });

  it('forgets the hash once the visit is 36 h past, also of a visit that was checked in', async () => {
    clock = at('09:00');
    const pue = await startPortal(now);
    cleanup.push(() => pue.stop());
    const b = await startSyncedBranch(pue, { now }, 3_600_000);
    cleanup.push(() => b.close());
    const kiosk = await b.device('kiosk');
    const visit = pue.createBooking({
      branchId: BRANCH_ID,
      serviceId: 'zasilki',
      date: '2025-03-10',
      time: '09:15',
      pesel: ANNA,
    });
    const noPesel = pue.createBooking({
      branchId: BRANCH_ID,
      serviceId: 'zasilki',
      date: '2025-03-10',
      time: '09:20',
      pesel: null,
    });
    await b.server.sync.pullNow();
    expect(cached(b, noPesel.code).pesel_hash).toBeNull();
    const t = await b.api('POST', '/api/v1/tickets', kiosk, { bookingPesel: ANNA });
    expect(t.status).toBe(201);
    expect(cached(b, visit.code).pesel_hash).toMatch(/^[0-9a-f]{64}$/);

    clock = at('21:00', '2025-03-11'); // 35 h 45 min after the visit: still kept
    await b.server.sync.pullNow();
    expect(cached(b, visit.code).pesel_hash).not.toBeNull();
    clock = at('22:00', '2025-03-11');
    await b.server.sync.pullNow();
    expect(cached(b, visit.code)).toMatchObject({ status: 'checked-in', pesel_hash: null });
  });

  it('never logs the PESEL: the real server process at trace level checks a card in', async () => {
    // Real clock here: the booking is for the current minute in Warsaw.
    const today = new Date();
    const pue = await startPortal();
    cleanup.push(() => pue.stop());
    pue.createBooking({
      branchId: BRANCH_ID,
      serviceId: 'emerytury',
      date: localDay(today, 'Europe/Warsaw'),
      time: localClock(today, 'Europe/Warsaw').time,
      pesel: ANNA,
    });
    const dataDir = mkdtempSync(join(tmpdir(), 'skr-card-log-'));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const server = await startServerProcess(dataDir, TEST_PASSWORD, {
      startTimeoutMs: 40_000, // tsx compiles main.ts first; slow on a busy machine
      env: { ...portalEnv(pue), SKR_LOG_LEVEL: 'trace', SKR_ANNOUNCER: process.env.SKR_ANNOUNCER },
    });
    cleanup.push(() => server.kill('SIGTERM'));
    const url = server.url;
    const admin = await loginAt(url, 'admin');
    const kiosk = (
      await callApi(url, 'POST', '/api/v1/devices', admin.body.token, { kind: 'kiosk', name: 'k' })
    ).body.token as string;
    const byCard = (p: string) =>
      callApi(url, 'POST', '/api/v1/tickets', kiosk, { bookingPesel: p });
    // The first pull runs at start; until it has, the card finds nothing.
    let first = await byCard(ANNA);
    for (let i = 0; i < 50 && first.status === 404; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      first = await byCard(ANNA);
    }
    expect(first.status).toBe(201);
    expect(first.body.serviceId).toBe('emerytury');
    expect((await byCard(NOBODY)).status).toBe(404);
    const wrongDigit = JAN.slice(0, 10) + String((Number(JAN[10]) + 1) % 10);
    expect((await byCard(wrongDigit)).status).toBe(400);
    await new Promise((r) => setTimeout(r, 300)); // let the last log lines flush

    const log = server.output();
    expect(log).toContain('/api/v1/tickets'); // trace level: the requests were logged
    for (const p of [ANNA, NOBODY, wrongDigit]) expect(log.includes(p)).toBe(false);
  }, 60_000);
});
