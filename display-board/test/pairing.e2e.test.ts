import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../../branch-server/test/harness';
import {
  SCREEN_CREDENTIAL_KEY,
  callNext,
  issue,
  openCounter,
  openScreen,
  waitLatest,
} from './helpers';
import { screenBed } from './screen-bed';

// Issue 13: a new screen pairs by a code it shows; the admin types it in the manager's devices
// view; the screen collects its own credential (no token in any URL), renews it before it
// expires and keeps running across the rotation.
let offset = 0;
const { browser, b } = screenBed({ now: () => new Date(Date.now() + offset), branchPerTest: true });

const stored = async (page: Page) =>
  JSON.parse(
    (await page.evaluate((k) => localStorage.getItem(k), SCREEN_CREDENTIAL_KEY)) ?? 'null',
  );

describe('pairing a screen by code, in Chromium', () => {
  it('shows a code; the admin types it in the manager view; the board comes up', async () => {
    const screen = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await screen.newPage();
    const urls: string[] = [];
    page.on('request', (r) => urls.push(r.url()));
    await page.goto(`${b.url}/display/`);
    const codeEl = page.getByTestId('pairing-code');
    await codeEl.waitFor();
    const code = (await codeEl.getAttribute('aria-label'))!;
    expect(code).toMatch(/^[A-Z0-9]{8}$/);

    const desk = await browser.newContext();
    const mgr = await desk.newPage();
    await mgr.goto(`${b.url}/desk/manager.html`);
    await mgr.getByLabel('Użytkownik').fill('admin');
    await mgr.getByLabel('Hasło').fill(TEST_PASSWORD);
    await mgr.getByRole('button', { name: 'Zaloguj' }).click();
    await mgr.getByRole('tab', { name: 'Konfiguracja' }).click();
    const form = mgr.getByRole('form', { name: 'Sparuj kodem z ekranu urządzenia' });
    // Typed the way people read it off the screen: in two halves, lower case.
    await form
      .getByLabel('Kod z ekranu')
      .fill(`${code.slice(0, 4)} ${code.slice(4)}`.toLowerCase());
    await form.getByLabel('Rodzaj').selectOption('display');
    await form.getByLabel('Nazwa').fill('Ekran przy wejściu');
    await form.getByRole('button', { name: 'Sparuj kodem z ekranu urządzenia' }).click();
    await mgr.getByTestId('paired-by-code').waitFor();
    await mgr.getByTestId('cfg-device-Ekran przy wejściu').waitFor();
    // The manager page never saw the screen's token.
    expect(await mgr.locator('body').innerText()).not.toMatch(/token/i);

    await page.locator('[data-testid=board][data-status=online]').waitFor({ timeout: 10_000 });
    const credential = await stored(page);
    expect(credential.token).toBeTruthy();
    expect(Date.parse(credential.refreshAfter)).toBeGreaterThan(Date.now());
    const kiosk = await b.device('kiosk');
    const t = await issue(b, kiosk, 'emerytury');
    await callNext(b, await openCounter(b, 1), 1);
    await waitLatest(page, t.number);
    expect(urls.every((u) => !u.includes(credential.token) && !/[?&]token=/.test(u))).toBe(true);
    await Promise.all([screen.close(), desk.close()]);
  }, 60_000);

  it('renews its credential and keeps showing calls after the old one expires', async () => {
    const old = await b.device('display', 'stary ekran');
    // A credential without refreshAfter (paired before expiry existed) is renewed at once.
    const s = await openScreen(browser, b.url, old);
    await expect.poll(async () => (await stored(s.page)).token, { timeout: 5000 }).not.toBe(old);
    const renewed = await stored(s.page);
    expect(renewed.refreshAfter).toBeTruthy();
    // 11 minutes on, past the overlap: the old token is refused and the live socket on it is
    // cut; the screen comes back on the renewed one by itself.
    offset += 11 * 60_000;
    expect((await b.api('GET', '/api/v1/queue', old)).status).toBe(401);
    expect((await b.api('GET', '/api/v1/queue', renewed.token)).status).toBe(200);
    await s.page.waitForTimeout(2500);
    await s.page.locator('[data-testid=board][data-status=online]').waitFor({ timeout: 10_000 });
    const kiosk = await b.device('kiosk');
    const t = await issue(b, kiosk, 'emerytury');
    await callNext(b, await openCounter(b, 2), 2);
    await waitLatest(s.page, t.number);
    expect((await stored(s.page)).token).toBe(renewed.token);
    await s.context.close();
  }, 60_000);
});
