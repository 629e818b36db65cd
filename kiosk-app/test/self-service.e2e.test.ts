import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@skr/pue-emulator';
import { axeViolations } from './a11y-checkers';
import { CARD_PIN, sharedKioskRig, tinyPdf } from './kiosk-rig';
import {
  expectQueuedReceipt,
  insertCard,
  tapDigits,
  tapThrough,
  toSelfService,
} from './self-service-steps';

// The urzędomat in Chromium against the real branch server (with its portal proxy and
// outbox), the portal stand-in, pcscd + the virtual ID card and the printer emulator.
// Screenshots of every screen go to docs/screenshots/kiosk-*.png.

// Screenshots are rewritten only when asked (SKR_SCREENSHOTS_DIR=$PWD/docs/screenshots), so a
// test run leaves the working tree clean.
const SHOTS = process.env.SKR_SCREENSHOTS_DIR;
const IDLE = 10;

const rig = sharedKioskRig({ pue: true, card: true, idleSeconds: IDLE }, (r) => {
  r.addUsbFile('wniosek-emerytura.pdf', tinyPdf(2));
});

const shot = (p: Page, name: string) =>
  p.screenshot(SHOTS ? { path: join(SHOTS, `kiosk-${name}.png`) } : {});

/** The screen on show passes axe (WCAG 2.1 A/AA) and is photographed as `name`. */
async function passesAxe(p: Page, name: string): Promise<void> {
  expect(await axeViolations(p), name).toEqual([]);
  await shot(p, name);
}

describe('urzędomat', () => {
  it('home, services and ticket screens pass axe and are photographed', async () => {
    const p = rig.page;
    await p.getByTestId('home').waitFor();
    await passesAxe(p, 'home');
    await p.getByTestId('go-ticket').click();
    await p.getByTestId('service-emerytury').waitFor();
    await passesAxe(p, 'services');
    await p.getByTestId('service-emerytury').click();
    await p.getByTestId('qr').waitFor();
    await passesAxe(p, 'ticket');
    await tapThrough(p, 'done', 'go-check-in');
    await passesAxe(p, 'check-in');
    await p.getByText('Wstecz').click();
    await p.getByTestId('large-text').click();
    await passesAxe(p, 'home-large-text');
    await p.getByTestId('large-text').click();
    // Touch targets: every button at least 48 × 48 px.
    const small = await p.$$eval(
      'button',
      (bs) =>
        bs.filter(
          (b) => b.getBoundingClientRect().height < 48 || b.getBoundingClientRect().width < 48,
        ).length,
    );
    expect(small).toBe(0);
  });

  it('ID card: wrong PIN shows tries left, right PIN signs in; account, role, data, archive order', async () => {
    const p = rig.page;
    await insertCard(rig);
    await toSelfService(p);
    await passesAxe(p, 'pue-login-card');
    await tapDigits(p, 'PIN do dowodu', '0000');
    await p.getByTestId('card-sign-in').click();
    await expect
      .poll(() => p.locator('.error[role=alert]').first().textContent(), { timeout: 10_000 })
      .toContain('Pozostałe próby: 2');
    await tapDigits(p, 'PIN do dowodu', CARD_PIN);
    await p.getByTestId('card-sign-in').click();
    await p.getByTestId('pue-account').waitFor();
    expect(await p.getByTestId('signed-in').textContent()).toContain('Anna Kowalska');
    await shot(p, 'pue-account');
    await tapThrough(p, 'account-individual', 'role-insured');
    await p.getByTestId('pue-menu').waitFor();
    await passesAxe(p, 'pue-menu');
    await p.getByTestId('menu-data').click();
    await p.getByTestId('bases').waitFor();
    expect(await p.locator('[data-testid=bases] tbody tr').count()).toBe(12);
    expect(await p.getByTestId('balance').textContent()).toMatch(/zł/);
    await passesAxe(p, 'pue-data');
    await p.getByText('Wstecz').click();
    await tapThrough(p, 'menu-archive', 'order-archive');
    await expect
      .poll(() => p.locator('[data-testid=orders] li').count(), { timeout: 5000 })
      .toBeGreaterThan(0);
    await shot(p, 'pue-archive');
    await p.getByText('Wstecz').click();
    // Pulling the card ends the session and wipes the page.
    await rig.card!.remove();
    await p.getByTestId('home').waitFor({ timeout: 5000 });
    expect(await p.content()).not.toContain('Kowalska');
  });

  it('password + e-mail/SMS code; with the portal down a branch receipt (not a UPP) prints and the document reaches the portal once, with its submitter', async () => {
    const p = rig.page;
    const anna = DEMO_LOGINS[0]!;
    await toSelfService(p);
    await p.getByTestId('mode-password').click();
    await p.getByTestId('login').fill(anna.login);
    await p.getByTestId('password').fill('short');
    expect(await p.getByTestId('password-next').isDisabled()).toBe(true);
    await p.getByTestId('password').fill(DEMO_PASSWORD);
    await shot(p, 'pue-login-password');
    await p.getByTestId('password-next').click();
    await p.getByTestId('code').waitFor();
    await shot(p, 'pue-code');
    const code = rig.pue!.outbox().at(-1)!.code;
    await p.getByTestId('code').fill(code);
    await tapThrough(p, 'code-sign-in', 'account-individual', 'role-insured', 'menu-docs');
    await p.locator('[data-testid^=form-]').first().waitFor();
    await passesAxe(p, 'doc-form');
    await p.locator('[data-testid^=form-]').first().click();
    await p.getByTestId('file-wniosek-emerytura.pdf').click();
    await shot(p, 'doc-confirm');
    rig.pue!.faults.set({ down: true });
    const slip = rig.printer.nextTicket(10_000);
    await p.getByTestId('doc-submit').click();
    await p.getByTestId('doc-done').waitFor({ timeout: 10_000 });
    await expectQueuedReceipt(p, 'doc-status', slip);
    await shot(p, 'doc-done');
    expect(rig.pue!.documents().count).toBe(0);
    rig.pue!.faults.clear();
    // "Drop off another" keeps the session; a renamed non-PDF is told as such.
    rig.addUsbFile('falszywy.pdf', 'to jest tekst, nie PDF');
    await p.getByTestId('doc-another').click();
    await p.locator('[data-testid^=form-]').first().click();
    await tapThrough(p, 'file-falszywy.pdf', 'doc-submit');
    const alert = p.locator('.error[role=alert]').first();
    await expect.poll(() => alert.getAttribute('data-code'), { timeout: 10_000 }).toBe('NOT_PDF');
    expect(await alert.textContent()).toContain('To nie jest plik PDF');
    expect(await alert.textContent()).not.toContain('Nieprawidłowe dane');
    await shot(p, 'doc-not-pdf');
    // Back to the menu, still signed in; account and role change without signing out.
    await p.getByText('Wstecz').click();
    await p.getByText('Wstecz').click();
    await p.getByText('Wstecz').click();
    await p.getByTestId('pue-menu').waitFor();
    expect(await p.getByTestId('signed-in').textContent()).toContain('Anna Kowalska');
    await p.getByTestId('menu-change-account').click();
    await p.getByTestId('pue-account').waitFor();
    await tapThrough(p, 'account-individual', 'role-insured');
    await p.getByTestId('pue-menu').waitFor();
    await p.getByTestId('menu-logout').click();
    await p.getByTestId('home').waitFor();
    // The outbox retries with back-off; the portal keeps the document once, with whose it is.
    await expect.poll(() => rig.pue!.documents().count, { timeout: 40_000, interval: 250 }).toBe(1);
    await new Promise((r) => setTimeout(r, 1500)); // a duplicate delivery would land by now
    const docs = rig.pue!.documents().items;
    expect(docs).toHaveLength(1);
    expect(docs[0]!.submitterPesel).toBe(anna.pesel);
    expect(docs[0]!.fileName).toBe('wniosek-emerytura.pdf');
  }, 90_000);

  it('portal down: a clear message at sign-in, no stack', async () => {
    const p = rig.page;
    rig.pue!.faults.set({ down: true });
    await toSelfService(p);
    await p.getByTestId('mode-password').click();
    await p.getByTestId('login').fill('anna.kowalska');
    await p.getByTestId('password').fill(DEMO_PASSWORD);
    await p.getByTestId('password-next').click();
    await expect
      .poll(() => p.locator('.error[role=alert]').first().getAttribute('data-code'), {
        timeout: 10_000,
      })
      .toBe('UNAVAILABLE');
    await shot(p, 'pue-portal-down');
    rig.pue!.faults.clear();
    await p.getByTestId('logout').click();
    await p.getByTestId('home').waitFor();
  });

  it(
    `ends an idle session after ${IDLE} s with a visible countdown and leaves nothing on screen`,
    { timeout: 60_000 },
    async () => {
      const p = rig.page;
      await insertCard(rig);
      await toSelfService(p);
      await tapDigits(p, 'PIN do dowodu', CARD_PIN);
      await p.getByTestId('card-sign-in').click();
      await p
        .getByTestId('pue-account')
        .waitFor({ timeout: 10_000 })
        .catch(async (e) => {
          throw new Error(`${e}: ${await p.locator('main').innerText()}`);
        });
      await p.getByTestId('still-there').waitFor({ timeout: IDLE * 1000 });
      expect(await p.getByTestId('countdown').textContent()).toMatch(/Koniec sesji za \d+ s/);
      await shot(p, 'pue-idle-warning');
      await p.getByTestId('home').waitFor({ timeout: (IDLE + 5) * 1000 });
      expect(await p.content()).not.toContain('Kowalska');
      await rig.card!.remove();
    },
  );
});
