// The sms.do adapter against the gateway emulator over HTTP: success, duplicate idx as success,
// and each failure classified as retry-later or final.
import { startSmsGateway, type SmsGatewayEmulator } from '@skr/hardware-mocks/sms-gateway/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smsGateway, smsIdx } from '../src/notify';
import { sendRetryable } from '../src/notify/sender';

let gw: SmsGatewayEmulator;
beforeAll(async () => {
  gw = await startSmsGateway({ token: 'tok' });
});
afterAll(() => gw?.close());

const msg = (key: string, to = '48600100200', text = 'Numer A001 – stanowisko 3') => ({
  to,
  lang: 'pl' as const,
  subject: '',
  text,
  idempotencyKey: key,
});

describe('SMS gateway adapter', () => {
  it('sends with the token, encoding and idx; a repeat of the same key is not sent twice', async () => {
    const s = smsGateway({ url: gw.url, token: 'tok', from: 'ZUS' });
    const first = await s.send(msg('k1'));
    expect(first.id).toMatch(/^E\d+$/);
    await s.send(msg('k1'));
    expect(gw.messages.filter((m) => m.to === '48600100200')).toHaveLength(1);
    expect(gw.messages[0]).toMatchObject({ from: 'ZUS', encoding: 'utf-8', parts: 1 });
    expect(gw.refusals.duplicate).toBe(1);
  });

  it('bills Polish letters as UCS-2 and normalize=1 as GSM-7', async () => {
    const s = smsGateway({ url: gw.url, token: 'tok', normalize: true });
    await s.send(msg('k2', '48600100201', 'ż'.repeat(100)));
    expect(gw.messages.at(-1)).toMatchObject({
      normalize: true,
      message: 'z'.repeat(100),
      parts: 1,
    });
  });

  it('retries on 503, 429 and timeouts; gives up on a refused token or a bad number', async () => {
    const fail = async (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: unknown) => e,
      );
    gw.setFaults({ failNext: 1 });
    const e503 = await fail(smsGateway({ url: gw.url, token: 'tok' }).send(msg('k3')));
    expect(sendRetryable(e503)).toBe(true);
    gw.setFaults({ perSecond: 0 });
    const e429 = await fail(smsGateway({ url: gw.url, token: 'tok' }).send(msg('k4')));
    expect(e429).toMatchObject({ code: 'RATE_LIMITED' });
    expect(sendRetryable(e429)).toBe(true);
    gw.setFaults({ delayMs: 500 });
    const slow = await fail(
      smsGateway({ url: gw.url, token: 'tok', timeoutMs: 100 }).send(msg('k5')),
    );
    expect(slow).toMatchObject({ code: 'TIMEOUT' });
    gw.setFaults({});
    const denied = await fail(smsGateway({ url: gw.url, token: 'wrong' }).send(msg('k6')));
    expect(sendRetryable(denied)).toBe(false);
    const bad = await fail(smsGateway({ url: gw.url, token: 'tok' }).send(msg('k7', '12')));
    expect(sendRetryable(bad)).toBe(false);
    // The delayed one was accepted after the client gave up (it will be retried under its idx);
    // the 503 and 429 ones never reached the phone.
    const sent = new Set(gw.messages.map((m) => m.idx));
    expect(sent.has(smsIdx('k3')) || sent.has(smsIdx('k4'))).toBe(false);
  });
});
