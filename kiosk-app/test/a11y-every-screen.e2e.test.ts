import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SIGN_PIN } from '@skr/hardware-mocks/id-card/index';
import { a11yFindings } from './a11y-checkers';
import { CARD_PIN, startKioskRig, tinyPdf, type KioskRig } from './kiosk-rig';
import {
  insertCard,
  openInbox,
  passwordStep,
  signInWithCard,
  signInWithPassword,
  tapDigits,
  tapThrough,
  toSelfService,
} from './self-service-steps';
import { putEveryDayPlan } from '../../branch-server/test/booking-plan';
import { pesel } from '../../branch-server/test/calendar-people';

// Every kiosk screen — ticket side, urzędomat, errors — through two independent engines
// (HTML_CodeSniffer WCAG2AA as pa11y runs it, and axe-core) on each of the three panels the
// kiosk is sold with. The goal is zero HTMLCS errors and zero axe violations everywhere; the
// counts per screen and size are printed for the record (docs/kiosk.md).

const SIZES = [
  { name: '1080x1920', width: 1080, height: 1920 },
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '1280x1024', width: 1280, height: 1024 },
] as const;

let rig: KioskRig;
const table: string[] = [];
beforeAll(async () => {
  rig = await startKioskRig({ pue: true, card: true, idleSeconds: 600, ticketIdleSeconds: 600 });
  rig.addUsbFile('wniosek-emerytura.pdf', tinyPdf(2));
}, 90_000);
afterAll(async () => {
  if (table.length)
    console.log(`screen size: HTMLCS errors/warnings, axe violations\n${table.join('\n')}`);
  await rig?.close();
});

/** Runs both engines on the screen in every size; any finding fails (softly, to see all). */
async function audit(p: Page, screen: string): Promise<void> {
  for (const size of SIZES) {
    await p.setViewportSize({ width: size.width, height: size.height });
    const f = await a11yFindings(p);
    table.push(
      `${screen} ${size.name}: HTMLCS ${f.htmlcs.length}/${f.htmlcsWarnings.length}, axe ${f.axe.length}` +
        f.htmlcsWarnings.map((w) => `\n  warning ${w}`).join(''),
    );
    expect.soft(f.htmlcs, `${screen} ${size.name} HTMLCS errors`).toEqual([]);
    expect.soft(f.axe, `${screen} ${size.name} axe violations`).toEqual([]);
  }
}

const focusedTestId = (p: Page) =>
  p.evaluate(() => (globalThis as any).document.activeElement?.dataset?.testid as string);

describe('HTML_CodeSniffer and axe-core on every kiosk screen in three sizes', () => {
  it('both engines do find a fault: an unlabelled field and an empty button planted on the page', async () => {
    const p = rig.page;
    await p.getByTestId('home').waitFor();
    await p.evaluate(() => {
      const d = (globalThis as any).document;
      const planted = d.createElement('div');
      planted.id = 'planted';
      planted.innerHTML = '<input type="text"><button type="button"></button>';
      d.querySelector('main').append(planted);
    });
    const f = await a11yFindings(p);
    await p.evaluate(() => (globalThis as any).document.getElementById('planted').remove());
    expect(f.htmlcs.some((e) => e.startsWith('WCAG2AA.Principle4.Guideline4_1.4_1_2'))).toBe(true);
    expect(f.axe.some((v) => v.startsWith('label:'))).toBe(true);
  });

  it('ticket side: home, services, priority reasons, ticket, check-in and its error', async () => {
    const p = rig.page;
    await p.getByTestId('home').waitFor();
    await audit(p, 'home');
    await p.getByTestId('go-ticket').click();
    await p.getByTestId('service-emerytury').waitFor();
    await audit(p, 'services');
    await p.getByTestId('priority').click();
    await p.getByTestId('reason-pregnancy').waitFor();
    await audit(p, 'priority');
    await p.getByTestId('reason-pregnancy').click();
    // The reason list closes; focus goes back to the toggle, never to the page body.
    expect(await focusedTestId(p)).toBe('priority');
    await p.getByTestId('service-emerytury').click();
    await p.getByTestId('qr').waitFor();
    await audit(p, 'ticket');
    await tapThrough(p, 'done', 'go-check-in');
    await p.getByTestId('booking-code').waitFor();
    await audit(p, 'check-in');
    await p.getByTestId('booking-code').pressSequentially('ZZZZZZ');
    await p.keyboard.press('Enter');
    await p.locator('.error[role=alert]').waitFor();
    await audit(p, 'check-in-error');
    await p.getByText('Wstecz').click();
  }, 120_000);

  it('booking a visit: service, day, hour, identity and its PESEL error', async () => {
    const p = rig.page;
    // The portal stand-in's demo visit (contributions) is synced in: the plan must keep it.
    await putEveryDayPlan(rig.branch, ['emerytury', 'skladki']);
    await p.getByTestId('home').waitFor();
    await p.getByTestId('go-book').click();
    await p.getByTestId('booking-service-emerytury').waitFor();
    await audit(p, 'booking-service');
    await p.getByTestId('booking-service-emerytury').click();
    const day = p.locator('[data-testid^=booking-day-]').nth(1);
    await day.waitFor();
    await audit(p, 'booking-day');
    await day.click();
    const hour = p.locator('[data-testid^=booking-hour-]').first();
    await hour.waitFor();
    await audit(p, 'booking-hour');
    await hour.click();
    await p.getByTestId('booking-identity').waitFor();
    await audit(p, 'booking-identity');
    await p.getByTestId('booking-pesel').fill('59823015184');
    await p.getByTestId('booking-phone').fill('600100200');
    await p.getByTestId('booking-submit').click();
    await p.getByTestId('pesel-error').waitFor();
    await audit(p, 'booking-identity-error');
    await p.reload();
  }, 120_000);

  it('my visit: code and PESEL, its error, the visit, cancel question, cancelled, new day and hour, moved', async () => {
    const p = rig.page;
    await putEveryDayPlan(rig.branch, ['emerytury', 'skladki']);
    const clerk = await rig.branch.login('urzednik1');
    const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const slots = await rig.branch.api(
      'GET',
      `/api/v1/calendar/slots?serviceId=emerytury&from=${day}&to=${day}`,
      clerk,
    );
    const book = async (i: number) =>
      (
        await rig.branch.api('POST', '/api/v1/calendar/visits', clerk, {
          serviceId: 'emerytury',
          start: slots.body.slots[i].start,
          pesel: pesel(7),
        })
      ).body.visit.code as string;
    const [first, second] = [await book(0), await book(4)];
    const find = async (code: string) => {
      await p.getByTestId('home').waitFor();
      await p.getByTestId('go-my-visit').click();
      await p.getByTestId('my-visit-code').fill(code);
      await p.getByTestId('booking-visit-pesel').fill(pesel(7));
      await p.getByTestId('my-visit-submit').click();
    };
    await p.getByTestId('home').waitFor();
    await p.getByTestId('go-my-visit').click();
    await p.getByTestId('my-visit-code').waitFor();
    await audit(p, 'my-visit-find');
    await p.getByTestId('my-visit-code').fill('ZZZZZZZZ');
    await p.getByTestId('booking-visit-pesel').fill(pesel(7));
    await p.getByTestId('my-visit-submit').click();
    await p.locator('.error[role=alert]').waitFor();
    await audit(p, 'my-visit-find-error');
    await p.getByText('Wstecz').click();
    await find(first);
    await p.getByTestId('my-visit-visit').waitFor();
    await audit(p, 'my-visit-visit');
    await p.getByTestId('my-visit-cancel').click();
    await p.getByTestId('my-visit-cancel-yes').waitFor();
    await audit(p, 'my-visit-cancel');
    await p.getByTestId('my-visit-cancel-yes').click();
    await p.getByTestId('my-visit-finish').waitFor();
    await audit(p, 'my-visit-cancelled');
    await p.getByTestId('my-visit-finish').click();
    await find(second);
    await p.getByTestId('my-visit-rebook').click();
    const newDay = p.locator('[data-testid^=booking-day-]').nth(1);
    await newDay.waitFor();
    await audit(p, 'my-visit-day');
    await newDay.click();
    const hour = p.locator('[data-testid^=booking-hour-]').first();
    await hour.waitFor();
    await audit(p, 'my-visit-hour');
    await hour.click();
    await p.getByTestId('booking-done').waitFor({ timeout: 15_000 });
    await audit(p, 'my-visit-moved');
    await p.getByTestId('booking-finish').click();
  }, 180_000);

  it('urzędomat by card: PIN, PIN error, account, role, menu, data with OFE, archive, pension, drop-off', async () => {
    const p = rig.page;
    await insertCard(rig);
    await toSelfService(p);
    await audit(p, 'pue-login-card');
    await tapDigits(p, 'PIN do dowodu', '0000');
    await p.getByTestId('card-sign-in').click();
    await p.locator('.error[role=alert]').waitFor({ timeout: 10_000 });
    await audit(p, 'pue-pin-error');
    await tapDigits(p, 'PIN do dowodu', CARD_PIN);
    await p.getByTestId('card-sign-in').click();
    await p.getByTestId('account-individual').waitFor();
    await audit(p, 'pue-account');
    await p.getByTestId('account-individual').click();
    await p.getByTestId('role-insured').waitFor();
    await audit(p, 'pue-role');
    await p.getByTestId('role-insured').click();
    await p.getByTestId('pue-menu').waitFor();
    await audit(p, 'pue-menu');
    await p.getByTestId('menu-data').click();
    await p.getByTestId('ofe').waitFor();
    await audit(p, 'pue-data-insured');
    await p.getByText('Wstecz').click();
    await p.getByTestId('menu-archive').click();
    await p.getByTestId('from-year').waitFor();
    await p.getByTestId('order-archive').click();
    await p.locator('[data-testid=orders] li').first().waitFor();
    await audit(p, 'pue-archive');
    await p.getByText('Wstecz').click();
    await p.getByTestId('menu-pension').click();
    await p.getByTestId('pension-result').waitFor();
    await audit(p, 'pension');
    await p.getByText('Wstecz').click();
    await p.getByTestId('menu-docs').click();
    await p.getByTestId('doc-form').locator('button.big').first().waitFor();
    await audit(p, 'drop-off-form');
    await p.getByTestId('doc-form').locator('button.big').first().click();
    await p.getByTestId('file-wniosek-emerytura.pdf').waitFor();
    await audit(p, 'drop-off-file');
    await p.getByTestId('file-wniosek-emerytura.pdf').click();
    // After a card login the document is signed with the card's signature key.
    await p.getByTestId('doc-sign').waitFor();
    await audit(p, 'drop-off-confirm');
    await p.getByTestId('doc-sign').click();
    await p.getByTestId('doc-sign-pin').waitFor();
    await audit(p, 'drop-off-sign-pin');
    await p.getByTestId('sign-pin').fill(DEFAULT_SIGN_PIN);
    await p.getByTestId('doc-sign-submit').click();
    await p.getByTestId('doc-done').waitFor({ timeout: 20_000 });
    await audit(p, 'drop-off-done');
    await rig.card!.remove();
    await p.getByTestId('home').waitFor({ timeout: 10_000 });
  }, 180_000);

  it('urzędomat by password: sign-in, its error, the code, beneficiary and payer data', async () => {
    const p = rig.page;
    await toSelfService(p);
    await p.getByTestId('mode-password').click();
    await p.getByTestId('login').waitFor();
    await audit(p, 'pue-login-password');
    await p.getByTestId('login').fill('nikt-taki');
    await p.getByTestId('password').fill('zupelnie-zle-haslo');
    await p.getByTestId('password-next').click();
    await p.locator('.error[role=alert]').waitFor({ timeout: 10_000 });
    await audit(p, 'pue-login-error');
    await p.getByTestId('logout').click();
    await p.getByTestId('home').waitFor();
    await passwordStep(p, 0);
    await audit(p, 'pue-code');
    await p.getByTestId('logout').click();
    await p.getByTestId('home').waitFor();
    await signInWithPassword(p, rig, 1);
    await tapThrough(p, 'account-individual', 'role-beneficiary', 'menu-data');
    await p.getByTestId('benefits').waitFor();
    await audit(p, 'pue-data-beneficiary');
    await p.getByText('Wstecz').click();
    await tapThrough(p, 'menu-change-account', 'account-payer', 'menu-data');
    await p.getByTestId('funds').waitFor();
    await audit(p, 'pue-data-payer');
    await p.getByTestId('logout').click();
    await p.getByTestId('home').waitFor();
  }, 180_000);

  it('urzędomat inbox: the list, the UPD confirmation, the answer; the signature PIN of a card UPD', async () => {
    const p = rig.page;
    await signInWithPassword(p, rig, 0);
    await openInbox(p);
    const rows = p.locator('[data-testid=inbox] tbody tr');
    await audit(p, 'pue-inbox');
    await rows.filter({ hasText: 'zasiłku chorobowego' }).getByRole('button').click();
    await p.getByTestId('upd-confirm').waitFor();
    await audit(p, 'pue-upd-confirm');
    await p.getByTestId('upd-confirm').click();
    await p.getByTestId('answer-printed').waitFor({ timeout: 15_000 });
    await audit(p, 'pue-answer');
    await p.getByTestId('logout').click();
    await p.getByTestId('home').waitFor();
    await signInWithCard(p, rig);
    await openInbox(p);
    await rows.filter({ hasText: 'Wezwanie' }).getByRole('button').click();
    await p.getByTestId('sign-pin').waitFor();
    await audit(p, 'pue-upd-card');
    await rig.card!.remove();
    await p.getByTestId('home').waitFor({ timeout: 10_000 });
  }, 180_000);

  it('drop-off without login and UPP lookup: form, file, submitter and its error, confirm, receipt, lookup and its error, result; home after hours', async () => {
    const p = rig.page;
    await p.getByTestId('home').waitFor();
    await p.getByTestId('go-anon-dropoff').click();
    await p.locator('[data-testid^=anon-form-]').first().waitFor();
    await audit(p, 'anon-form');
    await p.locator('[data-testid^=anon-form-]').first().click();
    await p.getByTestId('anon-file-wniosek-emerytura.pdf').waitFor();
    await audit(p, 'anon-file');
    await p.getByTestId('anon-file-wniosek-emerytura.pdf').click();
    await p.getByTestId('anon-who').waitFor();
    await audit(p, 'anon-who');
    await p.getByTestId('anon-who-next').click();
    await p.getByTestId('anon-name-error').waitFor();
    await audit(p, 'anon-who-error');
    await p.getByTestId('anon-name').fill('Jan Nowak');
    await p.getByTestId('anon-who-next').click();
    await p.getByTestId('anon-confirm').waitFor();
    await audit(p, 'anon-confirm');
    const slip = rig.printer.nextTicket(20_000);
    await p.getByTestId('anon-submit').click();
    await p.getByTestId('anon-done').waitFor({ timeout: 20_000 });
    await audit(p, 'anon-done');
    const qr = (await slip).qr[0]!;
    await p.getByTestId('anon-go-lookup').click();
    await p.getByTestId('upp-lookup').waitFor();
    await audit(p, 'upp-lookup');
    await p.getByTestId('upp-receipt-no').fill(qr.split('/')[0]!);
    await p.getByTestId('upp-code').fill('AAAAAA');
    await p.getByTestId('upp-submit').click();
    await p.locator('[data-code=NOT_FOUND]').waitFor({ timeout: 10_000 });
    await audit(p, 'upp-not-found');
    await p.getByTestId('upp-code').fill(qr.split('/')[1]!);
    await p.getByTestId('upp-submit').click();
    await p.getByTestId('upp-result').waitFor({ timeout: 15_000 });
    await audit(p, 'upp-result');
    await p.getByText('Wstecz').click();
    // After hours: every service closed now, the kiosk still open.
    const admin = await rig.branch.login('admin');
    const services = (await rig.branch.api('GET', '/api/v1/config', admin)).body.services as {
      id: string;
      active: boolean;
      openingHours: unknown;
    }[];
    const setHours = (hours: (s: (typeof services)[number]) => unknown) =>
      Promise.all(
        services
          .filter((s) => s.active)
          .map((s) =>
            rig.branch.api('PUT', `/api/v1/config/services/${s.id}`, admin, {
              ...s,
              openingHours: hours(s),
            }),
          ),
      );
    await setHours(() => ({ days: [], from: '08:00', to: '16:00' }));
    await p.reload();
    await p.getByTestId('branch-closed').waitFor({ timeout: 10_000 });
    await audit(p, 'home-after-hours');
    await setHours((s) => s.openingHours);
    await p.reload();
  }, 180_000);
});
