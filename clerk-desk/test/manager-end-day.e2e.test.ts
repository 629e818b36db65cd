// The manager's "end the day now" on the monitor (issue 12), against a real branch server, in
// Chromium at 1920×1080: asks once more, then counters close and leftover tickets expire.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../branch-server/test/browser';
import { startTestBranch, type TestBranch } from '../../branch-server/test/harness';

let b: TestBranch;
let browser: Browser;
// Starting both under a loaded CI machine takes a good part of a test's 30 s: a hook has 60 s.
beforeAll(async () => {
  [b, browser] = await Promise.all([startTestBranch(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await b?.close();
});

describe('manager monitor: end of the day', () => {
  it('ends the day after a confirmation; cancelling leaves it running', async () => {
    const kiosk = await b.device('kiosk');
    for (let i = 0; i < 2; i++)
      expect((await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'ogolne' })).status).toBe(
        201,
      );
    const clerk = await b.login('urzednik12');
    expect((await b.api('POST', '/api/v1/counters/12/open', clerk)).status).toBe(200);
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page.setDefaultTimeout(10_000);
    await page.goto(`${b.url}/desk/manager.html`);
    await page.getByLabel('Użytkownik').fill('kierownik');
    await page.getByLabel('Hasło').fill('test-password-1234');
    await page.getByRole('button', { name: 'Zaloguj' }).click();
    const panel = page.getByTestId('end-day');
    await panel.getByRole('heading', { name: 'Koniec dnia pracy' }).waitFor();

    // Cancelling the confirmation changes nothing.
    await panel.getByRole('button', { name: 'Zakończ dzień teraz' }).click();
    await panel.getByRole('button', { name: 'Anuluj' }).click();
    expect(b.branch.counters().find((c) => c.id === 12)?.state).toBe('open');

    await panel.getByRole('button', { name: 'Zakończ dzień teraz' }).click();
    await panel
      .getByText('Zakończyć dzień teraz? Klienci, którzy jeszcze czekają, nie zostaną obsłużeni.')
      .waitFor();
    await panel.getByRole('button', { name: 'Tak, zakończ dzień' }).click();
    await expect
      .poll(() => panel.getByTestId('end-day-result').textContent())
      .toBe('Dzień zakończony: zamknięte stanowiska: 1, rozliczone bilety: 2.');
    expect(b.branch.counters().every((c) => c.state === 'closed')).toBe(true);
    const queue = (await b.api('GET', '/api/v1/queue', await b.login('kierownik'))).body;
    expect(queue.lines.reduce((n: number, l: { waiting: number }) => n + l.waiting, 0)).toBe(0);
  });
});
