import { describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '@skr/pue-emulator';
import { weeklyPlan } from '../../branch-server/test/booking-plan';
import { pesel } from '../../branch-server/test/calendar-people';
import { sharedKioskRig } from './kiosk-rig';
import { insertCard } from './self-service-steps';
import { a11yFindings } from './a11y-checkers';

// A booked client past the late-arrival window (issue 14), in Chromium with the real host,
// printer emulator and virtual ID card: the kiosk says the 10:00 visit has lapsed and offers a
// ticket to the line or a visit today at 11:30. By code the client takes the slot (new code on
// screen and on the slip, its QR); by ID card, in Ukrainian, the ticket. The branch's clock is
// injected (Tuesday 1 December 2026), so the offered hour does not depend on when the test runs.

let clock = new Date('2026-12-01T07:30:00Z'); // 08:30 in Warsaw
const TEN = '2026-12-01T09:00:00.000Z';
const codes: Record<'typed' | 'card', string> = { typed: '', card: '' };

const rig = sharedKioskRig({ card: true, branchOptions: { now: () => clock } }, async (r) => {
  const manager = await r.branch.login('kierownik');
  const plan = weeklyPlan({ weekdays: [2], from: '08:00', to: '16:00', counters: ['c1', 'c2'] });
  const put = await r.branch.api('PUT', '/api/v1/manager/calendar/plan', manager, { plan });
  if (put.status !== 200) throw new Error(`plan: ${put.status}`);
  for (const [who, p] of [
    ['typed', pesel(7)],
    ['card', DEMO_LOGINS[0]!.pesel],
  ] as const) {
    const r2 = await r.branch.api('POST', '/api/v1/calendar/visits', manager, {
      serviceId: 'emerytury',
      start: TEN,
      pesel: p,
    });
    if (r2.status !== 201) throw new Error(`visit: ${r2.status}`);
    codes[who] = r2.body.visit.code as string;
  }
  clock = new Date('2026-12-01T09:20:00Z'); // 10:20: twenty minutes late
});

const status = (code: string) =>
  (
    rig.branch.server.db.prepare(`SELECT status FROM bookings WHERE code = ?`).get(code) as {
      status: string;
    }
  ).status;

describe('late arrival at the kiosk', () => {
  it('by code: the visit has lapsed, the client takes 11:30 today and the new slip prints', async () => {
    const p = rig.page;
    await p.getByTestId('home').waitFor();
    await p.getByTestId('go-check-in').click();
    await p.getByTestId('booking-code').pressSequentially(codes.typed);
    await p.keyboard.press('Enter');
    const offer = p.getByTestId('late-offer');
    await offer.waitFor({ timeout: 15_000 });
    const text = (await offer.textContent()) ?? '';
    expect(text).toContain(
      'Wizyta o 10:00 przepadła: potwierdzić ją można było do 15 min po jej godzinie.',
    );
    expect(await p.getByTestId('late-walk-in').textContent()).toMatch(
      /^Bilet do kolejkiCzas oczekiwania ok\. \d+ min$/,
    );
    expect(await p.getByTestId('late-book').textContent()).toContain('Umów na dziś, godz. 11:30');
    if (process.env.SKR_SCREENSHOTS_DIR)
      await p.screenshot({ path: `${process.env.SKR_SCREENSHOTS_DIR}/kiosk-late-arrival.png` });
    // The offer passes both accessibility engines, as every kiosk screen does.
    const a11y = await a11yFindings(p);
    expect([a11y.axe, a11y.htmlcs]).toEqual([[], []]);

    const slip = rig.printer.nextTicket(15_000);
    slip.catch(() => undefined); // awaited below; no unhandled rejection if a step fails first
    await p.getByTestId('late-book').click();
    await p.getByTestId('booking-done').waitFor({ timeout: 15_000 });
    const code = (await p.getByTestId('booking-code-shown').textContent())!;
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    expect(code).not.toBe(codes.typed);
    expect(await p.getByTestId('booking-time-shown').textContent()).toBe('11:30');
    const printed = await slip;
    const lines = printed.lines.join('\n');
    for (const line of [
      'Wizyta umówiona',
      'Emerytury i renty',
      'Dzień: 01.12.2026',
      'Godzina: 11:30',
      code,
    ])
      expect(lines).toContain(line);
    expect(printed.qr).toEqual([code]);
    // The client came: the missed visit is kept (no no-show at the close); the new one is booked.
    expect([status(codes.typed), status(code)]).toEqual(['checked-in', 'booked']);
    await p.getByTestId('booking-finish').click();
    await p.getByTestId('home').waitFor();
  });

  it('by ID card, in Ukrainian: the client takes a ticket to the line instead', async () => {
    const p = rig.page;
    await insertCard(rig);
    await p.getByTestId('lang-uk').click();
    await p.getByTestId('go-check-in').click();
    await p.getByTestId('check-in-card').click();
    const offer = p.getByTestId('late-offer');
    await offer.waitFor({ timeout: 15_000 });
    expect(await offer.textContent()).toContain('Візит о 10:00 пропущено');
    expect(await p.getByTestId('late-book').textContent()).toContain('о 11:30');
    expect(await p.content()).not.toContain(DEMO_LOGINS[0]!.pesel);

    const slip = rig.printer.nextTicket(15_000);
    slip.catch(() => undefined);
    await p.getByTestId('late-walk-in').click();
    await p.getByTestId('ticket').waitFor({ timeout: 15_000 });
    const number = (await p.getByTestId('ticket-number').textContent())!;
    // A walk-in's slip and screen: the wait in line, not the lapsed visit's hour as if it held.
    const lines = (await slip).lines.join('\n');
    expect(lines).toContain(number);
    expect(lines).toContain('Орієнтовний час очікування');
    expect(lines).not.toContain('Час візиту');
    if (process.env.SKR_SCREENSHOTS_DIR)
      await p.screenshot({
        path: `${process.env.SKR_SCREENSHOTS_DIR}/kiosk-late-walk-in-ticket-uk.png`,
      });
    expect(await p.getByTestId('late-walk-in-note').textContent()).toBe(
      'Візит було заброньовано на 10:00Обслуговування в порядку черги',
    );
    // A ticket at the end of the line that keeps the visit's code (the clerk sees a booked
    // client); the visit is checked in, so the close does not count a no-show as well.
    expect(status(codes.card)).toBe('checked-in');
    const row = rig.branch.server.db
      .prepare(`SELECT booking_code FROM tickets WHERE number = ?`)
      .get(number) as { booking_code: string };
    expect(row.booking_code).toBe(codes.card);
    await p.getByTestId('done').click();
    await rig.card!.remove();
  });
});
