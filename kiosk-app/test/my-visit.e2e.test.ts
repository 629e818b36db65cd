import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay } from '@skr/protocol/time-zone';
import { pesel } from '../../branch-server/test/calendar-people';
import { putEveryDayPlan } from '../../branch-server/test/booking-plan';
import { startKioskRig, type KioskRig } from './kiosk-rig';

// "Moja wizyta" at the kiosk, end to end (issue 14): a real branch with a calendar plan, the
// kiosk host, the printer emulator over TCP, Chromium at 1080×1920. A visit found by its code
// (typed as the QR scanner types it: keys, then Enter) and the PESEL on the keypad is moved to
// another day, its new slip read back from the printer, then cancelled; refusals in pl and en.

let rig: KioskRig;
let manager: string;
let desk: string;

/** "YYYY-MM-DD" in Warsaw, `n` days from now. */
const warsawDay = (n: number) => localDay(Date.now() + n * 86_400_000, 'Europe/Warsaw');

/** The instant of the slot at `time` on the day `n` days ahead. */
async function slotStart(n: number, time: string): Promise<string> {
  const r = await rig.branch.api(
    'GET',
    `/api/v1/calendar/slots?serviceId=emerytury&from=${warsawDay(n)}&to=${warsawDay(n)}`,
    manager,
  );
  const s = (r.body.slots as { time: string; start: string }[]).find((x) => x.time === time);
  if (!s) throw new Error(`no slot ${time} in ${JSON.stringify(r.body)}`);
  return s.start;
}

/** Books at the desk for person `i`; answers the code. */
async function bookAtDesk(n: number, time: string, i: number): Promise<string> {
  const r = await rig.branch.api('POST', '/api/v1/calendar/visits', desk, {
    serviceId: 'emerytury',
    start: await slotStart(n, time),
    pesel: pesel(i),
  });
  expect(r.status).toBe(201);
  return r.body.visit.code as string;
}

beforeAll(async () => {
  rig = await startKioskRig({ viewport: { width: 1080, height: 1920 } });
  manager = await putEveryDayPlan(rig.branch, ['emerytury']);
  desk = await rig.branch.login('urzednik1');
}, 120_000);
afterAll(async () => {
  await rig?.close();
});

/** Home → "Moja wizyta" → the code as a scanner types it → the PESEL on the keypad → find. */
async function findVisit(code: string, who: string) {
  const p = rig.page;
  await p.getByTestId('go-my-visit').click();
  await p.getByTestId('my-visit-code').waitFor();
  // The scanner types into the focused field and ends with Enter: the PESEL field comes next.
  await p.keyboard.type(code);
  await p.keyboard.press('Enter');
  await expect
    .poll(() => p.evaluate(() => (globalThis as any).document.activeElement?.id as string))
    .toBe('booking-visit-pesel');
  for (const d of who)
    await p
      .getByRole('group', { name: 'PESEL' })
      .getByRole('button', { name: d, exact: true })
      .click();
  await p.getByTestId('my-visit-submit').click();
}

describe('kiosk: my visit', () => {
  it('moves a visit: wrong PESEL refused like an unknown code, a taken hour refused, new slip printed', async () => {
    const p = rig.page;
    const code = await bookAtDesk(2, '10:00', 1);
    await p.getByTestId('home').waitFor();
    await findVisit(code, pesel(2));
    const alert = p.locator('.error[role=alert]');
    await expect.poll(() => alert.getAttribute('data-code')).toBe('NOT_FOUND');
    expect(await alert.textContent()).toContain('Nie znaleziono');
    await p.getByTestId('booking-visit-pesel').fill(pesel(1));
    await p.getByTestId('my-visit-submit').click();
    await p.getByTestId('my-visit-visit').waitFor();
    expect(await p.getByTestId('my-visit-code-shown').textContent()).toBe(code);
    expect(await p.getByTestId('my-visit-time').textContent()).toBe('10:00');

    await p.getByTestId('my-visit-rebook').click();
    await p.getByTestId(`booking-day-${warsawDay(3)}`).click();
    await p.getByTestId('booking-hour-11:00').waitFor();
    // Someone at the desk takes 11:00 while this client looks: "full", and 11:00 is gone.
    await bookAtDesk(3, '11:00', 3);
    await p.getByTestId('booking-hour-11:00').click();
    const refusal = p.locator('.error[data-reason]');
    await expect.poll(() => refusal.getAttribute('data-reason')).toBe('full');
    expect(await refusal.textContent()).toContain('Ten termin właśnie się zapełnił');
    await p.getByTestId('booking-hour-12:00').waitFor();
    expect(await p.getByTestId('booking-hour-11:00').count()).toBe(0);

    const slip = rig.printer.nextTicket(15_000);
    slip.catch(() => undefined);
    await p.getByTestId('booking-hour-12:00').click();
    await p.getByTestId('booking-done').waitFor({ timeout: 15_000 });
    expect(await p.getByRole('heading', { level: 1 }).textContent()).toBe('Termin zmieniony');
    const next = (await p.getByTestId('booking-code-shown').textContent())!;
    expect(next).not.toBe(code);
    expect(await p.getByTestId('booking-time-shown').textContent()).toBe('12:00');
    const printed = await slip;
    const text = printed.lines.join('\n');
    const [y, m, d] = warsawDay(3).split('-');
    for (const line of ['Emerytury i renty', `Dzień: ${d}.${m}.${y}`, 'Godzina: 12:00', next])
      expect(text).toContain(line);
    expect(printed.qr).toEqual([next]);
    expect(text).not.toContain(pesel(1));
    expect(await p.content()).not.toContain(pesel(1));

    // The branch moved it: the old code is gone, 10:00 on day 2 is free again.
    const old = await rig.branch.api('POST', `/api/v1/calendar/visits/${code}/find`, desk, {
      pesel: pesel(1),
    });
    expect(old.status).toBe(404);
    const moved = await rig.branch.api('POST', `/api/v1/calendar/visits/${next}/find`, desk, {
      pesel: pesel(1),
    });
    expect(moved.body.visit.time).toBe('12:00');
    await p.getByTestId('booking-finish').click();
    await p.getByTestId('home').waitFor();
  }, 120_000);

  it('cancels a visit after a confirmation, in English; a second try is refused', async () => {
    const p = rig.page;
    const code = await bookAtDesk(4, '09:00', 5);
    await p.getByTestId('lang-en').click();
    await findVisit(code, pesel(5));
    await p.getByTestId('my-visit-visit').waitFor();
    await p.getByTestId('my-visit-cancel').click();
    expect(await p.getByTestId('my-visit-confirm-question').textContent()).toContain(
      'Do you really want to cancel the visit',
    );
    // "No" keeps it.
    await p.getByTestId('my-visit-cancel-no').click();
    await p.getByTestId('my-visit-cancel').click();
    await p.getByTestId('my-visit-cancel-yes').click();
    await p.getByTestId('my-visit-cancelled-text').waitFor();
    expect(await p.getByTestId('my-visit-cancelled-text').textContent()).toContain(
      'has been cancelled',
    );
    const slots = await rig.branch.api(
      'GET',
      `/api/v1/calendar/slots?serviceId=emerytury&from=${warsawDay(4)}&to=${warsawDay(4)}`,
      manager,
    );
    expect(
      (slots.body.slots as { time: string; free: number }[]).find((s) => s.time === '09:00')?.free,
    ).toBe(1);
    await p.getByTestId('my-visit-finish').click();
    await p.getByTestId('home').waitFor();
    // The cancelled code is not found any more (the client starts fresh: Polish again).
    await findVisit(code, pesel(5));
    await expect
      .poll(() => p.locator('.error[role=alert]').getAttribute('data-code'))
      .toBe('NOT_FOUND');
    await p.getByText('Wstecz').click();
    await p.getByTestId('home').waitFor();
  }, 120_000);
});
