import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../../branch-server/test/harness';
import { expectInHand, expectText, issue, serverTicket, tabTo } from './desk-page';
import { deskRig } from './desk-rig';

// The same work with the keyboard alone: Tab/Enter to move, the shortcuts to act.
describe('clerk desk in Chromium: keyboard only', () => {
  const { branch, page } = deskRig();
  const press = (key: string) => page.keyboard.press(key);
  const counter7 = () => branch.branch.counters().find((c) => c.id === 7)!;
  const inHand = () => branch.branch.snapshot().counters.find((c) => c.id === 7)!.ticket;

  beforeAll(async () => {
    // Counter 7 serves only contributions (C); counter 6 is the other one that does.
    for (let i = 0; i < 6; i++) await issue(branch, { serviceId: 'skladki' });
    // Open, so a ticket transferred there waits for it (a closed target is not binding).
    await branch.api('POST', '/api/v1/counters/6/open', await branch.login('urzednik6'));
  });

  it('signs in and opens counter 7 with Tab and Enter', async () => {
    await page.getByLabel('Nazwa użytkownika').waitFor();
    // The user name field has focus on load.
    await page.keyboard.type('urzednik7');
    await press('Tab');
    await page.keyboard.type(TEST_PASSWORD);
    await press('Enter');
    await page.getByRole('heading', { name: 'Wybierz stanowisko' }).waitFor();
    await tabTo(page, /^Stanowisko 7(?!\d)/);
    await press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Stanowisko 7' }).waitFor();
    expect(counter7().state).toBe('open');
    await expectText(page, 'lines-total', 'Razem czeka: 6');
  });

  it('calls (F2), recalls (R), starts (S), finishes (F)', async () => {
    await press('F2');
    await expectInHand(page, 'C001');
    await press('KeyR');
    await expectText(page, 'message', 'Ponownie wezwano C001.');
    expect(inHand()!.recalls).toBe(1);
    await press('KeyS');
    await expectText(page, 'ticket-state', 'w obsłudze');
    await press('KeyF');
    await expectInHand(page, null);
  });

  it('calls with Space when no button has focus, marks no-show (N)', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await press('Space');
    await expectInHand(page, 'C002');
    await press('KeyN');
    await expectInHand(page, null);
    await expectText(page, 'message', 'C002: nie podszedł.');
  });

  it('parks (P) and returns the ticket with Tab and Enter', async () => {
    await press('F2');
    await expectInHand(page, 'C003');
    const id = inHand()!.id;
    await press('KeyP');
    await expectInHand(page, null);
    await tabTo(page, /^Przywróć$/);
    await press('Enter');
    await expectText(page, 'message', 'C003 wraca na początek kolejki.');
    expect(serverTicket(branch, id).state).toBe('waiting');
    await press('F2');
    await expectInHand(page, 'C003');
  });

  it('transfers (T) to another counter, front of its line', async () => {
    const id = inHand()!.id;
    await press('KeyT');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // Focus starts on the checked "to another service" radio; arrows move within the group.
    await press('ArrowDown');
    await press('Tab'); // the counter list: only counter 6 serves C
    await press('Tab'); // position group, on "end"
    await press('ArrowUp'); // "front"
    await tabTo(page, /^Zatwierdź$/);
    await press('Enter');
    await expectInHand(page, null);
    const t = serverTicket(branch, id);
    expect(t).toMatchObject({ state: 'waiting', targetCounterId: 6, transfers: 1 });
    const others = [...branch.branch.view().active.values()].filter((x) => x.state === 'waiting');
    expect(others.every((x) => x.id === id || x.lineAt > t.lineAt)).toBe(true);
  });

  it('transfers (T) to another service, end of its line; Escape cancels a dialog', async () => {
    await press('F2');
    await expectInHand(page, 'C004');
    await press('KeyT');
    await page.getByRole('dialog').waitFor();
    await press('Escape');
    await expectText(page, 'ticket-number', 'C004');
    expect(await page.getByRole('dialog').count()).toBe(0);
    const id = inHand()!.id;
    await press('KeyT');
    await page.getByRole('dialog').waitFor();
    await press('Tab'); // service list
    await page.keyboard.type('D'); // "D · Ubezpieczenia i konto"
    await tabTo(page, /^Zatwierdź$/);
    await press('Enter');
    await expectInHand(page, null);
    expect(serverTicket(branch, id)).toMatchObject({
      serviceId: 'ubezpieczenia',
      state: 'waiting',
    });
  });

  it('takes a break (B) with a preset reason, resumes and closes with Tab and Enter', async () => {
    await press('KeyB');
    await page.getByRole('dialog', { name: 'Przerwa' }).waitFor();
    await press('ArrowDown'); // "Sprawy służbowe"
    await tabTo(page, /^Zatwierdź$/);
    await press('Enter');
    await expectText(page, 'counter-state', 'Przerwa: Sprawy służboweWznów pracę');
    expect(counter7()).toMatchObject({ state: 'paused', pauseReason: 'Sprawy służbowe' });
    // Shortcuts that make no sense on a break do nothing.
    await press('F2');
    await expectInHand(page, null);
    await tabTo(page, /^Wznów pracę$/);
    await press('Enter');
    await expectText(page, 'counter-state', null);
    await tabTo(page, /^Zamknij stanowisko$/);
    await press('Enter');
    await page.getByRole('heading', { name: 'Wybierz stanowisko' }).waitFor();
    expect(counter7().state).toBe('closed');
  });
});
