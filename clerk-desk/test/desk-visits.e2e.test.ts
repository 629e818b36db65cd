import { beforeAll, describe, expect, it } from 'vitest';
import { pesel } from '../../branch-server/test/calendar-people';
import { putEveryDayPlan } from '../../branch-server/test/booking-plan';
import { axe, chooseCounter, dayAhead as day, signIn, slotsAhead } from './desk-page';
import { deskRig } from './desk-rig';

// "Wizyty" at the counter (issue 14), in Chromium against a real branch with a calendar plan:
// the clerk finds a client's visit by code and PESEL, moves it (new code shown, old one gone,
// a taken hour refused in the clerk's language) and cancels another.

const { branch, page } = deskRig();
let manager: string;
let kiosk: string;

beforeAll(async () => {
  manager = await putEveryDayPlan(branch, ['emerytury']);
  kiosk = await branch.device('kiosk');
  await signIn(page, 'urzednik1');
  await chooseCounter(page, 'Stanowisko 1');
}, 60_000);

/** The slot at `time` on the day `n` days ahead: its instant and free places. */
async function slot(n: number, time: string) {
  return (await slotsAhead(branch, manager, n)).find((s) => s.time === time)!;
}

/** Books at the kiosk for person `i`; answers the code. */
async function book(n: number, time: string, i: number): Promise<string> {
  const r = await branch.api('POST', '/api/v1/calendar/visits', kiosk, {
    serviceId: 'emerytury',
    start: (await slot(n, time)).start,
    pesel: pesel(i),
  });
  expect(r.status).toBe(201);
  return r.body.visit.code as string;
}

/** Opens "Wizyty" and finds `code` for person `i`. */
async function find(code: string, i: number) {
  await page.getByTestId('do-visits').click();
  const dialog = page.getByRole('dialog', { name: 'Wizyta klienta' });
  await dialog.waitFor();
  await page.getByTestId('visits-code').fill(code.toLowerCase());
  await page.getByTestId('visits-pesel').fill(pesel(i));
  await dialog.getByRole('button', { name: 'Zatwierdź' }).click();
  return dialog;
}

describe('desk: visits', () => {
  it('moves a visit: wrong PESEL refused, a taken hour refused, the new code shown', async () => {
    const code = await book(2, '10:00', 1);
    const dialog = await find(code, 2);
    await expect
      .poll(() => page.getByTestId('visits-error').textContent())
      .toContain('Nie znaleziono');
    await page.getByTestId('visits-pesel').fill(pesel(1));
    await dialog.getByRole('button', { name: 'Zatwierdź' }).click();
    await page.getByTestId('visits-found').waitFor();
    expect(await page.getByTestId('visits-when').textContent()).toContain('10:00');
    expect(await axe(page)).toEqual([]);
    await expect
      .poll(() => page.locator('[data-testid=visits-day] option').count())
      .toBeGreaterThan(20);
    await page.getByTestId('visits-day').selectOption(day(3));
    await page.getByTestId('visits-hour').selectOption({ label: '11:00 (wolne: 1)' });
    // Someone at the kiosk takes 11:00 meanwhile: "full" in Polish, the visit unchanged.
    await book(3, '11:00', 3);
    await dialog.getByRole('button', { name: 'Zatwierdź' }).click();
    await expect
      .poll(() => page.getByTestId('visits-error').textContent())
      .toContain('Ten termin jest już pełny');
    // The taken hour is cleared once the free hours are read again.
    await expect.poll(() => page.getByTestId('visits-hour').inputValue()).toBe('');
    await page.getByTestId('visits-hour').selectOption({ label: '12:00 (wolne: 1)' });
    await dialog.getByRole('button', { name: 'Zatwierdź' }).click();
    const moved = page.getByRole('dialog', { name: 'Wizyta przeniesiona' });
    await moved.waitFor();
    const next = (await page.getByTestId('visits-new-code').textContent())!;
    expect(next).toMatch(/^[A-Z2-9]{8}$/);
    expect(next).not.toBe(code);
    expect(await page.getByTestId('visits-done-when').textContent()).toContain('12:00');
    expect(await page.content()).not.toContain(pesel(1));
    expect((await slot(2, '10:00')).free).toBe(1);
    expect((await slot(3, '12:00')).free).toBe(0);
    // The new code's slip is ready to print (print-only view, as for a follow-up).
    expect(await page.getByTestId('visits-print').textContent()).toBe('Drukuj potwierdzenie');
    expect(await page.getByTestId('slip-code').textContent()).toBe(next);
    expect(await page.getByTestId('slip-time').textContent()).toBe('12:00');
    await moved.getByRole('button', { name: 'Zatwierdź' }).click();
    await expect.poll(() => page.getByTestId('print-slip').count()).toBe(0);
  });

  it('cancels a visit; the place is free again', async () => {
    const code = await book(4, '09:00', 5);
    expect((await slot(4, '09:00')).free).toBe(0);
    const dialog = await find(code, 5);
    await page.getByTestId('visits-found').waitFor();
    await page.getByLabel('Odwołaj wizytę').check();
    await dialog.getByRole('button', { name: 'Zatwierdź' }).click();
    await page.getByRole('dialog', { name: 'Wizyta odwołana' }).waitFor();
    expect(await page.getByTestId('visits-done').textContent()).toContain(`Wizyta ${code}`);
    expect((await slot(4, '09:00')).free).toBe(1);
    await page
      .getByRole('dialog', { name: 'Wizyta odwołana' })
      .getByRole('button', { name: 'Zatwierdź' })
      .click();
  });
});
