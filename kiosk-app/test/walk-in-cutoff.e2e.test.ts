import { describe, expect, it } from 'vitest';
import { putEveryDayPlan } from '../../branch-server/test/booking-plan';
import { localDay } from '@skr/protocol/time-zone';
import { sharedKioskRig } from './kiosk-rig';
import { hears, mark, moveTo } from './speech-keypad-steps';

// Walk-ins when the day is full (issue 14), in Chromium: the manager sets the pensions' daily
// walk-in pool to 0, so a touch on "Emerytury" gets no ticket; the kiosk says so and offers the
// nearest free visit, and "Umów" opens the booking flow at that slot (the identity step). Once
// the manager has ended the day, every walk-in is refused so, with a visit from tomorrow. A blind
// client in speech mode hears the refusal and, after the end of the day, the closed branch.

const rig = sharedKioskRig({}, async (r) => {
  const manager = await putEveryDayPlan(r.branch, ['emerytury']);
  const pool = await r.branch.api(
    'PUT',
    '/api/v1/manager/walk-in-cutoffs/emerytury/pool',
    manager,
    { dailyPool: 0 },
  );
  if (pool.status !== 200) throw new Error(`pool: ${pool.status}`);
});

/** Takes a pensions ticket (from the start screen, or the matters shown): the refusal. */
async function refusedPensions(fromHome = true): Promise<{ cutoff: string | null; text: string }> {
  const p = rig.page;
  if (fromHome) await p.getByTestId('go-ticket').click();
  await p.getByTestId('service-emerytury').click();
  const offer = p.getByTestId('walk-in-cutoff');
  await offer.waitFor({ timeout: 15_000 });
  return {
    cutoff: await offer.getAttribute('data-cutoff'),
    text: (await offer.textContent()) ?? '',
  };
}

describe('walk-in cut-off at the kiosk', () => {
  it('offers the nearest slot instead of a ticket and leads into the booking', async () => {
    const p = rig.page;
    const printed = rig.printer.nextTicket(3_000).then(
      () => true,
      () => false,
    );
    const { cutoff, text } = await refusedPensions();
    expect(cutoff).toBe('pool');
    expect(text).toContain('Na dziś brak miejsc w kolejce — najbliższa wolna wizyta:');
    expect(text).toMatch(/\d{2}:\d{2}/);
    // No ticket came out of the printer.
    expect(await printed).toBe(false);
    await p.getByTestId('cutoff-book').click();
    await p.getByTestId('booking-identity').waitFor({ timeout: 15_000 });
    const time = text.match(/(\d{2}:\d{2})/)![1]!;
    expect(await p.getByTestId('booking-choice').textContent()).toContain(time);
    // Back shows that day's hours, the offered one among them.
    await p.locator('[data-keypad-back]').click();
    await p.getByTestId(`booking-hour-${time}`).waitFor({ timeout: 15_000 });
  });

  it('in speech mode the refusal is heard, with the offered visit', async () => {
    const p = rig.page;
    await p.goto(p.url().split('#')[0]!);
    await p.getByTestId('home').waitFor();
    await p.keyboard.press('F2');
    await hears(p, /^Tryb głosowy włączony\.$/);
    await moveTo(p, 'go-ticket');
    await p.keyboard.press('Enter');
    await p.getByTestId('services').waitFor();
    await moveTo(p, 'service-emerytury');
    const since = await mark(p);
    await p.keyboard.press('5');
    await p.getByTestId('walk-in-cutoff').waitFor({ timeout: 15_000 });
    await hears(p, /Na dziś brak miejsc w kolejce — najbliższa wolna wizyta: .*\d{2}:\d{2}/, since);
    await p.keyboard.press('Escape');
  });

  it('after the manager ended the day: a tap says the branch is done (a visit from tomorrow); the home hides tickets', async () => {
    const p = rig.page;
    await p.goto(p.url().split('#')[0]!);
    await p.getByTestId('go-ticket').click();
    await p.getByTestId('service-emerytury').waitFor();
    // Ended while a client stands at the matters: the tap is refused.
    const manager = await rig.branch.login('kierownik');
    expect((await rig.branch.api('POST', '/api/v1/manager/end-day', manager)).status).toBe(200);
    const { cutoff, text } = await refusedPensions(false);
    // The ended day is the reason given first (before the pool of 0 set above).
    expect(cutoff).toBe('ended');
    expect(text).toContain('Oddział zakończył już dziś obsługę klientów');
    // Today's slots went with the day: the offer is tomorrow's or later (Warsaw days).
    const today = localDay(new Date(), 'Europe/Warsaw').split('-').reverse().join('.');
    expect(text).toMatch(/najbliższa wolna wizyta: .+ \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);
    expect(text).not.toContain(today);
    // The home, asked afresh, says the branch is closed and offers no ticket.
    await p.goto(p.url().split('#')[0]!);
    await p.getByTestId('branch-closed').waitFor({ timeout: 15_000 });
    expect(await p.getByTestId('go-ticket').count()).toBe(0);
    // In speech mode the closed branch is said, not only shown.
    await p.keyboard.press('F2');
    await hears(p, /^Oddział jest zamknięty — możesz złożyć dokument/);
  });
});
