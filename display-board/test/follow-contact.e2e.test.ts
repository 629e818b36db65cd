import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmsGateway, type SmsGatewayEmulator } from '@skr/hardware-mocks/sms-gateway/index';
import { launchBrowser } from '../../branch-server/test/browser';
import { startTestBranch, type TestBranch } from '../../branch-server/test/harness';
import { act, callNext, issue, openCounter } from './helpers';

// "Powiadom mnie" on the follow page (issue 15), in Chromium on a phone-sized page against a real
// branch and the SMS gateway emulator: leave a number, get "your turn is near", withdraw it, and
// hear nothing more when called. Screenshot only when asked (SKR_SCREENSHOTS_DIR).

let b: TestBranch;
let browser: Browser;
let sms: SmsGatewayEmulator;

beforeAll(async () => {
  sms = await startSmsGateway({ token: 'test-token' });
  [browser, b] = await Promise.all([
    launchBrowser(),
    startTestBranch({
      notify: {
        sms: { url: sms.url, token: 'test-token', from: 'ZUS' },
        settings: { near: { ahead: 1, minutes: 0 } },
      },
    }),
  ]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await b?.close();
  await sms?.close();
});

const to = (n: string) => sms.messages.filter((m) => m.to === n);

describe('follow page: notify me', () => {
  it('leaves a phone with the consent shown, hears "near" once, withdraws, hears nothing after', async () => {
    const kiosk = await b.device('kiosk');
    await issue(b, kiosk, 'skladki');
    await issue(b, kiosk, 'skladki');
    const mine = await issue(b, kiosk, 'skladki');
    const context = await browser.newContext({
      locale: 'pl-PL',
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    await page.goto(b.url + mine.followUrl);
    await page.getByTestId('follow-contact').waitFor();
    expect(await page.getByTestId('follow-consent').innerText()).toContain('usuniemy');

    const outcome = page.getByTestId('follow-contact-outcome');
    await page.getByTestId('follow-contact-address').fill('600 900');
    await page.getByTestId('follow-contact-save').click();
    expect(await outcome.getAttribute('data-outcome')).toBe('invalid');
    await page.getByTestId('follow-contact-address').fill('600 900 100');
    await page.getByTestId('follow-contact-save').click();
    await page.locator('[data-testid=follow-contact-outcome][data-outcome=saved]').waitFor();
    // The number is gone from the page once the branch has it.
    expect(await page.getByTestId('follow-contact-address').inputValue()).toBe('');
    expect(await page.content()).not.toContain('600 900 100');
    if (process.env.SKR_SCREENSHOTS_DIR)
      await page.screenshot({
        path: `${process.env.SKR_SCREENSHOTS_DIR}/display-follow-contact.png`,
        fullPage: true,
      });

    // One served: one ahead, "near" arrives once.
    const clerk = await openCounter(b, 6);
    const first = await callNext(b, clerk, 6);
    await act(b, clerk, first.id, 'start');
    await act(b, clerk, first.id, 'finish');
    await expect.poll(() => to('48600900100').length, { timeout: 15_000 }).toBe(1);
    expect(to('48600900100')[0]?.message).toContain(mine.number);

    // Withdrawn: the call brings no message.
    await page.getByTestId('follow-contact-withdraw').click();
    await page.locator('[data-testid=follow-contact-outcome][data-outcome=withdrawn]').waitFor();
    const second = await callNext(b, clerk, 6);
    await act(b, clerk, second.id, 'start');
    await act(b, clerk, second.id, 'finish');
    const called = await callNext(b, clerk, 6);
    expect(called.id).toBe(mine.id);
    await new Promise((r) => setTimeout(r, 1500));
    expect(to('48600900100')).toHaveLength(1);

    // Once called, the form is gone: a message could no longer help.
    await page.reload();
    await page.locator('[data-testid=follow-state][data-state=called]').waitFor();
    expect(await page.getByTestId('follow-contact').count()).toBe(0);
    await context.close();
  }, 60_000);
});
