import type { Browser, Page } from 'playwright-core';
import { DEMO_REGISTRATIONS } from '@skr/pue-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../branch-server/test/browser';
import type { TestBranch } from '../../branch-server/test/harness';
import {
  startPortal,
  startSyncedBranch,
  untilDrained,
} from '../../branch-server/test/sync-harness';
import { openDesk, screenshot, signIn } from './desk-page';

// "Potwierdź profil PUE" at the counter (issue 16), in Chromium against a real branch synced to
// the real PUE stand-in: find a registration, check the ID card, confirm; refuse with a reason;
// an 8-day-old registration, a wrong check digit and a portal that is down are said plainly.

let pue: Awaited<ReturnType<typeof startPortal>>;
let branch: TestBranch;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  pue = await startPortal();
  [branch, browser] = await Promise.all([startSyncedBranch(pue), launchBrowser()]);
  page = await openDesk(browser, branch.url);
  page.setDefaultTimeout(10_000);
}, 60_000);
afterAll(async () => {
  await Promise.all([browser?.close(), branch?.close()]);
  await pue?.stop();
});

const dialog = () => page.getByRole('dialog', { name: 'Potwierdź profil PUE' });
const portalStatus = (login: string) => pue.registrations().find((r) => r.login === login)?.status;

async function search(query: string): Promise<void> {
  await dialog().getByLabel('PESEL lub login').fill(query);
  await dialog().getByRole('button', { name: 'Szukaj' }).click();
}

describe('desk: PUE profile confirmation', () => {
  it('confirms a registration against the ID card, after a wrong check digit', async () => {
    await signIn(page, 'urzednik12');
    await page.getByRole('button', { name: 'Profil PUE' }).click();
    await dialog().waitFor();
    const tomasz = DEMO_REGISTRATIONS.find((r) => r.login === 'tomasz.wojcik')!;
    await search(tomasz.pesel);
    await dialog().getByText('Tomasz Wójcik').waitFor();
    await dialog()
      .getByText(/zostały 4 dni/)
      .waitFor();
    await dialog().getByLabel('Seria i numer').fill('aba300001');
    await dialog().getByLabel('Ważny do').fill('2035-05-31');
    await dialog().getByRole('button', { name: 'Potwierdź profil' }).click();
    await expect
      .poll(() => dialog().getByRole('alert').textContent())
      .toBe('Cyfra kontrolna numeru dowodu osobistego się nie zgadza.');
    await dialog().getByLabel('Seria i numer').fill('ABA300000');
    await screenshot(page, 'desk-profile-confirmation');
    await dialog().getByRole('button', { name: 'Potwierdź profil' }).click();
    await dialog()
      .getByText(/Profil tomasz\.wojcik potwierdzony.*ABA\*\*\*\*00/)
      .waitFor();
    await untilDrained(branch);
    expect(portalStatus('tomasz.wojcik')).toBe('confirmed');
    await search('tomasz.wojcik');
    await dialog().getByText('Profil jest już potwierdzony.').waitFor();
    expect(await dialog().getByRole('button', { name: 'Potwierdź profil' }).count()).toBe(0);
  });

  it('refuses with a reason', async () => {
    await search('ewa.kaminska');
    await dialog().getByText('Ewa Kamińska').waitFor();
    await dialog().getByRole('button', { name: 'Odmów', exact: true }).click();
    const send = dialog().getByRole('button', { name: 'Odmów potwierdzenia' });
    expect(await send.isDisabled()).toBe(true);
    await dialog().getByLabel('Powód odmowy').fill('Zdjęcie nie przedstawia tej osoby');
    await send.click();
    await dialog()
      .getByText(/Odmówiono potwierdzenia profilu ewa\.kaminska/)
      .waitFor();
    await untilDrained(branch);
    expect(portalStatus('ewa.kaminska')).toBe('refused');
  });

  it('says an 8-day-old registration cannot be confirmed, and when the portal is down', async () => {
    await search('adam.krol');
    await dialog()
      .getByText(/starsza niż 7 dni/)
      .waitFor();
    expect(await dialog().getByLabel('Seria i numer').count()).toBe(0);
    pue.faults.set({ down: true });
    try {
      await search('zofia.mazur');
      await expect
        .poll(() => dialog().getByRole('alert').textContent())
        .toBe('Portal niedostępny — potwierdzenie możliwe po przywróceniu połączenia.');
    } finally {
      pue.faults.clear();
    }
    await search('nikt.taki');
    await expect
      .poll(() => dialog().getByRole('alert').textContent())
      .toBe('Nie znaleziono rejestracji o tym numerze PESEL ani loginie.');
    await dialog().getByRole('button', { name: 'Zamknij' }).click();
    expect(await dialog().count()).toBe(0);
  });
});
