import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callNext, issue, openCounter, openScreen, waitLatest } from './helpers';
import { screenBed } from './screen-bed';

// A running screen takes the branch's time and its settings from the server: the PC's zone
// (UTC here) and clock (2 h 17 min behind the server's) never show, and a manager's change of
// message, services or voice reaches the screen without a reload.
const AHEAD_MS = (2 * 60 + 17) * 60_000;
const { browser, b } = screenBed({
  langs: ['pl', 'uk'],
  now: () => new Date(Date.now() + AHEAD_MS),
  branchPerTest: true,
});

const warsaw = (ms: number) =>
  new Intl.DateTimeFormat('pl', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Warsaw',
  }).format(ms);

/** Waits until the screen's clock shows the server's time on the Warsaw wall clock. */
async function clockShowsBranchTime(page: Page): Promise<string> {
  const end = Date.now() + 8000;
  for (;;) {
    const before = warsaw(Date.now() + AHEAD_MS);
    const text = await page.getByTestId('clock').textContent();
    const after = warsaw(Date.now() + AHEAD_MS);
    if (text === before || text === after) return text!;
    if (Date.now() > end) throw new Error(`clock shows ${text}, branch time is ${after}`);
    await page.waitForTimeout(100);
  }
}

describe('a running screen', () => {
  it('shows the branch time from the server in Warsaw on a PC set to UTC', async () => {
    const s = await openScreen(browser, b.url, await b.device('display', 'UTC PC'), undefined, {
      timezoneId: 'UTC',
    });
    // The page really runs in UTC with the machine's clock: its own idea of the time differs.
    const pageOwn = await s.page.evaluate(() =>
      new Date().toLocaleTimeString('pl', { hour: '2-digit', minute: '2-digit' }),
    );
    const shown = await clockShowsBranchTime(s.page);
    expect(shown).not.toBe(pageOwn);
    expect(await s.page.getByTestId('clock').getAttribute('data-zone')).toBe('Europe/Warsaw');
    await s.context.close();
  });

  it('takes a new message, services and voice language live, without a reload', async () => {
    const admin = await b.login('admin');
    const dev = await b.api('POST', '/api/v1/devices', admin, { kind: 'display', name: 'Hol' });
    const s = await openScreen(browser, b.url, dev.body.token);
    await s.page.evaluate(() => ((window as unknown as { __noReload: number }).__noReload = 1));
    const spoken: string[] = [];
    s.page.on('request', (req) => {
      const path = new URL(req.url()).pathname;
      if (path.startsWith('/api/v1/audio/') && !path.endsWith('chime.wav')) spoken.push(path);
    });
    const put = await b.api('PUT', `/api/v1/devices/${dev.body.id}/display-config`, admin, {
      services: ['zasilki'],
      voiceLang: 'uk',
      volume: 1,
      message: 'Komunikat zmieniony na żywo',
      historySize: 6,
    });
    expect(put.status).toBe(200);
    await s.page
      .getByTestId('message')
      .filter({ hasText: 'Komunikat zmieniony na żywo' })
      .first()
      .waitFor({ timeout: 5000 });
    const kiosk = await b.device('kiosk');
    await issue(b, kiosk, 'emerytury');
    await issue(b, kiosk, 'zasilki');
    const pension = await callNext(b, await openCounter(b, 1), 1);
    const benefit = await callNext(b, await openCounter(b, 4), 4);
    await waitLatest(s.page, benefit.number);
    // Only the service now configured is shown, and it is read out in Ukrainian.
    expect(await s.page.locator(`[data-number="${pension.number}"]`).count()).toBe(0);
    await s.page.waitForFunction(() => window.__skrDisplay!.audio.played.length === 1, null, {
      timeout: 20_000,
    });
    expect(await s.page.evaluate(() => window.__skrDisplay!.audio.played)).toEqual([
      `uk-${benefit.number}-4`,
    ]);
    expect(spoken).toEqual([`/api/v1/audio/uk-${benefit.number}-4.wav`]);
    expect(
      await s.page.evaluate(() => (window as unknown as { __noReload?: number }).__noReload),
    ).toBe(1);
    await s.context.close();
  });
});
