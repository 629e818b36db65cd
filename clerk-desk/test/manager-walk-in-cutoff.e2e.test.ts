// The manager's monitor shows the walk-in cut-off per service (issue 14) and reopens a service
// for today, against a real branch server, in Chromium; the reopening is audited and the kiosk
// gets tickets of that service again.
import { describe, expect, it } from 'vitest';
import { launchBrowser } from '../../branch-server/test/browser';
import { startTestBranch } from '../../branch-server/test/harness';

/** Starts the branch, sets the pool of benefits to 0 (no walk-ins today) and runs `test`. */
async function withCutOffBranch(
  test: (b: Awaited<ReturnType<typeof startTestBranch>>, kiosk: string) => Promise<void>,
) {
  const b = await startTestBranch();
  try {
    const pool = await b.api(
      'PUT',
      '/api/v1/manager/walk-in-cutoffs/zasilki/pool',
      await b.login('kierownik'),
      { dailyPool: 0 },
    );
    expect(pool.status).toBe(200);
    await test(b, await b.device('kiosk'));
  } finally {
    await b.close();
  }
}

describe('manager monitor: walk-in cut-off', () => {
  it(
    'shows the cut-off and reopens the service for today (audited)',
    () =>
      withCutOffBranch(async (b, kiosk) => {
        const browser = await launchBrowser();
        try {
          const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
          page.setDefaultTimeout(10_000);
          expect(
            (await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'zasilki' })).status,
          ).toBe(409);
          await page.goto(`${b.url}/desk/manager.html`);
          await page.getByLabel('Użytkownik').fill('kierownik');
          await page.getByLabel('Hasło').fill('test-password-1234');
          await page.getByRole('button', { name: 'Zaloguj' }).click();
          const panel = page.getByTestId('walk-in-cutoffs');
          await panel
            .getByRole('heading', { name: 'Przyjmowanie bez wizyty (odcięcie)' })
            .waitFor();
          const row = panel.getByTestId('cutoff-zasilki');
          await expect.poll(() => row.getAttribute('data-cut')).toBe('true');
          expect(await row.textContent()).toContain(
            'Zasiłki: odcięta: wyczerpana dzienna pula (0)',
          );
          await row.getByRole('button', { name: 'Otwórz ponownie na dziś' }).click();
          await expect.poll(() => row.getAttribute('data-cut')).toBe('false');
          expect(await row.textContent()).toContain('otwarta ponownie na dziś');
          expect(
            (await b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'zasilki' })).status,
          ).toBe(201);
          const audit = await b.api('GET', '/api/v1/config/audit', await b.login('admin'));
          expect(audit.body.entries[0]).toMatchObject({
            actor: 'user:kierownik',
            entityId: 'zasilki',
            diff: { walkInsReopenedToday: { before: null, after: 'true' } },
          });
        } finally {
          await browser.close();
        }
      }),
    90_000,
  );
});
