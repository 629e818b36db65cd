import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../src/renderer/format';
import { projectPension } from '../src/renderer/pension/calculator';
import { GUS_LIFE_TABLE_2025 } from '../src/renderer/pension/gus-life-table';
import { sharedKioskRig } from './kiosk-rig';
import { signInWithPassword, tapThrough } from './self-service-steps';

// The calculator screen in Chromium: Anna's account from the portal stand-in, her inputs, and
// the figure the pure module (unit-tested on hand-computed cases) gives for them.

const SHOTS = process.env.SKR_SCREENSHOTS_DIR;

const rig = sharedKioskRig({ pue: true, idleSeconds: 120 });

describe('pension calculator screen', () => {
  it('projects from the account with the stated assumptions and the GUS table', async () => {
    const p = rig.page;
    await signInWithPassword(p, rig, 0);
    await tapThrough(p, 'account-individual', 'role-insured', 'menu-pension');
    await p.getByTestId('pension-result').waitFor();
    await p.getByTestId('pension-age').fill('60');
    await p.getByTestId('pension-retire').selectOption('65');
    await p.getByTestId('pension-wage').fill('5000');
    const expected = projectPension(
      {
        accountGr: 18_734_512, // the demo seed's balance and initial capital for Anna
        subAccountGr: 0,
        initialCapitalGr: 4_512_300,
        monthlyWageGr: 500_000,
        ageMonths: 720,
        retirementAgeMonths: 780,
        wageGrowth: 0.03,
        accountValorisation: 0.05,
        subAccountValorisation: 0.04,
      },
      GUS_LIFE_TABLE_2025,
    );
    await expect
      .poll(() => p.getByTestId('pension-monthly').textContent())
      .toBe(formatMoney(expected.monthlyPensionGr));
    expect(await p.getByTestId('pension-result').innerText()).toContain('220,8');
    expect(await p.getByTestId('pension-assumptions').innerText()).toContain('3%');
    if (SHOTS) await p.screenshot({ path: join(SHOTS, 'kiosk-pension.png'), fullPage: true });
    await p.getByTestId('logout').click();
    await p.getByTestId('home').waitFor();
  }, 90_000);
});
