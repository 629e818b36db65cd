import { describe, expect, it } from 'vitest';
import { sharedKioskRig } from './kiosk-rig';

// The ticket machine in Chromium against the real branch server and the printer emulator
// over TCP: tickets, priority, languages, check-in, printer faults, a branch restart.

const rig = sharedKioskRig();

async function home() {
  const p = rig.page;
  if (await p.getByTestId('done').isVisible()) await p.getByTestId('done').click();
  await p.getByTestId('home').waitFor();
}

describe('ticket machine', () => {
  it('issues a ticket on one touch, prints it and shows number, people ahead, wait and QR', async () => {
    const p = rig.page;
    await p.getByTestId('go-ticket').click();
    const next = rig.printer.nextTicket(5000);
    await p.getByTestId('service-emerytury').click();
    await p.getByTestId('ticket').waitFor();
    const number = await p.getByTestId('ticket-number').textContent();
    expect(number).toMatch(/^A\d{3}$/);
    const printed = await next;
    expect(printed.lines.join('\n')).toContain(number!);
    expect(printed.lines.join('\n')).toContain('ZUS Oddział Warszawa-Wola');
    expect(printed.cut).toBe('partial');
    const qrUrl = await p.getByTestId('qr').getAttribute('data-url');
    expect(qrUrl).toMatch(new RegExp(`^${rig.branch.url}/q/[0-9a-f-]{36}$`));
    expect(printed.qr).toEqual([qrUrl]);
    expect(await p.getByTestId('print-status').textContent()).toContain('wydrukowany');
    // The follow page's data is public and knows the ticket.
    const id = qrUrl!.split('/').pop();
    const pub = await rig.branch.api('GET', `/api/v1/public/tickets/${id}`);
    expect(pub.status).toBe(200);
    expect(JSON.stringify(pub.body)).toContain(number!);
    await home();
  });

  it('counts people ahead and asks for priority with a reason', async () => {
    const p = rig.page;
    await p.getByTestId('go-ticket').click();
    await p.getByTestId('service-emerytury').click();
    await p.getByTestId('ticket').waitFor();
    expect(Number(await p.getByTestId('people-ahead').textContent())).toBeGreaterThanOrEqual(1);
    await home();
    await p.getByTestId('go-ticket').click();
    await p.getByTestId('priority').click();
    await p.getByTestId('reason-pregnancy').click();
    const next = rig.printer.nextTicket(5000);
    await p.getByTestId('service-zasilki').click();
    await p.getByTestId('ticket').waitFor();
    const printed = await next;
    expect(printed.lines).toContain('OBSŁUGA PRIORYTETOWA');
    const q = await rig.branch.api('GET', '/api/v1/queue', await rig.branch.login('admin'));
    const zas = q.body.lines.find((l: any) => l.serviceId === 'zasilki');
    expect(zas.priorityWaiting).toBe(1);
    await home();
  });

  it('speaks Ukrainian and English on screen and on paper', async () => {
    const p = rig.page;
    await p.getByTestId('lang-uk').click();
    await p.getByText('Отримати талон').click();
    const next = rig.printer.nextTicket(5000);
    await p.getByTestId('service-skladki').click();
    await p.getByText('Ваш номер').waitFor();
    expect((await next).lines.join('\n')).toMatch(/[а-яіїє]/i);
    await home();
    await p.getByTestId('lang-en').click();
    await p.getByText('Get a ticket').waitFor();
    await p.getByTestId('lang-pl').click();
  });

  it('checks in a booked visit by a code typed by the QR scanner (keys + Enter)', async () => {
    const p = rig.page;
    const manager = await rig.branch.login('kierownik');
    const bookedFor = new Date(Date.now() + 10 * 60_000).toISOString();
    expect(
      (
        await rig.branch.api('POST', '/api/v1/bookings', manager, {
          code: 'QRT5K9',
          serviceId: 'emerytury',
          bookedFor,
        })
      ).status,
    ).toBe(201);
    await p.getByTestId('go-check-in').click();
    const next = rig.printer.nextTicket(5000);
    await p.getByTestId('booking-code').pressSequentially('qrt5k9');
    await p.keyboard.press('Enter');
    await p.getByTestId('ticket').waitFor();
    const printed = await next;
    expect(printed.lines.join('\n')).toContain('QRT5K9');
    expect(printed.lines.join('\n')).toContain(
      (await p.getByTestId('ticket-number').textContent())!,
    );
    await home();
    // An unknown code: a clear message, no ticket.
    await p.getByTestId('go-check-in').click();
    await p.getByTestId('booking-code').fill('ZZZZZZ');
    await p.getByTestId('confirm-code').click();
    await expect
      .poll(() => p.locator('.error[role=alert]').getAttribute('data-code'))
      .toBe('NOT_FOUND');
    await p.getByText('Wstecz').click();
  });

  it('knows the paper is out before printing, still gives the number on screen and alerts the branch', async () => {
    const p = rig.page;
    const admin = await rig.branch.login('admin');
    const printedBefore = rig.printer.printed.length;
    rig.printer.setFault({ paperOut: true });
    await p.getByTestId('printer-banner').waitFor({ timeout: 5000 });
    await expect
      .poll(async () => {
        const r = await rig.branch.api('GET', '/api/v1/devices/status', admin);
        return JSON.stringify(r.body);
      })
      .toMatch(/"component":"printer","ok":false,"code":"PAPER_OUT"/);
    await p.getByTestId('go-ticket').click();
    await p.getByTestId('service-ogolne').click();
    await p.getByTestId('ticket').waitFor();
    expect(await p.getByTestId('ticket-number').textContent()).toMatch(/^H\d{3}$/);
    expect(await p.getByTestId('print-status').textContent()).toContain('Nie udało się wydrukować');
    expect(await p.getByTestId('qr').isVisible()).toBe(true);
    expect(rig.printer.printed.length).toBe(printedBefore);
    await home();
    rig.printer.clearFaults();
    await p.getByTestId('printer-banner').waitFor({ state: 'detached', timeout: 5000 });
    await expect
      .poll(async () =>
        JSON.stringify((await rig.branch.api('GET', '/api/v1/devices/status', admin)).body),
      )
      .toMatch(/"component":"printer","ok":true/);
  });

  it('shows the number when the cover opens, and a clear message while the branch server restarts', async () => {
    const p = rig.page;
    rig.printer.setFault({ coverOpen: true });
    await p.getByTestId('printer-banner').waitFor({ timeout: 5000 });
    rig.printer.clearFaults();
    await p.getByTestId('printer-banner').waitFor({ state: 'detached', timeout: 5000 });

    const port = new URL(rig.branch.url).port;
    const down = rig.branch.close(true);
    await down;
    await p.getByTestId('go-ticket').click();
    await expect
      .poll(() => p.locator('.error[role=alert]').first().getAttribute('data-code'), {
        timeout: 10_000,
      })
      .toBe('UNAVAILABLE');
    await rig.restartBranch();
    expect(new URL(rig.branch.url).port).toBe(port);
    await p.getByText('Wstecz').click();
    await p.getByTestId('go-ticket').click();
    const next = rig.printer.nextTicket(5000);
    await p.getByTestId('service-emerytury').click();
    await p.getByTestId('ticket').waitFor();
    expect((await next).lines.join('\n')).toContain(
      (await p.getByTestId('ticket-number').textContent())!,
    );
    await home();
  });
});
