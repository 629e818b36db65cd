import { describe, expect, it } from 'vitest';
import { localClock, localDay } from '@skr/protocol/time-zone';
import { DEMO_LOGINS } from '@skr/pue-emulator';
import { sharedKioskRig } from './kiosk-rig';

// Check-in by ID card, end to end: a visit booked at the portal for the card holder (Anna
// Kowalska) is pulled into the branch cache, the portal goes down, the card goes into the
// reader (pcscd + virtual card), one touch in Chromium and the check-in slip prints.

const rig = sharedKioskRig({ pue: true, card: true });

/** Today's date and the current minute in Warsaw (the portal books in local time). */
function warsawNow(): { date: string; time: string } {
  const now = new Date();
  return { date: localDay(now, 'Europe/Warsaw'), time: localClock(now, 'Europe/Warsaw').time };
}

describe('check-in by ID card', () => {
  it('checks in the holder’s booking with the portal down; the card again reprints, a closed visit is not found', async () => {
    const p = rig.page;
    const anna = DEMO_LOGINS[0]!;
    const booking = rig.pue!.createBooking({
      branchId: 'o-101',
      serviceId: 'zasilki',
      ...warsawNow(),
      pesel: anna.pesel,
    });
    await rig.branch.server.sync.pullNow();
    rig.pue!.faults.set({ down: true });

    await rig.card!.insert();
    // pcscd polls the virtual slot: wait until the kiosk has seen the card (slow under load).
    await expect
      .poll(async () => (await rig.runtime.services.handlers.devices({})).cardPresent, {
        timeout: 15_000,
      })
      .toBe(true);
    await p.getByTestId('home').waitFor();
    await p.getByTestId('go-check-in').click();
    const slip = rig.printer.nextTicket(15_000);
    slip.catch(() => undefined); // awaited below; no unhandled rejection if a step before fails
    await p.getByTestId('check-in-card').click();
    await p.getByTestId('ticket').waitFor({ timeout: 15_000 });
    const number = (await p.getByTestId('ticket-number').textContent())!;
    expect(number).toMatch(/^B\d{3}$/);
    const printed = (await slip).lines.join('\n');
    expect(printed).toContain(number);
    expect(printed).not.toContain(anna.pesel);
    expect(await p.content()).not.toContain(anna.pesel);
    const id = (await p.getByTestId('qr').getAttribute('data-url'))!.split('/').pop()!;
    const mine = await rig.branch.api(
      'GET',
      `/api/v1/tickets/${id}`,
      await rig.branch.login('admin'),
    );
    expect(mine.body.ticket).toMatchObject({
      number,
      serviceId: 'zasilki',
      bookingCode: booking.code,
      state: 'waiting',
    });
    await p.getByTestId('done').click();

    // The card again: the same number, no second ticket.
    await p.getByTestId('go-check-in').click();
    await p.getByTestId('check-in-card').click();
    await p.getByTestId('ticket').waitFor({ timeout: 15_000 });
    expect(await p.getByTestId('ticket-number').textContent()).toBe(number);
    await p.getByTestId('done').click();

    // Once the ticket is closed, the card finds nothing to check in: a clear message.
    rig.branch.branch.act(id, 'cancel', null);
    await p.getByTestId('go-check-in').click();
    await p.getByTestId('check-in-card').click();
    await expect
      .poll(() => p.locator('.error[role=alert]').first().getAttribute('data-code'), {
        timeout: 10_000,
      })
      .toBe('NOT_FOUND');
    await p.getByText('Wstecz').click();
    await rig.card!.remove();
    rig.pue!.faults.clear();
  }, 60_000);
});
