import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { signInManager } from './desk-page';
import { deskRig } from './desk-rig';
import { localDay } from '@skr/protocol/time-zone';

// Screenshots are rewritten only when asked (SKR_SCREENSHOTS_DIR=$PWD/docs/screenshots).
const SHOTS = process.env.SKR_SCREENSHOTS_DIR;
const shotPath = (name: string) => (SHOTS ? { path: join(SHOTS, name) } : {});

// The branch manager's page against a real branch server, in Chromium. The server's clock runs
// `offset` ahead of real time so a test can let people "wait" without waiting.
describe('manager page in Chromium: monitor, statistics, configuration', () => {
  let offset = 0;
  const { branch: b, page } = deskRig({
    branch: { now: () => new Date(Date.now() + offset) },
    page: 'manager',
  });
  let kiosk: string;
  const signIn = (user: string) => signInManager(page, user);

  beforeAll(async () => {
    kiosk = await b.device('kiosk', 'Biletomat wejście');
    // A morning's traffic: counter 1 serves, two people wait for "documents" (target 5 min).
    const clerk = await b.login('urzednik1');
    await b.api('POST', '/api/v1/counters/1/open', clerk);
    await b.api('POST', '/api/v1/counters/4/pause', await b.login('urzednik4'), {
      reason: 'Szkolenie',
    });
    for (const serviceId of ['emerytury', 'emerytury', 'dokumenty', 'dokumenty', 'zasilki'])
      await b.api('POST', '/api/v1/tickets', kiosk, { serviceId });
    offset += 4 * 60_000;
    const called = await b.api('POST', '/api/v1/counters/1/call-next', clerk);
    await b.api('POST', `/api/v1/tickets/${called.body.ticket.id}/start`, clerk);
    offset += 3 * 60_000;
    await b.api('POST', `/api/v1/tickets/${called.body.ticket.id}/finish`, clerk);
    const next = await b.api('POST', '/api/v1/counters/1/call-next', clerk);
    await b.api('POST', `/api/v1/tickets/${next.body.ticket.id}/start`, clerk);
    offset += 2 * 60_000;
  });

  it('turns a clerk away and lets the manager in', async () => {
    await page.goto(`${b.url}/desk/manager.html`);
    await page.getByRole('heading', { name: 'Logowanie kierownika' }).waitFor();
    await signIn('urzednik2');
    await page.getByRole('alert').getByText('To konto nie ma uprawnień kierownika.').waitFor();
    await signIn('kierownik');
    await page.getByRole('tab', { name: 'Monitor' }).waitFor();
  });

  it('shows lines against targets, counters and devices, and a paper-out within seconds', async () => {
    const docs = page.getByTestId('line-dokumenty');
    await docs.waitFor();
    expect(await docs.locator('[data-level]').getAttribute('data-level')).toBe('over');
    expect(
      await page.getByTestId('line-zasilki').locator('[data-level]').getAttribute('data-level'),
    ).toBe('ok');
    const c1 = page.getByTestId('counter-1');
    await c1.getByText('otwarte').waitFor();
    await c1.getByText('nr 1', { exact: true }).waitFor();
    await c1.getByText(/^A002 · \d+ min$/).waitFor();
    await page.getByTestId('counter-4').getByText('przerwa').waitFor();
    await page.getByTestId('counter-4').getByText('Szkolenie').waitFor();
    await page.getByText('Przekroczony cel czasu oczekiwania: G:', { exact: false }).waitFor();

    const t0 = Date.now();
    await b.api('POST', '/api/v1/devices/status', kiosk, {
      component: 'printer',
      ok: false,
      code: 'PAPER_OUT',
      message: 'Brak papieru',
    });
    await page
      .getByText('Usterka urządzenia: Biletomat wejście: drukarka — Brak papieru')
      .waitFor();
    expect(Date.now() - t0).toBeLessThan(3000);
    await page
      .getByTestId('device-Biletomat wejście')
      .getByText('drukarka: usterka (PAPER_OUT)')
      .waitFor();
    await page.screenshot({ ...shotPath('manager-monitor.png'), fullPage: true });

    await b.api('POST', '/api/v1/devices/status', kiosk, { component: 'printer', ok: true });
    await page.getByTestId('device-Biletomat wejście').getByText('drukarka: sprawne').waitFor();
  });

  it('draws statistics with charts and exports every table as CSV', async () => {
    await page.getByRole('tab', { name: 'Statystyki' }).click();
    const day = localDay(new Date(Date.now() + offset), 'Europe/Warsaw');
    await page.getByLabel('Data').fill(day);
    await page.getByRole('button', { name: 'Pokaż' }).click();
    const totals = page.getByTestId('totals');
    await totals.getByText('Wydane').waitFor();
    expect(await totals.locator('.tile-value').first().textContent()).toBe('5');
    await page.locator('.recharts-surface').nth(2).waitFor();
    expect(await page.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(3);
    await page.getByTestId('by-clerk').getByText('urzednik1').waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Eksport CSV: Według spraw' }).click();
    const file = await (await download).path();
    // The downloaded bytes: UTF-8 BOM, ';' between columns (a Polish Excel's list separator).
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8');
    expect(csv.startsWith('\uFEFFSprawa;Wydane;Obsłużone;Nieobecni')).toBe(true);
    expect(csv).toContain('Emerytury i renty;2;1;0;0;0;0;');
    expect(csv).toMatch(/\r\nRazem;5;1;/);
    for (const table of ['Według stanowisk', 'Według urzędników', 'Przybycia według godzin']) {
      const d = page.waitForEvent('download');
      await page.getByRole('button', { name: `Eksport CSV: ${table}` }).click();
      expect(readFileSync(await (await d).path(), 'utf8').split('\r\n').length).toBeGreaterThan(2);
    }
    await page.screenshot({ ...shotPath('manager-stats.png'), fullPage: true });
  });

  it('shows the configuration read-only to the manager', async () => {
    await page.getByRole('tab', { name: 'Konfiguracja' }).click();
    await page.getByText('Tylko podgląd: zmiany wprowadza administrator.').waitFor();
    await page.getByRole('heading', { name: 'Zasady kolejki' }).waitFor();
    expect(await page.getByLabel('Limit ponownych wezwań').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Sparuj urządzenie' }).count()).toBe(0);
  });

  it('lets the admin change services, rules and devices live, each change audited', async () => {
    await page.getByRole('button', { name: 'Wyloguj' }).click();
    await signIn('admin');
    await page.getByRole('tab', { name: 'Konfiguracja' }).click();
    // A service's target.
    await page.getByRole('button', { name: 'Emerytury i renty (emerytury)' }).click();
    await page.getByLabel('Cel oczekiwania (min)').fill('30');
    await page
      .getByRole('form', { name: 'emerytury' })
      .getByRole('button', { name: 'Zapisz' })
      .click();
    await page.getByTestId('audit').getByText('targetWaitMinutes: 20 → 30').waitFor();
    expect(b.branch.view().services.get('emerytury')!.targetWaitMinutes).toBe(30);
    // The recall limit.
    await page.getByLabel('Limit ponownych wezwań').fill('4');
    // And the wait limit that goes before booked visits (a branch past capacity raises it).
    await page.getByLabel('Limit oczekiwania (min)').fill('60');
    await page.getByRole('button', { name: 'Zapisz' }).first().waitFor();
    await page.locator('#cfg-settings-h + form').getByRole('button', { name: 'Zapisz' }).click();
    await page.getByTestId('audit').getByText('maxRecalls: 2 → 4').waitFor();
    await page.getByTestId('audit').getByText('hardWaitMinutes: 35 → 60').waitFor();
    expect(b.branch.settings()).toMatchObject({ maxRecalls: 4, hardWaitMinutes: 60 });
    // Pair a screen, set it up, see the token once, revoke it.
    const pair = page.getByRole('form', { name: 'Sparuj urządzenie' });
    await pair.getByLabel('Nazwa').fill('Ekran sala A');
    await pair.getByRole('button', { name: 'Sparuj urządzenie' }).click();
    const token = (await page.locator('.mgr-token').textContent())!.split(': ')[1]!;
    expect((await b.api('GET', '/api/v1/display/config', token)).status).toBe(200);
    const screen = page.getByRole('form', { name: 'Ustawienia ekranu: Ekran sala A' });
    await screen.getByLabel('Komunikat').fill('Dziś pracujemy do 15:00');
    await screen.getByRole('button', { name: 'Zapisz' }).click();
    await page
      .getByTestId('audit')
      .getByText(/ekran .* utworzenie/)
      .waitFor();
    expect((await b.api('GET', '/api/v1/display/config', token)).body.config.message).toBe(
      'Dziś pracujemy do 15:00',
    );
    await page.screenshot({ ...shotPath('manager-config.png'), fullPage: true });
    await page.getByRole('button', { name: 'Unieważnij: Ekran sala A' }).click();
    await page
      .getByTestId('cfg-device-Ekran sala A')
      .getByText('Unieważniono', { exact: false })
      .waitFor();
    expect((await b.api('GET', '/api/v1/display/config', token)).status).toBe(401);
  });
});
