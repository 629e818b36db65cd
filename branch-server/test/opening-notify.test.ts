// What the kiosk reads at start and every minute (GET /api/v1/opening) says which channels the
// branch can notify by: the kiosk offers "Powiadom mnie" only then (issue 14). A branch with no
// SMS gateway and no SMTP says none, and a contact left anyway is refused as UNAVAILABLE.
import { startSmsGateway, type SmsGatewayEmulator } from '@skr/hardware-mocks/sms-gateway/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBranch, type TestBranch } from './harness';

let gw: SmsGatewayEmulator;
let off: TestBranch;
let sms: TestBranch;
beforeAll(async () => {
  gw = await startSmsGateway({ token: 'tok' });
  off = await startTestBranch({ serveApps: false });
  sms = await startTestBranch({
    serveApps: false,
    notify: { sms: { url: gw.url, token: 'tok', from: 'ZUS' } },
  });
}, 120_000);
afterAll(async () => {
  await off?.close();
  await sms?.close();
  await gw?.close();
});

/** The opening as the kiosk sees it, and a walk-in ticket's id taken at that kiosk. */
async function kioskView(b: TestBranch) {
  const kiosk = await b.device('kiosk');
  const opening = await b.api('GET', '/api/v1/opening', kiosk);
  expect(opening.status).toBe(200);
  const ticket = await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'emerytury' });
  expect(ticket.status).toBe(201);
  return { opening: opening.body, ticketId: ticket.body.id as string };
}

describe('notification channels in the opening', () => {
  it('lists none when notifications are off, and the contact is refused', async () => {
    const { opening, ticketId } = await kioskView(off);
    expect(opening.notifyChannels).toEqual([]);
    const put = await off.api('PUT', `/api/v1/public/tickets/${ticketId}/contact`, undefined, {
      channel: 'sms',
      address: '600100200',
    });
    expect([put.status, put.body.code]).toEqual([503, 'UNAVAILABLE']);
  });

  it('lists the SMS channel when a gateway is configured, and the contact is taken', async () => {
    const { opening, ticketId } = await kioskView(sms);
    expect(opening.notifyChannels).toEqual(['sms']);
    const put = await sms.api('PUT', `/api/v1/public/tickets/${ticketId}/contact`, undefined, {
      channel: 'sms',
      address: '600100200',
    });
    expect(put.status).toBe(200);
  });
});
