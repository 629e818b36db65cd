import { describe, expect, it } from 'vitest';
import {
  chooseCounter,
  expectInHand,
  expectText,
  issue,
  screenshot,
  serverTicket,
  signIn,
} from './desk-page';
import { deskRig } from './desk-rig';

// The whole working day of one counter, by mouse, against a real branch server.
describe('clerk desk in Chromium: serving flow', () => {
  const { branch, page } = deskRig();
  const click = (testId: string) => page.getByTestId(testId).click();

  it('signs in and opens a counter', async () => {
    await page.getByRole('heading', { name: 'Logowanie pracownika' }).waitFor();
    await screenshot(page, 'desk-sign-in');
    // The language switch works before sign-in and is remembered.
    await page.getByRole('button', { name: 'EN' }).click();
    await page.getByRole('heading', { name: 'Staff sign-in' }).waitFor();
    await page.getByRole('button', { name: 'UK' }).click();
    await page.getByRole('heading', { name: 'Вхід працівника' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('uk');
    await page.getByRole('button', { name: 'PL' }).click();
    await page.getByRole('heading', { name: 'Logowanie pracownika' }).waitFor();
    await signIn(page, 'urzednik1');
    await expectText(page, 'offline', null);
    await screenshot(page, 'desk-counter-choice');
    await chooseCounter(page, 'Stanowisko 1');
    const c = branch.branch.counters().find((x) => x.id === 1)!;
    expect(c.state).toBe('open');
    expect(c.clerk).toBe('urzednik1');
  });

  it('shows the lines it serves live, without reload', async () => {
    await expectText(page, 'lines-total', 'Razem czeka: 0');
    for (let i = 0; i < 3; i++) await issue(branch, { serviceId: 'emerytury' });
    await issue(branch, { serviceId: 'orzecznictwo' });
    // Not served at counter 1: must not count.
    await issue(branch, { serviceId: 'skladki' });
    await expectText(page, 'lines-total', 'Razem czeka: 4');
    const row = page.getByTestId('line-emerytury');
    expect(await row.getByTestId('waiting').textContent()).toBe('3');
    expect(await page.getByTestId('line-skladki').count()).toBe(0);
  });

  it('calls next, recalls, starts and finishes', async () => {
    await click('do-call-next');
    await expectInHand(page, 'A001');
    await expectText(page, 'ticket-state', 'wezwany');
    await expectText(page, 'lines-total', 'Razem czeka: 3');
    // A called ticket must be dealt with before the next call.
    expect(await page.getByTestId('do-call-next').isDisabled()).toBe(true);
    await click('do-recall');
    await expectText(page, 'message', 'Ponownie wezwano A001.');
    await click('do-start');
    await expectText(page, 'ticket-state', 'w obsłudze');
    await click('do-finish');
    await expectInHand(page, null);
    const done = [...branch.branch.eventsSince(0)].filter((e) => e.ticket?.number === 'A001');
    expect(done.map((e) => e.type)).toEqual([
      'ticket.issued',
      'ticket.called',
      'ticket.recalled',
      'ticket.started',
      'ticket.finished',
    ]);
  });

  it('marks a no-show', async () => {
    await click('do-call-next');
    await expectInHand(page, 'A002');
    await click('do-no-show');
    await expectInHand(page, null);
    await expectText(page, 'message', 'A002: nie podszedł.');
  });

  it('parks a ticket and returns it to the front for this counter', async () => {
    await click('do-call-next');
    await expectInHand(page, 'A003');
    const id = branch.branch.snapshot().counters[0]!.ticket!.id;
    await click('do-park');
    await expectInHand(page, null);
    const parked = page.getByTestId('parked');
    await parked.getByText('A003').waitFor();
    expect(serverTicket(branch, id).state).toBe('parked');
    await parked.getByRole('button', { name: 'Przywróć A003' }).click();
    await expectText(page, 'message', 'A003 wraca na początek kolejki.');
    expect(await parked.getByText('A003').count()).toBe(0);
    const back = serverTicket(branch, id);
    expect(back.state).toBe('waiting');
    expect(back.targetCounterId).toBe(1);
    // Returned at the front: called again before F001, which waited longer.
    await click('do-call-next');
    await expectInHand(page, 'A003');
  });

  it('transfers to another service at the front of its line', async () => {
    const id = branch.branch.snapshot().counters[0]!.ticket!.id;
    const waitingB = await issue(branch, { serviceId: 'zasilki' });
    await click('do-transfer');
    const dialog = page.getByRole('dialog', { name: 'Przekieruj bilet A003' });
    await dialog.getByLabel('Do innej sprawy').check();
    await dialog.getByLabel('Sprawa').selectOption('zasilki');
    await dialog.getByLabel('Na początek').check();
    await dialog.getByRole('button', { name: 'Zatwierdź' }).click();
    await expectInHand(page, null);
    await expectText(page, 'message', 'Przekierowano A003.');
    const t = serverTicket(branch, id);
    expect(t.serviceId).toBe('zasilki');
    expect(t.state).toBe('waiting');
    expect(t.lineAt < serverTicket(branch, waitingB.id).lineAt).toBe(true);
  });

  it('transfers to another counter at the end of its line', async () => {
    await click('do-call-next');
    await expectInHand(page, 'F001');
    const id = branch.branch.snapshot().counters[0]!.ticket!.id;
    // Counter 10 is open, so the ticket waits for it alone.
    const r = await branch.api(
      'POST',
      '/api/v1/counters/10/open',
      await branch.login('urzednik10'),
    );
    expect(r.status).toBe(200);
    // A closed counter is offered (marked) but refused by the server, with a message that says so.
    await click('do-transfer');
    const refused = page.getByRole('dialog');
    await refused.getByLabel('Do innego stanowiska').check();
    await refused
      .getByLabel('Stanowisko')
      .selectOption({ label: 'nr 4 · Stanowisko 4 (zamknięte)' });
    await refused.getByRole('button', { name: 'Zatwierdź' }).click();
    await expectText(
      page,
      'error',
      'To stanowisko jest zamknięte: nie można na nie przekierować. Wybierz otwarte stanowisko albo przekieruj do sprawy.',
    );
    await expectInHand(page, 'F001');
    expect(serverTicket(branch, id)).toMatchObject({ state: 'called', counterId: 1 });
    await click('do-transfer');
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Do innego stanowiska').check();
    // Only counters serving orzecznictwo (F) are offered.
    const options = await dialog.getByLabel('Stanowisko').locator('option').allTextContents();
    // Each counter by its public sign first, as the client will hear it, then its name.
    expect(options.map((o) => o.split(' (')[0])).toEqual([
      'nr 4 · Stanowisko 4',
      'nr 10 · Stanowisko 10',
    ]);
    await dialog
      .getByLabel('Stanowisko')
      .selectOption({ label: 'nr 10 · Stanowisko 10 (otwarte)' });
    await dialog.getByLabel('Na koniec').check();
    await dialog.getByRole('button', { name: 'Zatwierdź' }).click();
    await expectInHand(page, null);
    const t = serverTicket(branch, id);
    expect(t.targetCounterId).toBe(10);
    expect(t.lineAt > t.issuedAt).toBe(true);
  });

  it('shows a booked visit with its details', async () => {
    const bookedFor = new Date(Date.now() - 5 * 60_000).toISOString();
    const manager = await branch.login('kierownik');
    const r = await branch.api('POST', '/api/v1/bookings', manager, {
      code: 'BOOK1234',
      serviceId: 'emerytury',
      bookedFor,
    });
    expect(r.status).toBe(201);
    await issue(branch, { bookingCode: 'BOOK1234' });
    await issue(branch, { serviceId: 'emerytury' });
    await click('do-call-next');
    await expectInHand(page, 'A004');
    const booking = page.getByTestId('booking');
    await booking.getByText('BOOK1234').waitFor();
    expect(await booking.textContent()).toMatch(
      /Wizyta umówiona.*Umówiona na\d\d:\d\d \(spóźnienie 5 min\)/,
    );
    await click('do-start');
    await expectText(page, 'ticket-state', 'w obsłudze');
    // A005 waits (the booked visit went first); F001 waits for counter 10.
    await expectText(page, 'lines-total', 'Razem czeka: 2');
    await screenshot(page, 'desk-serving');
    // Calling the next finishes the one being served.
    await click('do-call-next');
    await expectInHand(page, 'A005');
    await click('do-finish');
    await expectInHand(page, null);
  });

  it('reports an empty line', async () => {
    // A and F lines are empty; F001 waits for counter 10 only.
    await click('do-call-next');
    await expectText(page, 'message', 'Nikt nie czeka w Twoich kolejkach.');
    await expectInHand(page, null);
  });

  it('takes a break with a reason and resumes', async () => {
    await click('do-pause');
    const dialog = page.getByRole('dialog', { name: 'Przerwa' });
    await dialog.getByLabel('Inny powód').check();
    await dialog.getByRole('textbox', { name: 'Inny powód' }).fill('Szkolenie BHP');
    await dialog.getByRole('button', { name: 'Zatwierdź' }).click();
    await expectText(page, 'counter-state', 'Przerwa: Szkolenie BHPWznów pracę');
    const c = branch.branch.counters().find((x) => x.id === 1)!;
    expect(c).toMatchObject({ state: 'paused', pauseReason: 'Szkolenie BHP' });
    expect(await page.getByTestId('do-call-next').isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Wznów pracę' }).click();
    await expectText(page, 'counter-state', null);
    expect(branch.branch.counters().find((x) => x.id === 1)!.state).toBe('open');
  });

  it('closes the counter and returns to the choice', async () => {
    await click('do-close');
    await page.getByRole('heading', { name: 'Wybierz stanowisko' }).waitFor();
    expect(branch.branch.counters().find((x) => x.id === 1)!.state).toBe('closed');
  });
});
