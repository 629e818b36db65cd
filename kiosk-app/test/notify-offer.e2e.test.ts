import { describe, expect, it } from 'vitest';
import { sharedKioskRig, type KioskRig } from './kiosk-rig';

// "Powiadom mnie" after a ticket (issue 14): offered only when the branch can send (its
// GET /api/v1/opening lists the channels), and then only by those channels. A branch with no
// SMS gateway and no SMTP used to take a phone number and never send anything. Without the
// offer the ticket screen is the same before and after the kiosk hears from the branch, so the
// first test needs no wait for that answer.

/** Home → a pensions ticket; waits for the ticket screen. */
async function takeTicket(rig: KioskRig) {
  const p = rig.page;
  await p.getByTestId('home').waitFor();
  await p.getByTestId('go-ticket').click();
  await p.getByTestId('service-emerytury').click();
  await p.getByTestId('ticket').waitFor({ timeout: 15_000 });
}

describe('notifications off', () => {
  const rig = sharedKioskRig();
  it('shows no "Powiadom mnie" on the ticket', async () => {
    await takeTicket(rig);
    expect(await rig.page.getByTestId('ticket-number').textContent()).toMatch(/^A\d{3}$/);
    expect(await rig.page.getByTestId('notify-me').count()).toBe(0);
    await rig.page.getByTestId('done').click();
  }, 120_000);
});

describe('notifications by SMS only', () => {
  // Nothing is sent here (no contact is saved): the gateway's address only has to be configured.
  const rig = sharedKioskRig({
    branchOptions: { notify: { sms: { url: 'http://127.0.0.1:9', token: 'tok', from: 'ZUS' } } },
  });
  it('offers it, with the SMS channel alone', async () => {
    await takeTicket(rig);
    // Offered once the kiosk has the branch's answer (asked at start): click waits for it.
    await rig.page.getByTestId('notify-me').click();
    await rig.page.getByTestId('ticket-contact').waitFor();
    expect(await rig.page.getByTestId('contact-sms').count()).toBe(1);
    expect(await rig.page.getByTestId('contact-email').count()).toBe(0);
    await rig.page.getByTestId('contact-done').click();
  }, 120_000);
});
