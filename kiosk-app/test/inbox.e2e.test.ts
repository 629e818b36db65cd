import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SIGN_PIN } from '@skr/hardware-mocks/id-card/index';
import { sharedKioskRig } from './kiosk-rig';
import { pdfsig } from './pdfsig';
import { openInbox, signInWithCard, signInWithPassword, tapThrough } from './self-service-steps';

// The inbox of answers in Chromium (Anna Kowalska). Password login: the menu counts the new
// answers, the list reads row by row, opening one that needs a UPD asks "Potwierdzam odbiór",
// then the host fetches the answer and prints its summary, read back from the printer emulator;
// the portal stand-in holds one UPD, and opening again asks for none. Card login: the UPD is
// signed with the virtual ID card's signature key after its 6-digit PIN (PAdES), which the
// stand-in verified and pdfsig accepts against the test CA.

const SHOTS = process.env.SKR_SCREENSHOTS_DIR;
const shot = (p: Page, name: string) =>
  p.screenshot(SHOTS ? { path: join(SHOTS, `kiosk-${name}.png`), fullPage: true } : {});

const rig = sharedKioskRig({ pue: true, card: true, idleSeconds: 120 });

describe('answers inbox and UPD', () => {
  it('password login: inbox → open → UPD confirm → printed summary; opening again needs no UPD', async () => {
    const p = rig.page;
    await signInWithPassword(p, rig, 0);
    await tapThrough(p, 'account-individual', 'role-insured');
    const menuInbox = p.getByTestId('menu-inbox');
    await expect.poll(() => menuInbox.innerText(), { timeout: 10_000 }).toContain('(3 nowe)');
    await menuInbox.click();

    const rows = p.locator('[data-testid=inbox] tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(3);
    expect(await p.locator('[data-testid=inbox] tbody tr.unread').count()).toBe(3);
    await shot(p, 'pue-inbox');
    const row = rows.filter({ hasText: 'Decyzja w sprawie zasiłku chorobowego' });
    await row.getByRole('button').click();

    await p.getByTestId('pue-upd').waitFor();
    expect(await p.getByTestId('pue-upd').innerText()).toContain('urzędowego poświadczenia');
    expect(rig.pue!.upds()).toHaveLength(0);
    await shot(p, 'pue-upd-confirm');
    const slip = rig.printer.nextTicket(15_000);
    await p.getByTestId('upd-confirm').click();
    await p.getByTestId('pue-answer').waitFor({ timeout: 15_000 });
    expect(await p.locator('#screen-title').innerText()).toBe(
      'Decyzja w sprawie zasiłku chorobowego',
    );
    expect(await p.getByTestId('answer-printed').getAttribute('data-printed')).toBe('true');

    const upds = rig.pue!.upds();
    expect(upds).toHaveLength(1);
    expect(upds[0]).toMatchObject({ method: 'confirm', profileId: 'prf_anna' });
    expect(await p.getByTestId('answer-upd').innerText()).toContain(upds[0]!.updId);
    const printed = (await slip).lines.join('\n');
    expect(printed).toContain('Pismo z ZUS');
    expect(printed).toContain('Decyzja w sprawie zasiłku chorobowego');
    expect(printed).toMatch(/Znak sprawy: ZAS\/\d{4}\/014532/);
    expect(printed).toContain(`Nr UPD: ${upds[0]!.updId}`);
    expect(printed).toContain('Odebrano (UPD):');
    await shot(p, 'pue-answer');

    // Back in the inbox the answer is read; opening it again asks for no new UPD.
    await p.getByText('Wstecz').click();
    await p.locator('[data-testid=inbox] tbody tr.read').first().waitFor();
    expect(await p.locator('[data-testid=inbox] tbody tr.unread').count()).toBe(2);
    const again = rig.printer.nextTicket(15_000);
    await rows.filter({ hasText: 'zasiłku chorobowego' }).getByRole('button').click();
    await p.getByTestId('pue-answer').waitFor({ timeout: 15_000 });
    expect(await p.getByTestId('upd-confirm').count()).toBe(0);
    expect((await again).lines.join('\n')).toContain(`Nr UPD: ${upds[0]!.updId}`);
    expect(rig.pue!.upds()).toHaveLength(1);

    await p.getByText('Wstecz').click();
    await p.getByText('Wstecz').click();
    await expect.poll(() => menuInbox.innerText(), { timeout: 10_000 }).toContain('(2 nowe)');
    await p.getByTestId('menu-logout').click();
    await p.getByTestId('home').waitFor();
  }, 120_000);

  it('card login: the UPD is signed with the ID card after the 6-digit signature PIN', async () => {
    const p = rig.page;
    await signInWithCard(p, rig);
    await openInbox(p);
    const rows = p.locator('[data-testid=inbox] tbody tr');
    await rows
      .filter({ hasText: 'Wezwanie do uzupełnienia dokumentów' })
      .getByRole('button')
      .click();
    await p.getByTestId('sign-pin').waitFor();
    expect(await p.getByTestId('upd-confirm').count()).toBe(0);
    await shot(p, 'pue-upd-card');

    // A wrong signature PIN is told with the tries left; nothing reaches the portal.
    await p.getByTestId('sign-pin').fill('000000');
    await p.getByTestId('doc-sign-submit').click();
    const wrong = p.locator('.error[data-code=PIN_INVALID]');
    await wrong.waitFor({ timeout: 15_000 });
    expect(await wrong.innerText()).toContain('2');
    const before = rig.pue!.upds().length;
    expect(before).toBe(1); // the password test's UPD

    const slip = rig.printer.nextTicket(20_000);
    await p.getByTestId('sign-pin').fill(DEFAULT_SIGN_PIN);
    await p.getByTestId('doc-sign-submit').click();
    await p.getByTestId('pue-answer').waitFor({ timeout: 20_000 });
    const upd = rig.pue!.upds().at(-1)!;
    expect(rig.pue!.upds()).toHaveLength(2);
    expect(upd).toMatchObject({ method: 'card', profileId: 'prf_anna' });
    expect((await slip).lines.join('\n')).toContain(`Nr UPD: ${upd.updId}`);
    const caPem = readFileSync(join(rig.dir, 'ca', 'ca-cert.pem'), 'utf8');
    const report = await pdfsig(upd.signedPdf!, caPem);
    expect(report.valid, report.output).toBe(true);
    expect(report.trusted, report.output).toBe(true);
    await p.getByTestId('logout').click();
    await p.getByTestId('home').waitFor();
    await rig.card!.remove();
  }, 120_000);
});
