import { beforeAll, describe, expect, it } from 'vitest';
import { wednesdayPlan } from './calendar-fixture';
import { openManagerCalendar } from './desk-page';
import { deskRig } from './desk-rig';

// The manager's calendar on a statutory holiday (issue 14), in Chromium against a real branch:
// Wednesday 6 January 2027 (Epiphany) has no slots and says why, named in pl/en/uk; the
// Wednesday before (30 December) shows its slots. Tuesday 2026-12-01 09:00.
const NOW = new Date('2026-12-01T08:00:00Z');
const FULL_HD = { width: 1920, height: 1080 };

describe('manager calendar on a public holiday', () => {
  const { branch: b, page } = deskRig({
    branch: { now: () => NOW },
    page: { viewport: FULL_HD, locale: 'pl-PL' },
  });

  beforeAll(async () => {
    const manager = await b.login('kierownik');
    const put = await b.api('PUT', '/api/v1/manager/calendar/plan', manager, {
      plan: wednesdayPlan(),
    });
    expect(put.status).toBe(200);
    await openManagerCalendar(page, b.url);
  }, 60_000);

  it('names the holiday instead of the slots, in each language', async () => {
    const day = page.getByTestId('calendar-day');
    await day.getByLabel('Dzień').fill('2026-12-30');
    await day.getByTestId('slot-10:00').waitFor();
    expect(await day.getByTestId('calendar-holiday').count()).toBe(0);

    await day.getByLabel('Dzień').fill('2027-01-06');
    const holiday = day.getByTestId('calendar-holiday');
    await holiday.getByText('Święto Trzech Króli', { exact: false }).waitFor();
    expect(await holiday.textContent()).toBe(
      'Dzień ustawowo wolny od pracy (Święto Trzech Króli): placówka jest nieczynna.',
    );
    expect(await day.locator('tbody tr').count()).toBe(0);

    await page.getByLabel('Język').selectOption('en');
    await holiday.getByText('Public holiday (Epiphany): the branch is closed.').waitFor();
    await page.getByLabel('Language').selectOption('uk');
    await holiday
      .getByText('Державне свято (Свято Трьох Королів): відділення не працює.')
      .waitFor();
  }, 60_000);
});
