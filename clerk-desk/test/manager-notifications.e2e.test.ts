// The manager's monitor shows client notifications as counts and channel states, against a real
// branch server sending SMS through the gateway emulator over HTTP, in Chromium.
import { beforeAll, describe, expect, it } from 'vitest';
import { until } from '../../branch-server/test/harness';
import { signInManager } from './desk-page';
import { deskRig } from './desk-rig';

describe('manager monitor: notifications', () => {
  const {
    branch: b,
    page,
    sms,
  } = deskRig({
    sms: { near: { ahead: 0, minutes: 0 }, rate: { perAddressPerHour: 50, perSecond: 50 } },
    page: 'manager',
  });
  let kiosk: string;
  let clerk: string;

  beforeAll(async () => {
    kiosk = await b.device('kiosk');
    clerk = await b.login('urzednik4');
  });

  /** A ticket whose client left a phone number, called at counter 4. */
  async function callWithContact(phone: string) {
    const t = await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'zasilki' });
    const put = await b.api('PUT', `/api/v1/public/tickets/${t.body.id}/contact`, undefined, {
      channel: 'sms',
      address: phone,
    });
    expect(put.status).toBe(200);
    const c = await b.api('POST', '/api/v1/counters/4/call-next', clerk);
    expect(c.body.ticket.id).toBe(t.body.id);
    await b.api('POST', `/api/v1/tickets/${t.body.id}/finish`, clerk);
  }

  it('counts what was sent and names a failing gateway, never an address', async () => {
    expect((await b.api('POST', '/api/v1/counters/4/open', clerk)).status).toBe(200);
    await page.goto(`${b.url}/desk/manager.html`);
    await signInManager(page, 'kierownik');
    const panel = page.getByTestId('notifications');
    await panel.getByRole('heading', { name: 'Powiadomienia SMS i e-mail' }).waitFor();
    await page.getByTestId('notify-email').getByText('wyłączone').waitFor();

    await callWithContact('600100200');
    await until(() => sms.messages.length >= 1, 10_000);
    await page
      .getByTestId('notify-counts')
      .getByText(/^Wysłane: [1-9]\d* · nieudane: 0/)
      .waitFor({
        timeout: 15_000,
      });
    await page.getByTestId('notify-sms').getByText('działa').waitFor();

    sms.setFaults({ failNext: 1000 });
    await callWithContact('600300400');
    await page.getByTestId('notify-sms').getByText('błąd — ponawiam').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('notify-sms').getAttribute('class')).toContain('bad');
    const text = await panel.innerText();
    expect(text).not.toContain('600');
    sms.setFaults({});
  }, 60_000);
});
