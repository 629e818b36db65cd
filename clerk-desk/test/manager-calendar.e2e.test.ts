import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { planWithTwoVisits, wednesdayPlan } from './calendar-fixture';
import { openManagerCalendar } from './desk-page';
import { deskRig } from './desk-rig';

// Screenshots are rewritten only when asked (SKR_SCREENSHOTS_DIR=$PWD/docs/screenshots).
const SHOTS = process.env.SKR_SCREENSHOTS_DIR;
const shotPath = (name: string) => (SHOTS ? { path: join(SHOTS, name) } : {});

// The manager's calendar tab (issue 14) against a real branch server, in Chromium: a day's
// slots booked against capacity, a plan change that would strand visits listed before it is
// applied, and the no-show rate of booked visits on the statistics. Tuesday 2026-12-01 09:00.
const NOW = new Date('2026-12-01T08:00:00Z');
const plan = wednesdayPlan();

describe('manager calendar in Chromium', () => {
  const { branch: b, page } = deskRig({
    branch: { now: () => NOW },
    page: { viewport: { width: 1920, height: 1080 }, locale: 'pl-PL' },
  });
  const codes: string[] = [];

  beforeAll(async () => {
    const admin = await b.login('admin');
    const kiosk = await b.device('kiosk');
    codes.push(...(await planWithTwoVisits(b, plan)));
    // Today's booked visits: one kept (checked in), two missed (their window is over).
    for (const [code, at] of [
      ['KEPT0001', '2026-12-01T08:05:00.000Z'],
      ['MISS0001', '2026-12-01T07:00:00.000Z'],
      ['MISS0002', '2026-12-01T07:30:00.000Z'],
    ] as const)
      await b.api('POST', '/api/v1/bookings', admin, {
        code,
        serviceId: 'emerytury',
        bookedFor: at,
      });
    expect(
      (await b.api('POST', '/api/v1/tickets', kiosk, { bookingCode: 'KEPT0001' })).status,
    ).toBe(201);
    await openManagerCalendar(page, b.url);
  }, 60_000);

  it("shows a day's slots: walk-in counters and booked against capacity per service", async () => {
    const day = page.getByTestId('calendar-day');
    await day.getByLabel('Dzień').fill('2026-12-02');
    const ten = day.getByTestId('slot-10:00');
    await ten.getByTestId('load-emerytury').getByText('2 z 2').waitFor();
    expect(await ten.locator('td').first().textContent()).toBe('1');
    await day.getByTestId('slot-11:30').getByTestId('load-emerytury').getByText('0 z 2').waitFor();
    expect(await day.locator('tbody tr').count()).toBe(4);
    // The saved plan is in the editor: three weekly rows on Wednesday.
    expect(await page.getByTestId('plan-blocks').locator('tbody tr').count()).toBe(3);
    await page
      .getByLabel('Dzień tygodnia (wiersz 1)')
      .getByText('środa')
      .waitFor({ state: 'attached' });
  });

  it('lists the visits a holiday would strand, keeps the plan until confirmed, then applies it', async () => {
    await page.getByRole('button', { name: 'Dodaj wyjątek' }).click();
    await page.getByLabel('Dzień (wiersz 1)').fill('2026-12-02');
    await page.getByLabel('Uwagi (wiersz 1)').fill('Wigilia firmowa');
    // A row added by mistake goes with its own ✕ (named for its row); the first row stays.
    await page.getByRole('button', { name: 'Dodaj wyjątek' }).click();
    await page.getByLabel('Uwagi (wiersz 2)').fill('pomyłka');
    await page
      .getByTestId('plan-exceptions')
      .getByRole('button', { name: 'Usuń (wiersz 2)' })
      .click();
    await page.getByLabel('Uwagi (wiersz 2)').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Zapisz plan' }).click();
    const ask = page.getByTestId('stranded-confirm');
    await ask.getByText('Ta zmiana zostawi 2 umówione wizyty bez miejsca:').waitFor();
    for (const code of codes) await ask.getByRole('cell', { name: code }).waitFor();
    await ask.getByRole('cell', { name: '10:00' }).first().waitFor();
    await page.screenshot(shotPath('manager-calendar.png'));
    // Not applied yet: the server's plan has no exception.
    const saved = await b.api('GET', '/api/v1/manager/calendar/plan', await b.login('kierownik'));
    expect(saved.body.plan.exceptions).toEqual([]);
    await ask.getByRole('button', { name: 'Zapisz mimo to' }).click();
    await page
      .getByRole('status')
      .getByText('Plan zapisany. 2 umówione wizyty straciły miejsce — powiadom klientów:')
      .waitFor();
    await page.getByText('Tego dnia placówka nie przyjmuje umówionych wizyt.').waitFor();
    const after = await b.api('GET', '/api/v1/manager/calendar/plan', await b.login('kierownik'));
    expect(after.body.plan.exceptions).toEqual([
      { kind: 'holiday', day: '2026-12-02', note: 'Wigilia firmowa' },
    ]);
  });

  it('shows the no-show rate of booked visits per day and service on the statistics', async () => {
    await page.getByRole('tab', { name: 'Statystyki' }).click();
    await page.getByLabel('Okres').selectOption('week');
    await page.getByLabel('Data', { exact: true }).fill('2026-12-01');
    await page.getByRole('button', { name: 'Pokaż' }).click();
    const byDay = page.getByTestId('no-show-by-day');
    const tuesday = byDay.getByRole('row', { name: /2026-12-01/ });
    await tuesday.getByRole('cell', { name: '66,7%' }).waitFor();
    expect(await byDay.locator('tbody tr').count()).toBe(8); // seven days and the total
    const bySvc = page.getByTestId('no-show-by-service');
    await bySvc
      .getByRole('row', { name: /Emerytury/ })
      .getByRole('cell', { name: '66,7%' })
      .waitFor();
    // The same tables in English.
    await page.getByLabel('Język').selectOption('en');
    await page.getByRole('heading', { name: 'No-shows of booked visits by service' }).waitFor();
    await page.getByRole('tab', { name: 'Calendar' }).waitFor();
    await page.getByLabel('Language').selectOption('pl');
  });
});
