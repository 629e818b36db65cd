import { describe, expect, it } from 'vitest';
import { act, callNext, issue, openCounter } from './helpers';
import { screenBed } from './screen-bed';

const { browser, b } = screenBed({ branchPerTest: true });

async function phone(locale: string) {
  const context = await browser.newContext({ locale, viewport: { width: 390, height: 780 } });
  const page = await context.newPage();
  // A fake clock: the page's 10-second polling runs on demand.
  await page.clock.install();
  return { context, page };
}

describe('follow-the-line page on a phone', () => {
  it('shows number, people ahead, then the counter when called, in the phone’s language', async () => {
    const kiosk = await b.device('kiosk');
    await issue(b, kiosk, 'skladki');
    const mine = await issue(b, kiosk, 'skladki');
    const { context, page } = await phone('uk-UA');
    await page.goto(b.url + mine.followUrl);
    await expect(page.getByTestId('follow-number').innerText()).resolves.toBe(mine.number);
    await expect(page.getByTestId('follow-ahead').getAttribute('data-ahead')).resolves.toBe('1');
    expect(await page.getByTestId('follow-state').innerText()).toBe('Ви в черзі');
    expect(await page.locator('html').getAttribute('lang')).toBe('uk');

    const clerk = await openCounter(b, 6);
    const first = await callNext(b, clerk, 6);
    await act(b, clerk, first.id, 'start');
    // Nothing changes before the next poll …
    await page.clock.runFor(5_000);
    await expect(page.getByTestId('follow-ahead').getAttribute('data-ahead')).resolves.toBe('1');
    // … and after it, one fewer ahead.
    await page.clock.runFor(5_100);
    await page.locator('[data-testid=follow-ahead][data-ahead="0"]').waitFor();
    expect(await page.getByTestId('follow-ahead').innerText()).toBe('Ви наступні в черзі');

    await callNext(b, clerk, 6);
    await page.clock.runFor(10_100);
    await page.locator('[data-testid=follow-state][data-state=called]').waitFor();
    // The counter by its public sign, as the screens and the voice give it.
    expect(await page.getByTestId('follow-counter').innerText()).toBe('Підійдіть до: Віконце 6');
    // No personal data and no token anywhere on the page.
    const html = await page.content();
    expect(html).not.toMatch(/token|pesel/i);
    await context.close();
  });

  it('speaks Polish by default and English to an English phone; unknown ids get a clear message', async () => {
    const kiosk = await b.device('kiosk');
    const t = await issue(b, kiosk, 'ogolne');
    for (const [locale, waiting] of [
      ['pl-PL', 'Czekasz w kolejce'],
      ['de-DE', 'Czekasz w kolejce'],
      ['en-GB', 'You are waiting in line'],
    ] as const) {
      const { context, page } = await phone(locale);
      await page.goto(b.url + t.followUrl);
      await expect(page.getByTestId('follow-state').innerText()).resolves.toBe(waiting);
      await context.close();
    }
    const { context, page } = await phone('pl-PL');
    await page.goto(`${b.url}/q/00000000-0000-4000-8000-000000000000`);
    await page.locator('[data-testid=follow-error][data-code=NOT_FOUND]').waitFor();
    expect(await page.getByTestId('follow-error').innerText()).toContain('Nie znaleziono');
    await context.close();
  });
});
