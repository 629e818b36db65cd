import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_LOGINS } from '@skr/pue-emulator';
import { sharedKioskRig } from './kiosk-rig';
import { signInWithPassword, tapThrough } from './self-service-steps';

// Jan Nowak in Chromium: a beneficiary (benefit payments with dates and amounts) and a payer
// (dues and payments per fund, persons insured with masked PESEL), switching account without
// signing out. Data comes from the portal stand-in through the branch's proxy.

const SHOTS = process.env.SKR_SCREENSHOTS_DIR;
const shot = (p: Page, name: string) =>
  p.screenshot(SHOTS ? { path: join(SHOTS, `kiosk-${name}.png`), fullPage: true } : {});

const rig = sharedKioskRig({ pue: true, idleSeconds: 120 });

describe('payer and beneficiary data', () => {
  it('shows benefits paid, then dues and payments per fund and the insured (masked PESEL)', async () => {
    const p = rig.page;
    const anna = DEMO_LOGINS[0]!;
    await signInWithPassword(p, rig, 1);

    await tapThrough(p, 'account-individual', 'role-beneficiary', 'menu-data');
    const payments = p.locator('[data-testid^=payments-] tbody tr');
    await payments.first().waitFor();
    expect(await payments.count()).toBe(6);
    const row = await payments.first().innerText();
    expect(row).toMatch(/\d{2}\.\d{2}\.\d{4}/); // pl-PL date
    expect(row).toContain('3124,50'); // 312 450 gr in pl-PL (no group separator under 10 000)
    expect(await p.getByTestId('benefits').innerText()).toContain('Emerytura');
    await shot(p, 'pue-beneficiary');

    await p.getByText('Wstecz').click();
    await tapThrough(p, 'menu-change-account', 'account-payer', 'menu-data');
    await p.getByTestId('funds').waitFor();
    const funds = p.locator('[data-testid=funds] tbody tr');
    expect(await funds.count()).toBe(12); // last 3 months × 4 funds
    expect(
      await funds.evaluateAll((rows) => [
        ...new Set(rows.map((r) => (r as unknown as { dataset: { fund?: string } }).dataset.fund)),
      ]),
    ).toEqual(['FUS', 'FUZ', 'FP_FS', 'FGSP']);
    const fus = await p.locator('[data-testid=funds] tr[data-fund=FUS]').last().innerText();
    expect(fus).toContain('4429,60'); // 2 × 221 480 gr due and paid
    // The latest month's health contribution is unpaid in the demo data.
    const fuz = await p.locator('[data-testid=funds] tr[data-fund=FUZ]').last().innerText();
    expect(fuz).toContain('1087,26');
    expect(fuz).toContain('0,00');
    const persons = await p.getByTestId('insured-persons').innerText();
    expect(persons).toContain('Anna Kowalska');
    expect(persons).not.toContain(anna.pesel);
    expect(persons).toContain(anna.pesel.slice(-4));
    expect(await p.content()).not.toContain(anna.pesel);
    await shot(p, 'pue-payer');
    await p.getByTestId('logout').click();
    await p.getByTestId('home').waitFor();
  }, 90_000);
});
