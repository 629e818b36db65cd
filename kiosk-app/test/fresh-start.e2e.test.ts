import { describe, expect, it } from 'vitest';
import { sharedKioskRig } from './kiosk-rig';

// Each client starts fresh: after an idle spell (with a visible countdown) and after every
// finished flow the kiosk is back at its start in Polish, default text and contrast, with no
// input left. Also the check-in details a client meets: the scanner's keys reach the field,
// an early arrival learns when check-in opens, dates are Polish, the slip has QR and count.

const IDLE = 5;
const rig = sharedKioskRig({ ticketIdleSeconds: IDLE });

const polishDate = (iso: string) =>
  new Intl.DateTimeFormat('pl-PL', {
    timeZone: 'Europe/Warsaw',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(iso));
const polishTime = (iso: string) =>
  new Intl.DateTimeFormat('pl-PL', {
    timeZone: 'Europe/Warsaw',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));

async function book(code: string, minutesFromNow: number): Promise<string> {
  const manager = await rig.branch.login('kierownik');
  const bookedFor = new Date(Date.now() + minutesFromNow * 60_000).toISOString();
  const r = await rig.branch.api('POST', '/api/v1/bookings', manager, {
    code,
    serviceId: 'emerytury',
    bookedFor,
  });
  expect(r.status).toBe(201);
  return bookedFor;
}

const html = () =>
  rig.page.evaluate(() => (globalThis as any).document.documentElement.className as string);

describe('a fresh start for each client', () => {
  it('returns to a Polish start with default text, contrast and empty inputs after the idle time, counting down', async () => {
    const p = rig.page;
    await p.getByTestId('home').waitFor();
    // Nothing counts down while the kiosk is already fresh.
    expect(await p.getByTestId('idle-countdown').count()).toBe(0);
    await p.getByTestId('lang-en').click();
    await p.getByTestId('large-text').click();
    await p.getByTestId('high-contrast').click();
    expect(await html()).toContain('large-text');
    expect(await html()).toContain('high-contrast');
    await p.getByTestId('go-check-in').click();
    await p.getByTestId('booking-code').pressSequentially('ABC');
    const countdown = p.getByTestId('idle-countdown');
    await expect.poll(() => countdown.textContent()).toMatch(/Back to start in [1-5] s/);
    const started = Date.now();
    await p.getByTestId('home').waitFor({ timeout: (IDLE + 3) * 1000 });
    expect(Date.now() - started).toBeGreaterThan(1000);
    expect(await p.getByText('Witamy w oddziale ZUS').isVisible()).toBe(true);
    expect(await p.evaluate(() => (globalThis as any).document.documentElement.lang)).toBe('pl');
    expect(await html()).not.toContain('large-text');
    expect(await html()).not.toContain('high-contrast');
    expect(await p.getByTestId('idle-countdown').count()).toBe(0);
    await p.getByTestId('go-check-in').click();
    expect(await p.getByTestId('booking-code').inputValue()).toBe('');
    await p.getByText('Wstecz').click();
  });

  it('the QR scanner types into the code field at once; the ticket shows a Polish date; "Gotowe" resets text size', async () => {
    const p = rig.page;
    const bookedFor = await book('SCN4K7', 20);
    await p.getByTestId('large-text').click();
    await p.getByTestId('go-check-in').click();
    await expect
      .poll(() => p.evaluate(() => (globalThis as any).document.activeElement?.id))
      .toBe('booking-code');
    // The scanner is a keyboard: keys and Enter with nobody touching the field.
    const next = rig.printer.nextTicket(5000);
    await p.keyboard.type('https://zus.example/b/scn4k7');
    await p.keyboard.press('Enter');
    await p.getByTestId('ticket').waitFor();
    expect(await p.getByTestId('ticket').textContent()).toContain(
      `${polishDate(bookedFor)}, ${polishTime(bookedFor)}`,
    );
    const slip = await next;
    const text = slip.lines.join('\n');
    expect(text).toContain('Kod rezerwacji: SCN4K7');
    expect(text).toMatch(/Osób przed Tobą: \d+/);
    expect(slip.qr).toEqual([await p.getByTestId('qr').getAttribute('data-url')]);
    await p.getByTestId('done').click();
    await p.getByTestId('home').waitFor();
    expect(await html()).not.toContain('large-text');
  });

  it('tells an early arrival when check-in opens instead of "cancelled"', async () => {
    const p = rig.page;
    const bookedFor = await book('ERL7Y2', 180);
    const opensAt = new Date(Date.parse(bookedFor) - 60 * 60_000).toISOString();
    await p.getByTestId('go-check-in').click();
    await p.getByTestId('booking-code').pressSequentially('ERL7Y2');
    await p.keyboard.press('Enter');
    const alert = p.locator('.error[role=alert]');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      `Za wcześnie na potwierdzenie wizyty. Potwierdzisz ją od ${polishDate(opensAt)}, godz. ${polishTime(opensAt)}.`,
    );
    await p.getByText('Wstecz').click();
    await p.getByTestId('home').waitFor();
  });
});
