import { beforeAll, describe, expect, it } from 'vitest';
import { dayAhead as day, screenshot, slotsAhead } from './desk-page';
import { openFollowUp } from './follow-up-steps';
import { deskRig } from './desk-rig';
import { putEveryDayPlan } from '../../branch-server/test/booking-plan';

// "Umów kolejną wizytę" at the counter (issue 14), in Chromium against a real branch with a
// calendar plan and the SMS gateway emulator: the clerk books a follow-up visit for the client
// in hand, the desk shows the code and the client gets the confirmation by SMS.

const { branch, page, sms } = deskRig({ sms: true });
let manager: string;

beforeAll(async () => {
  manager = await putEveryDayPlan(branch, ['emerytury', 'zasilki']);
});

/** Free places of the slot at `time` on the day `n` days ahead. */
async function free(n: number, time: string): Promise<number | undefined> {
  return (await slotsAhead(branch, manager, n)).find((s) => s.time === time)?.free;
}

describe('desk: follow-up visit', () => {
  it('books for the client in hand, shows the code and texts the confirmation', async () => {
    const dialog = await openFollowUp(page, branch);
    // The ticket's service is chosen; days came from the branch calendar.
    expect(await page.getByTestId('follow-up-service').inputValue()).toBe('emerytury');
    await page.getByTestId('follow-up-day').selectOption(day(2));
    await page.getByTestId('follow-up-hour').selectOption({ label: '10:00 (wolne: 1)' });
    // 30 February 1859: the desk says so before anything is sent.
    await page.getByTestId('follow-up-pesel').fill('59823015184');
    expect(await page.getByTestId('follow-up-pesel-error').textContent()).toContain(
      'prawdziwej daty urodzenia',
    );
    expect(await dialog.getByRole('button', { name: 'Zatwierdź' }).isDisabled()).toBe(true);
    await page.getByTestId('follow-up-pesel').fill('44051401359');
    await page.getByLabel('SMS na numer').check();
    await page.getByTestId('follow-up-address').fill('600 500 400');
    await screenshot(page, 'desk-follow-up');
    await dialog.getByRole('button', { name: 'Zatwierdź' }).click();

    const booked = page.getByRole('dialog', { name: 'Wizyta umówiona' });
    await booked.waitFor();
    const code = (await page.getByTestId('follow-up-code').textContent())!;
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    expect(await page.getByTestId('follow-up-when').textContent()).toContain('10:00');
    expect(await page.getByTestId('follow-up-sent').textContent()).toContain('SMS');
    expect(await page.content()).not.toContain('44051401359');
    await screenshot(page, 'desk-follow-up-booked');
    expect(await free(2, '10:00')).toBe(0);
    await expect
      .poll(() => sms.messages.find((m) => m.to === '48600500400')?.message ?? '', {
        timeout: 15_000,
      })
      .toContain(code);
    await booked.getByRole('button', { name: 'Zatwierdź' }).click();
    await booked.waitFor({ state: 'detached' });
  }, 60_000);

  it('tells the clerk why the branch refused: 30 minutes between two visits of one client', async () => {
    await page.getByTestId('do-follow-up').click();
    const dialog = page.getByRole('dialog', { name: 'Umów kolejną wizytę' });
    await page.getByTestId('follow-up-day').selectOption(day(2));
    await page.getByTestId('follow-up-hour').selectOption({ label: '10:30 (wolne: 1)' });
    await page.getByTestId('follow-up-pesel').fill('44051401359');
    await dialog.getByRole('button', { name: 'Zatwierdź' }).click();
    await expect
      .poll(() => page.getByTestId('follow-up-error').textContent())
      .toContain('co najmniej 30 min');
    expect(await free(2, '10:30')).toBe(1);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  }, 30_000);
});
