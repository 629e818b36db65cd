// The manager sets a service's daily walk-in pool on the monitor (issue 14), in Chromium against a
// real branch server: a wrong number is refused by the server with its message shown, a pool of 2
// lets the kiosk issue two walk-ins and then refuses with the cut-off reason "pool", the monitor
// says so, and removing the pool lets the kiosk issue again. axe and HTMLCS find nothing.
import { describe, expect, it } from 'vitest';
import { launchBrowser } from '../../branch-server/test/browser';
import { startTestBranch, TEST_PASSWORD } from '../../branch-server/test/harness';
import { htmlcsFindings } from '../../kiosk-app/test/a11y-checkers';
import { axe, VIEWPORT } from './desk-page';

describe('manager monitor: daily walk-in pool', () => {
  it('sets a pool, the kiosk is cut off after it, and removes it (audited)', async () => {
    const b = await startTestBranch();
    const browser = await launchBrowser();
    try {
      const kiosk = await b.device('kiosk');
      const issue = () => b.api('POST', '/api/v1/tickets', kiosk, { serviceId: 'zasilki' });
      const page = await browser.newPage({ viewport: VIEWPORT, locale: 'pl-PL' });
      page.setDefaultTimeout(10_000);
      await page.goto(`${b.url}/desk/manager.html`);
      await page.getByLabel('Użytkownik').fill('kierownik');
      await page.getByLabel('Hasło').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Zaloguj' }).click();
      const editor = page.getByTestId('walk-in-pools');
      const row = editor.getByTestId('pool-zasilki');
      const field = row.getByLabel('Pula dzienna: Zasiłki');
      await field.waitFor();
      expect(await row.getByRole('button', { name: 'Usuń pulę' }).isDisabled()).toBe(true);

      // A negative pool goes to the server, which refuses it; its message is shown.
      await field.fill('-1');
      await row.getByRole('button', { name: 'Zapisz' }).click();
      const alert = editor.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(/^Niepoprawne dane: .+/);

      await field.fill('2');
      await row.getByRole('button', { name: 'Zapisz' }).click();
      await editor.getByText('Zapisano pulę: Zasiłki').waitFor();
      expect(await editor.getByRole('alert').count()).toBe(0);
      expect(await field.inputValue()).toBe('2');

      expect((await issue()).status).toBe(201);
      expect((await issue()).status).toBe(201);
      const refused = await issue();
      expect(refused.status).toBe(409);
      expect(refused.body.details).toMatchObject({ reason: 'walk-in-cutoff', cutoff: 'pool' });

      // The monitor refetches on the ticket events and shows the cut-off with its reason.
      const cut = page.getByTestId('cutoff-zasilki');
      await expect.poll(() => cut.getAttribute('data-cut')).toBe('true');
      expect(await cut.textContent()).toContain('Zasiłki: odcięta: wyczerpana dzienna pula (2)');
      await expect.poll(() => row.locator('td').first().textContent()).toBe('2');

      expect(await axe(page)).toEqual([]);
      expect((await htmlcsFindings(page)).errors).toEqual([]);

      await row.getByRole('button', { name: 'Usuń pulę' }).click();
      await editor.getByText('Usunięto pulę: Zasiłki').waitFor();
      expect(await field.inputValue()).toBe('');
      expect((await issue()).status).toBe(201);
      await cut.waitFor({ state: 'detached' });

      const audit = await b.api('GET', '/api/v1/config/audit', await b.login('admin'));
      const diffs = audit.body.entries
        .filter((e: { entityId: string }) => e.entityId === 'zasilki')
        .map((e: { diff: unknown }) => e.diff);
      expect(diffs.slice(0, 2)).toEqual([
        { walkInDailyPool: { before: '2', after: null } },
        { walkInDailyPool: { before: null, after: '2' } },
      ]);
    } finally {
      await browser.close();
      await b.close();
    }
  }, 90_000);
});
