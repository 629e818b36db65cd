import { peselCheckDigit } from '@skr/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putEveryDayPlan } from '../../branch-server/test/booking-plan';
import { startKioskRig, type KioskRig } from './kiosk-rig';
import { focused, focusKept, hears, mark, moveTo, spokenLog } from './speech-keypad-steps';
import { localDay } from '@skr/protocol/time-zone';

// Issue 17: booking a visit (issue 14) with the kiosk keypad alone in speech mode — the service,
// a day, an hour, PESEL and phone typed on the keypad's digits, Enter to book — hearing each
// screen and the booked visit, the focus never lost; the days' and hours' pages turned with the
// keypad too. Real branch, host, printer emulator.

let rig: KioskRig;
beforeAll(async () => {
  rig = await startKioskRig({ ticketIdleSeconds: 600, viewport: { width: 1080, height: 1920 } });
  await putEveryDayPlan(rig.branch, ['emerytury']);
}, 120_000);
afterAll(async () => {
  await rig?.close();
});

/** "YYYY-MM-DD" in Warsaw, `n` days from now. */
const warsawDay = (n: number) => localDay(Date.now() + n * 86_400_000, 'Europe/Warsaw');

const pesel = () => {
  const first10 = '7203150123';
  return first10 + String(peselCheckDigit(first10));
};

describe('booking a visit with the keypad in speech mode', () => {
  it('service, day, hour, PESEL and phone, booked and read out; the slip prints', async () => {
    const p = rig.page;
    await p.getByTestId('home').waitFor();
    await p.keyboard.press('F2');
    await hears(p, /^Tryb głosowy włączony\.$/);
    await moveTo(p, 'go-book', 'ArrowDown');
    await p.keyboard.press('Enter');
    await p.getByTestId('booking-service').waitFor();
    await hears(p, /^Umów wizytę: wybierz sprawę$/);
    await moveTo(p, 'booking-service-emerytury', 'ArrowDown');
    await hears(p, /^Emerytury i renty/);
    await p.keyboard.press('5');
    await hears(p, /^Wybierz dzień wizyty$/);
    await focusKept(p);
    // Days and hours come a page at a time: "Dalsze dni" with the keypad's 5 puts the focus on
    // the next page's first day and says the page; "Wcześniejsze dni" comes back to the first.
    const firstDay = await moveTo(p, 'booking-day-*', 'ArrowDown');
    let since = await mark(p);
    await moveTo(p, 'booking-days-later', 'ArrowDown');
    await p.keyboard.press('5');
    await hears(p, /^Strona 2 z \d$/, since);
    expect(await focused(p)).toMatch(/^booking-day-/);
    expect(await focused(p)).not.toBe(firstDay);
    await focusKept(p);
    await moveTo(p, 'booking-days-earlier', 'ArrowDown');
    await p.keyboard.press('Enter');
    await expect.poll(() => focused(p)).toBe(firstDay);
    // Tomorrow: a whole day of hours (today's may be running out), two pages of eight.
    const day = await moveTo(p, `booking-day-${warsawDay(1)}`, 'ArrowDown');
    await p.keyboard.press('Enter');
    await hears(p, /^Wybierz godzinę$/);
    await focusKept(p);
    expect(await moveTo(p, 'booking-hour-*', 'ArrowDown')).toBe('booking-hour-08:00');
    since = await mark(p);
    await moveTo(p, 'booking-hours-later', 'ArrowDown');
    await p.keyboard.press('5');
    // The first hour of the afternoon page is heard, then the page.
    await hears(p, /^12:00 wolne miejsca: 1$/, since);
    await hears(p, /^Strona 2 z 2$/, since);
    await focusKept(p);
    const hour = await moveTo(p, 'booking-hour-*', 'ArrowDown');
    expect(hour).toBe('booking-hour-12:00');
    await p.keyboard.press('Enter');
    await p.getByTestId('booking-identity').waitFor();
    await hears(p, /^Kto przyjdzie na wizytę\?$/);
    await moveTo(p, 'booking-pesel', 'ArrowDown');
    await p.keyboard.type(pesel());
    await moveTo(p, 'booking-phone', 'ArrowDown');
    await p.keyboard.type('600100200');
    since = await mark(p);
    await moveTo(p, 'booking-submit', 'ArrowDown');
    const slip = rig.printer.nextTicket(15_000);
    await p.keyboard.press('Enter');
    await p.getByTestId('booking-done').waitFor({ timeout: 15_000 });
    const code = (await p.getByTestId('booking-code-shown').textContent())!;
    const time = hour.replace('booking-hour-', '');
    await hears(
      p,
      new RegExp(
        `^Wizyta umówiona: .*godzina ${time}.*Kod rezerwacji: ${code.split('').join(' ')}`,
      ),
      since,
    );
    expect(day).toMatch(/^booking-day-\d{4}-\d{2}-\d{2}$/);
    expect((await slip).qr).toEqual([code]);
    await focusKept(p);
    // No phrase reads the whole PESEL or phone number back (digits are echoed one by one).
    const spoken = (await spokenLog(p)).map((s) => s.text.replace(/\s/g, '')).join('\n');
    expect(spoken).not.toContain(pesel());
    expect(spoken).not.toContain('600100200');
  }, 120_000);
});
