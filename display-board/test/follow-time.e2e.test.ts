import { describe, expect, it } from 'vitest';
import { issue } from './helpers';
import { screenBed } from './screen-bed';

// The server's clock runs 2 h 17 min behind the phone's, and the phone is set to UTC: the
// follow page's "updated at" must be the server's time on the branch's (Warsaw) wall clock.
const BEHIND_MS = (2 * 60 + 17) * 60_000;
const serverNow = () => new Date(Date.now() - BEHIND_MS);
const { browser, b } = screenBed({ now: serverNow });

const hms = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('pl-PL', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone,
  }).format(at);

describe('follow page time', () => {
  it('shows when it was updated on the branch clock, not the phone’s zone or clock', async () => {
    const kiosk = await b.device('kiosk');
    const mine = await issue(b, kiosk, 'skladki');
    const context = await browser.newContext({
      locale: 'pl-PL',
      timezoneId: 'UTC',
      viewport: { width: 390, height: 780 },
    });
    try {
      const page = await context.newPage();
      const before = serverNow();
      await page.goto(b.url + mine.followUrl);
      const updated = page.getByTestId('follow-updated');
      await updated.waitFor();
      const at = new Date((await updated.getAttribute('data-at'))!);
      const after = serverNow();
      // The instant shown is the server's answer, taken between the two readings of its clock.
      expect(at.getTime()).toBeGreaterThanOrEqual(before.getTime());
      expect(at.getTime()).toBeLessThanOrEqual(after.getTime());
      const shown = /\d{2}:\d{2}:\d{2}/.exec(await updated.innerText())?.[0];
      expect(shown).toBe(hms(at, 'Europe/Warsaw'));
      // Which is neither the phone's zone (UTC) nor the phone's own clock.
      expect(shown).not.toBe(hms(at, 'UTC'));
      expect(shown).not.toBe(hms(new Date(at.getTime() + BEHIND_MS), 'Europe/Warsaw'));
    } finally {
      await context.close();
    }
  });
});
